package dev.omnichannel.core;

import org.jspecify.annotations.Nullable;

/**
 * Identifies a stock keeping unit. Case-sensitive, 1 to 128 visible characters, no blanks.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the identifier as the host knows it
 * @since 0.1.0
 */
public record Sku(String value) implements Comparable<Sku> {
  /**
   * Creates the identifier.
   *
   * @throws IllegalArgumentException if {@code value} is empty, longer than 128 characters or holds
   *     a blank or control character
   */
  public Sku {
    Identifiers.check("Sku", value);
  }

  /** Returns the identifier for {@code value}; see {@link #Sku(String)}. */
  public static Sku of(String value) {
    return new Sku(value);
  }

  @Override
  public int compareTo(Sku other) {
    return value.compareTo(other.value);
  }

  // Explicit, so that lookups on the hot path do not go through the generic record methods.
  @Override
  public boolean equals(@Nullable Object o) {
    return o == this || (o instanceof Sku other && value.equals(other.value));
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
