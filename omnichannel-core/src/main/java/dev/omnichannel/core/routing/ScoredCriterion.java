package dev.omnichannel.core.routing;

import java.util.OptionalDouble;

/**
 * Scores a candidate node for an order from 0 (worst) to 1 (best), or excludes it; profiles with
 * the {@link RoutingStrategy#SCORED} strategy weigh several criteria. Built-in criteria are in
 * {@link Criteria}.
 *
 * <p>Implementations must be deterministic and thread-safe.
 *
 * @since 0.1.0
 */
public interface ScoredCriterion {
  /** Returns the criterion's name, as the plan's explanation shows it. */
  String name();

  /**
   * Returns the node's score within [0, 1], or empty to exclude the node.
   *
   * @param view the node as seen for the order being routed
   */
  OptionalDouble score(NodeView view);
}
