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
import static dev.omnichannel.core.routing.Fixtures.profile;
import static dev.omnichannel.core.routing.Fixtures.sku;
import static dev.omnichannel.core.routing.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.inventory.AvailabilitySnapshot;
import dev.omnichannel.core.order.GeoPoint;
import dev.omnichannel.core.order.Order;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchAndShadowTest {
  private static final Router ROUTER =
      Router.create(
          network(
              node("HAM", HAMBURG_POINT, "DE").build(),
              node("MUC", MUNICH_POINT, "DE").build(),
              node("POZ", POZNAN_POINT, "PL").build()),
          CLOCK);

  private static Order order(String id, GeoPoint to, String sku) {
    return Order.builder()
        .orderId(id)
        .channel(WEB)
        .shipTo(address(to, "DE"))
        .addLines(line("1", sku, 1))
        .build();
  }

  @Test
  void scarceStockGoesWhereItSavesTheMost() {
    // One unit at HAM and one at MUC. The first order (to Berlin) is indifferent-ish, the second
    // (to Hamburg) saves a lot from HAM: one by one, the first takes HAM.
    AvailabilitySnapshot snap =
        snapshot()
            .available(sku("A"), id("HAM"), WEB, 1)
            .available(sku("A"), id("MUC"), WEB, 1)
            .build();
    RoutingRequest first =
        RoutingRequest.of(order("O-1", BERLIN_POINT, "A"), snap, profile().build());
    RoutingRequest second =
        RoutingRequest.of(order("O-2", GeoPoint.of(53.6, 10.0), "A"), snap, profile().build());

    BatchResult batch = ROUTER.routeBatch(List.of(first, second));

    assertThat(batch.usedOneByOne()).isFalse();
    assertThat(batch.plans().get(0).shipments().get(0).node()).isEqualTo(id("MUC"));
    assertThat(batch.plans().get(1).shipments().get(0).node()).isEqualTo(id("HAM"));
    assertThat(batch.saving()).isPositive();
    assertThat(batch.totalCost())
        .isEqualTo(batch.plans().get(0).cost().total() + batch.plans().get(1).cost().total());
    assertThat(batch.extraLinesServed()).isZero();
  }

  @Test
  void neverWorseThanOneByOneAndNeverOverAllocates() {
    AvailabilitySnapshot snap =
        snapshot()
            .available(sku("A"), id("HAM"), WEB, 1)
            .available(sku("B"), id("POZ"), WEB, 2)
            .build();
    List<RoutingRequest> requests =
        List.of(
            RoutingRequest.of(order("O-1", BERLIN_POINT, "A"), snap, profile().build()),
            RoutingRequest.of(order("O-2", MUNICH_POINT, "A"), snap, profile().build()),
            RoutingRequest.of(order("O-3", MUNICH_POINT, "B"), snap, profile().build()));
    BatchResult batch = ROUTER.routeBatch(requests);
    assertThat(batch.saving()).isGreaterThanOrEqualTo(0);
    assertThat(batch.unservedLines()).isEqualTo(1);
    long fromHam =
        batch.plans().stream()
            .flatMap(p -> p.shipments().stream())
            .filter(s -> s.node().equals(id("HAM")))
            .count();
    assertThat(fromHam).isEqualTo(1);
    assertThat(ROUTER.routeBatch(List.of()).plans()).isEmpty();
  }

  @Test
  void aBatchMustShareOneSnapshot() {
    AvailabilitySnapshot a = snapshot().available(sku("A"), id("HAM"), WEB, 1).build();
    AvailabilitySnapshot b = snapshot().available(sku("A"), id("HAM"), WEB, 1).build();
    assertThatThrownBy(
            () ->
                ROUTER.routeBatch(
                    List.of(
                        RoutingRequest.of(order("O-1", BERLIN_POINT, "A"), a, profile().build()),
                        RoutingRequest.of(order("O-2", BERLIN_POINT, "A"), b, profile().build()))))
        .hasMessageContaining("same snapshot; order O-2 does not");
  }

  @Test
  void shadowRunReportsTheDifferenceWithoutReserving() {
    AvailabilitySnapshot snap =
        snapshot()
            .available(sku("A"), id("POZ"), WEB, 5)
            .available(sku("A"), id("MUC"), WEB, 5)
            .build();
    List<RoutingRequest> requests =
        List.of(
            RoutingRequest.of(order("O-1", BERLIN_POINT, "A"), snap, profile().build()),
            RoutingRequest.of(order("O-2", BERLIN_POINT, "A"), snap, profile().build()));
    RoutingProfile inMarket =
        profile()
            .version(2)
            .strategy(RoutingStrategy.RULES)
            .addRules(RoutingRule.STAY_IN_MARKET, RoutingRule.CLOSEST_NODE)
            .build();
    ShadowReport report = ROUTER.shadow(requests, RoutingProfileRegistry.empty().with(inMarket));

    assertThat(report.orders()).hasSize(2);
    ShadowReport.Comparison c = report.orders().get(0);
    assertThat(c.live().shipments().get(0).node()).isEqualTo(id("POZ"));
    assertThat(c.shadow().shipments().get(0).node()).isEqualTo(id("MUC"));
    assertThat(c.costDifference()).isPositive();
    assertThat(c.shipmentDifference()).isZero();
    assertThat(c.deliveryDaysDifference()).hasValue(1L);
    assertThat(report.costDifference()).isEqualTo(2 * c.costDifference());
    assertThat(report.laterDeliveries()).isEqualTo(2);
    assertThat(report.earlierDeliveries()).isZero();

    ShadowReport none =
        ROUTER.shadow(
            requests,
            RoutingProfileRegistry.empty()
                .with(
                    RoutingProfile.builder().name("amz").channel(ChannelId.of("amazon")).build()));
    assertThat(none.orders()).isEmpty();
    assertThat(none.skipped()).containsExactly("O-1", "O-2");
  }
}
