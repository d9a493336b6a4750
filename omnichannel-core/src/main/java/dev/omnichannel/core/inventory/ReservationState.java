package dev.omnichannel.core.inventory;

/**
 * Where a reservation is in its life.
 *
 * @since 0.1.0
 */
public enum ReservationState {
  /** Holding stock. */
  ACTIVE,
  /** Given back before it shipped in full. */
  RELEASED,
  /** A hold that reached its expiry. */
  EXPIRED,
  /** Every unit shipped. */
  FULFILLED;

  /** Returns whether the reservation still holds stock. */
  public boolean isActive() {
    return this == ACTIVE;
  }
}
