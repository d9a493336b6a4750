package dev.omnichannel.edi;

/**
 * How serious a {@link Finding} is.
 *
 * @since 0.1.0
 */
public enum Severity {
  /** The document breaks a rule; a receiver should reject the part it is in. */
  ERROR,
  /** Something was tolerated or is suspicious; the document can still be processed. */
  WARNING
}
