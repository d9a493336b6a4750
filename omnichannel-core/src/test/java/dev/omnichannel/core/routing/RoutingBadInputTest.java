package dev.omnichannel.core.routing;

import static dev.omnichannel.core.routing.Fixtures.BERLIN_POINT;
import static dev.omnichannel.core.routing.Fixtures.CLOCK;
import static dev.omnichannel.core.routing.Fixtures.HAMBURG_POINT;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableSet;
import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.OmnichannelException;
import dev.omnichannel.core.inventory.AvailabilitySnapshot;
import dev.omnichannel.core.order.GeoPoint;
import dev.omnichannel.core.order.Money;
import dev.omnichannel.core.order.Order;
import dev.omnichannel.core.order.PostalAddress;
import java.util.Currency;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class RoutingBadInputTest {
  private static final NodeProfile HAM = node("HAM", HAMBURG_POINT, "DE").build();
  private static final AvailabilitySnapshot STOCK =
      snapshot().available(sku("A"), id("HAM"), WEB, 5).build();

  private static FulfillmentPlan route(FulfillmentNetwork network, Order order) {
    return Router.create(network, CLOCK).route(RoutingRequest.of(order, STOCK, profile().build()));
  }

  @Test
  void anOrderWithoutLinesCannotBeBuilt() {
    assertThatThrownBy(
            () ->
                Order.builder()
                    .orderId("E")
                    .channel(WEB)
                    .shipTo(address(BERLIN_POINT, "DE"))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no lines");
  }

  @Test
  void unknownSkusAreUnfulfillableLines() {
    FulfillmentPlan plan =
        route(
            network(HAM),
            order(address(BERLIN_POINT, "DE"), line("1", "A", 1), line("2", "NOPE", 1)));
    assertThat(plan.shipments()).hasSize(1);
    assertThat(plan.unfulfilled())
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.lineId()).isEqualTo("2");
              assertThat(u.reason()).isEqualTo(UnfulfillableReason.UNKNOWN_SKU);
              assertThat(u.action()).isEqualTo(UnfulfillablePolicy.BACKORDER);
            });
  }

  @Test
  void stockAtNodesUnknownToTheNetworkIsIgnored() {
    AvailabilitySnapshot elsewhere = snapshot().available(sku("A"), id("GHOST"), WEB, 5).build();
    FulfillmentPlan plan =
        Router.create(network(HAM), CLOCK)
            .route(
                RoutingRequest.of(
                    order(address(BERLIN_POINT, "DE"), line("1", "A", 1)),
                    elsewhere,
                    profile().build()));
    assertThat(plan.shipments()).isEmpty();
    assertThat(plan.unfulfilled().get(0).reason())
        .isEqualTo(UnfulfillableReason.INSUFFICIENT_STOCK);
    assertThat(plan.explanation().nodes())
        .extracting(NodeAssessment::node)
        .containsExactly(id("HAM"));
  }

  @Test
  void aShipToOutsideEveryMarketIsUnfulfillable() {
    FulfillmentPlan plan =
        route(network(HAM), order(address(GeoPoint.of(40.7, -74.0), "US"), line("1", "A", 1)));
    assertThat(plan.unfulfilled().get(0).reason())
        .isEqualTo(UnfulfillableReason.DESTINATION_NOT_SERVED);
    assertThat(plan.method()).isEqualTo(SearchMethod.NONE);
    assertThat(plan.cost()).isEqualTo(CostBreakdown.ZERO);
  }

  @Test
  void aShipToWithoutGeocodeIsUnfulfillable() {
    PostalAddress noGeo = PostalAddress.builder().addLines("Somewhere").countryCode("DE").build();
    FulfillmentPlan plan = route(network(HAM), order(noGeo, line("1", "A", 1)));
    assertThat(plan.unfulfilled().get(0).reason())
        .isEqualTo(UnfulfillableReason.DESTINATION_NOT_GEOCODED);
    assertThat(plan.explanation().nodes())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.distanceKm()).isNaN();
              assertThat(n.exclusions()).contains(ExclusionReason.NO_LANE);
              assertThat(n.standaloneCost()).isEmpty();
            });
  }

  @Test
  void anEmptyNetworkServesNothing() {
    FulfillmentPlan plan = route(network(), order(address(BERLIN_POINT, "DE"), line("1", "A", 1)));
    assertThat(plan.unfulfilled().get(0).reason()).isEqualTo(UnfulfillableReason.NO_NODES);
  }

  @Test
  void negativeCostsAreRejectedWhereTheyEnter() {
    assertThatThrownBy(() -> node("X", HAMBURG_POINT, "DE").pickCostPerUnit(-1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pickCostPerUnit must not be negative: -1");
    assertThatThrownBy(() -> new RateCard(-5, 0, 1))
        .hasMessageContaining("baseCost must not be negative: -5");
    assertThatThrownBy(() -> profile().splitPenalty(-3).build())
        .hasMessageContaining("splitPenalty must not be negative: -3");
    ShippingCostModel broken = (origin, to, km, level) -> Optional.of(new NegativeLane());
    FulfillmentNetwork network =
        FulfillmentNetwork.builder()
            .addNodes(HAM)
            .shippingCostModel(broken)
            .currency(Currency.getInstance("EUR"))
            .build();
    assertThatThrownBy(() -> route(network, order(address(BERLIN_POINT, "DE"), line("1", "A", 1))))
        .isInstanceOf(RoutingException.class)
        .isInstanceOf(OmnichannelException.class)
        .hasMessageContaining("negative cost -7 from HAM");
  }

  @Test
  void contradictoryProfilesAreRejectedWithTheContradiction() {
    assertThatThrownBy(
            () -> profile().addRules(RoutingRule.CLOSEST_NODE, RoutingRule.CLOSEST_NODE).build())
        .hasMessageContaining("rule CLOSEST_NODE is listed twice");
    assertThatThrownBy(
            () ->
                profile()
                    .addRankedNodes(id("HAM"))
                    .addExcludedNodes(id("HAM"))
                    .addRules(RoutingRule.RANKED_NODES)
                    .build())
        .hasMessageContaining("both ranked and excluded: [HAM]");
    assertThatThrownBy(() -> profile().addRules(RoutingRule.RANKED_NODES).build())
        .hasMessageContaining("RANKED_NODES needs rankedNodes");
    assertThatThrownBy(() -> profile().strategy(RoutingStrategy.SCORED).build())
        .hasMessageContaining("SCORED needs at least one criterion");
    assertThatThrownBy(
            () -> profile().addCriteria(WeightedCriterion.of(Criteria.rank(), 1)).build())
        .hasMessageContaining("criteria are only used by strategy SCORED");
    assertThatThrownBy(
            () ->
                profile()
                    .strategy(RoutingStrategy.SCORED)
                    .addCriteria(WeightedCriterion.of(Criteria.rank(), 0))
                    .build())
        .hasMessageContaining("a criterion with a positive weight");
    assertThatThrownBy(() -> profile().maxShipments(0).build())
        .hasMessageContaining("maxShipments must be at least 1: 0");
    assertThatThrownBy(() -> profile().minSplitShipmentValue(Money.of("-1", "EUR")).build())
        .hasMessageContaining("minSplitShipmentValue must not be negative");
    assertThatThrownBy(() -> WeightedCriterion.of(Criteria.rank(), -2))
        .hasMessageContaining("weight of rank must be finite and not negative: -2.0");
  }

  @Test
  void requestsThatDoNotFitTheirOrderAreRejected() {
    Order order = order(address(BERLIN_POINT, "DE"), line("1", "A", 1));
    assertThatThrownBy(
            () ->
                RoutingRequest.builder()
                    .order(order)
                    .snapshot(STOCK)
                    .profile(profile().build())
                    .addKits(ImmutableSet.of("1", "9"))
                    .build())
        .hasMessageContaining("names unknown line 9");
    assertThatThrownBy(
            () ->
                RoutingRequest.of(order, STOCK, profile().channel(ChannelId.of("amazon")).build()))
        .hasMessageContaining("is for channel amazon, the order comes from web");
  }

  @Test
  void misbehavingCriteriaAndMixedCurrenciesAreClearErrors() {
    ScoredCriterion silly =
        new ScoredCriterion() {
          @Override
          public String name() {
            return "silly";
          }

          @Override
          public OptionalDouble score(NodeView view) {
            return OptionalDouble.of(1.5);
          }
        };
    RoutingProfile scored =
        profile()
            .strategy(RoutingStrategy.SCORED)
            .addCriteria(WeightedCriterion.of(silly, 1))
            .build();
    Order order = order(address(BERLIN_POINT, "DE"), line("1", "A", 1));
    Router router = Router.create(network(HAM), CLOCK);
    assertThatThrownBy(() -> router.route(RoutingRequest.of(order, STOCK, scored)))
        .isInstanceOf(RoutingException.class)
        .hasMessageContaining("criterion silly scored node HAM 1.5, outside [0, 1]");

    Order dollars =
        order(
            address(BERLIN_POINT, "DE"),
            dev.omnichannel.core.order.OrderLine.builder()
                .lineId("1")
                .sku(sku("A"))
                .quantity(1)
                .unitPrice(Money.of("3", "USD"))
                .build());
    RoutingProfile euroThreshold = profile().minSplitShipmentValue(Money.of("10", "EUR")).build();
    assertThatThrownBy(() -> router.route(RoutingRequest.of(dollars, STOCK, euroThreshold)))
        .isInstanceOf(RoutingException.class)
        .hasMessageContaining("priced in USD");
  }

  @Test
  void networksRejectRepeatedNodes() {
    assertThatThrownBy(() -> network(HAM, HAM)).hasMessageContaining("repeats node HAM");
  }

  private static final class NegativeLane implements ShippingCostModel.Lane {
    @Override
    public long cost(long weightGrams) {
      return -7;
    }

    @Override
    public int transitDays() {
      return 1;
    }
  }
}
