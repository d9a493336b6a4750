package dev.omnichannel.edi.x12;

/**
 * Receives validation results as they complete, so a stream of any length is validated with memory
 * bounded by one functional group: pass it to {@link X12Validator#validate(X12Reader,
 * ValidationListener)} and the report keeps only the findings.
 *
 * @since 0.1.0
 */
public interface ValidationListener {
  /** Called when a functional group (with its transaction sets) is complete. */
  default void group(GroupResult group) {}

  /** Called when an interchange is complete; its {@code groups()} are empty (already delivered). */
  default void interchange(InterchangeResult interchange) {}
}
