package dev.omnichannel.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.IdempotencyKey;
import dev.omnichannel.core.NodeId;
import dev.omnichannel.core.Sku;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Hammers one hot SKU (and a second one through multi-line reservations) from many threads with
 * mixed commands while the clock runs, then checks the invariants with zero tolerance.
 */
class InventoryPoolConcurrencyTest {
  static final NodeId A = NodeId.of("A");
  static final NodeId B = NodeId.of("B");
  static final NodeId FBA = NodeId.of("FBA");
  static final ChannelId WEB = ChannelId.of("web");
  static final ChannelId AMAZON = ChannelId.of("amazon");
  static final ChannelId RETAIL = ChannelId.of("retail");
  static final Sku HOT = Sku.of("HOT");
  static final Sku SIDE = Sku.of("SIDE");
  static final int THREADS = 8;
  static final int OPS = 4_000;

  @Test
  void hotSkuUnderContention() throws Exception {
    TestClock clock = new TestClock(Instant.parse("2026-11-27T00:00:00Z"));
    InMemoryJournal journal = new InMemoryJournal();
    Map<ChannelId, AtomicLong> lastSequence = new ConcurrentHashMap<>();
    AtomicBoolean sequenceBroken = new AtomicBoolean();
    AtomicBoolean negative = new AtomicBoolean();
    InventoryPoolBuilder config =
        InventoryPool.builder()
            .node(Node.warehouse("A"))
            .node(Node.store("B"))
            .node(Node.marketplace("FBA"))
            .channel(
                WEB,
                AllocationPolicy.builder()
                    .addEligibleNodes(A, B)
                    .safetyBuffer(SafetyBuffer.percent(10))
                    .build())
            .channel(AMAZON, AllocationPolicy.builder().addEligibleNodes(FBA, A).build())
            .channel(
                RETAIL,
                AllocationPolicy.builder()
                    .addEligibleNodes(A)
                    .putRingFence(A, 20L)
                    .scarcityCutoff(3)
                    .build())
            .clock(clock)
            .journal(journal);
    InventoryPool pool =
        config
            .listener(
                e -> {
                  if (e.sku().equals(HOT)) {
                    long previous =
                        lastSequence
                            .computeIfAbsent(e.channel(), c -> new AtomicLong())
                            .getAndSet(e.sequence());
                    if (e.sequence() != previous + 1) {
                      sequenceBroken.set(true);
                    }
                  }
                  if (e.available() < 0) {
                    negative.set(true);
                  }
                })
            .build();
    pool.receive(IdempotencyKey.of("seed-a"), HOT, A, 200).orThrow();
    pool.receive(IdempotencyKey.of("seed-b"), HOT, B, 50).orThrow();
    pool.receive(IdempotencyKey.of("seed-f"), HOT, FBA, 80).orThrow();
    pool.receive(IdempotencyKey.of("seed-s"), SIDE, A, 100).orThrow();

    ExecutorService executor = Executors.newFixedThreadPool(THREADS + 1);
    CountDownLatch start = new CountDownLatch(1);
    AtomicBoolean done = new AtomicBoolean();
    List<Future<?>> futures = new ArrayList<>();
    Map<String, Boolean> duplicateOutcomes = new ConcurrentHashMap<>();
    futures.add(
        executor.submit(
            () -> {
              start.await();
              while (!done.get()) {
                clock.advance(Duration.ofMillis(7));
                Thread.onSpinWait();
              }
              return null;
            }));
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      futures.add(
          executor.submit(
              () -> {
                SplittableRandom random = new SplittableRandom(thread);
                List<ReservationId> mine = new ArrayList<>();
                ChannelId[] channels = {WEB, AMAZON, RETAIL};
                start.await();
                for (int i = 0; i < OPS; i++) {
                  String k = "t" + thread + "-" + i;
                  int roll = random.nextInt(100);
                  ChannelId channel = channels[random.nextInt(3)];
                  if (roll < 30) {
                    var line =
                        random.nextBoolean()
                            ? ReservationLine.of(HOT, 1 + random.nextInt(4))
                            : ReservationLine.at(HOT, A, 1 + random.nextInt(3));
                    var request =
                        random.nextBoolean()
                            ? ReserveRequest.hold(
                                IdempotencyKey.of(k),
                                channel,
                                Duration.ofMillis(1 + random.nextInt(50)),
                                line)
                            : ReserveRequest.firm(IdempotencyKey.of(k), channel, line);
                    pool.reserve(request).asOptional().ifPresent(r -> mine.add(r.id()));
                  } else if (roll < 38) {
                    pool.reserve(
                            ReserveRequest.firm(
                                IdempotencyKey.of(k),
                                channel,
                                ReservationLine.of(HOT, 1),
                                ReservationLine.of(SIDE, 1 + random.nextInt(2))))
                        .asOptional()
                        .ifPresent(r -> mine.add(r.id()));
                  } else if (roll < 46) {
                    long shown = pool.availableToPromise(HOT, channel);
                    if (shown > 0) {
                      pool.reserve(
                              ReserveRequest.firm(
                                  IdempotencyKey.of(k), channel, ReservationLine.of(HOT, shown)))
                          .asOptional()
                          .ifPresent(r -> mine.add(r.id()));
                    }
                  } else if (roll < 60 && !mine.isEmpty()) {
                    pool.release(IdempotencyKey.of(k), mine.get(random.nextInt(mine.size())));
                  } else if (roll < 68 && !mine.isEmpty()) {
                    pool.confirm(IdempotencyKey.of(k), mine.get(random.nextInt(mine.size())));
                  } else if (roll < 78 && !mine.isEmpty()) {
                    pool.fulfil(IdempotencyKey.of(k), mine.remove(random.nextInt(mine.size())));
                  } else if (roll < 86) {
                    pool.receive(IdempotencyKey.of(k), HOT, random.nextBoolean() ? A : FBA, 3);
                  } else if (roll < 90) {
                    pool.adjust(IdempotencyKey.of(k), HOT, B, Adjustment.delta(-1, "shrink"));
                  } else if (roll < 94) {
                    pool.shipTransfer(IdempotencyKey.of(k), HOT, A, FBA, 2);
                  } else {
                    // Every thread sends the same command under the same key: it applies once.
                    int d = i % 50;
                    boolean applied =
                        pool.receive(IdempotencyKey.of("dup-" + d), SIDE, B, 1).isApplied();
                    duplicateOutcomes.merge("dup-" + d, applied, (x, y) -> x && y);
                  }
                  if (i % 500 == 0) {
                    pool.expireHolds();
                  }
                }
                return null;
              }));
    }
    start.countDown();
    for (int i = 1; i < futures.size(); i++) {
      futures.get(i).get(5, TimeUnit.MINUTES);
    }
    done.set(true);
    futures.get(0).get(1, TimeUnit.MINUTES);
    executor.shutdown();

