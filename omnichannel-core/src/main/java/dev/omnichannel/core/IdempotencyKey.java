package dev.omnichannel.core;

import org.jspecify.annotations.Nullable;

/**
 * The key that makes a mutating command safe to repeat: a command sent again with the same key
 * returns the first outcome and changes nothing; the same key with a different command is refused.
 *
 * <p>Hosts usually derive it from the channel's own identifiers (order id plus line, webhook
 * delivery id). Immutable and thread-safe.
 *
 * @param value 1 to 128 visible characters
 * @since 0.1.0
 */
public record IdempotencyKey(String value) {
  /**
   * Creates the key.
   *
   * @throws IllegalArgumentException if {@code value} is empty, longer than 128 characters or holds
   *     a blank or control character
   */
  public IdempotencyKey {
    Identifiers.check("IdempotencyKey", value);
  }

  /** Returns the key for {@code value}. */
  public static IdempotencyKey of(String value) {
    return new IdempotencyKey(value);
  }

  // Explicit, so that lookups on the hot path do not go through the generic record methods.
  @Override
  public boolean equals(@Nullable Object o) {
    return o == this || (o instanceof IdempotencyKey other && value.equals(other.value));
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
