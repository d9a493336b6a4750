package dev.omnichannel.core.routing;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * What a {@link ScoredCriterion} sees of a candidate node for one order. Immutable and thread-safe.
 *
 * @param node the node's profile
 * @param distanceKm great-circle distance from the node to the ship-to address
 * @param inMarket whether the node is in the destination's country
 * @param rank the node's position in the profile's ranking, from 0; -1 when unranked
 * @param rankedCount how many nodes the profile ranks
 * @param linesHeld how many of the order's lines the node holds in full for the channel
 * @param linesTotal how many lines the order has
 * @param capacityLeftRatio the share of the node's daily unit capacity still free, 1 when unlimited
 * @since 0.1.0
 */
public record NodeView(
    NodeProfile node,
    double distanceKm,
    boolean inMarket,
    int rank,
    int rankedCount,
    int linesHeld,
    int linesTotal,
    double capacityLeftRatio) {
  /** Creates the view. */
  public NodeView {
    checkNotNull(node, "node");
  }
}
