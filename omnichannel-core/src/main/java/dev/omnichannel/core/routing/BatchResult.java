package dev.omnichannel.core.routing;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;

/**
 * Plans for a batch of orders routed together on one snapshot, with what routing them one by one in
 * arrival order would have given. Costs are in minor units. Immutable and thread-safe.
 *
 * @param plans the plans, in the order of the requests
 * @param totalCost the batch plans' total cost
 * @param unservedLines lines the batch plans leave unserved
 * @param oneByOneCost the total cost when each order is routed in turn on what the earlier ones
 *     left
 * @param oneByOneUnservedLines lines left unserved that way
 * @param usedOneByOne whether the one-by-one plans were kept because the joint search did not beat
 *     them
 * @since 0.1.0
 */
public record BatchResult(
    ImmutableList<FulfillmentPlan> plans,
    long totalCost,
    long unservedLines,
    long oneByOneCost,
    long oneByOneUnservedLines,
    boolean usedOneByOne) {
  /** Creates the result. */
  public BatchResult {
    checkNotNull(plans, "plans");
  }

  /** Returns the cost saved against routing one by one (zero or more). */
  public long saving() {
    return oneByOneCost - totalCost;
  }

  /** Returns the lines the batch serves beyond routing one by one (zero or more). */
  public long extraLinesServed() {
    return oneByOneUnservedLines - unservedLines;
  }
}
