package dev.omnichannel.core.identity;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The id the identity graph issues to one customer. Ids are issued in increasing order, so a lower
 * id is an older customer; when clusters merge, the oldest id survives.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the sequence number, at least 1
 * @since 0.1.0
 */
public record CustomerId(long value) implements Comparable<CustomerId> {
  /**
   * Creates the id.
   *
   * @throws IllegalArgumentException if {@code value} is less than 1
   */
  public CustomerId {
    checkArgument(value >= 1, "customer id must be at least 1: %s", value);
  }

  /** Returns the id with sequence number {@code value}. */
  public static CustomerId of(long value) {
    return new CustomerId(value);
  }

  @Override
  public int compareTo(CustomerId other) {
    return Long.compare(value, other.value);
  }

  @Override
  public String toString() {
    return "cust-" + value;
  }
}
