package dev.omnichannel.core.routing;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.omnichannel.core.NodeId;
import dev.omnichannel.core.internal.GreatCircle;
import dev.omnichannel.core.inventory.AvailabilitySnapshot;
import dev.omnichannel.core.order.GeoPoint;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * The nodes of a network as every route call reads them: sorted by id, indexed by id, with their
 * ship dates remembered and the parts of the distance formula that depend on the node alone worked
 * out once, along with everything else about a node that does not depend on the order. Immutable
 * apart from the thread-safe ship date cache, the thread-safe memo of the last snapshot's nodes and
 * the thread-safe screens by destination country.
 */
final class RoutingNodes {
  final NodeProfile[] sorted;
  final ImmutableMap<NodeId, Integer> index;
  final ShipDates shipDates;

  /**
   * Per node, its location as a point on the unit sphere, as {@link GeoPoint#distanceKm} has it.
   */
  private final double[] unitX;

  private final double[] unitY;
  private final double[] unitZ;

  /** Per node, its pick costs and the units it can still ship today, as its profile says. */
  final long[] pickCostPerOrder;

  final long[] pickCostPerUnit;
  final long[] capacityLeftUnits;

  /** Per node, the bits (by ordinal) of the capabilities it has. */
  private final int[] capabilityBits;

  /**
   * The screens of the destination countries met so far, by {@link #countrySlot}; the screen of a
   * country depends only on the nodes, so a slot is filled once and read by every order after.
   */
  private final AtomicReferenceArray<@Nullable CountryScreen> countries =
      new AtomicReferenceArray<>(26 * 26);

  /** What the nodes' profiles alone say about shipping to one destination country. */
  static final class CountryScreen {
    /**
     * Per node, the bits (by ordinal) of {@link ExclusionReason#DOES_NOT_SERVE_DESTINATION} and
     * {@link ExclusionReason#NO_CAPACITY} that apply to it.
     */
    final int[] exclusions;

    /** Whether any node ships to the country, whatever else excludes it. */
    final boolean anyServes;

    CountryScreen(int[] exclusions, boolean anyServes) {
      this.exclusions = exclusions;
      this.anyServes = anyServes;
    }
  }

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
    unitX = new double[nodes.length];
    unitY = new double[nodes.length];
    unitZ = new double[nodes.length];
    pickCostPerOrder = new long[nodes.length];
    pickCostPerUnit = new long[nodes.length];
    capacityLeftUnits = new long[nodes.length];
    capabilityBits = new int[nodes.length];
    for (int i = 0; i < nodes.length; i++) {
      ids.put(nodes[i].id(), i);
      pickCostPerOrder[i] = nodes[i].pickCostPerOrder();
      pickCostPerUnit[i] = nodes[i].pickCostPerUnit();
      capacityLeftUnits[i] = nodes[i].capacityLeftUnits();
      capabilityBits[i] = capabilityBits(nodes[i].capabilities());
      GeoPoint at = nodes[i].location();
      double lat = Math.toRadians(at.latitude());
      double lon = Math.toRadians(at.longitude());
      double cos = Math.cos(lat);
      unitX[i] = cos * Math.cos(lon);
      unitY[i] = cos * Math.sin(lon);
      unitZ[i] = Math.sin(lat);
    }
    this.index = ids.buildOrThrow();
    this.shipDates = new ShipDates(nodes);
  }

  /** Returns the bits (by ordinal) of {@code capabilities}. */
  @SuppressWarnings("EnumOrdinal") // in-memory bit sets, never stored or sent
  static int capabilityBits(Iterable<Capability> capabilities) {
    int bits = 0;
    for (Capability c : capabilities) {
      bits |= 1 << c.ordinal();
    }
    return bits;
  }

  /** Returns whether node {@code a} has every capability of {@code bits} (see capabilityBits). */
  boolean hasCapabilities(int a, int bits) {
    return (capabilityBits[a] & bits) == bits;
  }

  /** Returns the screen of the nodes for orders shipped to {@code country}. */
  CountryScreen country(String country) {
    int slot = countrySlot(country);
    if (slot < 0) {
      return screen(country);
    }
    CountryScreen s = countries.get(slot);
    if (s == null) {
      s = screen(country);
      countries.set(slot, s);
    }
    return s;
  }

  /**
   * Returns the slot of a code of two upper-case ASCII letters, one slot per such code, or -1 for
   * any other string (screened afresh on every call, never remembered).
   */
  private static int countrySlot(String country) {
    if (country.length() != 2) {
      return -1;
    }
    int first = country.charAt(0) - 'A';
    int second = country.charAt(1) - 'A';
    if (first < 0 || first >= 26 || second < 0 || second >= 26) {
      return -1;
    }
    return first * 26 + second;
  }

  @SuppressWarnings("EnumOrdinal") // in-memory bit sets, never stored or sent
  private CountryScreen screen(String country) {
    int[] why = new int[sorted.length];
    boolean anyServes = false;
    for (int a = 0; a < sorted.length; a++) {
      NodeProfile node = sorted[a];
      if (!node.serves(country)) {
        why[a] |= 1 << ExclusionReason.DOES_NOT_SERVE_DESTINATION.ordinal();
      } else {
        anyServes = true;
      }
      if (node.capacityLeftOrders() < 1 || node.capacityLeftUnits() < 1) {
        why[a] |= 1 << ExclusionReason.NO_CAPACITY.ordinal();
      }
    }
    return new CountryScreen(why, anyServes);
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
   * {@code sorted[a].location().distanceKm(to)}: the same chord formula, with each node's point on
   * the unit sphere worked out once instead of on every call. {@code out} may be longer than the
   * network; entries past it are left alone.
   */
  void distancesKm(GeoPoint to, double[] out) {
    double lat = Math.toRadians(to.latitude());
    double lon = Math.toRadians(to.longitude());
    double cos = Math.cos(lat);
    double x = cos * Math.cos(lon);
    double y = cos * Math.sin(lon);
    double z = Math.sin(lat);
    for (int a = 0; a < sorted.length; a++) {
      double dx = unitX[a] - x;
      double dy = unitY[a] - y;
      double dz = unitZ[a] - z;
      out[a] = GreatCircle.arcKm(dx * dx + dy * dy + dz * dz);
    }
  }
}
