package dev.omnichannel.edi.retail;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.Sku;
import dev.omnichannel.core.inventory.AvailabilitySnapshot;
import dev.omnichannel.edi.x12.X12Loop;
import dev.omnichannel.edi.x12.X12Segment;
import dev.omnichannel.edi.x12.X12Transaction;
import dev.omnichannel.edi.x12.X12Writer;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;

/**
 * Writes an {@link InventoryAdvice} as an 846 (BIA, one LIN loop per line with {@code QTY*33} and
 * an optional {@code N1*WH} location) and reads it back. Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class InventoryAdvices {
  private InventoryAdvices() {}

  /**
   * Returns the advice a partner selling through {@code channel} should receive for {@code skus}:
   * the quantity the pool publishes to that channel, one line per SKU with qualifier {@code SK}, in
   * the order given. Take the snapshot with {@code pool.snapshot(skus)}: every line then describes
   * the same instant. SKUs the snapshot does not hold advise zero.
   */
  public static InventoryAdvice fromSnapshot(
      String reference,
      LocalDate asOf,
      AvailabilitySnapshot snapshot,
      ChannelId channel,
      Collection<Sku> skus) {
    checkNotNull(snapshot, "snapshot");
    checkNotNull(channel, "channel");
    ImmutableList.Builder<InventoryAdvice.Line> lines = ImmutableList.builder();
    for (Sku sku : skus) {
      lines.add(
          new InventoryAdvice.Line(
              "SK", sku.value(), snapshot.availableToPromise(sku, channel), Optional.empty()));
    }
    return new InventoryAdvice(reference, asOf, lines.build());
  }

  /** Writes {@code advice} as an 846 into the writer's open IB group. */
  public static void write(InventoryAdvice advice, X12Writer w) {
    checkNotNull(advice, "advice");
    checkNotNull(w, "writer");
    w.startTransaction("846");
    w.segment("BIA", "00", "MM", advice.reference(), advice.asOf().format(Docs.CCYYMMDD));
    for (InventoryAdvice.Line l : advice.lines()) {
      w.segment("LIN", "", l.qualifier(), l.itemId());
      w.segment("QTY", "33", Long.toString(l.quantity()), "EA");
      l.location().ifPresent(loc -> w.segment("N1", "WH", "", "92", loc));
    }
    w.segment("CTT", Integer.toString(advice.lines().size()));
    w.endTransaction();
  }

  /** Returns the advice in {@code t}, or the positioned problems that prevent it. */
  public static MappingResult<InventoryAdvice> read(X12Transaction t) {
    checkNotNull(t, "t");
    return Docs.guarded(t, () -> readUnguarded(t));
  }

  private static MappingResult<InventoryAdvice> readUnguarded(X12Transaction t) {
    checkNotNull(t, "t");
    Docs.Problems p = new Docs.Problems();
    Optional<X12Segment> bia = Docs.first(t, "BIA", p, true);
    if (bia.isEmpty()) {
      return MappingResult.failed(p.list);
    }
    Optional<LocalDate> asOf = Docs.date(bia.get().get(4));
    if (asOf.isEmpty()) {
      p.add("INVALID_DATE", "BIA04 is not a date", bia.get().location());
    }
    ImmutableList.Builder<InventoryAdvice.Line> lines = ImmutableList.builder();
    for (X12Loop loop : t.loops("LIN")) {
      X12Segment lin = loop.first();
      Optional<Long> qty =
          loop.loops("QTY").stream()
              .map(X12Loop::first)
              .filter(q -> q.get(1).equals("33"))
              .findFirst()
              .flatMap(q -> Docs.decimal(q.get(2)))
              .filter(d -> d.signum() >= 0 && d.scale() <= 0)
              .map(d -> d.longValue());
      if (!lin.has(2) || !lin.has(3) || lin.get(2).length() != 2 || qty.isEmpty()) {
        p.add(
            "INCOMPLETE_LINE",
            "LIN needs an item id and QTY*33 with a whole quantity",
            lin.location());
        continue;
      }
      Optional<String> location =
          loop.loops("N1").stream()
              .map(X12Loop::first)
              .filter(n -> n.get(1).equals("WH") && n.has(4))
              .map(n -> n.get(4))
              .findFirst();
      lines.add(new InventoryAdvice.Line(lin.get(2), lin.get(3), qty.get(), location));
    }
    if (p.any()) {
      return MappingResult.failed(p.list);
    }
    return MappingResult.of(
        new InventoryAdvice(bia.get().get(3), asOf.orElseThrow(), lines.build()));
  }
}
