package dev.omnichannel.edi;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * One defect or tolerated irregularity found in a document, with its position and the
 * acknowledgment code it maps to. Immutable and thread-safe.
 *
 * @param severity error or warning
 * @param code a stable identifier of the rule, for example {@code ELEMENT_TOO_LONG}
 * @param level what the finding is about: interchange, group, transaction set, segment or element
 * @param ackCode the code an acknowledgment reports for it: a TA1 note code (I18) for interchange
 *     findings, an AK905/AK5 code for groups and transaction sets, an AK304 code for segments and
 *     an AK403 code for elements; empty when no acknowledgment code applies
 * @param message a human-readable explanation
 * @param location where the finding is
 * @since 0.1.0
 */
public record Finding(
    Severity severity,
    String code,
    Level level,
    String ackCode,
    String message,
    Location location) {

  /** Creates the finding. */
  public Finding {
    checkNotNull(severity, "severity");
    checkNotNull(code, "code");
    checkNotNull(level, "level");
    checkNotNull(ackCode, "ackCode");
    checkNotNull(message, "message");
    checkNotNull(location, "location");
  }

  /** Returns whether this is an error. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** Returns this finding with another severity. */
  public Finding withSeverity(Severity newSeverity) {
    return new Finding(newSeverity, code, level, ackCode, message, location);
  }

  @Override
  public String toString() {
    return severity + " " + code + " [" + ackCode + "] at " + location + ": " + message;
  }

  /**
   * The envelope level a finding belongs to, which decides where an acknowledgment reports it.
   *
   * @since 0.1.0
   */
  public enum Level {
    /** The ISA/IEA envelope; reported in a TA1. */
    INTERCHANGE,
    /** The GS/GE functional group; reported in AK9/IK9. */
    GROUP,
    /** The ST/SE transaction set as a whole; reported in AK5/IK5. */
    TRANSACTION,
    /** One segment; reported in AK3/IK3. */
    SEGMENT,
    /** One element; reported in AK4/IK4. */
    ELEMENT
  }
}
