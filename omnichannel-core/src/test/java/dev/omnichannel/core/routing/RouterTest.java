package dev.omnichannel.core.routing;

import static dev.omnichannel.core.routing.Fixtures.BERLIN_POINT;
import static dev.omnichannel.core.routing.Fixtures.CLOCK;
import static dev.omnichannel.core.routing.Fixtures.HAMBURG_POINT;
import static dev.omnichannel.core.routing.Fixtures.MUNICH_POINT;
import static dev.omnichannel.core.routing.Fixtures.POZNAN_POINT;
import static dev.omnichannel.core.routing.Fixtures.WEB;
import static dev.omnichannel.core.routing.Fixtures.address;
import static dev.omnichannel.core.routing.Fixtures.id;
import static dev.omnichannel.core.routing.Fixtures.line;
import static dev.omnichannel.core.routing.Fixtures.network;
import static dev.omnichannel.core.routing.Fixtures.node;
import static dev.omnichannel.core.routing.Fixtures.order;
import static dev.omnichannel.core.routing.Fixtures.profile;
import static dev.omnichannel.core.routing.Fixtures.sku;
import static dev.omnichannel.core.routing.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableSet;
import dev.omnichannel.core.inventory.AvailabilitySnapshot;
import dev.omnichannel.core.order.Money;
import dev.omnichannel.core.order.Order;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class RouterTest {
  private static final NodeProfile HAM = node("HAM", HAMBURG_POINT, "DE").build();
  private static final NodeProfile MUC = node("MUC", MUNICH_POINT, "DE").build();
  private static final NodeProfile POZ = node("POZ", POZNAN_POINT, "PL").build();
  private static final Order AB =
      order(address(BERLIN_POINT, "DE"), line("1", "A", 1), line("2", "B", 1));

  private static FulfillmentPlan route(
      FulfillmentNetwork network, Order order, AvailabilitySnapshot snap, RoutingProfile profile) {
    return Router.create(network, CLOCK).route(RoutingRequest.of(order, snap, profile));
  }

  @Test
  void shipsFromTheCheapestNodeThatHoldsEverything() {
    AvailabilitySnapshot snap =
        snapshot()
            .available(sku("A"), id("HAM"), WEB, 5)
            .available(sku("B"), id("HAM"), WEB, 5)
            .available(sku("A"), id("MUC"), WEB, 5)
            .available(sku("B"), id("MUC"), WEB, 5)
            .available(sku("A"), id("POZ"), WEB, 5)
            .build();
    FulfillmentPlan plan = route(network(HAM, MUC, POZ), AB, snap, profile().build());

    assertThat(plan.method()).isEqualTo(SearchMethod.EXACT);
    assertThat(plan.shipments()).hasSize(1);
    Shipment s = plan.shipments().get(0);
    assertThat(s.node()).isEqualTo(id("HAM"));
    assertThat(s.lines()).extracting(PlannedLine::lineId).containsExactly("1", "2");
    // 255 km: band up to 400 km, 550 + 80 per started kg (800 g); pick 100 + 2 x 20.
    assertThat(plan.cost()).isEqualTo(new CostBreakdown(630, 140, 0));
    assertThat(plan.costLowerBound()).isLessThanOrEqualTo(plan.cost().total());
    assertThat(s.shipDate()).isEqualTo(LocalDate.of(2026, 3, 4));
    assertThat(s.deliveryDate()).isEqualTo(LocalDate.of(2026, 3, 6));
    assertThat(plan.isComplete()).isTrue();

    Explanation why = plan.explanation();
    assertThat(why.nodes())
        .extracting(NodeAssessment::node)
        .containsExactly(id("HAM"), id("MUC"), id("POZ"));
    assertThat(why.objective()).startsWith("UNSERVED_LINES", "COST");
    NodeAssessment muc = why.nodes().get(1);
    assertThat(muc.isCandidate()).isTrue();
    assertThat(muc.standaloneCost()).hasValue(800 + 120 + 140);
    NodeAssessment poz = why.nodes().get(2);
    assertThat(poz.linesHeld()).containsExactly("1");
    // The runner-up is MUC alone, which also serves both lines but costs more.
    assertThat(why.decidedBy()).isEqualTo("COST");
    assertThat(why.runnerUp()).hasValueSatisfying(r -> assertThat(r).contains("MUC"));
  }

  @Test
  void splitsWhenNoNodeHoldsEverythingAndChargesTheSplitPenalty() {
    AvailabilitySnapshot snap =
        snapshot()
            .available(sku("A"), id("HAM"), WEB, 1)
            .available(sku("B"), id("MUC"), WEB, 1)
            .build();
    FulfillmentPlan plan =
        route(network(HAM, MUC, POZ), AB, snap, profile().splitPenalty(250).build());

    assertThat(plan.shipments()).extracting(Shipment::node).containsExactly(id("HAM"), id("MUC"));
    assertThat(plan.cost().splitPenalty()).isEqualTo(250);
    assertThat(plan.cost().total()).isEqualTo((550 + 80 + 120) + (800 + 120 + 120) + 250);
    assertThat(plan.explanation().nodes().get(2).exclusions())
        .containsExactly(ExclusionReason.NO_STOCK);
  }

  @Test
  void prefersOneDearerShipmentOverTwoCheaperOnesOnlyWhenCheaper() {
    // A and B at MUC; A also at HAM, B also at POZ: two near shipments vs one far.
    AvailabilitySnapshot snap =
        snapshot()
            .available(sku("A"), id("MUC"), WEB, 1)
            .available(sku("B"), id("MUC"), WEB, 1)
            .available(sku("A"), id("HAM"), WEB, 1)
            .available(sku("B"), id("POZ"), WEB, 1)
            .build();
    FulfillmentPlan one = route(network(HAM, MUC, POZ), AB, snap, profile().build());
    // MUC alone: 800 + 120 + 140 = 1060; HAM + POZ: (550 + 80 + 120) x 2 = 1500.
    assertThat(one.shipments()).extracting(Shipment::node).containsExactly(id("MUC"));

    NodeProfile cheapHam = node("HAM", HAMBURG_POINT, "DE").pickCostPerOrder(0).build();
    NodeProfile cheapPoz = node("POZ", POZNAN_POINT, "PL").pickCostPerOrder(0).build();
    NodeProfile dearMuc = node("MUC", MUNICH_POINT, "DE").pickCostPerOrder(900).build();
    FulfillmentPlan two = route(network(cheapHam, dearMuc, cheapPoz), AB, snap, profile().build());
    assertThat(two.shipments()).extracting(Shipment::node).containsExactly(id("HAM"), id("POZ"));
    assertThat(two.explanation().decidedBy()).isEqualTo("COST");
  }

  @Test
  void excludesNodesByCapabilityMarketProfileAndCapacity() {
    NodeProfile noBrand = node("BARE", HAMBURG_POINT, "DE").capabilities(ImmutableSet.of()).build();
    NodeProfile french =
        node("PAR", POZNAN_POINT, "FR").servedCountries(ImmutableSet.of("FR")).build();
    NodeProfile full =
        node("FULL", HAMBURG_POINT, "DE").dailyCapacityUnits(10).capacityLeftUnits(0).build();
    AvailabilitySnapshot.Builder b = snapshot();
    for (String n : new String[] {"BARE", "PAR", "FULL", "MUC", "HAM"}) {
      b.available(sku("A"), id(n), WEB, 9).available(sku("B"), id(n), WEB, 9);
    }
    RoutingProfile p =
        profile()
            .addRequiredCapabilities(Capability.DTC_BRANDED_PACKING)
            .addExcludedNodes(id("HAM"))
            .build();
    FulfillmentPlan plan = route(network(noBrand, french, full, MUC, HAM), AB, b.build(), p);

    assertThat(plan.shipments()).extracting(Shipment::node).containsExactly(id("MUC"));
    Explanation why = plan.explanation();
    assertThat(
            why.nodes().stream()
                .filter(n -> n.node().equals(id("BARE")))
                .findFirst()
                .get()
                .exclusions())
        .containsExactly(ExclusionReason.MISSING_CAPABILITY);
    assertThat(
            why.nodes().stream()
                .filter(n -> n.node().equals(id("PAR")))
                .findFirst()
                .get()
                .exclusions())
        .containsExactly(ExclusionReason.DOES_NOT_SERVE_DESTINATION);
    assertThat(
            why.nodes().stream()
                .filter(n -> n.node().equals(id("FULL")))
                .findFirst()
                .get()
                .exclusions())
        .containsExactly(ExclusionReason.NO_CAPACITY);
    assertThat(
            why.nodes().stream()
                .filter(n -> n.node().equals(id("HAM")))
                .findFirst()
                .get()
                .exclusions())
        .containsExactly(ExclusionReason.EXCLUDED_BY_PROFILE);
    assertThat(why.decidedBy()).isEqualTo("ONLY_OPTION");
  }

  @Test
  void cutOffAndCalendarMoveTheShipDate() {
    NodeProfile early = node("HAM", HAMBURG_POINT, "DE").cutOff(LocalTime.of(8, 30)).build();
    NodeProfile closedThursday =
        node("HAM", HAMBURG_POINT, "DE")
            .cutOff(LocalTime.of(8, 30))
            .addHolidays(LocalDate.of(2026, 3, 5))
            .build();
    AvailabilitySnapshot snap =
        snapshot()
            .available(sku("A"), id("HAM"), WEB, 1)
            .available(sku("B"), id("HAM"), WEB, 1)
            .build();

    assertThat(route(network(early), AB, snap, profile().build()).estimatedShipDate())
        .hasValue(LocalDate.of(2026, 3, 5));
    FulfillmentPlan late = route(network(closedThursday), AB, snap, profile().build());
    assertThat(late.estimatedShipDate()).hasValue(LocalDate.of(2026, 3, 6));
    // Friday + 2 days transit.
    assertThat(late.estimatedDeliveryDate()).hasValue(LocalDate.of(2026, 3, 8));
  }

  @Test
  void theShipDateFollowsTheClockAcrossTheCutOff() {
    AvailabilitySnapshot snap =
        snapshot()
            .available(sku("A"), id("HAM"), WEB, 1)
            .available(sku("B"), id("HAM"), WEB, 1)
            .build();
    java.util.concurrent.atomic.AtomicReference<java.time.Instant> now =
        new java.util.concurrent.atomic.AtomicReference<>(Fixtures.NOW);
    java.time.Clock moving =
        new java.time.Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
          }

          @Override
          public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public java.time.Instant instant() {
            return java.util.Objects.requireNonNull(now.get());
          }
        };
    Router router = Router.create(network(HAM), moving);
    RoutingRequest request = RoutingRequest.of(AB, snap, profile().build());
    assertThat(router.route(request).estimatedShipDate()).hasValue(LocalDate.of(2026, 3, 4));
    // 15:00 in Berlin is 14:00 UTC in March: exactly at the cut-off still ships today.
    now.set(java.time.Instant.parse("2026-03-04T14:00:00Z"));
    assertThat(router.route(request).estimatedShipDate()).hasValue(LocalDate.of(2026, 3, 4));
    now.set(java.time.Instant.parse("2026-03-04T14:00:01Z"));
    assertThat(router.route(request).estimatedShipDate()).hasValue(LocalDate.of(2026, 3, 5));
    // Friday after the cut-off ships on Monday.
    now.set(java.time.Instant.parse("2026-03-06T16:00:00Z"));
    assertThat(router.route(request).estimatedShipDate()).hasValue(LocalDate.of(2026, 3, 9));
    now.set(Fixtures.NOW);
    assertThat(router.route(request).estimatedShipDate()).hasValue(LocalDate.of(2026, 3, 4));
  }

  @Test
  void promiseDateExcludesNodesThatWouldArriveLate() {
    AvailabilitySnapshot snap =
        snapshot()
            .available(sku("A"), id("MUC"), WEB, 1)
            .available(sku("B"), id("MUC"), WEB, 1)
            .build();
    Order promised =
        Order.builder().from(AB).requestedDeliveryDate(LocalDate.of(2026, 3, 6)).build();
    FulfillmentPlan plan =
        route(network(MUC), promised, snap, profile().respectPromiseDate(true).build());
    assertThat(plan.shipments()).isEmpty();
    assertThat(plan.explanation().nodes().get(0).exclusions())
        .containsExactly(ExclusionReason.MISSES_PROMISE_DATE);
    assertThat(plan.unfulfilled())
        .extracting(UnfulfilledLine::reason)
        .containsOnly(UnfulfillableReason.INSUFFICIENT_STOCK);
  }

  @Test
  void maxShipmentsLeavesTheDearerLineOut() {
    AvailabilitySnapshot snap =
        snapshot()
            .available(sku("A"), id("HAM"), WEB, 1)
            .available(sku("B"), id("MUC"), WEB, 1)
            .build();
    FulfillmentPlan plan =
        route(
            network(HAM, MUC),
            AB,
            snap,
            profile().maxShipments(1).unfulfillablePolicy(UnfulfillablePolicy.CANCEL).build());
    assertThat(plan.shipments()).extracting(Shipment::node).containsExactly(id("HAM"));
    assertThat(plan.unfulfilled())
        .containsExactly(
            new UnfulfilledLine(
                "2", sku("B"), 1, UnfulfillableReason.CONSTRAINTS, UnfulfillablePolicy.CANCEL));
  }

  @Test
  void shipCompleteHoldsTheWholeOrderWhenALineCannotBeServed() {
    AvailabilitySnapshot snap = snapshot().available(sku("A"), id("HAM"), WEB, 1).build();
    FulfillmentPlan plan = route(network(HAM), AB, snap, profile().shipComplete(true).build());
    assertThat(plan.shipments()).isEmpty();
    assertThat(plan.method()).isEqualTo(SearchMethod.NONE);
    assertThat(plan.unfulfilled())
        .extracting(UnfulfilledLine::reason)
        .containsExactly(UnfulfillableReason.SHIP_COMPLETE, UnfulfillableReason.UNKNOWN_SKU);
  }

  @Test
  void keepsKitsTogether() {
    // A is cheapest from HAM, B only at MUC; as a kit both must come from MUC.
    AvailabilitySnapshot snap =
        snapshot()
            .available(sku("A"), id("HAM"), WEB, 1)
            .available(sku("A"), id("MUC"), WEB, 1)
            .available(sku("B"), id("MUC"), WEB, 1)
            .build();
    NodeProfile cheapHam = node("HAM", HAMBURG_POINT, "DE").pickCostPerOrder(0).build();
    NodeProfile cheapMuc = node("MUC", MUNICH_POINT, "DE").pickCostPerOrder(0).build();
    Order order =
        order(address(BERLIN_POINT, "DE"), line("1", "A", 1), line("2", "B", 1), line("3", "C", 1));
    AvailabilitySnapshot withC =
        snapshot()
            .available(sku("A"), id("HAM"), WEB, 1)
            .available(sku("A"), id("MUC"), WEB, 1)
            .available(sku("B"), id("MUC"), WEB, 1)
            .available(sku("C"), id("HAM"), WEB, 1)
            .build();
    Router router = Router.create(network(cheapHam, cheapMuc), CLOCK);
    ImmutableRoutingRequest kit =
        RoutingRequest.builder()
            .order(order)
            .snapshot(withC)
            .profile(profile().build())
            .addKits(ImmutableSet.of("2", "1"))
            .build();
    FulfillmentPlan plan = router.route(kit);
    assertThat(plan.shipments()).hasSize(2);
    assertThat(plan.shipments().get(1).node()).isEqualTo(id("MUC"));
    assertThat(plan.shipments().get(1).lines())
        .extracting(PlannedLine::lineId)
        .containsExactly("1", "2");

    FulfillmentPlan loose =
        router.route(kit.withProfile(profile().keepKitsTogether(false).build()));
    assertThat(loose.shipments().get(0).lines())
        .extracting(PlannedLine::lineId)
        .containsExactly("1", "3");
    assertThat(snap.contains(sku("A"))).isTrue();
  }

  @Test
  void lowValueSplitsAreAvoided() {
    Order priced =
        order(address(BERLIN_POINT, "DE"), line("1", "A", 1, "5.00"), line("2", "B", 1, "90.00"));
    AvailabilitySnapshot snap =
        snapshot()
            .available(sku("A"), id("HAM"), WEB, 1)
            .available(sku("B"), id("MUC"), WEB, 1)
            .build();
    FulfillmentPlan plan =
        route(
            network(HAM, MUC),
            priced,
            snap,
            profile().minSplitShipmentValue(Money.of("20", "EUR")).build());
    assertThat(plan.shipmentCount()).isEqualTo(1);
    assertThat(plan.unfulfilled()).hasSize(1);

    FulfillmentPlan bothValuable =
        route(
            network(HAM, MUC),
            priced,
            snap,
            profile().minSplitShipmentValue(Money.of("5", "EUR")).build());
    assertThat(bothValuable.shipmentCount()).isEqualTo(2);
  }

  @Test
  void capacityLimitsWhatANodeTakes() {
    NodeProfile small = node("HAM", HAMBURG_POINT, "DE").dailyCapacityUnits(1).build();
    AvailabilitySnapshot snap =
        snapshot()
            .available(sku("A"), id("HAM"), WEB, 5)
            .available(sku("B"), id("HAM"), WEB, 5)
            .available(sku("B"), id("MUC"), WEB, 5)
            .build();
    FulfillmentPlan plan = route(network(small, MUC), AB, snap, profile().build());
    assertThat(plan.shipments()).extracting(Shipment::node).containsExactly(id("HAM"), id("MUC"));
    assertThat(plan.shipments().get(0).units()).isEqualTo(1);
  }

  @Test
  void rulesStayInMarketBeforeCost() {
    AvailabilitySnapshot snap =
        snapshot()
            .available(sku("A"), id("POZ"), WEB, 1)
            .available(sku("B"), id("POZ"), WEB, 1)
            .available(sku("A"), id("MUC"), WEB, 1)
            .available(sku("B"), id("MUC"), WEB, 1)
            .build();
    FulfillmentPlan cheapest = route(network(MUC, POZ), AB, snap, profile().build());
    assertThat(cheapest.shipments()).extracting(Shipment::node).containsExactly(id("POZ"));

    RoutingProfile rules =
        profile()
            .strategy(RoutingStrategy.RULES)
            .addRules(
                RoutingRule.FEWEST_SHIPMENTS, RoutingRule.STAY_IN_MARKET, RoutingRule.CLOSEST_NODE)
            .build();
    FulfillmentPlan inMarket = route(network(MUC, POZ), AB, snap, rules);
    assertThat(inMarket.shipments()).extracting(Shipment::node).containsExactly(id("MUC"));
    assertThat(inMarket.explanation().decidedBy()).isEqualTo("STAY_IN_MARKET");
    assertThat(inMarket.explanation().objective())
        .containsExactly(
            "UNSERVED_LINES", "FEWEST_SHIPMENTS", "STAY_IN_MARKET", "CLOSEST_NODE", "COST");
  }

  @Test
  void rankedNodesAndHighestStockBreakTies() {
    AvailabilitySnapshot snap =
        snapshot()
            .available(sku("A"), id("HAM"), WEB, 2)
            .available(sku("B"), id("HAM"), WEB, 2)
            .available(sku("A"), id("MUC"), WEB, 9)
            .available(sku("B"), id("MUC"), WEB, 9)
            .build();
    RoutingProfile ranked =
        profile()
            .strategy(RoutingStrategy.RULES)
            .addRules(RoutingRule.RANKED_NODES)
            .addRankedNodes(id("MUC"), id("HAM"))
            .build();
    assertThat(route(network(HAM, MUC), AB, snap, ranked).shipments().get(0).node())
        .isEqualTo(id("MUC"));
    RoutingProfile stock =
        profile().strategy(RoutingStrategy.RULES).addRules(RoutingRule.HIGHEST_STOCK).build();
    FulfillmentPlan deep = route(network(HAM, MUC), AB, snap, stock);
    assertThat(deep.shipments().get(0).node()).isEqualTo(id("MUC"));
    assertThat(deep.explanation().decidedBy()).isEqualTo("HIGHEST_STOCK");
  }

  @Test
  void scoredCriteriaPickTheClosestAndExcludeTheFar() {
    AvailabilitySnapshot snap =
        snapshot()
            .available(sku("A"), id("POZ"), WEB, 1)
            .available(sku("B"), id("POZ"), WEB, 1)
            .available(sku("A"), id("MUC"), WEB, 1)
            .available(sku("B"), id("MUC"), WEB, 1)
            .available(sku("A"), id("HAM"), WEB, 1)
            .available(sku("B"), id("HAM"), WEB, 1)
            .build();
    RoutingProfile scored =
        profile()
            .strategy(RoutingStrategy.SCORED)
            .addCriteria(WeightedCriterion.of(Criteria.proximity(400), 3))
            .addCriteria(WeightedCriterion.of(Criteria.inMarket(), 1))
            .build();
    FulfillmentPlan plan = route(network(HAM, MUC, POZ), AB, snap, scored);
    // POZ is closest (~230 km) but out of market; HAM (~255 km) wins on the weighted score.
    assertThat(plan.shipments().get(0).node()).isEqualTo(id("HAM"));
    assertThat(plan.explanation().decidedBy()).isEqualTo("SCORE");
    NodeAssessment muc = plan.explanation().nodes().get(1);
    assertThat(muc.exclusions()).containsExactly(ExclusionReason.EXCLUDED_BY_CRITERION);
    assertThat(plan.explanation().nodes().get(0).score()).isPresent();
  }

  @Test
  void theSamePlanWhateverTheOrderOfNodes() {
    AvailabilitySnapshot snap =
        snapshot()
            .available(sku("A"), id("HAM"), WEB, 1)
            .available(sku("A"), id("MUC"), WEB, 1)
            .available(sku("B"), id("HAM"), WEB, 1)
            .available(sku("B"), id("MUC"), WEB, 1)
            .build();
    NodeProfile hamTwin = node("HAM", MUNICH_POINT, "DE").build();
    // Two identical nodes: only the node id can decide.
    FulfillmentPlan a = route(network(hamTwin, MUC), AB, snap, profile().build());
    FulfillmentPlan b = route(network(MUC, hamTwin), AB, snap, profile().build());
    assertThat(a).isEqualTo(b);
    assertThat(a.shipments().get(0).node()).isEqualTo(id("HAM"));
    assertThat(a.explanation().decidedBy()).isEqualTo("NODE_ID");
  }

  @Test
  void heuristicWhenTheBudgetIsZero() {
    AvailabilitySnapshot snap =
        snapshot()
            .available(sku("A"), id("HAM"), WEB, 1)
            .available(sku("B"), id("HAM"), WEB, 1)
            .build();
    FulfillmentPlan plan =
        route(network(HAM, MUC), AB, snap, profile().exactSearchBudget(0).build());
    assertThat(plan.method()).isEqualTo(SearchMethod.HEURISTIC);
    assertThat(plan.explanation().notes()).anyMatch(n -> n.contains("budget 0"));
    assertThat(plan.shipments()).hasSize(1);
  }

  @Test
  void bundlesAreServedByNodesHoldingEveryComponent() {
    AvailabilitySnapshot snap =
        snapshot()
            .bundle(sku("KIT"), java.util.Map.of(sku("A"), 2, sku("B"), 1))
            .available(sku("A"), id("HAM"), WEB, 3)
            .available(sku("B"), id("HAM"), WEB, 5)
            .available(sku("A"), id("MUC"), WEB, 4)
            .available(sku("B"), id("MUC"), WEB, 5)
            .build();
    Order order = order(address(BERLIN_POINT, "DE"), line("1", "KIT", 2));
    FulfillmentPlan plan = route(network(HAM, MUC), order, snap, profile().build());
    assertThat(plan.shipments()).extracting(Shipment::node).containsExactly(id("MUC"));
    // A line of the bundle and a line of its component compete for the same units.
    Order both = order(address(BERLIN_POINT, "DE"), line("1", "KIT", 1), line("2", "A", 2));
    FulfillmentPlan shared = route(network(HAM, MUC), both, snap, profile().build());
    assertThat(shared.isComplete()).isTrue();
    assertThat(shared.shipments()).extracting(Shipment::node).containsExactly(id("MUC"));
  }
}
