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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omnichannel.core.IdempotencyKey;
import dev.omnichannel.core.inventory.Allocation;
import dev.omnichannel.core.inventory.Outcome;
import dev.omnichannel.core.inventory.RejectionReason;
import dev.omnichannel.core.inventory.Reservation;
import dev.omnichannel.core.order.Order;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouterCommitTest {
  private static final Router ROUTER =
      Router.create(
          network(
              node("HAM", HAMBURG_POINT, "DE").build(), node("MUC", MUNICH_POINT, "DE").build()),
          CLOCK);
  private static final Order AB =
      order(address(BERLIN_POINT, "DE"), line("1", "A", 1), line("2", "B", 2));
  private static final IdempotencyKey KEY = IdempotencyKey.of("order-O-1");

  private static FakePool pool() {
    return new FakePool(WEB)
        .stock("A", "HAM", 1)
        .stock("B", "HAM", 2)
        .stock("A", "MUC", 5)
        .stock("B", "MUC", 5);
  }

  private static RoutingRequest request(FakePool pool) {
    return RoutingRequest.of(AB, pool.snapshot(List.of(sku("A"), sku("B"))), profile().build());
  }

  @Test
  void reservesThePlanInOneRequest() {
    FakePool pool = pool();
    CommitResult result = ROUTER.commit(request(pool), pool::snapshot, pool::reserve, KEY, 3);

    assertThat(result.status()).isEqualTo(CommitResult.Status.COMMITTED);
    assertThat(result.attempts()).hasSize(1);
    Reservation r = result.reservation().orElseThrow();
    assertThat(r.key()).isEqualTo(KEY);
    assertThat(r.allocations())
        .containsExactly(
            new Allocation(sku("A"), id("HAM"), 1, 0), new Allocation(sku("B"), id("HAM"), 2, 0));
    assertThat(pool.reserveCalls).isEqualTo(1);
    assertThat(pool.free("A", "HAM")).isZero();
  }

  @Test
  void reroutesFromAFreshSnapshotWhenAConcurrentOrderWonTheStock() {
    FakePool pool = pool();
    RoutingRequest stale = request(pool);
    // Another order takes HAM's only A between our snapshot and our reservation.
    pool.beforeEachReserve(
        () -> {
          if (pool.free("A", "HAM") == 1) {
            pool.take("A", "HAM", 1);
          }
        });
    CommitResult result = ROUTER.commit(stale, pool::snapshot, pool::reserve, KEY, 3);

    assertThat(result.status()).isEqualTo(CommitResult.Status.COMMITTED);
    assertThat(result.attempts()).hasSize(2);
    assertThat(result.attempts().get(0).shipments().get(0).node()).isEqualTo(id("HAM"));
    assertThat(result.plan().shipments()).extracting(Shipment::node).containsExactly(id("MUC"));
    assertThat(result.reservation().orElseThrow().key().value()).isEqualTo("order-O-1~2");
    assertThat(result.lastRejection().orElseThrow().reason())
        .isEqualTo(RejectionReason.INSUFFICIENT_STOCK);
    // The lost attempt held nothing: HAM's B is untouched, and one reservation exists.
    assertThat(pool.free("B", "HAM")).isEqualTo(2);
    assertThat(pool.reservations()).hasSize(1);
    assertThat(pool.free("A", "MUC")).isEqualTo(4);
    assertThat(pool.free("B", "MUC")).isEqualTo(3);
  }

  @Test
  void givesUpAfterTheLastAttemptHoldingNothing() {
    FakePool pool = pool();
    // Every time, a competitor takes all of the first SKU the plan is about to reserve.
    pool.beforeEachReserve(
        (dev.omnichannel.core.inventory.ReserveRequest r) -> {
          String sku = r.lines().get(0).sku().value();
          String node = java.util.Objects.requireNonNull(r.lines().get(0).node()).value();
          pool.take(sku, node, pool.free(sku, node));
        });
    CommitResult result = ROUTER.commit(request(pool), pool::snapshot, pool::reserve, KEY, 2);

    assertThat(result.status()).isEqualTo(CommitResult.Status.RETRIES_EXHAUSTED);
    assertThat(result.attempts()).hasSize(2);
    assertThat(result.reservation()).isEmpty();
    assertThat(pool.reservations()).isEmpty();
    assertThat(pool.free("B", "HAM")).isEqualTo(2);
    assertThat(pool.free("B", "MUC")).isEqualTo(5);
  }

  @Test
  void stopsOnARejectionReroutingCannotFix() {
    FakePool pool = pool();
    CommitResult result =
        ROUTER.commit(
            request(pool),
            pool::snapshot,
            r -> Outcome.rejected(RejectionReason.NODE_NOT_ELIGIBLE, "HAM not for web"),
            KEY,
            5);
    assertThat(result.status()).isEqualTo(CommitResult.Status.REJECTED);
    assertThat(result.attempts()).hasSize(1);
    assertThat(result.lastRejection().orElseThrow().detail()).isEqualTo("HAM not for web");
  }

  @Test
  void reservesNothingForAPlanThatServesNothing() {
    FakePool empty = new FakePool(WEB).stock("A", "HAM", 0);
    RoutingRequest request =
        RoutingRequest.of(AB, empty.snapshot(List.of(sku("A"))), profile().build());
    CommitResult result = ROUTER.commit(request, empty::snapshot, empty::reserve, KEY, 3);
    assertThat(result.status()).isEqualTo(CommitResult.Status.NOTHING_TO_RESERVE);
    assertThat(empty.reserveCalls).isZero();
  }

  @Test
  void rejectsBadArguments() {
    FakePool pool = pool();
    assertThatThrownBy(() -> ROUTER.commit(request(pool), pool::snapshot, pool::reserve, KEY, 0))
        .hasMessageContaining("maxAttempts must be at least 1: 0");
    IdempotencyKey longKey = IdempotencyKey.of("k".repeat(121));
    assertThatThrownBy(
            () -> ROUTER.commit(request(pool), pool::snapshot, pool::reserve, longKey, 1))
        .hasMessageContaining("at most 120 characters");
  }
}
