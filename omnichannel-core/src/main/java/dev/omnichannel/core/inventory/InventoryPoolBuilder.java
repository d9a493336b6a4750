package dev.omnichannel.core.inventory;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.NodeId;
import dev.omnichannel.core.Sku;
import dev.omnichannel.core.inventory.spi.AvailabilityListener;
import dev.omnichannel.core.inventory.spi.InventoryJournal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Configures and builds an {@link InventoryPool}. Validates eagerly and names the broken rule. Not
 * thread-safe; the pool it builds is.
 *
 * <pre>{@code
 * InventoryPool pool = InventoryPool.builder()
 *     .node(Node.warehouse("DC-EAST"))
 *     .node(Node.marketplace("FBA-US"))
 *     .channel(ChannelId.of("web"), AllocationPolicy.builder()
 *         .addEligibleNodes(NodeId.of("DC-EAST"))
 *         .safetyBuffer(SafetyBuffer.units(2))
 *         .build())
 *     .channel(ChannelId.of("amazon"), AllocationPolicy.open())
 *     .clock(clock)
 *     .build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class InventoryPoolBuilder {
  /** Longest idempotency retention accepted, to keep the memory bound meaningful. */
  private static final Duration MAX_RETENTION = Duration.ofDays(30);

  final Map<NodeId, Node> nodes = new LinkedHashMap<>();
  final Map<ChannelId, AllocationPolicy> channels = new LinkedHashMap<>();
  final Map<Sku, ImmutableMap<Sku, Integer>> bundles = new LinkedHashMap<>();
  final List<Sku> skus = new ArrayList<>();
  final List<AvailabilityListener> listeners = new ArrayList<>();
  Clock clock = Clock.systemUTC();
  InventoryJournal journal = new InMemoryJournal();
  Duration idempotencyRetention = Duration.ofHours(24);
  int idempotencyCapacity = 200_000;

  InventoryPoolBuilder() {}

  /**
   * Adds a node. Nodes keep the order they are added in.
   *
   * @throws IllegalArgumentException if a node with the same id was added
   */
  public InventoryPoolBuilder node(Node node) {
    checkNotNull(node, "node");
    checkArgument(nodes.putIfAbsent(node.id(), node) == null, "node added twice: %s", node.id());
    return this;
  }

  /**
   * Adds a channel with its allocation policy.
   *
   * @throws IllegalArgumentException if the channel was added already
   */
  public InventoryPoolBuilder channel(ChannelId channel, AllocationPolicy policy) {
    checkNotNull(channel, "channel");
    checkNotNull(policy, "policy");
    checkArgument(
        channels.putIfAbsent(channel, policy) == null, "channel added twice: %s", channel);
    return this;
  }

  /** Declares a SKU with no stock yet, so that it can be queried before its first receipt. */
  public InventoryPoolBuilder sku(Sku sku) {
    skus.add(checkNotNull(sku, "sku"));
    return this;
  }

  /**
   * Declares {@code bundle} as a kit of {@code components} (units of each per bundle). Its
   * availability is the minimum over components; reserving it reserves the components atomically.
   *
   * @throws IllegalArgumentException if there are no components, a count is below 1, the bundle is
   *     one of its own components or was declared already
   */
  public InventoryPoolBuilder bundle(Sku bundle, Map<Sku, Integer> components) {
    checkNotNull(bundle, "bundle");
    checkArgument(!components.isEmpty(), "bundle %s has no components", bundle);
    checkArgument(!components.containsKey(bundle), "bundle %s contains itself", bundle);
    components.forEach(
        (sku, units) ->
            checkArgument(
                units != null && units >= 1,
                "bundle %s needs at least 1 of %s: %s",
                bundle,
                sku,
                units));
    checkArgument(!bundles.containsKey(bundle), "bundle declared twice: %s", bundle);
    bundles.put(bundle, ImmutableMap.copyOf(components));
    return this;
  }

  /** Sets the clock that stamps movements and expires holds; the system UTC clock by default. */
  public InventoryPoolBuilder clock(Clock clock) {
    this.clock = checkNotNull(clock, "clock");
    return this;
  }

  /** Sets the journal that receives every movement; an {@link InMemoryJournal} by default. */
  public InventoryPoolBuilder journal(InventoryJournal journal) {
    this.journal = checkNotNull(journal, "journal");
    return this;
  }

  /** Adds a listener for availability changes. */
  public InventoryPoolBuilder listener(AvailabilityListener listener) {
    listeners.add(checkNotNull(listener, "listener"));
    return this;
  }

  /**
   * Sets how long and how many idempotency keys the pool remembers: each key is remembered for at
   * least half of {@code retention} and at least the next {@code capacity / 2} keys, whichever ends
   * first. Settled reservations are remembered on the same terms counted in reservations, with half
   * the capacity: at least the next {@code capacity / 4} settled reservations, since each took at
   * least two keys (the one that made it and the one that settled it). Defaults: 24 hours, 200,000
   * keys. A host that needs longer windows keeps its own record of keys in front of the pool.
   *
   * <p>Keys, commands and outcomes are kept as 64-bit words in flat arrays that are reused from
   * generation to generation, not as objects, so a large window does not slow the garbage collector
   * down; memory grows with the length of keys, identifiers and rejection messages.
   *
   * @throws IllegalArgumentException if {@code retention} is not positive or above 30 days, or
   *     {@code capacity} is below 2
   */
  public InventoryPoolBuilder idempotency(Duration retention, int capacity) {
    checkNotNull(retention, "retention");
    checkArgument(
        !retention.isNegative() && !retention.isZero(),
        "retention must be positive: %s",
        retention);
    checkArgument(
        retention.compareTo(MAX_RETENTION) <= 0,
        "retention must be at most 30 days: %s",
        retention);
    checkArgument(capacity >= 2, "capacity must be at least 2: %s", capacity);
    this.idempotencyRetention = retention;
    this.idempotencyCapacity = capacity;
    return this;
  }

  /**
   * Builds the pool.
   *
   * @throws IllegalArgumentException if there is no node or channel, a policy names a node the pool
   *     does not have, or a bundle component is itself a bundle
   */
  public InventoryPool build() {
    validate();
    return new DefaultInventoryPool(this);
  }

  /**
   * Builds the pool and replays {@code movements} into it, without journaling them again and
   * without notifying listeners: the way to restart from a journal. The result holds exactly the
   * positions, reservations and transfers the movements describe.
   *
   * @throws IllegalArgumentException if a movement names a node the pool does not have or would
   *     break an invariant (a corrupt or foreign journal)
   */
  public InventoryPool rebuild(Iterable<Movement> movements) {
    validate();
    DefaultInventoryPool pool = new DefaultInventoryPool(this);
    pool.replay(movements);
    return pool;
  }

  private void validate() {
    checkArgument(!nodes.isEmpty(), "a pool needs at least one node");
    checkArgument(!channels.isEmpty(), "a pool needs at least one channel");
    for (Map.Entry<ChannelId, AllocationPolicy> e : channels.entrySet()) {
      for (NodeId node : e.getValue().eligibleNodes()) {
        checkArgument(
            nodes.containsKey(node), "channel %s may sell from unknown node %s", e.getKey(), node);
      }
      for (NodeId node : e.getValue().ringFences().keySet()) {
        checkArgument(
            nodes.containsKey(node),
            "channel %s fences stock at unknown node %s",
            e.getKey(),
            node);
      }
    }
    for (Map.Entry<Sku, ImmutableMap<Sku, Integer>> e : bundles.entrySet()) {
      for (Sku component : e.getValue().keySet()) {
        checkArgument(
            !bundles.containsKey(component),
            "bundle %s has bundle %s as a component; nest kits by listing their components",
            e.getKey(),
            component);
      }
    }
  }

  ImmutableList<Node> nodeList() {
    return ImmutableList.copyOf(nodes.values());
  }
}
