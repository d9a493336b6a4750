package dev.omnichannel.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Lists;
import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.NodeId;
import dev.omnichannel.core.Sku;
import dev.omnichannel.core.inventory.AvailabilitySnapshot;
import dev.omnichannel.core.order.GeoPoint;
import dev.omnichannel.core.order.Money;
import dev.omnichannel.core.order.Order;
import dev.omnichannel.core.order.OrderLine;
import dev.omnichannel.core.order.PostalAddress;
import dev.omnichannel.core.order.ServiceLevel;
import dev.omnichannel.testkit.Gen;
import dev.omnichannel.testkit.Property;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Properties of routing over generated small networks and orders: plans stay within the snapshot
 * and every constraint, the exact optimiser matches brute-force enumeration, plans are
 * deterministic, and the heuristic is never better than exact and stays within its reported bound.
 */
class RoutingProperties {
  private static final ChannelId WEB = ChannelId.of("web");
  private static final Instant NOW = Instant.parse("2026-03-04T08:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  private static final int SKUS = 4;

  /** A generated node: position in tenths of a degree, costs, capacity (0: none), stock by SKU. */
  record NodeSpec(
      int lat,
      int lon,
      int pickOrder,
      int pickUnit,
      int capacity,
      boolean dtc,
      List<Integer> stock) {}

  /** A generated order line. */
  record LineSpec(int sku, int qty, int price) {}

  /** Generated profile options. */
  record ProfileSpec(
      int strategy,
      int maxShipments,
      boolean shipComplete,
      int minSplit,
      int splitPenalty,
      boolean kit) {}

  /** A generated instance. */
  record Spec(List<NodeSpec> nodes, List<LineSpec> lines, ProfileSpec profile, int lat, int lon) {}

  private static <A, B, R> Gen<R> both(
      Gen<A> a, Gen<B> b, java.util.function.BiFunction<A, B, R> f) {
    return Gen.zip(a, b, f);
  }

  static Gen<NodeSpec> nodes() {
    Gen<int[]> place = both(Gen.ints(450, 550), Gen.ints(20, 200), (a, b) -> new int[] {a, b});
    Gen<int[]> costs = both(Gen.ints(0, 200), Gen.ints(0, 40), (a, b) -> new int[] {a, b});
    Gen<int[]> cap = both(Gen.ints(0, 6), Gen.ints(0, 5), (a, b) -> new int[] {a, b});
    Gen<List<Integer>> stock = Gen.listOf(Gen.ints(-1, 5), SKUS, SKUS);
    return both(
        both(place, costs, (p, c) -> new int[] {p[0], p[1], c[0], c[1]}),
        both(cap, stock, (c, s) -> Map.entry(c, s)),
        (pc, cs) ->
            new NodeSpec(
                pc[0], pc[1], pc[2], pc[3], cs.getKey()[0], cs.getKey()[1] != 0, cs.getValue()));
  }

  static Gen<LineSpec> lines() {
    return both(
        both(Gen.ints(0, SKUS - 1), Gen.ints(1, 3), (s, q) -> new int[] {s, q}),
        Gen.ints(1, 60),
        (sq, p) -> new LineSpec(sq[0], sq[1], p));
  }

  static Gen<ProfileSpec> profiles() {
    Gen<int[]> a = both(Gen.ints(0, 3), Gen.ints(0, 3), (s, m) -> new int[] {s, m});
    Gen<int[]> b = both(Gen.ints(0, 4), Gen.ints(0, 60), (c, x) -> new int[] {c, x});
    Gen<int[]> c = both(Gen.ints(0, 400), Gen.ints(0, 2), (p, k) -> new int[] {p, k});
    return both(
        both(a, b, (x, y) -> new int[] {x[0], x[1], y[0], y[1]}),
        c,
        (x, y) -> new ProfileSpec(x[0], x[1], x[2] == 0, x[3] < 20 ? 0 : x[3], y[0], y[1] == 0));
  }

  static Gen<Spec> specs() {
    return both(
        both(Gen.listOf(nodes(), 1, 6), Gen.listOf(lines(), 1, 5), Map::entry),
        both(
            profiles(),
            both(Gen.ints(450, 550), Gen.ints(20, 200), (x, y) -> new int[] {x, y}),
            Map::entry),
        (nl, pd) ->
            new Spec(nl.getKey(), nl.getValue(), pd.getKey(), pd.getValue()[0], pd.getValue()[1]));
  }

  static NodeId nodeId(int n) {
    return NodeId.of("N" + n);
  }

  static FulfillmentNetwork network(List<NodeSpec> specs) {
    ImmutableFulfillmentNetwork.Builder b =
        FulfillmentNetwork.builder()
            .shippingCostModel(
                DistanceBandCostModel.builder()
                    .band(ServiceLevel.STANDARD, 300, new RateCard(350, 40, 1))
                    .band(ServiceLevel.STANDARD, 900, new RateCard(650, 70, 2))
                    .band(ServiceLevel.STANDARD, 2500, new RateCard(1000, 110, 4))
                    .build())
            .currency(Currency.getInstance("EUR"));
    for (int s = 0; s < SKUS; s++) {
      b.putUnitWeightsGram(Sku.of("S" + s), 300L + 700L * s);
    }
    for (int n = 0; n < specs.size(); n++) {
      NodeSpec spec = specs.get(n);
      ImmutableNodeProfile.Builder node =
          NodeProfile.builder()
              .id(nodeId(n))
              .location(GeoPoint.of(spec.lat() / 10.0, spec.lon() / 10.0))
              .countryCode(n % 3 == 2 ? "PL" : "DE")
              .addServedCountries("DE", "PL")
              .zone(ZONE)
              .pickCostPerOrder(spec.pickOrder())
              .pickCostPerUnit(spec.pickUnit());
      if (spec.dtc()) {
        node.addCapabilities(Capability.DTC_BRANDED_PACKING);
      }
      if (spec.capacity() > 0) {
        node.dailyCapacityUnits(spec.capacity());
      }
      b.addNodes(node.build());
    }
    return b.build();
  }

  static RoutingRequest request(Spec spec) {
    AvailabilitySnapshot.Builder snap = AvailabilitySnapshot.builder(NOW);
    for (int n = 0; n < spec.nodes().size(); n++) {
      List<Integer> stock = spec.nodes().get(n).stock();
      for (int s = 0; s < SKUS; s++) {
        if (stock.get(s) >= 0) {
          snap.available(Sku.of("S" + s), nodeId(n), WEB, stock.get(s));
        }
      }
    }
    List<OrderLine> lines = new ArrayList<>();
    for (int l = 0; l < spec.lines().size(); l++) {
      LineSpec line = spec.lines().get(l);
      lines.add(
          OrderLine.builder()
              .lineId("L" + l)
              .sku(Sku.of("S" + line.sku()))
              .quantity(line.qty())
              .unitPrice(Money.of(BigDecimal.valueOf(line.price()), Currency.getInstance("EUR")))
              .build());
    }
    PostalAddress to =
        PostalAddress.builder()
            .addLines("Street 1")
            .countryCode("DE")
            .location(GeoPoint.of(spec.lat() / 10.0, spec.lon() / 10.0))
            .build();
    Order order = Order.builder().orderId("P").channel(WEB).shipTo(to).addAllLines(lines).build();
    ProfileSpec p = spec.profile();
    ImmutableRoutingProfile.Builder profile =
        RoutingProfile.builder()
            .name("generated")
            .channel(WEB)
            .addRequiredCapabilities(Capability.DTC_BRANDED_PACKING)
            .shipComplete(p.shipComplete())
            .splitPenalty(p.splitPenalty());
    if (p.maxShipments() > 0) {
      profile.maxShipments(p.maxShipments());
    }
    if (p.minSplit() > 0) {
      profile.minSplitShipmentValue(Money.of(String.valueOf(p.minSplit()), "EUR"));
    }
    switch (p.strategy()) {
      case 1 -> profile.strategy(RoutingStrategy.RULES);
      case 2 ->
          profile
              .strategy(RoutingStrategy.RULES)
              .addRules(
                  RoutingRule.STAY_IN_MARKET, RoutingRule.CAPACITY_LEFT, RoutingRule.HIGHEST_STOCK);
      case 3 ->
          profile
              .strategy(RoutingStrategy.SCORED)
              .addCriteria(WeightedCriterion.of(Criteria.proximity(1500), 2))
              .addCriteria(WeightedCriterion.of(Criteria.lineCoverage(), 1));
      default -> {}
    }
    ImmutableRoutingRequest.Builder request =
        RoutingRequest.builder().order(order).snapshot(snap.build()).profile(profile.build());
    if (p.kit() && lines.size() >= 2) {
      request.addKits(ImmutableSet.of("L0", "L1"));
    }
    return request.build();
  }

  private static long[] key(FulfillmentPlan plan) {
    return plan.explanation().planKey().stream().mapToLong(Long::longValue).toArray();
  }

  private static int compare(long[] a, long[] b) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] != b[i]) {
        return Long.compare(a[i], b[i]);
      }
    }
    return 0;
  }

  private static FulfillmentPlan heuristic(Router router, RoutingRequest request) {
    return router.route(
        request.withProfile(
            ImmutableRoutingProfile.copyOf(request.profile()).withExactSearchBudget(0)));
  }

  @Test
  void plansStayWithinTheSnapshotAndEveryConstraint() {
    Property.forAll(specs())
        .tries(300)
        .check(
            spec -> {
              FulfillmentNetwork network = network(spec.nodes());
              RoutingRequest request = request(spec);
              Router router = Router.create(network, CLOCK);
              for (FulfillmentPlan plan :
                  List.of(router.route(request), heuristic(router, request))) {
                checkPlan(network, request, plan);
              }
            });
  }

  private static void checkPlan(
      FulfillmentNetwork network, RoutingRequest request, FulfillmentPlan plan) {
    RoutingProfile profile = request.profile();
    AvailabilitySnapshot snap = request.snapshot();
    Map<String, Long> used = new HashMap<>();
    Map<String, Long> price = new HashMap<>();
    for (OrderLine line : request.order().lines()) {
      price.put(
          line.lineId(),
          line.unitPrice().orElseThrow().amount().longValueExact() * line.quantity());
    }
    for (Shipment s : plan.shipments()) {
      NodeProfile node = network.node(s.node()).orElseThrow();
      assertThat(node.capabilities()).containsAll(profile.requiredCapabilities());
      assertThat(s.units()).isLessThanOrEqualTo(node.capacityLeftUnits());
      long value = 0;
      for (PlannedLine l : s.lines()) {
        used.merge(l.sku() + "@" + s.node(), l.quantity(), Long::sum);
        value += price.getOrDefault(l.lineId(), 0L);
      }
      if (plan.shipmentCount() > 1 && profile.minSplitShipmentValue().isPresent()) {
        assertThat(BigDecimal.valueOf(value))
            .isGreaterThanOrEqualTo(profile.minSplitShipmentValue().get().amount());
      }
    }
    used.forEach(
        (key, qty) -> {
          String[] parts = key.split("@", -1);
          assertThat(qty)
              .as(key)
              .isLessThanOrEqualTo(snap.available(Sku.of(parts[0]), NodeId.of(parts[1]), WEB));
        });
    assertThat(plan.shipmentCount()).isLessThanOrEqualTo(profile.maxShipments());
    if (profile.shipComplete()) {
      assertThat(plan.shipments().isEmpty() || plan.isComplete()).isTrue();
    }
    for (Set<String> kit : request.kits()) {
      Set<NodeId> where = new java.util.HashSet<>();
      for (Shipment s : plan.shipments()) {
        for (PlannedLine l : s.lines()) {
          if (kit.contains(l.lineId())) {
            where.add(s.node());
          }
        }
      }
      assertThat(where.size()).isLessThanOrEqualTo(1);
      long unserved = plan.unfulfilled().stream().filter(u -> kit.contains(u.lineId())).count();
      assertThat(unserved == 0 || unserved == kit.size()).isTrue();
    }
    assertThat(plan.servedLines() + plan.unfulfilled().size())
        .isEqualTo(request.order().lines().size());
    assertThat(plan.cost().total()).isGreaterThanOrEqualTo(plan.costLowerBound());
  }

  @Test
  void exactEqualsBruteForceAndHeuristicIsBoundedByIt() {
    Property.forAll(specs())
        .tries(300)
        .check(
            spec -> {
              RoutingRequest request = request(spec);
              Router router = Router.create(network(spec.nodes()), CLOCK);
              FulfillmentPlan exact = router.route(request);
              Optional<FulfillmentPlan> brute = router.routeByEnumeration(request, 1_000_000);
              assertThat(brute).isPresent();
              assertThat(exact.method()).isNotEqualTo(SearchMethod.HEURISTIC);
              assertThat(key(exact)).isEqualTo(key(brute.get()));
              assertThat(exact.cost().total()).isEqualTo(brute.get().cost().total());
              FulfillmentPlan h = heuristic(router, request);
              assertThat(compare(key(h), key(exact))).isGreaterThanOrEqualTo(0);
              if (request.profile().strategy() == RoutingStrategy.OPTIMISE_COST) {
                assertThat(h.cost().total() - exact.cost().total())
                    .isLessThanOrEqualTo(h.cost().total() - h.costLowerBound());
              }
            });
  }

  @Test
  void theSameInputsGiveTheSamePlan() {
    Property.forAll(specs())
        .tries(150)
        .check(
            spec -> {
              RoutingRequest request = request(spec);
              FulfillmentNetwork network = network(spec.nodes());
              FulfillmentNetwork reversed =
                  ImmutableFulfillmentNetwork.copyOf(network)
                      .withNodes(Lists.reverse(network.nodes()));
              FulfillmentPlan a = Router.create(network, CLOCK).route(request);
              FulfillmentPlan b = Router.create(network, CLOCK).route(request);
              FulfillmentPlan c = Router.create(reversed, CLOCK).route(request);
              assertThat(b).isEqualTo(a);
              assertThat(c).isEqualTo(a);
            });
  }
}
