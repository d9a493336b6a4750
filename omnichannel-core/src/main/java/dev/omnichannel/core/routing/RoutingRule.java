package dev.omnichannel.core.routing;

/**
 * A routing rule as merchants know it. A profile lists rules in order, each breaking the ties of
 * the one before; every rule prefers the plan with the smaller penalty.
 *
 * @since 0.1.0
 */
public enum RoutingRule {
  /** Prefers plans with fewer shipments (packages). */
  FEWEST_SHIPMENTS,
  /** Prefers plans with fewer shipments from outside the destination's country. */
  STAY_IN_MARKET,
  /** Prefers plans whose shipments travel fewer kilometres in total. */
  CLOSEST_NODE,
  /** Prefers nodes ranked higher in the profile's {@link RoutingProfile#rankedNodes()}. */
  RANKED_NODES,
  /** Prefers nodes holding more of the lines they ship (keeps thin stock for others). */
  HIGHEST_STOCK,
  /** Prefers nodes with more of their daily capacity left. */
  CAPACITY_LEFT
}
