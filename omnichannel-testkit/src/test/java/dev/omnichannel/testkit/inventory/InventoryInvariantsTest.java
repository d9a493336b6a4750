package dev.omnichannel.testkit.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableMap;
import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.IdempotencyKey;
import dev.omnichannel.core.NodeId;
import dev.omnichannel.core.Sku;
import dev.omnichannel.core.inventory.AllocationPolicy;
import dev.omnichannel.core.inventory.InventoryPool;
import dev.omnichannel.core.inventory.Node;
import dev.omnichannel.core.inventory.Position;
import dev.omnichannel.core.inventory.ReservationLine;
import dev.omnichannel.core.inventory.ReserveRequest;
import dev.omnichannel.core.inventory.SafetyBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link InventoryInvariants} must find a broken invariant, not only pass a sound pool: each test
 * plants one fault in what a {@link FaultyPool} reports and looks for the oracle's finding.
 */
class InventoryInvariantsTest {
  static final NodeId DC = NodeId.of("DC-EAST");
  static final NodeId DC2 = NodeId.of("DC-WEST");
  static final NodeId FBA = NodeId.of("FBA-US");
  static final ChannelId WEB = ChannelId.of("web");
  static final ChannelId AMAZON = ChannelId.of("amazon");
  static final ChannelId WHOLESALE = ChannelId.of("wholesale");
  static final Sku TEE = Sku.of("TEE-RED-M");
  static final Sku CAP = Sku.of("CAP-BLUE");
  static final Sku KIT = Sku.of("KIT-TEE-CAP");

  int keys;

  IdempotencyKey key() {
    return IdempotencyKey.of("k" + ++keys);
  }

  /**
   * Web sells from both warehouses behind a buffer of 2; amazon from the marketplace and DC-EAST;
   * wholesale from DC-EAST, where 5 units are fenced for it, capped at 20 in lots of 6. Stock of
   * TEE: 30 at DC-EAST, 10 at DC-WEST, 7 at FBA-US, so amazon may take 25 + 7 = 32 of it.
   */
  InventoryPool stocked() {
    InventoryPool pool =
        InventoryPool.builder()
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
            .clock(MutableClock.at(Instant.parse("2026-11-27T10:00:00Z")))
            .build();
    pool.receive(key(), TEE, DC, 30).orThrow();
    pool.receive(key(), TEE, DC2, 10).orThrow();
    pool.receive(key(), TEE, FBA, 7).orThrow();
    pool.receive(key(), CAP, DC2, 4).orThrow();
    return pool;
  }

  @Test
  void soundPoolKeepsEveryInvariant() {
    InventoryPool pool = stocked();
    pool.reserve(ReserveRequest.hold(key(), WEB, Duration.ofMinutes(5), ReservationLine.of(TEE, 3)))
        .orThrow();
    pool.reserve(ReserveRequest.firm(key(), WEB, ReservationLine.of(KIT, 1))).orThrow();
    pool.reserve(ReserveRequest.firm(key(), WHOLESALE, ReservationLine.of(TEE, 6))).orThrow();
    pool.quarantine(key(), TEE, FBA, 2, true, "inspect").orThrow();
    Position before = pool.position(TEE, DC);

    assertThat(InventoryInvariants.violations(pool)).isEmpty();
    // The wrapper with no fault reports exactly what the pool does.
    assertThat(InventoryInvariants.violations(new FaultyPool(pool))).isEmpty();
    for (Sku sku : List.of(TEE, CAP, KIT)) {
      assertThat(InventoryInvariants.probeHonourable(pool, sku)).as("%s", sku).isEmpty();
    }
    assertThat(pool.position(TEE, DC)).isEqualTo(before);
  }

  @Test
  void findsAChannelShownMoreThanItMayTake() {
    InventoryPool pool = stocked();
    FaultyPool faulty =
        new FaultyPool(pool)
            .published(
                (sku, channel, shown, takeable) ->
                    sku.equals(TEE) && channel.equals(AMAZON) ? takeable + 1 : shown);

    assertThat(InventoryInvariants.violations(faulty))
        .containsExactly("published 33 of TEE-RED-M to amazon but it may take 32");
    assertThat(InventoryInvariants.probeHonourable(faulty, TEE))
        .singleElement()
        .asString()
        .startsWith("amazon was shown 33 of TEE-RED-M but Rejected[INSUFFICIENT_STOCK");
    // The probe gave back what it took.
    assertThat(InventoryInvariants.violations(pool)).isEmpty();
    assertThat(pool.availableToPromise(TEE, AMAZON)).isEqualTo(32);
  }

