package dev.omnichannel.core.routing;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.omnichannel.core.NodeId;
import dev.omnichannel.core.inventory.AvailabilitySnapshot;
import dev.omnichannel.core.order.GeoPoint;
import java.util.Arrays;
import java.util.Comparator;
import org.jspecify.annotations.Nullable;

/**
 * The nodes of a network as every route call reads them: sorted by id, indexed by id, with their
 * ship dates remembered and the parts of the distance formula that depend on the node alone worked
 * out once. Immutable apart from the thread-safe ship date cache and the thread-safe memo of the
 * last snapshot's nodes.
 */
final class RoutingNodes {
  /** The mean earth radius {@link GeoPoint#distanceKm} uses. */
  private static final double EARTH_RADIUS_KM = 6371.0088;

  final NodeProfile[] sorted;
  final ImmutableMap<NodeId, Integer> index;
  final ShipDates shipDates;
  private final double[] latitudeRadians;
  private final double[] cosLatitude;
  private final double[] longitude;

  /** A snapshot's node list and, for each of its nodes, the network index or -1. */
  private static final class SnapshotNodes {
    final ImmutableList<NodeId> nodes;
    final int[] toNetwork;

    SnapshotNodes(ImmutableList<NodeId> nodes, int[] toNetwork) {
      this.nodes = nodes;
      this.toNetwork = toNetwork;
    }
  }

  // The node lists of consecutive orders are usually one instance (orders planned on one
  // snapshot), so the last mapping is kept; it depends only on the list and the network.
  private volatile @Nullable SnapshotNodes lastSnapshotNodes;

  RoutingNodes(FulfillmentNetwork network) {
    NodeProfile[] nodes = network.nodes().toArray(new NodeProfile[0]);
    Arrays.sort(nodes, Comparator.comparing(NodeProfile::id));
    this.sorted = nodes;
    ImmutableMap.Builder<NodeId, Integer> ids = ImmutableMap.builder();
    latitudeRadians = new double[nodes.length];
    cosLatitude = new double[nodes.length];
    longitude = new double[nodes.length];
    for (int i = 0; i < nodes.length; i++) {
      ids.put(nodes[i].id(), i);
      GeoPoint at = nodes[i].location();
      latitudeRadians[i] = Math.toRadians(at.latitude());
      cosLatitude[i] = Math.cos(latitudeRadians[i]);
      longitude[i] = at.longitude();
    }
    this.index = ids.buildOrThrow();
    this.shipDates = new ShipDates(nodes);
  }

  /**
   * Returns, for each node of {@code snapshot} (by its position in {@link
   * AvailabilitySnapshot#nodes()}), its index in {@link #sorted}, or -1 for a node outside the
   * network. The array is shared: callers must not write to it.
   */
  @SuppressWarnings("ReferenceEquality") // the same list instance means the same snapshot nodes
  int[] snapshotNodeIndex(AvailabilitySnapshot snapshot) {
    ImmutableList<NodeId> ids = snapshot.nodes();
    SnapshotNodes last = lastSnapshotNodes;
    if (last != null && last.nodes == ids) {
      return last.toNetwork;
    }
    int[] toNetwork = new int[ids.size()];
    for (int x = 0; x < toNetwork.length; x++) {
      Integer at = index.get(ids.get(x));
      toNetwork[x] = at == null ? -1 : at;
    }
    lastSnapshotNodes = new SnapshotNodes(ids, toNetwork);
    return toNetwork;
  }

  /**
   * Writes into {@code out[a]} the distance from node {@code a} to {@code to}, equal bit for bit to
   * {@code sorted[a].location().distanceKm(to)}: the same haversine formula, with the cosines of
   * the latitudes worked out once instead of on every call. {@code out} may be longer than the
   * network; entries past it are left alone.
   */
  void distancesKm(GeoPoint to, double[] out) {
    double lat2 = Math.toRadians(to.latitude());
    double cosLat2 = Math.cos(lat2);
    double lon2 = to.longitude();
    for (int a = 0; a < sorted.length; a++) {
      double dLat = lat2 - latitudeRadians[a];
      double dLon = Math.toRadians(lon2 - longitude[a]);
      double sinLat = Math.sin(dLat / 2);
      double sinLon = Math.sin(dLon / 2);
      double h = sinLat * sinLat + cosLatitude[a] * cosLat2 * sinLon * sinLon;
      out[a] = 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(h)));
    }
  }
}
