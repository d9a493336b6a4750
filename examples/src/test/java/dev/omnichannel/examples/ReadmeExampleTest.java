package dev.omnichannel.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.IdempotencyKey;
import dev.omnichannel.core.NodeId;
import dev.omnichannel.core.Sku;
import dev.omnichannel.core.inventory.AllocationPolicy;
import dev.omnichannel.core.inventory.InventoryPool;
import dev.omnichannel.core.inventory.Node;
import dev.omnichannel.core.inventory.Reservation;
import dev.omnichannel.core.inventory.ReservationLine;
import dev.omnichannel.core.inventory.ReserveRequest;
import dev.omnichannel.core.inventory.SafetyBuffer;
import org.junit.jupiter.api.Test;

/** The README's example, kept compiling and true. */
class ReadmeExampleTest {
  @Test
  void readmeExample() {
    Sku tee = Sku.of("TEE-M");
    ChannelId web = ChannelId.of("web");
    InventoryPool pool =
        InventoryPool.builder()
            .node(Node.warehouse("DC-EAST"))
            .node(Node.marketplace("FBA-US"))
            .channel(web, AllocationPolicy.builder().safetyBuffer(SafetyBuffer.units(2)).build())
            .channel(
                ChannelId.of("amazon"),
                AllocationPolicy.builder().addEligibleNodes(NodeId.of("FBA-US")).build())
            .build();
    pool.receive(IdempotencyKey.of("asn-7"), tee, NodeId.of("DC-EAST"), 40).orThrow();
    long shown = pool.availableToPromise(tee, web); // 38: 40 less the buffer
    Reservation r =
        pool.reserve(
                ReserveRequest.firm(
                    IdempotencyKey.of("order-1001"), web, ReservationLine.of(tee, 2)))
            .orThrow();
    pool.fulfil(IdempotencyKey.of("ship-1001"), r.id()).orThrow();

    assertThat(shown).isEqualTo(38);
    assertThat(pool.availableToPromise(tee, web)).isEqualTo(36);
    assertThat(pool.availableToPromise(tee, ChannelId.of("amazon"))).isZero();
  }
}
