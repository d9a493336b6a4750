package dev.omnichannel.core.identity;

import java.time.Instant;

/**
 * One entry of the graph's history of merges and splits.
 *
 * @param kind what happened
 * @param customer the id merged away, or split off again
 * @param other the surviving id it was merged into, or the id it was split from
 * @param at when, by the graph's clock
 * @since 0.1.0
 */
public record IdentityChange(
    IdentityChange.Kind kind, CustomerId customer, CustomerId other, Instant at) {
  /**
   * What happened to a customer id.
   *
   * @since 0.1.0
   */
  public enum Kind {
    /** The customer was merged into {@code other}, which survives. */
    MERGED,
    /** The customer was split off {@code other} again (a retracted link or corrected record). */
    SPLIT
  }
}
