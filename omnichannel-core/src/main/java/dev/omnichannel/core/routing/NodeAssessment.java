package dev.omnichannel.core.routing;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.omnichannel.core.NodeId;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * How routing saw one node of the network for one order. Immutable and thread-safe.
 *
 * @param node the node
 * @param exclusions why it was not a candidate; empty for a candidate
 * @param linesHeld the line ids it could ship (kits counted whole)
 * @param distanceKm distance to the ship-to address; {@code NaN} when unknown
 * @param standaloneCost the cost of shipping everything it holds in one shipment from it alone, for
 *     a candidate
 * @param score its weighted score from 0 to 1 under a scored profile
 * @since 0.1.0
 */
public record NodeAssessment(
    NodeId node,
    ImmutableSet<ExclusionReason> exclusions,
    ImmutableList<String> linesHeld,
    double distanceKm,
    OptionalLong standaloneCost,
    OptionalDouble score) {
  /** Creates the assessment. */
  public NodeAssessment {
    checkNotNull(node, "node");
    checkNotNull(exclusions, "exclusions");
    checkNotNull(linesHeld, "linesHeld");
    checkNotNull(standaloneCost, "standaloneCost");
    checkNotNull(score, "score");
  }

  /** Returns whether the node was a candidate. */
  public boolean isCandidate() {
    return exclusions.isEmpty();
  }
}