    clock.advance(Duration.ofMinutes(1));
    pool.expireHolds();
    for (NodeId node : List.of(A, B, FBA)) {
      Position p = pool.position(HOT, node);
      assertThat(p.reserved()).as("%s", p).isBetween(0L, p.onHand());
    }
    // Replaying re-checks every step in order: a reservation above free stock at any instant, or a
    // fulfilment above what was reserved, makes the replay fail.
    InventoryPool rebuilt = config.journal(new InMemoryJournal()).rebuild(journal.movements());
    assertThat(DriftCheck.compare(pool, rebuilt)).isEmpty();
    assertThat(sequenceBroken).isFalse();
    assertThat(negative).isFalse();
    long duplicateReceipts =
        journal.movements().stream().filter(m -> m.key().value().startsWith("dup-")).count();
    assertThat(duplicateReceipts).isEqualTo(duplicateOutcomes.size());
    assertThat(duplicateOutcomes.values()).containsOnly(true);
    // Nothing shipped that was not on hand.
    long in = 0;
    long out = 0;
    for (Movement m : journal.movements()) {
      if (!m.sku().equals(HOT)) {
        continue;
      }
      switch (m.type()) {
        case RECEIVED, TRANSFER_RECEIVED -> in += m.quantity();
        case ADJUSTED -> in += m.quantity();
        case FULFILLED, TRANSFER_SHIPPED -> out += m.quantity();
        default -> {}
      }
    }
    long onHand = 0;
    long inTransit = 0;
    for (NodeId node : List.of(A, B, FBA)) {
      onHand += pool.position(HOT, node).onHand();
      inTransit += pool.position(HOT, node).inTransit();
    }
    assertThat(onHand).isEqualTo(in - out);
    assertThat(inTransit).isGreaterThanOrEqualTo(0);
  }

  /**
   * Releases, fulfils and looks up the same reservations from several threads at once, so that
   * commands and lookups meet a reservation while another thread settles and retires it: every
   * release answers applied and released, every lookup finds it, exactly one command settles it,
   * and the pool afterwards equals its rebuild from the journal.
   */
  @Test
  void reservationsSettledWhileOthersLookThemUp() throws Exception {
    TestClock clock = new TestClock(Instant.parse("2026-11-27T00:00:00Z"));
    InMemoryJournal journal = new InMemoryJournal();
    InventoryPoolBuilder config =
        InventoryPool.builder()
            .node(Node.warehouse("A"))
            .channel(WEB, AllocationPolicy.builder().addEligibleNodes(A).build())
            .clock(clock)
            .journal(journal);
    InventoryPool pool = config.build();
    int reservations = 2_000;
    pool.receive(IdempotencyKey.of("seed"), HOT, A, reservations).orThrow();
    List<ReservationId> ids = new ArrayList<>();
    for (int i = 0; i < reservations; i++) {
      ids.add(
          pool.reserve(
                  ReserveRequest.firm(IdempotencyKey.of("r" + i), WEB, ReservationLine.of(HOT, 1)))
              .orThrow()
              .id());
    }
    int threads = 4;
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<String>>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      futures.add(
          executor.submit(
              () -> {
                List<String> problems = new ArrayList<>();
                start.await();
                for (int i = 0; i < reservations; i++) {
                  ReservationId id = ids.get(i);
                  // Even reservations are released by every thread, odd ones fulfilled by one
                  // thread and released by the others; all threads look each one up between.
                  boolean fulfils = i % 2 == 1 && thread == i % threads;
                  Outcome<Reservation> outcome =
                      fulfils
                          ? pool.fulfil(IdempotencyKey.of("f" + thread + "-" + i), id)
                          : pool.release(IdempotencyKey.of("x" + thread + "-" + i), id);
                  if (pool.reservation(id).isEmpty()) {
                    problems.add("lookup of " + id + " found nothing");
                  }
                  if (outcome instanceof Outcome.Applied<Reservation> applied) {
                    ReservationState state = applied.value().state();
                    if (fulfils
                        ? state != ReservationState.FULFILLED
                        : state == ReservationState.ACTIVE) {
                      problems.add(id + " answered " + applied.value());
                    }
                  } else if (!fulfils
                      || outcome.rejection().orElseThrow().reason()
                          != RejectionReason.RESERVATION_NOT_ACTIVE) {
                    // A fulfilment that comes after a release is refused; a release never is.
                    problems.add(id + ": " + outcome);
                  }
                }
                return problems;
              }));
    }
    start.countDown();
    List<String> problems = new ArrayList<>();
    for (Future<List<String>> f : futures) {
      problems.addAll(f.get(5, TimeUnit.MINUTES));
    }
    executor.shutdown();
    assertThat(problems).isEmpty();
    Position p = pool.position(HOT, A);
    assertThat(p.reserved()).isZero();
    for (int i = 0; i < reservations; i++) {
      Reservation r = pool.reservation(ids.get(i)).orElseThrow();
      assertThat(r.state()).as("%s", r).isIn(ReservationState.RELEASED, ReservationState.FULFILLED);
    }
    // Exactly one movement settled each reservation, however many threads asked.
    long settling =
        journal.movements().stream()
            .filter(m -> m.type() == MovementType.RELEASED || m.type() == MovementType.FULFILLED)
            .count();
    assertThat(settling).isEqualTo(reservations);
    long shipped =
        journal.movements().stream().filter(m -> m.type() == MovementType.FULFILLED).count();
    assertThat(p.onHand()).isEqualTo(reservations - shipped);
    InventoryPool rebuilt = config.journal(new InMemoryJournal()).rebuild(journal.movements());
    assertThat(DriftCheck.compare(pool, rebuilt)).isEmpty();
  }
}
