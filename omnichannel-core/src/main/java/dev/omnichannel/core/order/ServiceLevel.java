package dev.omnichannel.core.order;

/**
 * How fast the customer asked for the order to arrive.
 *
 * @since 0.1.0
 */
public enum ServiceLevel {
  /** Ground or economy shipping. */
  STANDARD,
  /** Two- or three-day shipping. */
  EXPEDITED,
  /** Delivered the next business day. */
  NEXT_DAY,
  /** Delivered the same day; usually from a nearby store. */
  SAME_DAY,
  /** Collected by the customer at a store. */
  PICKUP
}
