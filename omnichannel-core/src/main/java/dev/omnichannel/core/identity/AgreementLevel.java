package dev.omnichannel.core.identity;

/**
 * How well one field of two records agrees; the model learns the weight of each level per field.
 *
 * @since 0.1.0
 */
public enum AgreementLevel {
  /** Equal after normalisation. */
  EXACT,
  /** Nearly equal: one typo, a transposition, a very close spelling. */
  CLOSE,
  /** Somewhat alike: same sound, same year, similar spelling. */
  WEAK,
  /** Different. */
  DIFFERENT,
  /** Missing on one side or both; carries no weight. */
  MISSING;

  static final int COMPARED = 4;
  static final AgreementLevel[] ALL = values();
}
