package dev.omnichannel.core.inventory;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reservations that no longer hold stock, remembered as words for as long as {@link WordTable}
 * keeps them, so that late commands and lookups on them still get an answer. Thread-safe.
 */
final class SettledReservations {
  /** Where reservations are written before they are copied in; used within one call only. */
  private static final ThreadLocal<Words> SCRATCH = ThreadLocal.withInitial(() -> new Words(64));

  private final WordTable table;
  private final RecordCodec codec;

  SettledReservations(long retentionMillis, int capacity, long now, RecordCodec codec) {
    this.table = new WordTable(retentionMillis, capacity, now);
    this.codec = codec;
  }

  /** Remembers {@code view} unless its id is already remembered. */
  void add(Reservation view, long now) {
    Words words = SCRATCH.get().clear();
    codec.writeReservation(view, words);
    String k = view.id().value();
    int hash = k.hashCode();
    WordTable.Segment segment = table.segment(hash);
    synchronized (segment) {
      if (segment.find(k, hash) < 0) {
        segment.insert(k, hash, words, null, now);
      }
    }
    table.sweep();
  }

  /** Returns the settled reservation, or null if it is not remembered. */
  @Nullable Reservation get(ReservationId id) {
    String k = id.value();
    int hash = k.hashCode();
    WordTable.Segment segment = table.segment(hash);
    synchronized (segment) {
      int at = segment.find(k, hash);
      return at < 0 ? null : codec.readReservation(segment.first(at));
    }
  }

  /** Returns every remembered reservation. */
  List<Reservation> values() {
    List<Reservation> values = new ArrayList<>();
    table.forEach(
        (words, from, length) ->
            values.add(codec.readReservation(new Words.Reader(words, from, length))));
    return values;
  }
}
