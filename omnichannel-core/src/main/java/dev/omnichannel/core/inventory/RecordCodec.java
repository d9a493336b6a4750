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
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * Writes the outcomes and reservations a pool remembers as {@link Words}, and reads them back as
 * equal values. Nodes and channels are written as their index in the pool, everything else by
 * value; a reservation written from its record also has its SKUs as their number in the pool's
 * index and an identifier the pool issued as its number. The words live only in this process's
 * memory, never on disk, so enum ordinals and index numbers are a safe encoding. Immutable and
 * thread-safe.
 */
@SuppressWarnings("EnumOrdinal") // in-memory only: the words never outlive the pool
final class RecordCodec {
  private static final long REJECTED = 1;
  private static final long RESERVATION = 2;
  private static final long POSITION = 3;
  private static final long TRANSFER = 4;
  private static final long RESERVATION_FROM_RECORD = 5;

  /** The prefix of the identifiers the pool issues, followed by a number from 1. */
  static final String ISSUED_PREFIX = "R-";

  private static final RejectionReason[] REASONS = RejectionReason.values();
  private static final ReservationKind[] KINDS = ReservationKind.values();
  private static final ReservationState[] STATES = ReservationState.values();

  private final NodeId[] nodes;
  private final ChannelId[] channels;
  private final IntFunction<Sku> skus;

  /**
   * Creates a codec for a pool's {@code nodes} and {@code channels}, and its SKUs by their number
   * in the pool's index, as {@code skus} returns them.
   */
  RecordCodec(NodeId[] nodes, ChannelId[] channels, IntFunction<Sku> skus) {
    this.nodes = nodes.clone();
    this.channels = channels.clone();
    this.skus = skus;
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
      writeReservation(r, null, w);
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
      return Outcome.applied(readReservation(r, false));
    }
    if (tag == RESERVATION_FROM_RECORD) {
      return Outcome.applied(readReservation(r, true));
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

  /**
   * Writes {@code Outcome.applied(view)}, where {@code view} was made from {@code record} and
   * agrees with it: the SKUs as their number in the pool's index, the identifier as its number when
   * the pool issued it. Cheaper to write and smaller to keep than the view by value.
   */
  void writeOutcome(Reservation view, ReservationRecord record, Words w) {
    w.put(RESERVATION_FROM_RECORD);
    writeReservation(view, record, w);
  }

  private void writeReservation(Reservation r, @Nullable ReservationRecord record, Words w) {
    String id = r.id().value();
    long issued = record == null ? 0 : issuedNumber(id);
    if (issued > 0) {
      w.put(issued);
    } else {
      if (record != null) {
        w.put(0);
      }
      w.putString(id);
    }
    w.putString(r.key().value()).put(channel(r.channel())).put(r.kind().ordinal());
    w.put(r.state().ordinal());
    Instant expiry = r.expiresAt();
    if (expiry == null) {
      w.put(0);
    } else {
      w.put(1).put(expiry.getEpochSecond()).put(expiry.getNano());
    }
    ImmutableList<Allocation> allocations = r.allocations();
    w.put(allocations.size());
    if (record != null) {
      Verify.verify(record.states.length == allocations.size(), "view of another record");
    }
    for (int i = 0; i < allocations.size(); i++) {
      Allocation a = allocations.get(i);
      if (record != null) {
        w.put(record.states[i].ordinal).put(record.nodes[i]);
      } else {
        w.putString(a.sku().value()).put(node(a.node()));
      }
      w.put(a.quantity()).put(a.fulfilled());
    }
  }

  private Reservation readReservation(Words.Reader r, boolean fromRecord) {
    String value;
    if (fromRecord) {
      long issued = r.next();
      value = issued > 0 ? ISSUED_PREFIX + issued : r.nextString();
    } else {
      value = r.nextString();
    }
    ReservationId id = ReservationId.of(value);
    IdempotencyKey key = IdempotencyKey.of(r.nextString());
    ChannelId channel = channels[r.nextInt()];
    ReservationKind kind = KINDS[r.nextInt()];
    ReservationState state = STATES[r.nextInt()];
    Instant expiry = r.next() == 0 ? null : Instant.ofEpochSecond(r.next(), r.next());
    int size = r.nextInt();
    ImmutableList.Builder<Allocation> allocations = ImmutableList.builderWithExpectedSize(size);
    for (int i = 0; i < size; i++) {
      Sku sku = fromRecord ? skus.apply(r.nextInt()) : Sku.of(r.nextString());
      NodeId node = nodes[r.nextInt()];
      allocations.add(new Allocation(sku, node, r.next(), r.next()));
    }
    return new Reservation(id, key, channel, kind, expiry, state, allocations.build());
  }

  /**
   * Returns {@code n} if {@code id} is exactly {@link #ISSUED_PREFIX} followed by {@code n} in
   * decimal, from 1, without leading zeros; else 0.
   */
  static long issuedNumber(String id) {
    int length = id.length();
    if (length < 3 || length > 20 || !id.startsWith(ISSUED_PREFIX) || id.charAt(2) == '0') {
      return 0;
    }
    long n = 0;
    for (int i = 2; i < length; i++) {
      char c = id.charAt(i);
      if (c < '0' || c > '9') {
        return 0;
      }
      n = n * 10 + (c - '0');
    }
    return n;
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
