package dev.omnichannel.edi.retail;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.omnichannel.core.Sku;
import dev.omnichannel.edi.x12.X12Loop;
import dev.omnichannel.edi.x12.X12Segment;
import dev.omnichannel.edi.x12.X12Transaction;
import dev.omnichannel.edi.x12.X12Writer;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a {@link WarehouseShipment} as a 945 (W06, W27, LX with W12, W03) and reads it back.
 * Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class WarehouseAdvices {
  /** The W12 elements that qualify an item number, each followed by the number. */
  private static final int[] ITEM_QUALIFIERS = {7, 13};

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

  /**
   * Returns the shipping advice in {@code t}, or the positioned problems that prevent it. A line's
   * SKU is the item number qualified {@code SK} in W1207/W1208 or W1213/W1214; a line that names
   * its item only otherwise is a problem ({@code UNKNOWN_ITEM}), never read as a SKU.
   */
  public static MappingResult<WarehouseShipment> read(X12Transaction t) {
    return read(t, SkuResolver.byQualifiers("SK"));
  }

  /**
   * Returns the shipping advice in {@code t}, or the positioned problems that prevent it, finding
   * each line's SKU with {@code skus} from the item numbers of W1207/W1208 and W1213/W1214 keyed by
   * their qualifiers (for a warehouse that ships by UPC or by the vendor's item number).
   *
   * @since 0.1.0
   */
  public static MappingResult<WarehouseShipment> read(X12Transaction t, SkuResolver skus) {
    checkNotNull(t, "t");
    checkNotNull(skus, "skus");
    return Docs.guarded(t, () -> readUnguarded(t, skus));
  }

  private static MappingResult<WarehouseShipment> readUnguarded(
      X12Transaction t, SkuResolver skus) {
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
        Map<String, String> ids = new LinkedHashMap<>();
        for (int q : ITEM_QUALIFIERS) {
          if (w12.has(q) && w12.has(q + 1)) {
            ids.putIfAbsent(w12.get(q), w12.get(q + 1));
          }
        }
        if (number < 1
            || ids.isEmpty()
            || ordered.isEmpty()
            || shipped.isEmpty()
            || w12.get(5).length() != 2) {
          p.add(
              "INCOMPLETE_LINE",
              "LX/W12 needs a line number, quantities, unit and item",
              w12.location());
          continue;
        }
        Optional<Sku> sku = Docs.sku(skus, ids, p, w12.location());
        if (sku.isEmpty()) {
          continue;
        }
        lines.add(
            new WarehouseShipment.Line(
                number, sku.get(), ordered.get(), shipped.get(), w12.get(5)));
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
