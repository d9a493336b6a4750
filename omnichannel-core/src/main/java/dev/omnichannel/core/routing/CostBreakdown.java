package dev.omnichannel.core.routing;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The cost of a plan in minor units of the network's currency. Immutable and thread-safe.
 *
 * @param shipping what the cost model charges for all shipments
 * @param picking pick costs per order and per unit at every node
 * @param splitPenalty the profile's penalty for each shipment beyond the first
 * @since 0.1.0
 */
public record CostBreakdown(long shipping, long picking, long splitPenalty) {
  /** No cost at all. */
  public static final CostBreakdown ZERO = new CostBreakdown(0, 0, 0);

  /** Creates the breakdown. */
  public CostBreakdown {
    checkArgument(shipping >= 0, "shipping must not be negative: %s", shipping);
    checkArgument(picking >= 0, "picking must not be negative: %s", picking);
    checkArgument(splitPenalty >= 0, "splitPenalty must not be negative: %s", splitPenalty);
  }

  /** Returns the total. */
  public long total() {
    return shipping + picking + splitPenalty;
  }
}
