package dev.omnichannel.core.routing;

import dev.omnichannel.core.OmnichannelException;

/**
 * Thrown when routing cannot proceed because a plugged-in part misbehaved (a cost model returned a
 * negative cost, a criterion a score outside [0, 1]) or the inputs contradict each other (prices in
 * another currency than the split threshold). Lines that merely cannot be served are results, not
 * exceptions.
 *
 * @since 0.1.0
 */
public final class RoutingException extends OmnichannelException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public RoutingException(String message) {
    super(message);
  }
}
