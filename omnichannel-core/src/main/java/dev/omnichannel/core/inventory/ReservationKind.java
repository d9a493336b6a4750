package dev.omnichannel.core.inventory;

/**
 * Whether a reservation expires on its own.
 *
 * @since 0.1.0
 */
public enum ReservationKind {
  /** A hold with an expiry, for carts and checkouts; stops counting the instant it expires. */
  HOLD,
  /** A firm reservation for an order; lasts until released or fulfilled. */
  FIRM
}
