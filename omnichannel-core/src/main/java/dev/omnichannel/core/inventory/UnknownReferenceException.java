package dev.omnichannel.core.inventory;

import dev.omnichannel.core.OmnichannelException;

/**
 * Thrown when a command names a SKU, node, channel, reservation or transfer the pool does not know.
 * That is a fault of the calling code, not a business outcome; the pool is left unchanged.
 *
 * @since 0.1.0
 */
public final class UnknownReferenceException extends OmnichannelException {
  private static final long serialVersionUID = 1L;

  /** What kind of thing was not found. */
  public enum Kind {
    /** A SKU that was never received or declared. */
    SKU,
    /** A node not given to the pool's builder. */
    NODE,
    /** A channel not given to the pool's builder. */
    CHANNEL,
    /** A reservation id the pool never issued. */
    RESERVATION,
    /** A transfer id the pool never issued. */
    TRANSFER
  }

  private final Kind kind;
  private final String reference;

  /** Creates the exception. */
  public UnknownReferenceException(Kind kind, String reference) {
    super("unknown " + kind.name().toLowerCase(java.util.Locale.ROOT) + ": " + reference);
    this.kind = kind;
    this.reference = reference;
  }

  /** Returns what kind of thing was not found. */
  public Kind kind() {
    return kind;
  }

  /** Returns the identifier as given. */
  public String reference() {
    return reference;
  }
}
