package dev.omnichannel.core.routing;

/**
 * Why a node of the network was not a candidate for an order.
 *
 * @since 0.1.0
 */
public enum ExclusionReason {
  /** The profile excludes the node by name. */
  EXCLUDED_BY_PROFILE,
  /** The node lacks a capability the channel or service level needs. */
  MISSING_CAPABILITY,
  /** The node does not ship to the destination's country. */
  DOES_NOT_SERVE_DESTINATION,
  /** The shipping cost model has no lane from the node to the destination at the service level. */
  NO_LANE,
  /** The node has no daily capacity left. */
  NO_CAPACITY,
  /** The node's calendar has no working day in the coming year. */
  NO_WORKING_DAY,
  /** The node cannot deliver by the order's requested delivery date. */
  MISSES_PROMISE_DATE,
  /** A scored criterion of the profile excluded the node. */
  EXCLUDED_BY_CRITERION,
  /** The node holds none of the order's lines in full for the channel. */
  NO_STOCK
}
