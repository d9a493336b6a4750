package dev.omnichannel.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnichannel.core.order.GeoPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Checks the per-network node tables every route call reads. */
class RoutingNodesTest {
  @Test
  void distancesEqualGeoPointDistancesBitForBit() {
    Random random = new Random(2026);
    List<NodeProfile> nodes = new ArrayList<>();
    for (int n = 0; n < 200; n++) {
      nodes.add(
          Fixtures.node(String.format(java.util.Locale.ROOT, "N%03d", n), point(random), "US")
              .build());
    }
    nodes.add(Fixtures.node("P-NORTH", GeoPoint.of(90, 0), "US").build());
    nodes.add(Fixtures.node("P-SOUTH", GeoPoint.of(-90, 180), "US").build());
    RoutingNodes table =
        new RoutingNodes(
            FulfillmentNetwork.builder()
                .addAllNodes(nodes)
                .shippingCostModel(Fixtures.costModel())
                .currency(java.util.Currency.getInstance("USD"))
                .build());
    double[] out = new double[table.sorted.length];
    for (int t = 0; t < 500; t++) {
      GeoPoint to = t == 0 ? GeoPoint.of(-90, -180) : t == 1 ? GeoPoint.of(0, 180) : point(random);
      table.distancesKm(to, out);
      for (int a = 0; a < out.length; a++) {
        double expected = table.sorted[a].location().distanceKm(to);
        assertThat(Double.doubleToRawLongBits(out[a]))
            .as("%s to %s", table.sorted[a].id(), to)
            .isEqualTo(Double.doubleToRawLongBits(expected));
      }
    }
  }

  private static GeoPoint point(Random random) {
    return GeoPoint.of(-90 + 180 * random.nextDouble(), -180 + 360 * random.nextDouble());
  }
}
