package dev.omnichannel.core.identity;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.omnichannel.core.ChannelId;

/**
 * Identifies one customer record: the channel and the channel's own customer id. A second record
 * with the same key is a correction of the first.
 *
 * <p>Ordered by channel, then customer id. Immutable and thread-safe.
 *
 * @param channel the channel the record comes from
 * @param customerId the channel's customer id, 1 to 256 characters without control characters
 * @since 0.1.0
 */
public record RecordKey(ChannelId channel, String customerId) implements Comparable<RecordKey> {
  static final int MAX_ID_LENGTH = 256;

  /**
   * Creates the key.
   *
   * @throws IllegalArgumentException if {@code customerId} is empty, too long or holds a control
   *     character
   */
  public RecordKey {
    checkNotNull(channel, "channel must not be null");
    checkNotNull(customerId, "customerId must not be null");
    checkArgument(!customerId.isEmpty(), "customerId must not be empty");
    checkArgument(
        customerId.length() <= MAX_ID_LENGTH,
        "customerId must be at most %s characters: %s given",
        MAX_ID_LENGTH,
        customerId.length());
    for (int i = 0; i < customerId.length(); i++) {
      checkArgument(
          !Character.isISOControl(customerId.charAt(i)),
          "customerId must not contain control characters at index %s",
          i);
    }
  }

  /** Returns the key of {@code customerId} on {@code channel}. */
  public static RecordKey of(ChannelId channel, String customerId) {
    return new RecordKey(channel, customerId);
  }

  /** Returns the key of {@code customerId} on the channel named {@code channel}. */
  public static RecordKey of(String channel, String customerId) {
    return new RecordKey(ChannelId.of(channel), customerId);
  }

  @Override
  public int compareTo(RecordKey other) {
    int c = channel.compareTo(other.channel);
    return c != 0 ? c : customerId.compareTo(other.customerId);
  }

  @Override
  public String toString() {
    return channel + ":" + customerId;
  }
}
