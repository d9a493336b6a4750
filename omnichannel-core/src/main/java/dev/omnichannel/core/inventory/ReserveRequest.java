package dev.omnichannel.core.inventory;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.IdempotencyKey;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Asks the pool to reserve one or more lines for a channel, all or nothing. Immutable and
 * thread-safe.
 *
 * @param key the idempotency key
 * @param channel the channel the stock is for
 * @param kind a hold that expires or a firm reservation
 * @param holdFor how long a hold lasts; {@code null} for a firm reservation
 * @param lines the lines, at least one
 * @since 0.1.0
 */
public record ReserveRequest(
    IdempotencyKey key,
    ChannelId channel,
    ReservationKind kind,
    @Nullable Duration holdFor,
    ImmutableList<ReservationLine> lines) {
  /**
   * Creates the request.
   *
   * @throws IllegalArgumentException if there are no lines, a hold has no positive duration or a
   *     firm reservation has one
   */
  public ReserveRequest {
    checkNotNull(key, "key");
    checkNotNull(channel, "channel");
    checkNotNull(kind, "kind");
    checkNotNull(lines, "lines");
    checkArgument(!lines.isEmpty(), "a reservation needs at least one line");
    if (kind == ReservationKind.HOLD) {
      checkArgument(
          holdFor != null && !holdFor.isNegative() && !holdFor.isZero(),
          "a hold needs a positive duration: %s",
          holdFor);
    } else {
      checkArgument(holdFor == null, "a firm reservation has no duration: %s", holdFor);
    }
  }

  /** Returns a request for a firm reservation of {@code lines}. */
  public static ReserveRequest firm(
      IdempotencyKey key, ChannelId channel, List<ReservationLine> lines) {
    return new ReserveRequest(
        key, channel, ReservationKind.FIRM, null, ImmutableList.copyOf(lines));
  }

  /** Returns a request for a firm reservation of {@code lines}. */
  public static ReserveRequest firm(
      IdempotencyKey key, ChannelId channel, ReservationLine... lines) {
    return firm(key, channel, ImmutableList.copyOf(lines));
  }

  /**
   * Returns a request for a hold of {@code lines} that expires {@code holdFor} after it is taken.
   */
  public static ReserveRequest hold(
      IdempotencyKey key, ChannelId channel, Duration holdFor, List<ReservationLine> lines) {
    return new ReserveRequest(
        key, channel, ReservationKind.HOLD, holdFor, ImmutableList.copyOf(lines));
  }

  /**
   * Returns a request for a hold of {@code lines} that expires {@code holdFor} after it is taken.
   */
  public static ReserveRequest hold(
      IdempotencyKey key, ChannelId channel, Duration holdFor, ReservationLine... lines) {
    return hold(key, channel, holdFor, ImmutableList.copyOf(lines));
  }

  /** Returns how long a hold lasts; empty for a firm reservation. */
  public Optional<Duration> holdDuration() {
    return Optional.ofNullable(holdFor);
  }
}
