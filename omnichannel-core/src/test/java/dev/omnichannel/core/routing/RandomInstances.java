package dev.omnichannel.core.routing;

import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.NodeId;
import dev.omnichannel.core.Sku;
import dev.omnichannel.core.inventory.AvailabilitySnapshot;
import dev.omnichannel.core.order.GeoPoint;
import dev.omnichannel.core.order.Order;
import dev.omnichannel.core.order.OrderLine;
import dev.omnichannel.core.order.PostalAddress;
import dev.omnichannel.core.order.ServiceLevel;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;

/** Seeded random routing instances, small enough for brute-force enumeration. */
final class RandomInstances {
  /** One generated instance. */
  record Instance(long seed, FulfillmentNetwork network, RoutingRequest request) {}

  private RandomInstances() {}

  static Instance generate(long seed, int maxNodes, int maxLines) {
    Random r = new Random(seed);
    int nodes = 1 + r.nextInt(maxNodes);
    int lines = 1 + r.nextInt(maxLines);
    int skus = 1 + r.nextInt(lines + 1);
    ChannelId channel = ChannelId.of("web");
    DistanceBandCostModel.Builder model = DistanceBandCostModel.builder();
    model.band(
        ServiceLevel.STANDARD, 300, new RateCard(300 + r.nextInt(300), 20 + r.nextInt(60), 1));
    model.band(
        ServiceLevel.STANDARD, 900, new RateCard(600 + r.nextInt(300), 40 + r.nextInt(80), 2));
    model.band(
        ServiceLevel.STANDARD, 2500, new RateCard(900 + r.nextInt(400), 60 + r.nextInt(100), 4));
    ImmutableFulfillmentNetwork.Builder network =
        FulfillmentNetwork.builder()
            .shippingCostModel(model.build())
            .currency(Currency.getInstance("EUR"))
            .defaultUnitWeightGrams(300);
    for (int s = 0; s < skus; s++) {
      network.putUnitWeightsGram(Sku.of("S" + s), 100L + r.nextInt(2500));
    }
    AvailabilitySnapshot.Builder snap = AvailabilitySnapshot.builder(Fixtures.NOW);
    for (int n = 0; n < nodes; n++) {
      NodeId id = NodeId.of("N" + n);
      ImmutableNodeProfile.Builder node =
          NodeProfile.builder()
              .id(id)
              .location(GeoPoint.of(45 + r.nextDouble() * 10, 2 + r.nextDouble() * 18))
              .countryCode(r.nextInt(4) == 0 ? "PL" : "DE")
              .addServedCountries("DE", "PL")
              .zone(Fixtures.BERLIN)
              .pickCostPerOrder(r.nextInt(200))
              .pickCostPerUnit(r.nextInt(40));
      if (r.nextInt(4) == 0) {
        node.dailyCapacityUnits(2L + r.nextInt(10));
      }
      network.addNodes(node.build());
      for (int s = 0; s < skus; s++) {
        if (r.nextInt(3) != 0) {
          snap.available(Sku.of("S" + s), id, channel, r.nextInt(6));
        }
      }
    }
    List<OrderLine> orderLines = new ArrayList<>();
    for (int l = 0; l < lines; l++) {
      orderLines.add(
          OrderLine.builder()
              .lineId("L" + l)
              .sku(Sku.of("S" + r.nextInt(skus)))
              .quantity(1 + r.nextInt(3))
              .unitPrice(
                  dev.omnichannel.core.order.Money.of(String.valueOf(5 + r.nextInt(60)), "EUR"))
              .build());
    }
    PostalAddress to =
        PostalAddress.builder()
            .addLines("Street 1")
            .countryCode("DE")
            .location(GeoPoint.of(45 + r.nextDouble() * 10, 2 + r.nextDouble() * 18))
            .build();
    Order order =
        Order.builder()
            .orderId("R-" + seed)
            .channel(channel)
            .shipTo(to)
            .addAllLines(orderLines)
            .build();
    ImmutableRoutingProfile.Builder profile =
        RoutingProfile.builder()
            .name("random")
            .channel(channel)
            .splitPenalty(r.nextInt(3) == 0 ? 0 : r.nextInt(400));
    if (r.nextInt(3) == 0) {
      profile.maxShipments(1 + r.nextInt(2));
    }
    if (r.nextInt(5) == 0) {
      profile.shipComplete(true);
    }
    if (r.nextInt(4) == 0) {
      profile.minSplitShipmentValue(dev.omnichannel.core.order.Money.of("40", "EUR"));
    }
    switch (r.nextInt(4)) {
      case 1 -> profile.strategy(RoutingStrategy.RULES);
      case 2 ->
          profile
              .strategy(RoutingStrategy.RULES)
              .addRules(
                  RoutingRule.STAY_IN_MARKET,
                  RoutingRule.HIGHEST_STOCK,
                  RoutingRule.FEWEST_SHIPMENTS);
      case 3 ->
          profile
              .strategy(RoutingStrategy.SCORED)
              .addCriteria(WeightedCriterion.of(Criteria.proximity(2500), 2))
              .addCriteria(WeightedCriterion.of(Criteria.capacityHeadroom(), 1));
      default -> {}
    }
    ImmutableRoutingRequest.Builder request =
        RoutingRequest.builder().order(order).snapshot(snap.build()).profile(profile.build());
    if (lines >= 3 && r.nextInt(3) == 0) {
      request.addKits(com.google.common.collect.ImmutableSet.of("L0", "L1"));
    }
    return new Instance(seed, network.build(), request.build());
  }
}
