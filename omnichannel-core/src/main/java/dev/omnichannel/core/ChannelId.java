package dev.omnichannel.core;

import org.jspecify.annotations.Nullable;

/**
 * Identifies a sales channel. Case-sensitive, 1 to 128 visible characters, no blanks.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the identifier as the host knows it
 * @since 0.1.0
 */
public record ChannelId(String value) implements Comparable<ChannelId> {
  /**
   * Creates the identifier.
   *
   * @throws IllegalArgumentException if {@code value} is empty, longer than 128 characters or holds
   *     a blank or control character
   */
  public ChannelId {
    Identifiers.check("ChannelId", value);
  }

  /** Returns the identifier for {@code value}; see {@link #ChannelId(String)}. */
  public static ChannelId of(String value) {
    return new ChannelId(value);
  }

  @Override
  public int compareTo(ChannelId other) {
    return value.compareTo(other.value);
  }

  // Explicit, so that lookups on the hot path do not go through the generic record methods.
  @Override
  public boolean equals(@Nullable Object o) {
    return o == this || (o instanceof ChannelId other && value.equals(other.value));
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return value;
  }
}
