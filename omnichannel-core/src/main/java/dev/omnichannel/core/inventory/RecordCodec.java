package dev.omnichannel.core.inventory;

import com.google.common.base.Verify;
import com.google.common.base.VerifyException;
import com.google.common.collect.ImmutableList;
import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.IdempotencyKey;
import dev.omnichannel.core.NodeId;
import dev.omnichannel.core.Sku;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Writes the outcomes and reservations a pool remembers as {@link Words}, and reads them back as
 * equal values. Nodes and channels are written as their index in the pool, everything else by
 * value. The words live only in this process's memory, never on disk, so enum ordinals are a safe
 * encoding. Immutable and thread-safe.
 */
@SuppressWarnings("EnumOrdinal") // in-memory only: the words never outlive the pool
final class RecordCodec {
  private static final long REJECTED = 1;
  private static final long RESERVATION = 2;
  private static final long POSITION = 3;
  private static final long TRANSFER = 4;

  private static final RejectionReason[] REASONS = RejectionReason.values();
  private static final ReservationKind[] KINDS = ReservationKind.values();
  private static final ReservationState[] STATES = ReservationState.values();

  private final NodeId[] nodes;
  private final ChannelId[] channels;

  RecordCodec(NodeId[] nodes, ChannelId[] channels) {
    this.nodes = nodes.clone();
    this.channels = channels.clone();
  }

  /**
   * Writes {@code outcome}; returns false, having written nothing, if it is of a kind this codec
   * does not know.
   */
  boolean writeOutcome(Outcome<?> outcome, Words w) {
    if (outcome instanceof Outcome.Rejected<?> rejected) {
      w.put(REJECTED).put(rejected.reason().ordinal()).putString(rejected.detail());
      return true;
    }
    Object value = ((Outcome.Applied<?>) outcome).value();
    if (value instanceof Reservation r) {
      w.put(RESERVATION);
      writeReservation(r, w);
      return true;
    }
    if (value instanceof Position p) {
      w.put(POSITION)
          .putString(p.sku().value())
          .put(node(p.node()))
          .put(p.onHand())
          .put(p.reserved())
          .put(p.quarantined())
          .put(p.inTransit());
      return true;
    }
    if (value instanceof Transfer t) {
      w.put(TRANSFER)
          .putString(t.id().value())
          .putString(t.sku().value())
          .putInts(node(t.from()), node(t.to()))
          .put(t.quantity())
          .put(t.received());
      return true;
    }
    return false;
  }

  /** Reads an outcome written by {@link #writeOutcome}. */
  Outcome<?> readOutcome(Words.Reader r) {
    long tag = r.next();
    if (tag == REJECTED) {
      RejectionReason reason = REASONS[r.nextInt()];
      return Outcome.rejected(reason, r.nextString());
    }
    if (tag == RESERVATION) {
      return Outcome.applied(readReservation(r));
    }
    if (tag == POSITION) {
      Sku sku = Sku.of(r.nextString());
      NodeId node = nodes[r.nextInt()];
      return Outcome.applied(new Position(sku, node, r.next(), r.next(), r.next(), r.next()));
    }
    Verify.verify(tag == TRANSFER, "unknown outcome tag %s", tag);
    TransferId id = TransferId.of(r.nextString());
    Sku sku = Sku.of(r.nextString());
    NodeId from = nodes[r.nextInt()];
    NodeId to = nodes[r.nextInt()];
    return Outcome.applied(new Transfer(id, sku, from, to, r.next(), r.next()));
  }

  void writeReservation(Reservation r, Words w) {
    w.putString(r.id().value())
        .putString(r.key().value())
        .put(channel(r.channel()))
        .put(r.kind().ordinal())
        .put(r.state().ordinal());
    Instant expiry = r.expiresAt();
    if (expiry == null) {
      w.put(0);
    } else {
      w.put(1).put(expiry.getEpochSecond()).put(expiry.getNano());
    }
    w.put(r.allocations().size());
    for (Allocation a : r.allocations()) {
      w.putString(a.sku().value()).put(node(a.node())).put(a.quantity()).put(a.fulfilled());
    }
  }

  Reservation readReservation(Words.Reader r) {
    ReservationId id = ReservationId.of(r.nextString());
    IdempotencyKey key = IdempotencyKey.of(r.nextString());
    ChannelId channel = channels[r.nextInt()];
    ReservationKind kind = KINDS[r.nextInt()];
    ReservationState state = STATES[r.nextInt()];
    Instant expiry = r.next() == 0 ? null : Instant.ofEpochSecond(r.next(), r.next());
    int size = r.nextInt();
    ImmutableList.Builder<Allocation> allocations = ImmutableList.builderWithExpectedSize(size);
    for (int i = 0; i < size; i++) {
      Sku sku = Sku.of(r.nextString());
      NodeId node = nodes[r.nextInt()];
      allocations.add(new Allocation(sku, node, r.next(), r.next()));
    }
    return new Reservation(id, key, channel, kind, expiry, state, allocations.build());
  }

  /** Writes a reservation request as a command: everything but its key, which is the entry's. */
  static void writeRequest(ReserveRequest request, Words w) {
    w.put(1).putString(request.channel().value()).put(request.kind().ordinal());
    Duration holdFor = request.holdFor();
    if (holdFor == null) {
      w.put(0);
    } else {
      w.put(1).put(holdFor.getSeconds()).put(holdFor.getNano());
    }
    w.put(request.lines().size());
    for (ReservationLine line : request.lines()) {
      w.putString(line.sku().value());
      writeNullable(line.node(), w);
      w.put(line.quantity());
    }
  }

  static void writeNullable(@Nullable NodeId node, Words w) {
    if (node == null) {
      w.put(0);
    } else {
      w.put(1).putString(node.value());
    }
  }

  private int node(NodeId node) {
    return index(nodes, node);
  }

  private int channel(ChannelId channel) {
    return index(channels, channel);
  }

  /** The views the pool builds hold its own instances: found by identity, by value if not. */
  private static <T> int index(T[] known, T value) {
    for (int i = 0; i < known.length; i++) {
      if (known[i] == value) {
        return i;
      }
    }
    for (int i = 0; i < known.length; i++) {
      if (known[i].equals(value)) {
        return i;
      }
    }
    throw new VerifyException(value + " is not one of the pool's");
  }
}
