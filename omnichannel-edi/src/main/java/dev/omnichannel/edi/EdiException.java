package dev.omnichannel.edi;

import dev.omnichannel.core.OmnichannelException;

/**
 * Thrown when a stream cannot be read any further: no interchange header where one must be, a
 * truncated header, an element longer than the configured limit. Carries the {@link Location} of
 * the problem. Defects a reader can step over are reported as {@link Finding}s instead.
 *
 * @since 0.1.0
 */
public class EdiException extends OmnichannelException {
  private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial") // Location is a record of serializable components
  private final Location location;

  /** Creates the exception; the message is prefixed with the location. */
  public EdiException(String message, Location location) {
    super(message + " (" + location + ")");
    this.location = location;
  }

  /** Creates the exception with its cause; the message is prefixed with the location. */
  public EdiException(String message, Location location, Throwable cause) {
    super(message + " (" + location + ")", cause);
    this.location = location;
  }

  /** Returns where the problem is. */
  public Location location() {
    return location;
  }
}
