package dev.omnichannel.core.routing;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.omnichannel.core.NodeId;
import dev.omnichannel.core.OmnichannelStyle;
import dev.omnichannel.core.Sku;
import java.util.Currency;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The fulfillment network routing plans over: the node profiles, the shipping cost model, the
 * currency costs are counted in, and unit weights of SKUs.
 *
 * <p>Immutable and thread-safe; build with {@link #builder()}.
 *
 * @since 0.1.0
 */
@Value.Immutable
@OmnichannelStyle
public abstract class FulfillmentNetwork {
  FulfillmentNetwork() {}

  /** Returns a new builder. */
  public static ImmutableFulfillmentNetwork.Builder builder() {
    return ImmutableFulfillmentNetwork.builder();
  }

  /** Returns the nodes, with unique ids. */
  public abstract ImmutableList<NodeProfile> nodes();

  /** Returns the model that prices shipments. */
  public abstract ShippingCostModel shippingCostModel();

  /** Returns the currency every cost is counted in, in its minor units. */
  public abstract Currency currency();

  /** Returns the weight of one unit by SKU, in grams. */
  public abstract ImmutableMap<Sku, Long> unitWeightsGrams();

  /** Returns the weight of one unit of a SKU missing from {@link #unitWeightsGrams()}. */
  @Value.Default
  public long defaultUnitWeightGrams() {
    return 500;
  }

  /** Returns the node with {@code id}, if the network has it. */
  public Optional<NodeProfile> node(NodeId id) {
    return Optional.ofNullable(nodesById().get(id));
  }

  /** Returns the weight of one unit of {@code sku} in grams. */
  public long unitWeightGrams(Sku sku) {
    Long w = unitWeightsGrams().get(sku);
    return w == null ? defaultUnitWeightGrams() : w;
  }

  @Value.Derived
  @Value.Auxiliary
  ImmutableMap<NodeId, NodeProfile> nodesById() {
    ImmutableMap.Builder<NodeId, NodeProfile> b = ImmutableMap.builder();
    for (NodeProfile n : nodes()) {
      b.put(n.id(), n);
    }
    return b.buildKeepingLast();
  }

  @Value.Check
  void check() {
    Set<NodeId> seen = new HashSet<>();
    for (NodeProfile n : nodes()) {
      if (!seen.add(n.id())) {
        throw new IllegalArgumentException("network repeats node " + n.id());
      }
    }
    if (defaultUnitWeightGrams() < 0) {
      throw new IllegalArgumentException(
          "defaultUnitWeightGrams must not be negative: " + defaultUnitWeightGrams());
    }
    unitWeightsGrams()
        .forEach(
            (sku, w) -> {
              if (w < 0) {
                throw new IllegalArgumentException(
                    "unit weight must not be negative: " + w + " for " + sku);
              }
            });
  }
}
