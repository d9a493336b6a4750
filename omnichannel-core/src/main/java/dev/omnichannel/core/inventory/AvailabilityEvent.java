package dev.omnichannel.core.inventory;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.Sku;
import java.time.Instant;

/**
 * A channel's available-to-promise quantity for a SKU changed.
 *
 * <p>{@code sequence} starts at 1 and grows by one with every event of the same (SKU, channel), so
 * a transport can drop a push older than the last one it sent. Immutable and thread-safe.
 *
 * @param sku the SKU
 * @param channel the channel whose published number changed
 * @param sequence the per-(SKU, channel) sequence number, from 1
 * @param available the new published quantity, never negative
 * @param previous the quantity published before this change
 * @param at when the change happened, by the pool's clock
 * @since 0.1.0
 */
public record AvailabilityEvent(
    Sku sku, ChannelId channel, long sequence, long available, long previous, Instant at) {
  /** Creates the event. */
  public AvailabilityEvent {
    checkNotNull(sku, "sku");
    checkNotNull(channel, "channel");
    checkNotNull(at, "at");
    checkArgument(sequence >= 1, "sequence must be at least 1: %s", sequence);
    checkArgument(available >= 0, "available must not be negative: %s", available);
  }
}
