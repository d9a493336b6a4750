package dev.omnichannel.core.inventory;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reservations that no longer hold stock, remembered as words for as long as {@link WordTable}
 * keeps them, so that late commands and lookups on them still get an answer. Each is kept as the
 * outcome that settled it, written by {@link RecordCodec#writeOutcome(Reservation,
 * ReservationRecord, Words)}: the same words the idempotency memory keeps for that command, written
 * once for both. Thread-safe.
 */
final class SettledReservations {
  private final WordTable table;
  private final RecordCodec codec;

  SettledReservations(long retentionMillis, int capacity, long now, RecordCodec codec) {
    this.table = new WordTable(retentionMillis, capacity, now);
    this.codec = codec;
  }

  /**
   * Remembers the settled reservation {@code id}, whose outcome {@code encoded} holds, unless it is
   * already remembered.
   */
  void add(ReservationId id, Words encoded, long now) {
    String k = id.value();
    int hash = k.hashCode();
    WordTable.Segment segment = table.segment(hash);
    synchronized (segment) {
      if (segment.find(k, hash) < 0) {
        segment.insert(k, hash, encoded, null, now);
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
      return at < 0 ? null : read(segment.first(at));
    }
  }

  /** Returns every remembered reservation. */
  List<Reservation> values() {
    List<Reservation> values = new ArrayList<>();
    table.forEach((words, from, length) -> values.add(read(new Words.Reader(words, from, length))));
    return values;
  }

  private Reservation read(Words.Reader reader) {
    Outcome<?> outcome = codec.readOutcome(reader);
    return (Reservation) ((Outcome.Applied<?>) outcome).value();
  }
}
