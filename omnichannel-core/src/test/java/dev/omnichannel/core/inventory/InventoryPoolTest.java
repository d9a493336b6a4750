package dev.omnichannel.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableMap;
import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.IdempotencyKey;
import dev.omnichannel.core.NodeId;
import dev.omnichannel.core.Sku;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class InventoryPoolTest {
  static final NodeId DC = NodeId.of("DC-EAST");
  static final NodeId DC2 = NodeId.of("DC-WEST");
  static final NodeId FBA = NodeId.of("FBA-US");
  static final ChannelId WEB = ChannelId.of("web");
  static final ChannelId AMAZON = ChannelId.of("amazon");
  static final ChannelId WHOLESALE = ChannelId.of("wholesale");
  static final Sku TEE = Sku.of("TEE-RED-M");
  static final Sku CAP = Sku.of("CAP-BLUE");
  static final Sku KIT = Sku.of("KIT-TEE-CAP");

  final TestClock clock = new TestClock(Instant.parse("2026-11-27T10:00:00Z"));
  final InMemoryJournal journal = new InMemoryJournal();
  final List<AvailabilityEvent> events = new ArrayList<>();
  int keys;

  IdempotencyKey key() {
    return IdempotencyKey.of("k" + ++keys);
  }

  InventoryPoolBuilder builder() {
    return InventoryPool.builder()
        .node(Node.warehouse("DC-EAST"))
        .node(Node.warehouse("DC-WEST"))
        .node(Node.marketplace("FBA-US"))
        .channel(
            WEB,
            AllocationPolicy.builder()
                .addEligibleNodes(DC, DC2)
                .safetyBuffer(SafetyBuffer.units(2))
                .build())
        .channel(AMAZON, AllocationPolicy.builder().addEligibleNodes(FBA, DC).build())
        .channel(
            WHOLESALE,
            AllocationPolicy.builder()
                .addEligibleNodes(DC)
                .putRingFence(DC, 5L)
                .exposureCap(20)
                .lotSize(6)
                .build())
        .bundle(KIT, ImmutableMap.of(TEE, 1, CAP, 2))
        .clock(clock)
        .journal(journal)
        .listener(events::add);
  }

  @Test
  void publishesPerPolicy() {
    InventoryPool pool = builder().build();
    pool.receive(key(), TEE, DC, 30).orThrow();
    pool.receive(key(), TEE, DC2, 10).orThrow();
    pool.receive(key(), TEE, FBA, 7).orThrow();

    // web: DC (30 less wholesale's fence 5) + DC2 10 = 35, less buffer 2
    assertThat(pool.availableToPromise(TEE, WEB)).isEqualTo(33);
    // amazon: FBA 7 + DC 25
    assertThat(pool.availableToPromise(TEE, AMAZON)).isEqualTo(32);
    // wholesale: DC 30, capped at 20, rounded down to lots of 6
    assertThat(pool.availableToPromise(TEE, WHOLESALE)).isEqualTo(18);
    AvailabilityExplanation why = pool.explain(TEE, WEB);
    assertThat(why.takeable()).isEqualTo(35);
    assertThat(why.published()).isEqualTo(33);
    assertThat(why.nodes()).hasSize(3);
    assertThat(why.toString()).contains("fenced for others 5");
    assertThat(why.policy().safetyBuffer()).isEqualTo(SafetyBuffer.units(2));
    assertThat(why.toString()).contains("takeable 35, after buffer (2 units) 33, published 33");
    assertThat(pool.explain(TEE, WHOLESALE).toString())
        .contains("takeable 30, after buffer 30, after cap (20) 20, in lots of 6, published 18");
  }

  @Test
  void publishedQuantityIsHonourable() {
    InventoryPool pool = builder().build();
    pool.receive(key(), TEE, DC, 30).orThrow();
    pool.receive(key(), TEE, FBA, 7).orThrow();
    for (ChannelId channel : List.of(WEB, AMAZON, WHOLESALE)) {
      long shown = pool.availableToPromise(TEE, channel);
      Outcome<Reservation> r =
          pool.reserve(ReserveRequest.firm(key(), channel, ReservationLine.of(TEE, shown)));
      assertThat(r.isApplied()).as("%s shown %s", channel, shown).isTrue();
      pool.release(key(), r.orThrow().id()).orThrow();
    }
  }

  @Test
  void ringFenceHoldsAgainstOtherChannels() {
    InventoryPool pool = builder().build();
    pool.receive(key(), TEE, DC, 8).orThrow();
    // amazon may take only 3 at DC: 5 are fenced for wholesale
    Outcome<Reservation> r =
        pool.reserve(ReserveRequest.firm(key(), AMAZON, ReservationLine.at(TEE, DC, 4)));
    assertThat(r.rejection())
        .get()
        .extracting(Outcome.Rejected::reason)
        .isEqualTo(RejectionReason.INSUFFICIENT_STOCK);
    pool.reserve(ReserveRequest.firm(key(), AMAZON, ReservationLine.at(TEE, DC, 3))).orThrow();
    assertThat(
            pool.reserve(ReserveRequest.firm(key(), WHOLESALE, ReservationLine.of(TEE, 5)))
                .isApplied())
        .isTrue();
  }

  @Test
  void idempotentCommands() {
    InventoryPool pool = builder().build();
    IdempotencyKey k = key();
    Outcome<Position> first = pool.receive(k, TEE, DC, 10);
    Outcome<Position> again = pool.receive(k, TEE, DC, 10);
    assertThat(again).isEqualTo(first);
    assertThat(pool.position(TEE, DC).onHand()).isEqualTo(10);
    Outcome<Position> other = pool.receive(k, TEE, DC, 11);
    assertThat(other.rejection())
        .get()
        .extracting(Outcome.Rejected::reason)
        .isEqualTo(RejectionReason.IDEMPOTENCY_KEY_REUSED);
    assertThat(pool.position(TEE, DC).onHand()).isEqualTo(10);
  }

  @Test
  void holdsExpireAtTheInstantWithoutASweep() {
    InventoryPool pool = builder().build();
    pool.receive(key(), TEE, DC2, 10).orThrow();
    Reservation hold =
        pool.reserve(
                ReserveRequest.hold(key(), WEB, Duration.ofMinutes(15), ReservationLine.of(TEE, 6)))
            .orThrow();
    assertThat(pool.availableToPromise(TEE, WEB)).isEqualTo(2);
    clock.advance(Duration.ofMinutes(15).minusMillis(1));
    assertThat(pool.availableToPromise(TEE, WEB)).isEqualTo(2);
    clock.advance(Duration.ofMillis(1));
    assertThat(pool.availableToPromise(TEE, WEB)).isEqualTo(8);
    assertThat(pool.reservation(hold.id()).orElseThrow().state())
        .isEqualTo(ReservationState.EXPIRED);
    Outcome<Reservation> confirm = pool.confirm(key(), hold.id());
    assertThat(confirm.rejection())
        .get()
        .extracting(Outcome.Rejected::reason)
        .isEqualTo(RejectionReason.HOLD_EXPIRED);
    assertThat(journal.movements()).extracting(Movement::type).contains(MovementType.EXPIRED);
    assertThat(events.get(events.size() - 1).available()).isEqualTo(8);
  }

  @Test
  void confirmedHoldDoesNotExpire() {
    InventoryPool pool = builder().build();
    pool.receive(key(), TEE, DC2, 10).orThrow();
    Reservation hold =
        pool.reserve(
                ReserveRequest.hold(key(), WEB, Duration.ofMinutes(1), ReservationLine.of(TEE, 4)))
            .orThrow();
    pool.confirm(key(), hold.id()).orThrow();
    clock.advance(Duration.ofHours(1));
    assertThat(pool.expireHolds()).isZero();
    assertThat(pool.position(TEE, DC2).reserved()).isEqualTo(4);
    Reservation shipped = pool.fulfil(key(), hold.id()).orThrow();
    assertThat(shipped.state()).isEqualTo(ReservationState.FULFILLED);
    assertThat(pool.position(TEE, DC2)).isEqualTo(new Position(TEE, DC2, 6, 0, 0, 0));
  }

  @Test
  void partialFulfilmentAndRelease() {
    InventoryPool pool = builder().build();
    pool.receive(key(), TEE, FBA, 10).orThrow();
    Reservation r =
        pool.reserve(ReserveRequest.firm(key(), AMAZON, ReservationLine.at(TEE, FBA, 5))).orThrow();
    pool.fulfil(key(), r.id(), TEE, FBA, 2).orThrow();
    Outcome<Reservation> tooMany = pool.fulfil(key(), r.id(), TEE, FBA, 4);
    assertThat(tooMany.rejection())
        .get()
        .extracting(Outcome.Rejected::reason)
        .isEqualTo(RejectionReason.EXCEEDS_RESERVED);
    Reservation released = pool.release(key(), r.id()).orThrow();
    assertThat(released.state()).isEqualTo(ReservationState.RELEASED);
    assertThat(pool.release(key(), r.id()).orThrow().state()).isEqualTo(ReservationState.RELEASED);
    assertThat(pool.position(TEE, FBA)).isEqualTo(new Position(TEE, FBA, 8, 0, 0, 0));
  }

  @Test
  void multiLineReservationIsAllOrNothing() {
    InventoryPool pool = builder().build();
    pool.receive(key(), TEE, DC2, 3).orThrow();
    pool.receive(key(), CAP, DC2, 1).orThrow();
    Outcome<Reservation> r =
        pool.reserve(
            ReserveRequest.firm(
                key(), WEB, ReservationLine.of(TEE, 1), ReservationLine.at(CAP, DC2, 2)));
    assertThat(r.isApplied()).isFalse();
    assertThat(pool.position(TEE, DC2).reserved()).isZero();
    assertThat(pool.position(CAP, DC2).reserved()).isZero();
  }

  @Test
  void bundlesReserveComponents() {
    InventoryPool pool = builder().build();
    pool.receive(key(), TEE, FBA, 5).orThrow();
    pool.receive(key(), CAP, FBA, 7).orThrow();
    assertThat(pool.availableToPromise(KIT, AMAZON)).isEqualTo(3);
    Reservation r =
        pool.reserve(ReserveRequest.firm(key(), AMAZON, ReservationLine.of(KIT, 3))).orThrow();
    assertThat(r.allocations()).extracting(Allocation::quantity).containsExactly(6L, 3L);
    assertThat(pool.availableToPromise(KIT, AMAZON)).isZero();
    assertThat(pool.availableToPromise(CAP, AMAZON)).isEqualTo(1);
    assertThatThrownBy(() -> pool.receive(key(), KIT, FBA, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bundle");
  }

  @Test
  void transfersAndQuarantine() {
    InventoryPool pool = builder().build();
    pool.receive(key(), TEE, DC, 10).orThrow();
    Transfer t = pool.shipTransfer(key(), TEE, DC, FBA, 4).orThrow();
    assertThat(pool.position(TEE, FBA).inTransit()).isEqualTo(4);
    assertThat(pool.position(TEE, DC).onHand()).isEqualTo(6);
    pool.receiveTransfer(key(), t.id(), 3).orThrow();
    assertThat(pool.transfer(t.id()).orElseThrow().inTransit()).isEqualTo(1);
    assertThat(pool.receiveTransfer(key(), t.id(), 2).isApplied()).isFalse();
    pool.quarantine(key(), TEE, DC, 2, false, "RMA-77").orThrow();
    pool.restock(key(), TEE, DC, 1).orThrow();
    pool.writeOff(key(), TEE, DC, 1, "torn").orThrow();
    assertThat(pool.position(TEE, DC)).isEqualTo(new Position(TEE, DC, 7, 0, 0, 0));
    assertThat(pool.restock(key(), TEE, DC, 1).isApplied()).isFalse();
  }

  @Test
  void adjustmentMayNotUndercutReservations() {
    InventoryPool pool = builder().build();
    pool.receive(key(), TEE, DC2, 10).orThrow();
    pool.reserve(ReserveRequest.firm(key(), WEB, ReservationLine.at(TEE, DC2, 6))).orThrow();
    assertThat(pool.adjust(key(), TEE, DC2, Adjustment.setTo(5, "count 12")).rejection())
        .get()
        .extracting(Outcome.Rejected::reason)
        .isEqualTo(RejectionReason.BELOW_RESERVED);
    pool.adjust(key(), TEE, DC2, Adjustment.setTo(7, "count 12")).orThrow();
    pool.adjust(key(), TEE, DC2, Adjustment.delta(-1, "damaged")).orThrow();
    assertThat(pool.position(TEE, DC2).onHand()).isEqualTo(6);
  }

  @Test
  void badInputIsTypedAndChangesNothing() {
    InventoryPool pool = builder().build();
    pool.receive(key(), TEE, DC, 10).orThrow();
    int movements = journal.size();
    assertThatThrownBy(() -> pool.receive(key(), TEE, NodeId.of("NOWHERE"), 1))
        .isInstanceOf(UnknownReferenceException.class)
        .hasMessage("unknown node: NOWHERE");
    assertThatThrownBy(() -> pool.availableToPromise(Sku.of("NOPE"), WEB))
        .isInstanceOf(UnknownReferenceException.class);
    assertThatThrownBy(() -> pool.handle(Sku.of("NOPE")))
        .isInstanceOf(UnknownReferenceException.class)
        .hasMessage("unknown sku: NOPE");
    assertThatThrownBy(() -> pool.availableToPromise(List.of(TEE, Sku.of("NOPE")), WEB))
        .isInstanceOf(UnknownReferenceException.class)
        .hasMessage("unknown sku: NOPE");
    assertThatThrownBy(() -> pool.availableToPromise(List.of(TEE), ChannelId.of("ebay")))
        .isInstanceOf(UnknownReferenceException.class);
    assertThatThrownBy(() -> pool.availableToPromise(Arrays.asList(TEE, null), WEB))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("skus[1] is null");
    assertThat(pool.availableToPromise(List.of(), WEB)).isEmpty();
    assertThat(pool.availableToPromise(List.of(TEE, TEE), WEB))
        .containsExactly(pool.availableToPromise(TEE, WEB), pool.availableToPromise(TEE, WEB));
    assertThatThrownBy(() -> pool.handle(TEE).availableToPromise(ChannelId.of("ebay")))
        .isInstanceOf(UnknownReferenceException.class);
    assertThatThrownBy(
            () ->
                pool.reserve(
                    ReserveRequest.firm(key(), ChannelId.of("ebay"), ReservationLine.of(TEE, 1))))
        .isInstanceOf(UnknownReferenceException.class);
    assertThatThrownBy(() -> pool.receive(key(), TEE, DC, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("quantity must be at least 1: 0");
    assertThatThrownBy(() -> ReservationLine.of(TEE, -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(pool.receive(key(), TEE, DC, Long.MAX_VALUE).rejection())
        .get()
        .extracting(Outcome.Rejected::reason)
        .isEqualTo(RejectionReason.WOULD_OVERFLOW);
    assertThatThrownBy(() -> pool.release(key(), ReservationId.of("R-999")))
        .isInstanceOf(UnknownReferenceException.class);
    assertThat(journal.size()).isEqualTo(movements);
    assertThat(pool.position(TEE, DC).onHand()).isEqualTo(10);
  }

  @Test
  void everyQuantityIsCheckedOnEveryCommand() {
    InventoryPool pool = builder().build();
    pool.receive(key(), TEE, DC, 10).orThrow();
    pool.quarantine(key(), TEE, DC, 2, true, "damaged").orThrow();
    ReservationId held =
        pool.reserve(ReserveRequest.firm(key(), WEB, ReservationLine.at(TEE, DC, 3)))
            .orThrow()
            .id();
    TransferId moving = pool.shipTransfer(key(), TEE, DC, DC2, 2).orThrow().id();
    int movements = journal.size();
    Position before = pool.position(TEE, DC);
    Position beforeDc2 = pool.position(TEE, DC2);

    for (long bad : new long[] {0, -1, Long.MIN_VALUE}) {
      List<ThrowingCallable> commands =
          List.of(
              () -> pool.receive(key(), TEE, DC, bad),
              () -> pool.fulfil(key(), held, TEE, DC, bad),
              () -> pool.shipTransfer(key(), TEE, DC, DC2, bad),
              () -> pool.receiveTransfer(key(), moving, bad),
              () -> pool.quarantine(key(), TEE, DC, bad, true, "damaged"),
              () -> pool.restock(key(), TEE, DC, bad),
              () -> pool.writeOff(key(), TEE, DC, bad, "scrap"),
              () -> ReservationLine.of(TEE, bad));
      for (ThrowingCallable command : commands) {
        assertThatThrownBy(command)
            .as("quantity %s", bad)
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("must be at least 1");
      }
    }
    assertThatThrownBy(() -> Adjustment.setTo(-1, "count"))
        .isInstanceOf(IllegalArgumentException.class);

    // Quantities that would overflow a bucket are refused as such, not wrapped around.
    assertThat(pool.adjust(key(), TEE, DC, Adjustment.delta(Long.MAX_VALUE, "count")).rejection())
        .get()
        .extracting(Outcome.Rejected::reason)
        .isEqualTo(RejectionReason.WOULD_OVERFLOW);
    assertThat(pool.quarantine(key(), TEE, DC, Long.MAX_VALUE, false, "returns").rejection())
        .get()
        .extracting(Outcome.Rejected::reason)
        .isEqualTo(RejectionReason.WOULD_OVERFLOW);
    assertThat(pool.receive(key(), TEE, DC2, Long.MAX_VALUE - 1).isApplied()).isTrue();
    assertThat(pool.receiveTransfer(key(), moving, 2).rejection())
        .get()
        .extracting(Outcome.Rejected::reason)
        .isEqualTo(RejectionReason.WOULD_OVERFLOW);
    // More than is there: refused with the reason, nothing moved.
    assertThat(pool.fulfil(key(), held, TEE, DC, 4).rejection())
        .get()
        .extracting(Outcome.Rejected::reason)
        .isEqualTo(RejectionReason.EXCEEDS_RESERVED);
    assertThat(pool.writeOff(key(), TEE, DC, 3, "scrap").rejection()).isPresent();
    assertThat(pool.restock(key(), TEE, DC, 3).rejection()).isPresent();

    assertThat(journal.size()).isEqualTo(movements + 1); // the one receive that fitted
    assertThat(pool.position(TEE, DC)).isEqualTo(before);
    assertThat(pool.position(TEE, DC2).onHand()).isEqualTo(beforeDc2.onHand() + Long.MAX_VALUE - 1);
  }

  @Test
  void keyOfAFailedCommandCanBeRetried() {
    InventoryPool pool = builder().build();
    IdempotencyKey k = key();
    assertThatThrownBy(() -> pool.receive(k, TEE, NodeId.of("NOWHERE"), 1))
        .isInstanceOf(UnknownReferenceException.class);
    assertThat(pool.receive(k, TEE, DC, 1).isApplied()).isTrue();
  }

  @Test
  void policiesThatContradictThemselves() {
    assertThatThrownBy(() -> SafetyBuffer.percent(150))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("buffer must be at most 100%: 150.0%");
    assertThatThrownBy(() -> SafetyBuffer.units(-3)).hasMessage("buffer must not be negative: -3");
    assertThatThrownBy(
            () -> AllocationPolicy.builder().addEligibleNodes(DC).putRingFence(FBA, 3L).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("may not sell from");
    assertThatThrownBy(
            () ->
                InventoryPool.builder()
                    .node(Node.warehouse("A"))
                    .channel(WEB, AllocationPolicy.builder().addEligibleNodes(DC).build())
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("channel web may sell from unknown node DC-EAST");
    // a fence above stock is allowed but reported
    InventoryPool pool = builder().build();
    pool.receive(key(), TEE, DC, 2).orThrow();
    assertThat(pool.policyReport()).anyMatch(f -> f.contains("ring-fences of 5 units at DC-EAST"));
  }

  @Test
  void scarcityCutsOffLowerPriorityChannel() {
    InventoryPool pool =
        InventoryPool.builder()
            .node(Node.warehouse("DC-EAST"))
            .channel(WEB, AllocationPolicy.builder().priority(10).build())
            .channel(AMAZON, AllocationPolicy.builder().priority(1).scarcityCutoff(5).build())
            .clock(clock)
            .build();
    pool.receive(key(), TEE, DC, 6).orThrow();
    assertThat(pool.availableToPromise(TEE, AMAZON)).isEqualTo(6);
    pool.reserve(ReserveRequest.firm(key(), WEB, ReservationLine.of(TEE, 2))).orThrow();
    assertThat(pool.availableToPromise(TEE, AMAZON)).isZero();
    assertThat(pool.availableToPromise(TEE, WEB)).isEqualTo(4);
    assertThat(
            pool.reserve(ReserveRequest.firm(key(), AMAZON, ReservationLine.of(TEE, 1)))
                .isApplied())
        .isFalse();
    assertThat(pool.explain(TEE, AMAZON).cutOff()).isTrue();
  }

  @Test
  void policyReportFlagsACutOffThatContradictsPriority() {
    InventoryPool consistent =
        InventoryPool.builder()
            .node(Node.warehouse("DC-EAST"))
            .channel(WEB, AllocationPolicy.builder().priority(10).scarcityCutoff(2).build())
            .channel(AMAZON, AllocationPolicy.builder().priority(1).scarcityCutoff(5).build())
            .clock(clock)
            .build();
    assertThat(consistent.policyReport()).isEmpty();

    // The higher-priority channel would be cut off first: the policies say two different things.
    InventoryPool contradictory =
        InventoryPool.builder()
            .node(Node.warehouse("DC-EAST"))
            .channel(WEB, AllocationPolicy.builder().priority(10).scarcityCutoff(8).build())
            .channel(AMAZON, AllocationPolicy.builder().priority(1).scarcityCutoff(5).build())
            .clock(clock)
            .build();
    assertThat(contradictory.policyReport())
        .containsExactly(
            "channel web has priority 10 over amazon but is cut off sooner (8 > 5 units)");
  }

  @Test
  void eventsCarryPerSkuChannelSequence() {
    InventoryPool pool = builder().build();
    pool.receive(key(), TEE, DC2, 10).orThrow();
    pool.receive(key(), TEE, DC2, 1).orThrow();
    List<AvailabilityEvent> web =
        events.stream().filter(e -> e.channel().equals(WEB) && e.sku().equals(TEE)).toList();
    assertThat(web).extracting(AvailabilityEvent::sequence).containsExactly(1L, 2L);
    assertThat(web).extracting(AvailabilityEvent::available).containsExactly(8L, 9L);
  }

  @Test
  void journalRebuildsTheSamePool() {
    InventoryPool pool = builder().build();
    pool.receive(key(), TEE, DC, 30).orThrow();
    pool.receive(key(), CAP, FBA, 9).orThrow();
    pool.receive(key(), TEE, FBA, 9).orThrow();
    Reservation kit =
        pool.reserve(ReserveRequest.firm(key(), AMAZON, ReservationLine.of(KIT, 2))).orThrow();
    pool.fulfil(key(), kit.id(), CAP, FBA, 1).orThrow();
    pool.reserve(ReserveRequest.hold(key(), WEB, Duration.ofMinutes(5), ReservationLine.of(TEE, 3)))
        .orThrow();
    Transfer t = pool.shipTransfer(key(), TEE, DC, FBA, 4).orThrow();
    pool.receiveTransfer(key(), t.id(), 4).orThrow();
    pool.quarantine(key(), TEE, DC, 2, true, "inspect").orThrow();
    clock.advance(Duration.ofMinutes(6));
    pool.expireHolds();
    InventoryPool rebuilt = builder().journal(new InMemoryJournal()).rebuild(journal.movements());
    assertThat(DriftCheck.compare(pool, rebuilt)).isEmpty();
    // A command retried after the restart is not applied twice.
    Outcome<Position> retried = rebuilt.receive(IdempotencyKey.of("k1"), TEE, DC, 30);
    assertThat(retried.rejection())
        .get()
        .extracting(Outcome.Rejected::reason)
        .isEqualTo(RejectionReason.IDEMPOTENCY_KEY_REUSED);
    assertThat(rebuilt.position(TEE, DC)).isEqualTo(pool.position(TEE, DC));
    // a corrupt journal is refused with its position
    List<Movement> corrupt = new ArrayList<>(journal.movements());
    Movement m = corrupt.get(0);
    corrupt.set(
        0,
        new Movement(
            m.sequence(),
            m.command(),
            MovementType.FULFILLED,
            m.at(),
            m.key(),
            m.sku(),
            m.node(),
            m.quantity(),
            null,
            null,
            null,
            null,
            null,
            null,
            null));
    assertThatThrownBy(() -> builder().rebuild(corrupt))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("journal movement 1");
  }

  @Test
  void snapshotForRouting() {
    InventoryPool pool = builder().build();
    pool.receive(key(), TEE, DC, 30).orThrow();
    pool.receive(key(), CAP, DC, 4).orThrow();
    AvailabilitySnapshot snapshot = pool.snapshot(List.of(TEE, KIT, Sku.of("UNKNOWN")));
    assertThat(snapshot.available(TEE, DC, AMAZON)).isEqualTo(25);
    assertThat(snapshot.available(TEE, DC, WHOLESALE)).isEqualTo(30);
    assertThat(snapshot.available(KIT, DC, AMAZON)).isZero(); // CAP at DC is fenced
    assertThat(snapshot.available(KIT, DC, WHOLESALE)).isEqualTo(2);
    assertThat(snapshot.availableToPromise(TEE, WEB)).isEqualTo(23);
    assertThat(snapshot.contains(Sku.of("UNKNOWN"))).isFalse();
    AvailabilitySnapshot declared =
        AvailabilitySnapshot.builder(clock.instant()).sku(Sku.of("OUT-OF-STOCK")).build();
    assertThat(declared.contains(Sku.of("OUT-OF-STOCK"))).isTrue();
    assertThat(declared.availableByNode(Sku.of("OUT-OF-STOCK"), WEB)).isEmpty();
  }

  @Test
  void listenerFailureDoesNotUndoTheChange() {
    AtomicInteger calls = new AtomicInteger();
    InventoryPool pool =
        builder()
            .listener(
                e -> {
                  calls.incrementAndGet();
                  throw new IllegalStateException("transport down");
                })
            .build();
    assertThat(pool.receive(key(), TEE, DC, 30).isApplied()).isTrue();
    assertThat(calls.get()).isPositive();
    assertThat(pool.position(TEE, DC).onHand()).isEqualTo(30);
  }

  @Test
  void idempotencyKeysAndSettledReservationsAreRememberedForTheirWindow() {
    InventoryPool pool = builder().idempotency(Duration.ofHours(1), 8).build();
    IdempotencyKey first = key();
    pool.receive(first, TEE, DC, 1).orThrow();
    for (int i = 0; i < 4; i++) { // the next capacity / 2 keys
      pool.receive(key(), CAP, DC, 1).orThrow();
    }
    pool.receive(first, TEE, DC, 1).orThrow();
    assertThat(pool.position(TEE, DC).onHand()).as("replayed, not applied").isEqualTo(1);
    for (int i = 0; i < 4; i++) {
      pool.receive(key(), CAP, DC, 1).orThrow();
    }
    pool.receive(first, TEE, DC, 1).orThrow();
    assertThat(pool.position(TEE, DC).onHand()).as("forgotten, so applied").isEqualTo(2);

    IdempotencyKey late = key();
    pool.receive(late, TEE, DC, 1).orThrow();
    clock.advance(Duration.ofMinutes(29));
    pool.receive(late, TEE, DC, 1).orThrow();
    assertThat(pool.position(TEE, DC).onHand()).as("within half the retention").isEqualTo(3);
    // Generations turn on the first key after half the retention; the second turn forgets.
    clock.advance(Duration.ofMinutes(31));
    pool.receive(key(), CAP, DC, 1).orThrow();
    clock.advance(Duration.ofMinutes(31));
    pool.receive(key(), CAP, DC, 1).orThrow();
    pool.receive(late, TEE, DC, 1).orThrow();
    assertThat(pool.position(TEE, DC).onHand()).as("past the retention").isEqualTo(4);

    // Settled reservations: at least the next capacity / 4 are remembered, then forgotten.
    ReservationId settled = settle(pool);
    for (int i = 0; i < 2; i++) {
      settle(pool);
    }
    assertThat(pool.reservation(settled))
        .get()
        .extracting(Reservation::state)
        .isEqualTo(ReservationState.RELEASED);
    for (int i = 0; i < 2; i++) {
      settle(pool);
    }
    assertThat(pool.reservation(settled)).isEmpty();
  }

  private ReservationId settle(InventoryPool pool) {
    ReservationId id =
        pool.reserve(ReserveRequest.firm(key(), WEB, ReservationLine.of(CAP, 1))).orThrow().id();
    pool.release(key(), id).orThrow();
    return id;
  }
}
