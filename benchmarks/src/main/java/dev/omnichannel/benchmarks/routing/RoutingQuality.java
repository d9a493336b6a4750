package dev.omnichannel.benchmarks.routing;

import dev.omnichannel.core.routing.FulfillmentPlan;
import dev.omnichannel.core.routing.ImmutableRoutingProfile;
import dev.omnichannel.core.routing.Router;
import dev.omnichannel.core.routing.RoutingProfile;
import dev.omnichannel.core.routing.RoutingRequest;
import dev.omnichannel.core.routing.RoutingRule;
import dev.omnichannel.core.routing.RoutingStrategy;
import dev.omnichannel.core.routing.SearchMethod;
import java.util.Locale;
import java.util.Optional;

/**
 * Measures routing quality on generated instances: the exact optimiser against brute-force
 * enumeration where enumeration is small enough, the heuristic's cost gap to exact, and the
 * optimiser against the plain merchant default (fewest shipments, then closest node).
 *
 * <p>Arguments: instances (default 1000), nodes (default 50), seed (default 2026).
 */
public final class RoutingQuality {
  private static final long ENUMERATION_LIMIT = 300_000;

  private RoutingQuality() {}

  /** Runs the measurement and prints the figures. */
  public static void main(String[] args) {
    int instances = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int nodes = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 2026;
    GeneratedNetwork net = new GeneratedNetwork(seed, nodes);
    Router router = Router.create(net.network(), GeneratedNetwork.CLOCK);
    ImmutableRoutingProfile optimise =
        RoutingProfile.builder().name("optimise").channel(GeneratedNetwork.WEB).build();
    RoutingProfile heuristic = optimise.withName("heuristic").withExactSearchBudget(0);
    RoutingProfile merchant =
        RoutingProfile.builder()
            .name("merchant-default")
            .channel(GeneratedNetwork.WEB)
            .strategy(RoutingStrategy.RULES)
            .addRules(RoutingRule.FEWEST_SHIPMENTS, RoutingRule.CLOSEST_NODE)
            .build();

    int small = 0;
    int smallMatches = 0;
    int exactPlans = 0;
    int gapCount = 0;
    double gapSum = 0;
    double gapMax = 0;
    int heuristicOptimal = 0;
    long exactCost = 0;
    long merchantCost = 0;
    int comparable = 0;
    int moreShipments = 0;
    int moreShipmentsNotCheaper = 0;
    int fewerShipments = 0;
    long exactShipments = 0;
    long merchantShipments = 0;
    int optimiserWorse = 0;
    for (int i = 0; i < instances; i++) {
      RoutingRequest request = net.order(i, 1 + i % 8, optimise);
      FulfillmentPlan exact = router.route(request);
      if (exact.method() == SearchMethod.EXACT) {
        exactPlans++;
      }
      Optional<FulfillmentPlan> brute = router.routeByEnumeration(request, ENUMERATION_LIMIT);
      if (brute.isPresent()) {
        small++;
        if (brute.get().cost().total() == exact.cost().total()
            && brute.get().explanation().planKey().equals(exact.explanation().planKey())) {
          smallMatches++;
        }
      }
      FulfillmentPlan fast = router.route(request.withProfile(heuristic));
      if (exact.method() == SearchMethod.EXACT
          && fast.servedLines() == exact.servedLines()
          && exact.cost().total() > 0) {
        double gap = (double) (fast.cost().total() - exact.cost().total()) / exact.cost().total();
        gapSum += gap;
        gapMax = Math.max(gapMax, gap);
        gapCount++;
        if (gap == 0) {
          heuristicOptimal++;
        }
      }
      FulfillmentPlan rules = router.route(request.withProfile(merchant));
      if (rules.servedLines() == exact.servedLines()) {
        comparable++;
        exactCost += exact.cost().total();
        merchantCost += rules.cost().total();
        exactShipments += exact.shipmentCount();
        merchantShipments += rules.shipmentCount();
        if (exact.cost().total() > rules.cost().total()) {
          optimiserWorse++;
        }
        if (exact.shipmentCount() > rules.shipmentCount()) {
          moreShipments++;
          if (exact.cost().total() >= rules.cost().total()) {
            moreShipmentsNotCheaper++;
          }
        } else if (exact.shipmentCount() < rules.shipmentCount()) {
          fewerShipments++;
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "instances: %d (orders of 1-8 lines, %d nodes, seed %d)%n",
        instances,
        nodes,
        seed);
    System.out.printf(Locale.ROOT, "exact within budget: %d of %d%n", exactPlans, instances);
    System.out.printf(
        Locale.ROOT,
        "exact = brute force: %d of %d small instances (enumeration <= %d assignments)%n",
        smallMatches,
        small,
        ENUMERATION_LIMIT);
    System.out.printf(
        Locale.ROOT,
        "heuristic vs exact: average gap %.3f%%, max gap %.2f%%, optimal on %d of %d%n",
        gapCount == 0 ? 0 : 100 * gapSum / gapCount,
        100 * gapMax,
        heuristicOptimal,
        gapCount);
    System.out.printf(
        Locale.ROOT,
        "optimiser vs merchant default on %d instances serving the same lines: cost %d vs %d"
            + " (saved %.2f%%), shipments %d vs %d%n",
        comparable,
        exactCost,
        merchantCost,
        merchantCost == 0 ? 0 : 100.0 * (merchantCost - exactCost) / merchantCost,
        exactShipments,
        merchantShipments);
    System.out.printf(
        Locale.ROOT,
        "optimiser ships more packages on %d instances, all strictly cheaper: %s"
            + " (not cheaper: %d); fewer packages on %d; optimiser dearer on %d%n",
        moreShipments,
        moreShipmentsNotCheaper == 0,
        moreShipmentsNotCheaper,
        fewerShipments,
        optimiserWorse);
  }
}
