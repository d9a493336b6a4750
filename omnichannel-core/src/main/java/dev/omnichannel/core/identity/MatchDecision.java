package dev.omnichannel.core.identity;

/**
 * What the matching decided about a pair of records.
 *
 * @since 0.1.0
 */
public enum MatchDecision {
  /** Same customer: a deterministic rule fired or the match probability reached the link bar. */
  LINK,
  /** Uncertain: the match probability is between the review and the link bar. */
  REVIEW,
  /** Different customers, or never compared because no blocking key brings them together. */
  APART
}
