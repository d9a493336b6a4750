package dev.omnichannel.core.inventory;

/**
 * Why the pool turned a command down. A rejected command changes nothing.
 *
 * @since 0.1.0
 */
public enum RejectionReason {
  /** The channel may not take that many units: stock, fences, cut-off or eligibility. */
  INSUFFICIENT_STOCK,
  /** The node named is not one the channel may sell from. */
  NODE_NOT_ELIGIBLE,
  /** The hold expired before it was confirmed. */
  HOLD_EXPIRED,
  /** The reservation no longer holds stock (released, expired or fulfilled). */
  RESERVATION_NOT_ACTIVE,
  /** More units were to ship than the reservation still holds. */
  EXCEEDS_RESERVED,
  /** An adjustment would leave fewer units on hand than are reserved. */
  BELOW_RESERVED,
  /** The bucket the units were to come from holds fewer. */
  EXCEEDS_BUCKET,
  /** A quantity would exceed the largest the pool counts ({@code Long.MAX_VALUE}). */
  WOULD_OVERFLOW,
  /** The idempotency key was already used for a different command. */
  IDEMPOTENCY_KEY_REUSED
}
