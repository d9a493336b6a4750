package dev.omnichannel.core.inventory;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * Identifies a reservation within its pool. The pool issues them; hosts store them with the order
 * or cart they hold stock for. Immutable and thread-safe.
 *
 * @param value the identifier
 * @since 0.1.0
 */
public record ReservationId(String value) {
  /** Creates the identifier; it must not be empty. */
  public ReservationId {
    checkNotNull(value, "value");
    checkArgument(!value.isEmpty(), "ReservationId must not be empty");
  }

  /** Returns the identifier for {@code value}. */
  public static ReservationId of(String value) {
    return new ReservationId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
