package dev.omnichannel.core.inventory;

/**
 * What a {@link Movement} did to the stock.
 *
 * @since 0.1.0
 */
public enum MovementType {
  /** Units arrived on hand at a node. */
  RECEIVED,
  /** On hand was corrected by a count; the quantity is the signed change. */
  ADJUSTED,
  /** Units at a node were reserved for a channel. */
  RESERVED,
  /** A hold became a firm reservation. */
  CONFIRMED,
  /** A reservation gave its remaining units back. */
  RELEASED,
  /** A hold reached its expiry and gave its remaining units back. */
  EXPIRED,
  /** Reserved units left the node: on hand and reserved both drop. */
  FULFILLED,
  /** Units left a node for another; they are in transit at the destination. */
  TRANSFER_SHIPPED,
  /** Units in transit arrived on hand at the destination. */
  TRANSFER_RECEIVED,
  /** Returned units arrived into quarantine at a node. */
  QUARANTINED,
  /** Free sellable units at a node were pulled into quarantine for inspection. */
  PULLED_TO_QUARANTINE,
  /** Quarantined units became sellable on hand again. */
  RESTOCKED,
  /** Quarantined units were written off (disposed, liquidated, returned to vendor). */
  WRITTEN_OFF
}
