package dev.omnichannel.benchmarks.routing;

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
import dev.omnichannel.core.routing.Capability;
import dev.omnichannel.core.routing.DistanceBandCostModel;
import dev.omnichannel.core.routing.FulfillmentNetwork;
import dev.omnichannel.core.routing.ImmutableFulfillmentNetwork;
import dev.omnichannel.core.routing.NodeProfile;
import dev.omnichannel.core.routing.RateCard;
import dev.omnichannel.core.routing.RoutingProfile;
import dev.omnichannel.core.routing.RoutingRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A seeded network of fulfillment nodes spread over a continental area (roughly the contiguous
 * United States and southern Canada), a SKU catalogue stocked sparsely across the nodes, and orders
 * of a given number of lines shipped to random points of the same area.
 */
public final class GeneratedNetwork {
  /** The channel every generated order comes from. */
  public static final ChannelId WEB = ChannelId.of("web");

  /** A Wednesday, 14:00 UTC: before the cut-off of eastern nodes, after none of the western. */
  public static final Instant NOW = Instant.parse("2026-03-04T14:00:00Z");

  /** The fixed clock routing reads. */
  public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private static final int SKUS = 400;
  private static final double STOCKED_SHARE = 0.3;

  private final Random random;
  private final FulfillmentNetwork network;
  private final AvailabilitySnapshot snapshot;

  /** Generates {@code nodes} nodes from {@code seed}. */
  public GeneratedNetwork(long seed, int nodes) {
    this.random = new Random(seed);
    ImmutableFulfillmentNetwork.Builder b =
        FulfillmentNetwork.builder()
            .shippingCostModel(costModel())
            .currency(Currency.getInstance("USD"));
    for (int s = 0; s < SKUS; s++) {
      b.putUnitWeightsGram(sku(s), 150L + random.nextInt(3000));
    }
    AvailabilitySnapshot.Builder snap = AvailabilitySnapshot.builder(NOW);
    for (int n = 0; n < nodes; n++) {
      double lat = 26 + random.nextDouble() * 24;
      double lon = -123 + random.nextDouble() * 54;
      boolean canada = lat > 46.5;
      ImmutableNodeProfileBuilder node = new ImmutableNodeProfileBuilder(n, lat, lon, canada);
      b.addNodes(node.build(random));
      for (int s = 0; s < SKUS; s++) {
        if (random.nextDouble() < STOCKED_SHARE) {
          snap.available(sku(s), NodeId.of(nodeName(n)), WEB, random.nextInt(12));
        }
      }
    }
    this.network = b.build();
    this.snapshot = snap.build();
  }

  private static String nodeName(int n) {
    return String.format(java.util.Locale.ROOT, "DC%02d", n);
  }

  private static Sku sku(int s) {
    return Sku.of(String.format(java.util.Locale.ROOT, "SKU-%04d", s));
  }

  /** Returns the shipping cost model: distance bands, rates in cents. */
  public static DistanceBandCostModel costModel() {
    return DistanceBandCostModel.builder()
        .band(ServiceLevel.STANDARD, 300, new RateCard(650, 90, 2))
        .band(ServiceLevel.STANDARD, 800, new RateCard(780, 120, 3))
        .band(ServiceLevel.STANDARD, 1500, new RateCard(920, 160, 4))
        .band(ServiceLevel.STANDARD, 2500, new RateCard(1100, 210, 5))
        .band(ServiceLevel.STANDARD, 5000, new RateCard(1300, 260, 6))
        .build();
  }

  /** Returns the network. */
  public FulfillmentNetwork network() {
    return network;
  }

  /** Returns the snapshot every generated order plans on. */
  public AvailabilitySnapshot snapshot() {
    return snapshot;
  }

  /** Returns a request for an order of {@code lines} distinct SKUs, routed by {@code profile}. */
  public RoutingRequest order(int id, int lines, RoutingProfile profile) {
    Set<Integer> skus = new LinkedHashSet<>();
    while (skus.size() < lines) {
      skus.add(random.nextInt(SKUS));
    }
    List<OrderLine> orderLines = new ArrayList<>();
    int l = 0;
    for (int s : skus) {
      orderLines.add(
          OrderLine.builder()
              .lineId(String.valueOf(++l))
              .sku(sku(s))
              .quantity(1 + (random.nextInt(4) == 0 ? random.nextInt(3) : 0))
              .unitPrice(Money.of(String.valueOf(5 + random.nextInt(120)), "USD"))
              .build());
    }
    double lat = 26 + random.nextDouble() * 23;
    double lon = -123 + random.nextDouble() * 54;
    PostalAddress to =
        PostalAddress.builder()
            .addLines("1 Main Street")
            .countryCode(lat > 48.5 ? "CA" : "US")
            .location(GeoPoint.of(lat, lon))
            .build();
    Order order =
        Order.builder().orderId("G-" + id).channel(WEB).shipTo(to).addAllLines(orderLines).build();
    return RoutingRequest.of(order, snapshot, profile);
  }

  /** Builds one node profile. */
  private static final class ImmutableNodeProfileBuilder {
    private final int n;
    private final double lat;
    private final double lon;
    private final boolean canada;

    ImmutableNodeProfileBuilder(int n, double lat, double lon, boolean canada) {
      this.n = n;
      this.lat = lat;
      this.lon = lon;
      this.canada = canada;
    }

    NodeProfile build(Random random) {
      var b =
          NodeProfile.builder()
              .id(NodeId.of(nodeName(n)))
              .location(GeoPoint.of(lat, lon))
              .countryCode(canada ? "CA" : "US")
              .addServedCountries("US", "CA")
              .addCapabilities(Capability.DTC_BRANDED_PACKING)
              .zone(ZoneId.of(lon < -100 ? "America/Denver" : "America/New_York"))
              .pickCostPerOrder(120 + random.nextInt(300))
              .pickCostPerUnit(15 + random.nextInt(50));
      if (random.nextInt(5) == 0) {
        b.dailyCapacityUnits(500).capacityLeftUnits(random.nextInt(40));
      }
      return b.build();
    }
  }
}
