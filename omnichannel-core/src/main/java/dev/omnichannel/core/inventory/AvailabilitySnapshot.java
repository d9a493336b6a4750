package dev.omnichannel.core.inventory;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.NodeId;
import dev.omnichannel.core.Sku;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A consistent, immutable view of what each channel may take from each node for a set of SKUs at
 * one instant: the input of routing.
 *
 * <p>{@link #available(Sku, NodeId, ChannelId)} is what a reservation for that channel at that node
 * would be granted at {@link #takenAt()}: free stock after other channels' ring-fences and the
 * channel's scarcity cut-off, before the safety buffer (the buffer only lowers what is published).
 * {@link #availableToPromise(Sku, ChannelId)} is the published number. For a bundle SKU both count
 * whole bundles: the minimum over its components.
 *
 * <p>Taken from a pool with {@link InventoryPool#snapshot(java.util.Collection)}, or built by hand
 * with {@link #builder(Instant)} for tests and for hosts that keep stock elsewhere. Immutable and
 * thread-safe.
 *
 * @since 0.1.0
 */
public final class AvailabilitySnapshot {
  private final Instant takenAt;
  private final ImmutableMap<Sku, ImmutableMap<ChannelId, ImmutableMap<NodeId, Long>>> byNode;
  private final ImmutableMap<Sku, ImmutableMap<ChannelId, Long>> published;
  private final ImmutableMap<Sku, ImmutableMap<Sku, Integer>> bundles;

  // The nodes in order of first appearance, and by SKU and channel the entries of byNode as
  // positions in that list and units: the primitive form availableByNode(Sku, ChannelId, int[],
  // long[]) copies out.
  private final ImmutableList<NodeId> nodes;
  private final ImmutableMap<NodeId, Integer> ordinalOf;
  private final ImmutableMap<Sku, ImmutableMap<ChannelId, NodeUnits>> byNodeOrdinal;

  /** The entries of one SKU and channel: node ordinals and units, in the map's order. */
  private static final class NodeUnits {
    final int[] ordinals;
    final long[] units;

    NodeUnits(ImmutableMap<NodeId, Long> entries, Map<NodeId, Integer> index) {
      this.ordinals = new int[entries.size()];
      this.units = new long[entries.size()];
      int x = 0;
      for (Map.Entry<NodeId, Long> e : entries.entrySet()) {
        this.ordinals[x] = index.computeIfAbsent(e.getKey(), k -> index.size());
        this.units[x] = e.getValue();
        x++;
      }
    }
  }

  private AvailabilitySnapshot(Builder builder) {
    this.takenAt = builder.takenAt;
    ImmutableMap.Builder<Sku, ImmutableMap<ChannelId, ImmutableMap<NodeId, Long>>> nodes =
        ImmutableMap.builder();
    for (Map.Entry<Sku, Map<ChannelId, Map<NodeId, Long>>> e : builder.byNode.entrySet()) {
      ImmutableMap.Builder<ChannelId, ImmutableMap<NodeId, Long>> channels = ImmutableMap.builder();
      for (Map.Entry<ChannelId, Map<NodeId, Long>> c : e.getValue().entrySet()) {
        channels.put(c.getKey(), ImmutableMap.copyOf(c.getValue()));
      }
      nodes.put(e.getKey(), channels.buildOrThrow());
    }
    this.byNode = nodes.buildOrThrow();
    ImmutableMap.Builder<Sku, ImmutableMap<ChannelId, Long>> pub = ImmutableMap.builder();
    for (Map.Entry<Sku, Map<ChannelId, Long>> e : builder.published.entrySet()) {
      pub.put(e.getKey(), ImmutableMap.copyOf(e.getValue()));
    }
    this.published = pub.buildOrThrow();
    ImmutableMap.Builder<Sku, ImmutableMap<Sku, Integer>> kits = ImmutableMap.builder();
    builder.bundles.forEach((sku, components) -> kits.put(sku, ImmutableMap.copyOf(components)));
    this.bundles = kits.buildOrThrow();
    Map<NodeId, Integer> ordinals = new LinkedHashMap<>();
    ImmutableMap.Builder<Sku, ImmutableMap<ChannelId, NodeUnits>> rows = ImmutableMap.builder();
    for (Map.Entry<Sku, ImmutableMap<ChannelId, ImmutableMap<NodeId, Long>>> e :
        byNode.entrySet()) {
      ImmutableMap.Builder<ChannelId, NodeUnits> channels = ImmutableMap.builder();
      for (Map.Entry<ChannelId, ImmutableMap<NodeId, Long>> c : e.getValue().entrySet()) {
        channels.put(c.getKey(), new NodeUnits(c.getValue(), ordinals));
      }
      rows.put(e.getKey(), channels.buildOrThrow());
    }
    this.byNodeOrdinal = rows.buildOrThrow();
    this.ordinalOf = ImmutableMap.copyOf(ordinals);
    this.nodes = ImmutableList.copyOf(ordinals.keySet());
  }

  /** Returns a builder for a snapshot taken at {@code takenAt}. */
  public static Builder builder(Instant takenAt) {
    return new Builder(takenAt);
  }

  /** Returns the instant the snapshot describes. */
  public Instant takenAt() {
    return takenAt;
  }

  /** Returns the SKUs the snapshot holds, bundles included. */
  public ImmutableSet<Sku> skus() {
    return ImmutableSet.<Sku>builder().addAll(byNode.keySet()).addAll(bundles.keySet()).build();
  }

  /** Returns whether the snapshot holds {@code sku}. */
  public boolean contains(Sku sku) {
    return byNode.containsKey(sku) || bundles.containsKey(sku);
  }

  /**
   * Returns how many units of {@code sku} a reservation for {@code channel} would be granted at
   * {@code node}; zero for a SKU, node or channel the snapshot does not hold.
   */
  public long available(Sku sku, NodeId node, ChannelId channel) {
    ImmutableMap<Sku, Integer> components = bundles.get(sku);
    if (components != null) {
      long min = Long.MAX_VALUE;
      for (Map.Entry<Sku, Integer> c : components.entrySet()) {
        min = Math.min(min, available(c.getKey(), node, channel) / c.getValue());
      }
      return components.isEmpty() ? 0 : min;
    }
    ImmutableMap<ChannelId, ImmutableMap<NodeId, Long>> channels = byNode.get(sku);
    if (channels == null) {
      return 0;
    }
    ImmutableMap<NodeId, Long> nodes = channels.get(channel);
    if (nodes == null) {
      return 0;
    }
    return nodes.getOrDefault(node, 0L);
  }

  /**
   * Returns, by node, how many units of {@code sku} {@code channel} may take. For a SKU, every node
   * the snapshot recorded for it, with zero where it has nothing to give; nodes it did not record
   * are left out. For a bundle, whole bundles that one node can make on its own, only where that is
   * at least one.
   */
  public ImmutableMap<NodeId, Long> availableByNode(Sku sku, ChannelId channel) {
    ImmutableMap<Sku, Integer> components = bundles.get(sku);
    if (components != null) {
      Map<NodeId, Long> result = new LinkedHashMap<>();
      if (components.isEmpty()) {
        return ImmutableMap.of();
      }
      Sku first = components.keySet().iterator().next();
      for (NodeId node : availableByNode(first, channel).keySet()) {
        long n = available(sku, node, channel);
        if (n > 0) {
          result.put(node, n);
        }
      }
      return ImmutableMap.copyOf(result);
    }
    ImmutableMap<ChannelId, ImmutableMap<NodeId, Long>> channels = byNode.get(sku);
    if (channels == null) {
      return ImmutableMap.of();
    }
    ImmutableMap<NodeId, Long> nodes = channels.get(channel);
    return nodes == null ? ImmutableMap.of() : nodes;
  }

  /**
   * Returns every node the snapshot holds availability at, each once, in a fixed order: the
   * positions in this list are the node ordinals {@link #availableByNode(Sku, ChannelId, int[],
   * long[])} writes. The same list instance on every call.
   *
   * @since 0.1.0
   */
  public ImmutableList<NodeId> nodes() {
    return nodes;
  }

  /**
   * Writes the entries of {@link #availableByNode(Sku, ChannelId)}, in its order, into {@code
   * nodeOrdinals} (each node as its position in {@link #nodes()}) and {@code units}, and returns
   * how many there are: the same figures without building or walking a map, for callers that read
   * many SKUs and keep their own arrays by node.
   *
   * @throws IllegalArgumentException if either array is shorter than {@link #nodes()}
   * @since 0.1.0
   */
  public int availableByNode(Sku sku, ChannelId channel, int[] nodeOrdinals, long[] units) {
    checkNotNull(sku, "sku");
    checkNotNull(channel, "channel");
    if (nodeOrdinals.length < nodes.size() || units.length < nodes.size()) {
      // Not checkArgument: its three-argument form would box the sizes on every call.
      throw new IllegalArgumentException(
          "arrays must hold at least "
              + nodes.size()
              + " nodes: "
              + nodeOrdinals.length
              + " and "
              + units.length);
    }
    if (bundles.containsKey(sku)) {
      int n = 0;
      for (Map.Entry<NodeId, Long> e : availableByNode(sku, channel).entrySet()) {
        nodeOrdinals[n] = checkNotNull(ordinalOf.get(e.getKey()), "ordinal");
        units[n] = e.getValue();
        n++;
      }
      return n;
    }
    ImmutableMap<ChannelId, NodeUnits> channels = byNodeOrdinal.get(sku);
    if (channels == null) {
      return 0;
    }
    NodeUnits row = channels.get(channel);
    if (row == null) {
      return 0;
    }
    int n = row.ordinals.length;
    System.arraycopy(row.ordinals, 0, nodeOrdinals, 0, n);
    System.arraycopy(row.units, 0, units, 0, n);
    return n;
  }

  /**
   * Returns the quantity published to {@code channel} for {@code sku}: after the safety buffer,
   * exposure cap and rounding; zero for what the snapshot does not hold.
   */
  public long availableToPromise(Sku sku, ChannelId channel) {
    ImmutableMap<Sku, Integer> components = bundles.get(sku);
    if (components != null) {
      long min = Long.MAX_VALUE;
      for (Map.Entry<Sku, Integer> c : components.entrySet()) {
        min = Math.min(min, availableToPromise(c.getKey(), channel) / c.getValue());
      }
      return components.isEmpty() ? 0 : min;
    }
    ImmutableMap<ChannelId, Long> channels = published.get(sku);
    return channels == null ? 0 : channels.getOrDefault(channel, 0L);
  }

  /** Returns the components of {@code sku} and units of each per bundle, if it is a bundle. */
  public Optional<ImmutableMap<Sku, Integer>> bundleComponents(Sku sku) {
    return Optional.ofNullable(bundles.get(sku));
  }

  @Override
  public String toString() {
    return "AvailabilitySnapshot{takenAt=" + takenAt + ", skus=" + skus().size() + "}";
  }

  /**
   * Builds a snapshot by hand. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final Instant takenAt;
    private final Map<Sku, Map<ChannelId, Map<NodeId, Long>>> byNode = new LinkedHashMap<>();
    private final Map<Sku, Map<ChannelId, Long>> published = new LinkedHashMap<>();
    private final Map<Sku, Map<Sku, Integer>> bundles = new LinkedHashMap<>();

    private Builder(Instant takenAt) {
      this.takenAt = checkNotNull(takenAt, "takenAt");
    }

    /**
     * Declares {@code sku} as known to the snapshot, with nothing available anywhere unless set
     * otherwise: a SKU the pool holds but no channel may take now.
     */
    public Builder sku(Sku sku) {
      byNode.computeIfAbsent(checkNotNull(sku, "sku"), k -> new LinkedHashMap<>());
      return this;
    }

    /**
     * Sets what {@code channel} may take of {@code sku} at {@code node}.
     *
     * @throws IllegalArgumentException if {@code units} is negative
     */
    public Builder available(Sku sku, NodeId node, ChannelId channel, long units) {
      checkArgument(units >= 0, "units must not be negative: %s", units);
      byNode
          .computeIfAbsent(checkNotNull(sku, "sku"), k -> new LinkedHashMap<>())
          .computeIfAbsent(checkNotNull(channel, "channel"), k -> new LinkedHashMap<>())
          .put(checkNotNull(node, "node"), units);
      return this;
    }

    /**
     * Sets the quantity published to {@code channel} for {@code sku}.
     *
     * @throws IllegalArgumentException if {@code units} is negative
     */
    public Builder published(Sku sku, ChannelId channel, long units) {
      checkArgument(units >= 0, "units must not be negative: %s", units);
      published
          .computeIfAbsent(checkNotNull(sku, "sku"), k -> new HashMap<>())
          .put(checkNotNull(channel, "channel"), units);
      return this;
    }

    /**
     * Declares {@code bundle} as made of {@code components} (units of each per bundle).
     *
     * @throws IllegalArgumentException if there are no components or a count is below 1
     */
    public Builder bundle(Sku bundle, Map<Sku, Integer> components) {
      checkArgument(!components.isEmpty(), "bundle %s has no components", bundle);
      components.forEach(
          (sku, units) ->
              checkArgument(
                  units >= 1, "bundle %s needs at least 1 of %s: %s", bundle, sku, units));
      bundles.put(checkNotNull(bundle, "bundle"), new LinkedHashMap<>(components));
      return this;
    }

    /** Returns the snapshot. */
    public AvailabilitySnapshot build() {
      return new AvailabilitySnapshot(this);
    }
  }
}
