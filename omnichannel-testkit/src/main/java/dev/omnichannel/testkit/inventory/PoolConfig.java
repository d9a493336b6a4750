package dev.omnichannel.testkit.inventory;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.Sku;
import dev.omnichannel.core.inventory.AllocationPolicy;
import dev.omnichannel.core.inventory.InventoryPool;
import dev.omnichannel.core.inventory.InventoryPoolBuilder;
import dev.omnichannel.core.inventory.Node;
import java.time.Clock;

/**
 * A generated pool configuration: nodes, channels with policies, SKUs and bundles. Immutable.
 *
 * @param nodes the nodes, in pool order
 * @param channels the channels and their policies, in pool order
 * @param skus the plain SKUs
 * @param bundles bundle SKUs and their components
 * @since 0.1.0
 */
public record PoolConfig(
    ImmutableList<Node> nodes,
    ImmutableMap<ChannelId, AllocationPolicy> channels,
    ImmutableList<Sku> skus,
    ImmutableMap<Sku, ImmutableMap<Sku, Integer>> bundles) {
  /** Creates the configuration. */
  public PoolConfig {
    checkNotNull(nodes, "nodes");
    checkNotNull(channels, "channels");
    checkNotNull(skus, "skus");
    checkNotNull(bundles, "bundles");
  }

  /** Returns a builder holding this configuration, with {@code clock}. */
  public InventoryPoolBuilder toBuilder(Clock clock) {
    InventoryPoolBuilder builder = InventoryPool.builder().clock(clock);
    nodes.forEach(builder::node);
    channels.forEach(builder::channel);
    skus.forEach(builder::sku);
    bundles.forEach(builder::bundle);
    return builder;
  }

  /** Returns the plain and bundle SKUs. */
  public ImmutableList<Sku> allSkus() {
    return ImmutableList.<Sku>builder().addAll(skus).addAll(bundles.keySet()).build();
  }
}
