package dev.omnichannel.core.inventory;

import com.google.common.collect.ImmutableList;
import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.IdempotencyKey;
import java.time.Instant;
import java.util.Comparator;
import org.jspecify.annotations.Nullable;

/**
 * A reservation's mutable state. Allocation {@code i} is guarded by the lock of {@code states[i]};
 * {@link #kind} and {@link #state} change only while every lock of the reservation is held.
 */
final class ReservationRecord {
  static final Comparator<ReservationRecord> BY_EXPIRY =
      Comparator.comparingLong((ReservationRecord r) -> r.expiresAtMillis)
          .thenComparing(r -> r.id.value());

  final ReservationId id;
  final IdempotencyKey key;
  final int channel;
  final ChannelId channelId;
  final long expiresAtMillis;
  volatile ReservationKind kind;
  volatile ReservationState state = ReservationState.ACTIVE;

  /** Distinct SKU states in lock order. */
  final SkuState[] locks;

  final SkuState[] states;
  final int[] nodes;
  final long[] quantity;
  final long[] fulfilled;
  final boolean[] settled;

  /**
   * The allocations of the last view, shared by the next views while nothing more is fulfilled: a
   * reservation's views live as long as its idempotency keys, so sharing them saves memory.
   */
  private @Nullable ImmutableList<Allocation> allocations;

  ReservationRecord(
      ReservationId id,
      IdempotencyKey key,
      int channel,
      ChannelId channelId,
      ReservationKind kind,
      long expiresAtMillis,
      SkuState[] locks,
      SkuState[] states,
      int[] nodes,
      long[] quantity) {
    this.id = id;
    this.key = key;
    this.channel = channel;
    this.channelId = channelId;
    this.kind = kind;
    this.expiresAtMillis = expiresAtMillis;
    this.locks = locks;
    this.states = states;
    this.nodes = nodes;
    this.quantity = quantity;
    this.fulfilled = new long[quantity.length];
    this.settled = new boolean[quantity.length];
  }

  boolean allSettled() {
    for (boolean s : settled) {
      if (!s) {
        return false;
      }
    }
    return true;
  }

  /** Returns whether this is a hold whose expiry has passed at {@code now}. */
  boolean expiredAt(long now) {
    return kind == ReservationKind.HOLD && now >= expiresAtMillis;
  }

  Reservation view(DefaultInventoryPool pool, long now) {
    ImmutableList<Allocation> list = allocations;
    if (list == null || !current(list)) {
      ImmutableList.Builder<Allocation> builder =
          ImmutableList.builderWithExpectedSize(states.length);
      for (int i = 0; i < states.length; i++) {
        builder.add(
            new Allocation(states[i].sku, pool.nodeId(nodes[i]), quantity[i], fulfilled[i]));
      }
      list = builder.build();
      allocations = list;
    }
    ReservationState current = state;
    if (current == ReservationState.ACTIVE && expiredAt(now)) {
      current = ReservationState.EXPIRED;
    }
    return new Reservation(
        id,
        key,
        channelId,
        kind,
        kind == ReservationKind.HOLD ? Instant.ofEpochMilli(expiresAtMillis) : null,
        current,
        list);
  }

  /** Whether {@code list} still shows what was fulfilled: views then share it. */
  private boolean current(ImmutableList<Allocation> list) {
    for (int i = 0; i < fulfilled.length; i++) {
      if (list.get(i).fulfilled() != fulfilled[i]) {
        return false;
      }
    }
    return true;
  }
}
