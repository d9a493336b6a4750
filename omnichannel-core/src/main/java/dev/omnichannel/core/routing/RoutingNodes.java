package dev.omnichannel.core.routing;

import com.google.common.collect.ImmutableMap;
import dev.omnichannel.core.NodeId;
import dev.omnichannel.core.order.GeoPoint;
import java.util.Arrays;
import java.util.Comparator;

/**
 * The nodes of a network as every route call reads them: sorted by id, indexed by id, with their
 * ship dates remembered and the parts of the distance formula that depend on the node alone worked
 * out once. Immutable apart from the thread-safe ship date cache.
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
   * Writes into {@code out[a]} the distance from node {@code a} to {@code to}, equal bit for bit to
   * {@code sorted[a].location().distanceKm(to)}: the same haversine formula, with the cosines of
   * the latitudes worked out once instead of on every call.
   */
  void distancesKm(GeoPoint to, double[] out) {
    double lat2 = Math.toRadians(to.latitude());
    double cosLat2 = Math.cos(lat2);
    double lon2 = to.longitude();
    for (int a = 0; a < out.length; a++) {
      double dLat = lat2 - latitudeRadians[a];
      double dLon = Math.toRadians(lon2 - longitude[a]);
      double sinLat = Math.sin(dLat / 2);
      double sinLon = Math.sin(dLon / 2);
      double h = sinLat * sinLat + cosLatitude[a] * cosLat2 * sinLon * sinLon;
      out[a] = 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(h)));
    }
  }
}
