package dev.omnichannel.core;

import org.jspecify.annotations.Nullable;

/**
 * The root of every exception the SDK throws on purpose. Domain subclasses carry their data in
 * getters. Expected business outcomes (a reservation that does not fit, an EDI finding) are
 * results, not exceptions.
 *
 * @since 0.1.0
 */
public class OmnichannelException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that says what went wrong and where. */
  public OmnichannelException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the cause. */
  public OmnichannelException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
