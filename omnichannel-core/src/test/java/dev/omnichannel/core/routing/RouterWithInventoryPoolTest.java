package dev.omnichannel.core.routing;

import static dev.omnichannel.core.routing.Fixtures.BERLIN_POINT;
import static dev.omnichannel.core.routing.Fixtures.CLOCK;
import static dev.omnichannel.core.routing.Fixtures.HAMBURG_POINT;
import static dev.omnichannel.core.routing.Fixtures.MUNICH_POINT;
import static dev.omnichannel.core.routing.Fixtures.WEB;
import static dev.omnichannel.core.routing.Fixtures.address;
import static dev.omnichannel.core.routing.Fixtures.id;
import static dev.omnichannel.core.routing.Fixtures.line;
import static dev.omnichannel.core.routing.Fixtures.network;
import static dev.omnichannel.core.routing.Fixtures.node;
import static dev.omnichannel.core.routing.Fixtures.order;
import static dev.omnichannel.core.routing.Fixtures.profile;
import static dev.omnichannel.core.routing.Fixtures.sku;
import static org.assertj.core.api.Assertions.assertThat;

import dev.omnichannel.core.IdempotencyKey;
import dev.omnichannel.core.inventory.AllocationPolicy;
import dev.omnichannel.core.inventory.InventoryPool;
import dev.omnichannel.core.inventory.Node;
import dev.omnichannel.core.inventory.ReservationLine;
import dev.omnichannel.core.inventory.ReserveRequest;
import dev.omnichannel.core.order.Order;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Commits plans against the real inventory pool, including a lost race. */
class RouterWithInventoryPoolTest {
  @Test
  void commitsAgainstThePoolAndReroutesAfterALostRace() {
    InventoryPool pool =
        InventoryPool.builder()
            .node(Node.warehouse("HAM"))
            .node(Node.warehouse("MUC"))
            .channel(WEB, AllocationPolicy.open())
            .clock(CLOCK)
            .build();
    pool.receive(IdempotencyKey.of("r1"), sku("A"), id("HAM"), 1).orThrow();
    pool.receive(IdempotencyKey.of("r2"), sku("B"), id("HAM"), 2).orThrow();
    pool.receive(IdempotencyKey.of("r3"), sku("A"), id("MUC"), 5).orThrow();
    pool.receive(IdempotencyKey.of("r4"), sku("B"), id("MUC"), 5).orThrow();
    Router router =
        Router.create(
            network(
                node("HAM", HAMBURG_POINT, "DE").build(), node("MUC", MUNICH_POINT, "DE").build()),
            CLOCK);
    Order order = order(address(BERLIN_POINT, "DE"), line("1", "A", 1), line("2", "B", 2));
    RoutingRequest request =
        RoutingRequest.of(order, pool.snapshot(List.of(sku("A"), sku("B"))), profile().build());
    assertThat(router.route(request).shipments())
        .extracting(Shipment::node)
        .containsExactly(id("HAM"));

    // A competing order takes HAM's only A after our snapshot.
    pool.reserve(
            ReserveRequest.firm(
                IdempotencyKey.of("other"), WEB, ReservationLine.at(sku("A"), id("HAM"), 1)))
        .orThrow();
    CommitResult result =
        router.commit(request, pool::snapshot, pool::reserve, IdempotencyKey.of("o-1"), 3);

    assertThat(result.status()).isEqualTo(CommitResult.Status.COMMITTED);
    assertThat(result.attempts()).hasSize(2);
    assertThat(result.plan().shipments()).extracting(Shipment::node).containsExactly(id("MUC"));
    assertThat(pool.position(sku("B"), id("HAM")).reserved()).isZero();
    assertThat(pool.position(sku("A"), id("MUC")).reserved()).isEqualTo(1);
    assertThat(pool.position(sku("B"), id("MUC")).reserved()).isEqualTo(2);
    assertThat(pool.reservation(result.reservation().orElseThrow().id())).isPresent();
  }
}
