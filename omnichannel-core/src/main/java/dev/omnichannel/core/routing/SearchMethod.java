package dev.omnichannel.core.routing;

/**
 * How a plan was found.
 *
 * @since 0.1.0
 */
public enum SearchMethod {
  /** Branch and bound finished within its budget: no feasible plan is better. */
  EXACT,
  /** A greedy construction with local improvement; used beyond the exact search budget. */
  HEURISTIC,
  /** Nothing to search: no line could be served by any node. */
  NONE
}
