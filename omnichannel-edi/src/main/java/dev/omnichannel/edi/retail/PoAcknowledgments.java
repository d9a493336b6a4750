package dev.omnichannel.edi.retail;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.omnichannel.core.Sku;
import dev.omnichannel.edi.x12.X12Loop;
import dev.omnichannel.edi.x12.X12Segment;
import dev.omnichannel.edi.x12.X12Transaction;
import dev.omnichannel.edi.x12.X12Writer;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Writes a {@link PoAcknowledgment} as an 855 (BAK, PO1 with ACK per line, CTT) and reads an 855
 * back. Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class PoAcknowledgments {
  private PoAcknowledgments() {}

  /** Writes {@code ack} as an 855 into the writer's open PR group. */
  public static void write(PoAcknowledgment ack, X12Writer w) {
    checkNotNull(ack, "ack");
    checkNotNull(w, "writer");
    w.startTransaction("855");
    w.segment(
        "BAK",
        "00",
        ack.acknowledgmentType(),
        ack.orderId(),
        ack.orderDate().format(Docs.CCYYMMDD),
        "",
        "",
        "",
        "",
        ack.acknowledgedOn().format(Docs.CCYYMMDD));
    for (PoAcknowledgment.Line l : ack.lines()) {
      w.segment("PO1", l.lineId(), Long.toString(l.ordered()), "EA", "", "", "SK", l.sku().value());
      w.segment(
          "ACK",
          l.status().code(),
          Long.toString(l.quantity()),
          "EA",
          l.scheduledShip().isPresent() ? "068" : "",
          l.scheduledShip().map(d -> d.format(Docs.CCYYMMDD)).orElse(""));
    }
    w.segment("CTT", Integer.toString(ack.lines().size()));
    w.endTransaction();
  }

  /** Returns the acknowledgment in {@code t}, or the positioned problems that prevent it. */
  public static MappingResult<PoAcknowledgment> read(X12Transaction t) {
    checkNotNull(t, "t");
    return Docs.guarded(t, () -> readUnguarded(t));
  }

  private static MappingResult<PoAcknowledgment> readUnguarded(X12Transaction t) {
    checkNotNull(t, "t");
    Docs.Problems p = new Docs.Problems();
    Optional<X12Segment> bak = Docs.first(t, "BAK", p, true);
    if (bak.isEmpty()) {
      return MappingResult.failed(p.list);
    }
    X12Segment b = bak.get();
    Optional<LocalDate> orderDate = Docs.date(b.get(4));
    Optional<LocalDate> ackDate = Docs.date(b.get(9));
    if (orderDate.isEmpty()) {
      p.add("INVALID_DATE", "BAK04 is not a date", b.location());
    }
    ImmutableList.Builder<PoAcknowledgment.Line> lines = ImmutableList.builder();
    for (X12Loop loop : t.loops("PO1")) {
      X12Segment po1 = loop.first();
      String sku = "";
      for (int i = 6; i + 1 <= po1.elements().size(); i += 2) {
        if (po1.get(i).equals("SK") || (sku.isEmpty() && po1.has(i + 1))) {
          sku = po1.get(i + 1);
        }
      }
      Optional<Long> ordered = Docs.quantity(po1.get(2));
      ImmutableList<X12Loop> acks = loop.loops("ACK");
      if (sku.isEmpty() || ordered.isEmpty() || acks.isEmpty()) {
        p.add("INCOMPLETE_LINE", "PO1 needs an item id, a quantity and an ACK", po1.location());
        continue;
      }
      X12Segment ack = acks.get(0).first();
      Optional<PoAcknowledgment.Status> status = PoAcknowledgment.Status.of(ack.get(1));
      long qty = Docs.decimal(ack.get(2)).map(d -> d.longValue()).orElse(0L);
      if (status.isEmpty()) {
        p.add("UNKNOWN_STATUS", "ACK01 '" + ack.get(1) + "' is not supported", ack.location());
        continue;
      }
      Optional<LocalDate> scheduled =
          ack.get(4).equals("068") ? Docs.date(ack.get(5)) : Optional.empty();
      lines.add(
          new PoAcknowledgment.Line(
              po1.get(1), Sku.of(sku), ordered.get(), status.get(), qty, scheduled));
    }
    ImmutableList<PoAcknowledgment.Line> built = lines.build();
    if (built.isEmpty()) {
      p.add("NO_LINES", "no acknowledged lines", b.location());
    }
    if (p.any()) {
      return MappingResult.failed(p.list);
    }
    return MappingResult.of(
        new PoAcknowledgment(
            b.get(3), orderDate.orElseThrow(), ackDate.orElse(orderDate.orElseThrow()), built));
  }
}
