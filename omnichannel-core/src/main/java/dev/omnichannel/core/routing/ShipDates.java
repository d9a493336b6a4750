package dev.omnichannel.core.routing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * Remembers each node's ship date over the span of time it stays the same (until the node's next
 * cut-off or local midnight), so routing many orders does not redo calendar arithmetic for every
 * node of every order. Thread-safe: entries are immutable and replaced atomically.
 */
final class ShipDates {
  // The date is kept as the Optional every order is handed, so that reading it allocates nothing.
  private record Window(Instant from, Instant until, Optional<LocalDate> date) {}

  private final NodeProfile[] nodes;
  private final AtomicReferenceArray<@Nullable Window> windows;

  ShipDates(NodeProfile[] nodes) {
    this.nodes = nodes;
    this.windows = new AtomicReferenceArray<>(nodes.length);
  }

  /** Returns the ship date of node {@code index} for an order released at {@code now}. */
  Optional<LocalDate> shipDate(int index, Instant now) {
    Window w = windows.get(index);
    if (w == null || now.isBefore(w.from()) || !now.isBefore(w.until())) {
      w = window(nodes[index], now);
      windows.set(index, w);
    }
    return w.date();
  }

  private static Window window(NodeProfile node, Instant now) {
    ZonedDateTime local = now.atZone(node.zone());
    ZonedDateTime dayStart = local.toLocalDate().atStartOfDay(node.zone());
    ZonedDateTime nextDay = local.toLocalDate().plusDays(1).atStartOfDay(node.zone());
    // The date changes just after the cut-off (isAfter is strict) and at midnight.
    Instant cutOff = local.toLocalDate().atTime(node.cutOff()).atZone(node.zone()).toInstant();
    Instant afterCutOff = cutOff.plusNanos(1);
    Instant from;
    Instant until;
    if (now.isBefore(afterCutOff)) {
      from = dayStart.toInstant();
      until = afterCutOff;
    } else {
      from = afterCutOff;
      until = nextDay.toInstant();
    }
    return new Window(from, until, node.shipDate(now));
  }
}
