package dev.omnichannel.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableMap;
import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.NodeId;
import dev.omnichannel.core.Sku;
import dev.omnichannel.core.inventory.AvailabilitySnapshot;
import dev.omnichannel.core.order.GeoPoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  @Test
  void snapshotNodesMapToNetworkIndicesAndPrimitiveReadsEqualTheMaps() {
    RoutingNodes table =
        new RoutingNodes(
            Fixtures.network(
                Fixtures.node("B", Fixtures.BERLIN_POINT, "DE").build(),
                Fixtures.node("A", Fixtures.HAMBURG_POINT, "DE").build()));
    ChannelId store = ChannelId.of("store");
    AvailabilitySnapshot snapshot =
        Fixtures.snapshot()
            .available(Fixtures.sku("S1"), Fixtures.id("B"), Fixtures.WEB, 4)
            .available(Fixtures.sku("S1"), Fixtures.id("X"), Fixtures.WEB, 9)
            .available(Fixtures.sku("S1"), Fixtures.id("A"), Fixtures.WEB, 0)
            .available(Fixtures.sku("S2"), Fixtures.id("A"), Fixtures.WEB, 2)
            .available(Fixtures.sku("S2"), Fixtures.id("B"), store, 5)
            .available(Fixtures.sku("S2"), Fixtures.id("X"), Fixtures.WEB, 3)
            .sku(Fixtures.sku("S3"))
            .bundle(
                Fixtures.sku("K"), ImmutableMap.of(Fixtures.sku("S1"), 2, Fixtures.sku("S2"), 1))
            .build();
    assertThat(snapshot.nodes())
        .containsExactly(Fixtures.id("B"), Fixtures.id("X"), Fixtures.id("A"));
    assertThat(snapshot.nodes()).isSameAs(snapshot.nodes());
    int[] toNetwork = table.snapshotNodeIndex(snapshot);
    assertThat(toNetwork).containsExactly(1, -1, 0);
    assertThat(table.snapshotNodeIndex(snapshot)).isSameAs(toNetwork);

    assertThat(snapshot.availableByNode(Fixtures.sku("K"), Fixtures.WEB))
        .containsExactlyEntriesOf(ImmutableMap.of(Fixtures.id("X"), 3L));
    int[] ordinals = new int[3];
    long[] units = new long[3];
    for (String s : List.of("S1", "S2", "S3", "K", "UNKNOWN")) {
      for (ChannelId channel : List.of(Fixtures.WEB, store, ChannelId.of("none"))) {
        Sku sku = Fixtures.sku(s);
        int n = snapshot.availableByNode(sku, channel, ordinals, units);
        Map<NodeId, Long> read = new LinkedHashMap<>();
        for (int x = 0; x < n; x++) {
          read.put(snapshot.nodes().get(ordinals[x]), units[x]);
        }
        assertThat(read)
            .as("%s for %s", s, channel)
            .containsExactlyEntriesOf(snapshot.availableByNode(sku, channel));
      }
    }
    assertThatThrownBy(
            () -> snapshot.availableByNode(Fixtures.sku("S1"), Fixtures.WEB, new int[2], units))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("arrays must hold at least 3 nodes: 2 and 3");
  }

  private static GeoPoint point(Random random) {
    return GeoPoint.of(-90 + 180 * random.nextDouble(), -180 + 360 * random.nextDouble());
  }
}
