package dev.omnichannel.core;

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

  @Override
  public String toString() {
    return value;
  }
}
