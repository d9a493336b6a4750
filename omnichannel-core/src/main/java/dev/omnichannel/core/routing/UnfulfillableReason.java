package dev.omnichannel.core.routing;

/**
 * Why a line of an order is not in the plan.
 *
 * @since 0.1.0
 */
public enum UnfulfillableReason {
  /** The snapshot does not know the SKU. */
  UNKNOWN_SKU,
  /** The network has no node at all. */
  NO_NODES,
  /** No node of the network ships to the destination. */
  DESTINATION_NOT_SERVED,
  /** The ship-to address has no geocode, so no distance or lane can be worked out. */
  DESTINATION_NOT_GEOCODED,
  /** No eligible node holds the line's quantity (or its whole kit) for the channel. */
  INSUFFICIENT_STOCK,
  /**
   * Nodes hold the line, but the constraints (maximum shipments, capacity, split value) leave it
   * out of the best plan.
   */
  CONSTRAINTS,
  /** The profile ships complete and another line of the order cannot be served. */
  SHIP_COMPLETE
}
