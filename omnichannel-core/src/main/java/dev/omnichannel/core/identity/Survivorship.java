package dev.omnichannel.core.identity;

/**
 * How the golden record picks one value of an attribute among the records of a customer.
 *
 * @since 0.1.0
 */
public enum Survivorship {
  /** The value of the most recently updated record that has one. */
  MOST_RECENT,
  /** The value most records agree on (after normalisation); ties go to the most recent. */
  MOST_FREQUENT,
  /**
   * The value from the channel earliest in {@link IdentityConfig#sourcePriority()}; channels not
   * listed come after, most recent first.
   */
  SOURCE_PRIORITY
}