  @Test
  void probeFindsAPublishedNumberThePoolWillNotHonour() {
    FaultyPool faulty =
        new FaultyPool(stocked())
            .refusing(request -> request.channel().equals(WHOLESALE) && isLarge(request));

    // What it shows is sound; only reserving it shows the fault.
    assertThat(InventoryInvariants.violations(faulty)).isEmpty();
    assertThat(InventoryInvariants.probeHonourable(faulty, TEE))
        .containsExactly(
            "wholesale was shown 18 of TEE-RED-M but Rejected[INSUFFICIENT_STOCK: refused by the"
                + " planted fault]");
  }

  @Test
  void findsReservedAboveOnHand() {
    FaultyPool faulty =
        new FaultyPool(stocked())
            .position(p -> p.node().equals(DC2) ? withReserved(p, p.onHand() + 1) : p);

    assertThat(InventoryInvariants.violations(faulty))
        .contains(
            "oversold: Position[sku=TEE-RED-M, node=DC-WEST, onHand=10, reserved=11,"
                + " quarantined=0, inTransit=0]");
  }

  @Test
  void findsANegativeBucket() {
    FaultyPool faulty =
        new FaultyPool(stocked())
            .position(
                p ->
                    p.sku().equals(CAP) && p.node().equals(FBA)
                        ? new Position(p.sku(), p.node(), p.onHand(), p.reserved(), -1, 0)
                        : p);

    assertThat(InventoryInvariants.violations(faulty))
        .containsExactly(
            "negative bucket: Position[sku=CAP-BLUE, node=FBA-US, onHand=0, reserved=0,"
                + " quarantined=-1, inTransit=0]");
  }

  @Test
  void findsStockOfferedAtANodeTheChannelMayNotSellFrom() {
    InventoryPool pool = stocked();
    FaultyPool faulty =
        new FaultyPool(pool)
            .available(
                (sku, node, channel, granted) ->
                    sku.equals(TEE) && node.equals(FBA) && channel.equals(WEB)
                        ? pool.position(sku, node).free()
                        : granted);

    assertThat(InventoryInvariants.violations(faulty))
        .containsExactly("web is offered 7 of TEE-RED-M at ineligible FBA-US");
  }

  @Test
  void findsStockFencedForAnotherChannelOffered() {
    InventoryPool pool = stocked();
    FaultyPool faulty =
        new FaultyPool(pool)
            .available(
                (sku, node, channel, granted) ->
                    sku.equals(TEE) && node.equals(DC) && channel.equals(AMAZON)
                        ? pool.position(sku, node).free()
                        : granted);

    assertThat(InventoryInvariants.violations(faulty))
        .containsExactly(
            "amazon is offered 30 of TEE-RED-M at DC-EAST, eating into 5 units fenced for others"
                + " (free 30)");
  }

  @Test
  void findsAPublishedNumberAboveTheCap() {
    FaultyPool faulty =
        new FaultyPool(stocked())
            .published(
                (sku, channel, shown, takeable) ->
                    sku.equals(TEE) && channel.equals(WHOLESALE) ? 24 : shown);

    assertThat(InventoryInvariants.violations(faulty))
        .containsExactly("published 24 of TEE-RED-M above the cap of wholesale");
  }

  @Test
  void findsAPublishedNumberOffTheLotSize() {
    FaultyPool faulty =
        new FaultyPool(stocked())
            .published(
                (sku, channel, shown, takeable) ->
                    sku.equals(TEE) && channel.equals(WHOLESALE) ? shown + 1 : shown);

    assertThat(InventoryInvariants.violations(faulty))
        .containsExactly("published 19 of TEE-RED-M not a multiple of the lot size");
  }

  private static boolean isLarge(ReserveRequest request) {
    return request.lines().stream().anyMatch(line -> line.quantity() > 2);
  }

  private static Position withReserved(Position p, long reserved) {
    return new Position(p.sku(), p.node(), p.onHand(), reserved, p.quarantined(), p.inTransit());
  }
}
