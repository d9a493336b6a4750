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
 * Writes a {@link WarehouseShipment} as a 945 (W06, W27, LX with W12, W03) and reads it back.
 * Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class WarehouseAdvices {
  private WarehouseAdvices() {}

  /** Writes {@code shipment} as a 945 into the writer's open SW group. */
  public static void write(WarehouseShipment shipment, X12Writer w) {
    checkNotNull(shipment, "shipment");
    checkNotNull(w, "writer");
    w.startTransaction("945");
    w.segment(
        "W06",
        "N",
        shipment.orderNumber(),
        shipment.shipDate().format(Docs.CCYYMMDD),
        shipment.shipmentId(),
        shipment.purchaseOrder());
    w.segment("W27", "M", shipment.carrierScac());
    for (WarehouseShipment.Line l : shipment.lines()) {
      w.segment("LX", Integer.toString(l.lineNumber()));
      w.segment(
          "W12",
          l.statusCode(),
          Long.toString(l.ordered()),
          Long.toString(l.shipped()),
          Long.toString(Math.max(0, l.ordered() - l.shipped())),
          l.unit(),
          "",
          "SK",
          l.sku().value());
    }
    w.segment("W03", Long.toString(shipment.totalShipped()));
    w.endTransaction();
  }

  /** Returns the shipping advice in {@code t}, or the positioned problems that prevent it. */
  public static MappingResult<WarehouseShipment> read(X12Transaction t) {
    checkNotNull(t, "t");
    return Docs.guarded(t, () -> readUnguarded(t));
  }

  private static MappingResult<WarehouseShipment> readUnguarded(X12Transaction t) {
    checkNotNull(t, "t");
    Docs.Problems p = new Docs.Problems();
    Optional<X12Segment> w06 = Docs.first(t, "W06", p, true);
    if (w06.isEmpty()) {
      return MappingResult.failed(p.list);
    }
    Optional<LocalDate> date = Docs.date(w06.get().get(3));
    if (date.isEmpty()) {
      p.add("INVALID_DATE", "W0603 is not a date", w06.get().location());
    }
    String scac = t.first("W27").map(s -> s.get(2)).orElse("");
    ImmutableList.Builder<WarehouseShipment.Line> lines = ImmutableList.builder();
    for (X12Loop lx : t.loops("LX")) {
      int number = Docs.quantity(lx.first().get(1)).map(Long::intValue).orElse(0);
      for (X12Loop w12loop : lx.loops("W12")) {
        X12Segment w12 = w12loop.first();
        Optional<Long> ordered = Docs.decimal(w12.get(2)).map(d -> d.longValue());
        Optional<Long> shipped = Docs.decimal(w12.get(3)).map(d -> d.longValue());
        String sku = w12.get(7).equals("SK") ? w12.get(8) : w12.get(8);
        if (number < 1
            || sku.isEmpty()
            || ordered.isEmpty()
            || shipped.isEmpty()
            || w12.get(5).length() != 2) {
          p.add(
              "INCOMPLETE_LINE",
              "LX/W12 needs a line number, quantities, unit and item",
              w12.location());
          continue;
        }
        lines.add(
            new WarehouseShipment.Line(
                number, Sku.of(sku), ordered.get(), shipped.get(), w12.get(5)));
      }
    }
    ImmutableList<WarehouseShipment.Line> built = lines.build();
    if (built.isEmpty()) {
      p.add("NO_LINES", "no LX/W12 lines", w06.get().location());
    }
    if (p.any()) {
      return MappingResult.failed(p.list);
    }
    X12Segment w = w06.get();
    return MappingResult.of(
        new WarehouseShipment(w.get(2), date.orElseThrow(), w.get(4), w.get(5), scac, built));
  }
}
