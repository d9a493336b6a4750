package dev.omnichannel.core;

/**
 * Identifies a fulfillment node. Case-sensitive, 1 to 128 visible characters, no blanks.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the identifier as the host knows it
 * @since 0.1.0
 */
public record NodeId(String value) implements Comparable<NodeId> {
  /**
   * Creates the identifier.
   *
   * @throws IllegalArgumentException if {@code value} is empty, longer than 128 characters or holds
   *     a blank or control character
   */
  public NodeId {
    Identifiers.check("NodeId", value);
  }

  /** Returns the identifier for {@code value}; see {@link #NodeId(String)}. */
  public static NodeId of(String value) {
    return new NodeId(value);
  }

  @Override
  public int compareTo(NodeId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
