package dev.omnichannel.core.routing;

/**
 * How a profile chooses among feasible plans. Whatever the strategy, a plan that serves more lines
 * is always preferred first.
 *
 * @since 0.1.0
 */
public enum RoutingStrategy {
  /**
   * Minimises the total cost (shipping, picking, split penalty); the profile's rules break ties.
   */
  OPTIMISE_COST,
  /** Applies the profile's rules in order; the total cost breaks the remaining ties. */
  RULES,
  /** Minimises the weighted shortfall of the profile's scored criteria; cost breaks ties. */
  SCORED
}
