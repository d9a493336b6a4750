package dev.omnichannel.core.inventory;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.IdempotencyKey;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A reservation as it stood when the pool returned it: what it holds where, for which channel, and
 * until when. Immutable and thread-safe; ask the pool again for its current state.
 *
 * @param id the pool's identifier
 * @param key the idempotency key of the request that created it
 * @param channel the channel it holds stock for
 * @param kind hold or firm
 * @param expiresAt when a hold expires; {@code null} for a firm reservation
 * @param state its state
 * @param allocations what it holds, by SKU and node
 * @since 0.1.0
 */
public record Reservation(
    ReservationId id,
    IdempotencyKey key,
    ChannelId channel,
    ReservationKind kind,
    @Nullable Instant expiresAt,
    ReservationState state,
    ImmutableList<Allocation> allocations) {
  /** Creates the view. */
  public Reservation {
    checkNotNull(id, "id");
    checkNotNull(key, "key");
    checkNotNull(channel, "channel");
    checkNotNull(kind, "kind");
    checkNotNull(state, "state");
    checkNotNull(allocations, "allocations");
  }

  /** Returns when a hold expires; empty for a firm reservation. */
  public Optional<Instant> expiry() {
    return Optional.ofNullable(expiresAt);
  }

  /** Returns the units reserved over all allocations. */
  public long quantity() {
    long sum = 0;
    for (Allocation a : allocations) {
      sum += a.quantity();
    }
    return sum;
  }

  /** Returns the units still held over all allocations. */
  public long remaining() {
    if (!state.isActive()) {
      return 0;
    }
    long sum = 0;
    for (Allocation a : allocations) {
      sum += a.remaining();
    }
    return sum;
  }
}
