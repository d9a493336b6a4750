package dev.omnichannel.core.inventory;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.IdempotencyKey;
import dev.omnichannel.core.NodeId;
import dev.omnichannel.core.Sku;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One immutable change to the stock of one SKU at one node: the unit of the journal. Positions are
 * a fold of movements, so replaying a journal rebuilds the pool exactly.
 *
 * <p>Movements are numbered from 1 in the order the pool applied them ({@code sequence}). Every
 * movement of one command shares its {@code command} number, the sequence of the command's first
 * movement: commands are numbered in the order applied too, with gaps. Immutable and thread-safe.
 *
 * @param sequence the movement's number, from 1, in the order the pool applied them
 * @param command the number of the command (or expiry) that made it: the sequence of its first
 *     movement, shared by all of them
 * @param type what it did
 * @param at when, by the pool's clock (for an expiry, the hold's expiry instant)
 * @param key the idempotency key of the command
 * @param sku the SKU
 * @param node the node whose stock changed
 * @param quantity the units moved; signed for {@link MovementType#ADJUSTED}, positive otherwise
 * @param channel the channel of a reservation movement, else {@code null}
 * @param reservation the reservation of a reservation movement, else {@code null}
 * @param reservationKind the kind of a {@link MovementType#RESERVED} movement, else {@code null}
 * @param expiresAt the expiry of a reserved hold, else {@code null}
 * @param transfer the transfer of a transfer movement, else {@code null}
 * @param otherNode the destination of a shipped transfer or the source of a received one, else
 *     {@code null}
 * @param reason the host's reason for an adjustment or quarantine, else {@code null}
 * @since 0.1.0
 */
public record Movement(
    long sequence,
    long command,
    MovementType type,
    Instant at,
    IdempotencyKey key,
    Sku sku,
    NodeId node,
    long quantity,
    @Nullable ChannelId channel,
    @Nullable ReservationId reservation,
    @Nullable ReservationKind reservationKind,
    @Nullable Instant expiresAt,
    @Nullable TransferId transfer,
    @Nullable NodeId otherNode,
    @Nullable String reason) {
  /** Creates the movement. */
  public Movement {
    checkNotNull(type, "type");
    checkNotNull(at, "at");
    checkNotNull(key, "key");
    checkNotNull(sku, "sku");
    checkNotNull(node, "node");
  }
}
