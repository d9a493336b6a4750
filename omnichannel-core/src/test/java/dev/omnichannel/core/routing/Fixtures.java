package dev.omnichannel.core.routing;

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
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;

/** Small hand-made networks and orders for the routing tests. */
final class Fixtures {
  static final ChannelId WEB = ChannelId.of("web");
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  /** A Wednesday morning in Berlin. */
  static final Instant NOW = Instant.parse("2026-03-04T08:00:00Z");

  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  static final GeoPoint BERLIN_POINT = GeoPoint.of(52.52, 13.405);
  static final GeoPoint HAMBURG_POINT = GeoPoint.of(53.55, 9.99);
  static final GeoPoint MUNICH_POINT = GeoPoint.of(48.137, 11.575);
  static final GeoPoint POZNAN_POINT = GeoPoint.of(52.41, 16.93);

  private Fixtures() {}

  static DistanceBandCostModel costModel() {
    return DistanceBandCostModel.builder()
        .band(ServiceLevel.STANDARD, 100, new RateCard(400, 50, 1))
        .band(ServiceLevel.STANDARD, 400, new RateCard(550, 80, 2))
        .band(ServiceLevel.STANDARD, 1500, new RateCard(800, 120, 3))
        .band(ServiceLevel.NEXT_DAY, 400, new RateCard(1200, 150, 1))
        .build();
  }

  static ImmutableNodeProfile.Builder node(String id, GeoPoint at, String country) {
    return NodeProfile.builder()
        .id(NodeId.of(id))
        .location(at)
        .countryCode(country)
        .addServedCountries("DE", "PL")
        .addCapabilities(Capability.DTC_BRANDED_PACKING)
        .zone(BERLIN)
        .pickCostPerOrder(100)
        .pickCostPerUnit(20);
  }

  static FulfillmentNetwork network(NodeProfile... nodes) {
    return FulfillmentNetwork.builder()
        .addNodes(nodes)
        .shippingCostModel(costModel())
        .currency(Currency.getInstance("EUR"))
        .defaultUnitWeightGrams(400)
        .build();
  }

  static OrderLine line(String id, String sku, long qty) {
    return OrderLine.builder().lineId(id).sku(Sku.of(sku)).quantity(qty).build();
  }

  static OrderLine line(String id, String sku, long qty, String price) {
    return OrderLine.builder()
        .lineId(id)
        .sku(Sku.of(sku))
        .quantity(qty)
        .unitPrice(Money.of(price, "EUR"))
        .build();
  }

  static PostalAddress address(GeoPoint at, String country) {
    return PostalAddress.builder().addLines("Street 1").countryCode(country).location(at).build();
  }

  static Order order(PostalAddress to, OrderLine... lines) {
    return Order.builder().orderId("O-1").channel(WEB).shipTo(to).addLines(lines).build();
  }

  static Order order(PostalAddress to, List<OrderLine> lines) {
    return Order.builder().orderId("O-1").channel(WEB).shipTo(to).addAllLines(lines).build();
  }

  static ImmutableRoutingProfile.Builder profile() {
    return RoutingProfile.builder().name("web").channel(WEB);
  }

  static AvailabilitySnapshot.Builder snapshot() {
    return AvailabilitySnapshot.builder(NOW);
  }

  static Sku sku(String s) {
    return Sku.of(s);
  }

  static NodeId id(String s) {
    return NodeId.of(s);
  }
}
