package dev.omnichannel.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.NodeId;
import dev.omnichannel.core.Sku;
import dev.omnichannel.core.inventory.AvailabilitySnapshot;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Seeded comparison of the exact optimiser with brute-force enumeration, and of the heuristic with
 * both, on small random instances. The seed of a failing instance is in the assertion message.
 */
class ExactOptimiserTest {
  private static final int INSTANCES = 600;

  @Test
  void exactEqualsBruteForceAndHeuristicIsNeverBetter() {
    int split = 0;
    for (long seed = 1; seed <= INSTANCES; seed++) {
      RandomInstances.Instance in = RandomInstances.generate(seed, 6, 5);
      Router router = Router.create(in.network(), Fixtures.CLOCK);
      RoutingRequest request = in.request();
      FulfillmentPlan exact = router.route(request);
      Optional<FulfillmentPlan> brute = router.routeByEnumeration(request, 2_000_000);
      FulfillmentPlan heuristic =
          router.route(
              request.withProfile(
                  ImmutableRoutingProfile.copyOf(request.profile()).withExactSearchBudget(0)));
      String where = "seed " + seed;

      assertThat(brute).as(where).isPresent();
      assertThat(exact.method()).as(where).isNotEqualTo(SearchMethod.HEURISTIC);
      assertThat(exact.explanation().planKey())
          .as(where)
          .isEqualTo(brute.get().explanation().planKey());
      assertThat(exact.cost().total()).as(where).isEqualTo(brute.get().cost().total());
      assertThat(compare(heuristic, exact)).as(where).isGreaterThanOrEqualTo(0);
      if (request.profile().strategy() == RoutingStrategy.OPTIMISE_COST
          && heuristic.servedLines() == exact.servedLines()) {
        assertThat(exact.cost().total())
            .as(where)
            .isGreaterThanOrEqualTo(heuristic.costLowerBound());
      }
      assertThat(exact.cost().total()).as(where).isGreaterThanOrEqualTo(exact.costLowerBound());
      assertRespectsSnapshot(where, request, exact);
      assertRespectsSnapshot(where, request, heuristic);
      assertRespectsConstraints(where, request.profile(), exact);
      assertRespectsConstraints(where, request.profile(), heuristic);
      assertThat(router.route(request)).as(where).isEqualTo(exact);
      if (exact.shipmentCount() > 1) {
        split++;
      }
    }
    // The generator must exercise splits, or the comparison says little.
    assertThat(split).isGreaterThan(INSTANCES / 20);
  }

  private static int compare(FulfillmentPlan a, FulfillmentPlan b) {
    long[] x = a.explanation().planKey().stream().mapToLong(Long::longValue).toArray();
    long[] y = b.explanation().planKey().stream().mapToLong(Long::longValue).toArray();
    return Search.compare(x, y);
  }

  static void assertRespectsSnapshot(String where, RoutingRequest request, FulfillmentPlan plan) {
    AvailabilitySnapshot snap = request.snapshot();
    ChannelId channel = request.order().channel();
    Map<Sku, Map<NodeId, Long>> used = new HashMap<>();
    for (Shipment s : plan.shipments()) {
      for (PlannedLine l : s.lines()) {
        Optional<com.google.common.collect.ImmutableMap<Sku, Integer>> parts =
            snap.bundleComponents(l.sku());
        if (parts.isPresent()) {
          parts
              .get()
              .forEach(
                  (c, u) ->
                      used.computeIfAbsent(c, x -> new HashMap<>())
                          .merge(s.node(), l.quantity() * u, Long::sum));
        } else {
          used.computeIfAbsent(l.sku(), x -> new HashMap<>())
              .merge(s.node(), l.quantity(), Long::sum);
        }
      }
    }
    used.forEach(
        (sku, byNode) ->
            byNode.forEach(
                (node, qty) ->
                    assertThat(qty)
                        .as("%s: %s at %s", where, sku, node)
                        .isLessThanOrEqualTo(snap.available(sku, node, channel))));
  }

  static void assertRespectsConstraints(
      String where, RoutingProfile profile, FulfillmentPlan plan) {
    assertThat(plan.shipmentCount()).as(where).isLessThanOrEqualTo(profile.maxShipments());
    if (profile.shipComplete()) {
      assertThat(plan.shipments().isEmpty() || plan.isComplete()).as(where).isTrue();
    }
    if (profile.minSplitShipmentValue().isPresent() && plan.shipmentCount() > 1) {
      // Every shipment carries at least the threshold (generated lines all have prices).
      assertThat(plan.shipments()).as(where).allSatisfy(s -> assertThat(s.lines()).isNotEmpty());
    }
    assertThat(plan.servedLines() + plan.unfulfilled().size()).as(where).isGreaterThan(0);
  }
}
