package dev.omnichannel.core.identity;

/**
 * How well one field of two records agrees; the model learns the weight of each level per field.
 *
 * @since 0.1.0
 */
public enum AgreementLevel {
  /** Equal after normalisation. */
  EXACT(0),
  /** Nearly equal: one typo, a transposition, a very close spelling. */
  CLOSE(1),
  /** Somewhat alike: same sound, same year, similar spelling. */
  WEAK(2),
  /** Different. */
  DIFFERENT(3),
  /** Missing on one side or both; carries no weight. */
  MISSING(4);

  static final int COMPARED = 4;
  static final AgreementLevel[] ALL = values();
  private static final AgreementLevel[] BY_CODE = new AgreementLevel[ALL.length];

  static {
    for (AgreementLevel l : ALL) {
      BY_CODE[l.code] = l;
    }
  }

  /**
   * The level's code in comparison vectors and model tables ({@link Comparison#EXACT} and so on):
   * stated explicitly so that it never depends on the order of declaration.
   */
  final int code;

  AgreementLevel(int code) {
    this.code = code;
  }

  /** Returns the level with the given code. */
  static AgreementLevel ofCode(int code) {
    return BY_CODE[code];
  }
}
