package dev.omnichannel.core.inventory;

import dev.omnichannel.core.OmnichannelException;

/**
 * Thrown by {@link Outcome#orThrow()} for a rejected command.
 *
 * @since 0.1.0
 */
public final class InventoryRejectedException extends OmnichannelException {
  private static final long serialVersionUID = 1L;

  private final RejectionReason reason;

  /** Creates the exception. */
  public InventoryRejectedException(RejectionReason reason, String detail) {
    super(reason + ": " + detail);
    this.reason = reason;
  }

  /** Returns why the command was rejected. */
  public RejectionReason reason() {
    return reason;
  }
}
