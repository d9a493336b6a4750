package dev.omnichannel.core.routing;

import com.google.common.collect.ImmutableMap;
import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.NodeId;
import dev.omnichannel.core.Sku;
import dev.omnichannel.core.inventory.AvailabilitySnapshot;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a snapshot leaves once some plans have taken their units: the stock batch routing plans the
 * next order on. Units a plan takes at a node are taken from every channel's view of that node.
 */
final class Residual {
  private final AvailabilitySnapshot base;
  private final Set<ChannelId> channels;
  private final Set<Sku> skus = new LinkedHashSet<>();
  private final Map<Sku, ImmutableMap<Sku, Integer>> bundles = new LinkedHashMap<>();
  private final Map<Sku, Map<NodeId, Long>> taken = new LinkedHashMap<>();

  Residual(AvailabilitySnapshot base, Collection<ChannelId> channels, Collection<Sku> orderSkus) {
    this.base = base;
    this.channels = new LinkedHashSet<>(channels);
    for (Sku sku : orderSkus) {
      if (!base.contains(sku)) {
        continue;
      }
      Optional<ImmutableMap<Sku, Integer>> parts = base.bundleComponents(sku);
      if (parts.isPresent()) {
        bundles.put(sku, parts.get());
        skus.addAll(parts.get().keySet());
      } else {
        skus.add(sku);
      }
    }
  }

  /** Records the units {@code plan} takes. */
  void take(FulfillmentPlan plan) {
    for (Shipment s : plan.shipments()) {
      for (PlannedLine l : s.lines()) {
        ImmutableMap<Sku, Integer> parts = bundles.get(l.sku());
        if (parts != null) {
          parts.forEach((c, u) -> add(c, s.node(), l.quantity() * u));
        } else {
          add(l.sku(), s.node(), l.quantity());
        }
      }
    }
  }

  private void add(Sku sku, NodeId node, long qty) {
    taken.computeIfAbsent(sku, x -> new LinkedHashMap<>()).merge(node, qty, Long::sum);
  }

  /** Returns the snapshot after what was taken, with the stock {@code plan} uses also blocked. */
  AvailabilitySnapshot snapshot(Optional<FulfillmentPlan> blocked) {
    Residual block = new Residual(base, channels, bundles.keySet());
    block.skus.addAll(skus);
    blocked.ifPresent(block::take);
    AvailabilitySnapshot.Builder b = AvailabilitySnapshot.builder(base.takenAt());
    for (Sku sku : skus) {
      b.sku(sku);
      Map<NodeId, Long> gone = taken.getOrDefault(sku, Map.of());
      Map<NodeId, Long> shut = block.taken.getOrDefault(sku, Map.of());
      for (ChannelId channel : channels) {
        for (Map.Entry<NodeId, Long> e : base.availableByNode(sku, channel).entrySet()) {
          long left =
              shut.containsKey(e.getKey()) ? 0 : e.getValue() - gone.getOrDefault(e.getKey(), 0L);
          b.available(sku, e.getKey(), channel, Math.max(0, left));
        }
      }
    }
    bundles.forEach(b::bundle);
    return b.build();
  }
}
