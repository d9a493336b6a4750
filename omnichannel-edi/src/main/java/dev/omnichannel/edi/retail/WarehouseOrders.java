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
 * Reads a 940 into a {@link WarehouseOrder} and writes one (W05, N1 loops, G62, LX with W01, W76).
 * Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class WarehouseOrders {
  private WarehouseOrders() {}

  /** Writes {@code order} as a 940 into the writer's open OW group. */
  public static void write(WarehouseOrder order, X12Writer w) {
    checkNotNull(order, "order");
    checkNotNull(w, "writer");
    w.startTransaction("940");
    w.segment("W05", "N", order.orderNumber(), order.purchaseOrder());
    Docs.writeParty(w, "ST", order.shipTo(), "92", "");
    if (!order.warehouseId().isEmpty()) {
      w.segment("N1", "WH", "", "92", order.warehouseId());
    }
    order.requestedShipDate().ifPresent(d -> w.segment("G62", "10", d.format(Docs.CCYYMMDD)));
    long total = 0;
    for (WarehouseOrder.Line l : order.lines()) {
      w.segment("LX", Integer.toString(l.lineNumber()));
      w.segment(
          "W01", Long.toString(l.quantity()), l.unit(), l.upcCaseCode(), "SK", l.sku().value());
      total += l.quantity();
    }
    w.segment("W76", Long.toString(total));
    w.endTransaction();
  }

  /** Returns the warehouse order in {@code t}, or the positioned problems that prevent it. */
  public static MappingResult<WarehouseOrder> read(X12Transaction t) {
    checkNotNull(t, "t");
    return Docs.guarded(t, () -> readUnguarded(t));
  }

  private static MappingResult<WarehouseOrder> readUnguarded(X12Transaction t) {
    checkNotNull(t, "t");
    Docs.Problems p = new Docs.Problems();
    Optional<X12Segment> w05 = Docs.first(t, "W05", p, true);
    if (w05.isEmpty()) {
      return MappingResult.failed(p.list);
    }
    ImmutableList<X12Loop> parties = t.loops("N1");
    Optional<X12Loop> shipTo = Docs.party(parties, "ST");
    if (shipTo.isEmpty()) {
      p.add("MISSING_SHIP_TO", "no N1*ST loop", w05.get().location());
    }
    String warehouse = Docs.party(parties, "WH").map(l -> l.first().get(4)).orElse("");
    Optional<LocalDate> shipDate = Optional.empty();
    for (X12Segment g62 : t.segments("G62")) {
      if (g62.get(1).equals("10")) {
        shipDate = Docs.date(g62.get(2));
      }
    }
    ImmutableList.Builder<WarehouseOrder.Line> lines = ImmutableList.builder();
    for (X12Loop lx : t.loops("LX")) {
      int number = Docs.quantity(lx.first().get(1)).map(Long::intValue).orElse(0);
      for (X12Loop w01loop : lx.loops("W01")) {
        X12Segment w01 = w01loop.first();
        String sku = "";
        for (int i = 4; i + 1 <= w01.elements().size() && i <= 6; i += 2) {
          if (w01.get(i).equals("SK") || (sku.isEmpty() && w01.has(i + 1))) {
            sku = w01.get(i + 1);
          }
        }
        Optional<Long> qty = Docs.quantity(w01.get(1));
        if (number < 1 || sku.isEmpty() || qty.isEmpty() || w01.get(2).length() != 2) {
          p.add(
              "INCOMPLETE_LINE",
              "LX/W01 needs a line number, quantity, unit and item",
              w01.location());
          continue;
        }
        String upc = w01.get(3).length() == 12 ? w01.get(3) : "";
        lines.add(new WarehouseOrder.Line(number, Sku.of(sku), upc, qty.get(), w01.get(2)));
      }
    }
    ImmutableList<WarehouseOrder.Line> built = lines.build();
    if (built.isEmpty()) {
      p.add("NO_LINES", "no LX/W01 lines", w05.get().location());
    }
    if (p.any()) {
      return MappingResult.failed(p.list);
    }
    return MappingResult.of(
        new WarehouseOrder(
            w05.get().get(2),
            w05.get().get(3),
            Docs.address(shipTo.orElseThrow()),
            warehouse,
            shipDate,
            built));
  }
}
