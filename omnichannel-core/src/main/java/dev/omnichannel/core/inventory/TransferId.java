package dev.omnichannel.core.inventory;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * Identifies a transfer of stock between two nodes within its pool. Immutable and thread-safe.
 *
 * @param value the identifier
 * @since 0.1.0
 */
public record TransferId(String value) {
  /** Creates the identifier; it must not be empty. */
  public TransferId {
    checkNotNull(value, "value");
    checkArgument(!value.isEmpty(), "TransferId must not be empty");
  }

  /** Returns the identifier for {@code value}. */
  public static TransferId of(String value) {
    return new TransferId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
