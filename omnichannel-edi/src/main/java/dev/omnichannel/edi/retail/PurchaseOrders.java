package dev.omnichannel.edi.retail;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.Sku;
import dev.omnichannel.core.order.ImmutableOrder;
import dev.omnichannel.core.order.ImmutableOrderLine;
import dev.omnichannel.core.order.Money;
import dev.omnichannel.core.order.Order;
import dev.omnichannel.core.order.OrderLine;
import dev.omnichannel.edi.x12.X12Loop;
import dev.omnichannel.edi.x12.X12Segment;
import dev.omnichannel.edi.x12.X12Transaction;
import dev.omnichannel.edi.x12.X12Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Maps an 850 purchase order to the core {@link Order} the router routes, and writes an {@link
 * Order} as an 850. Ship-to comes from the {@code N1*ST} loop, lines from PO1 (PO101 line id, PO102
 * quantity, PO104 unit price, every PO106/PO107 … pair as a partner item number), requested dates
 * from {@code DTM*002} (delivery) and {@code DTM*010} (ship), and BEG01, BEG02, BEG05 plus every
 * REF become attributes ({@code BEG01}, {@code REF.DP} …). Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class PurchaseOrders {
  private PurchaseOrders() {}

  /**
   * Returns the order in {@code po}, or the positioned problems that prevent it (no BEG, no
   * ship-to, a line without a whole positive quantity or without a resolvable SKU).
   */
  public static MappingResult<Order> toOrder(
      X12Transaction po, ChannelId channel, SkuResolver skus, Currency currency) {
    checkNotNull(po, "po");
    return Docs.guarded(po, () -> toOrderUnguarded(po, channel, skus, currency));
  }

  private static MappingResult<Order> toOrderUnguarded(
      X12Transaction po, ChannelId channel, SkuResolver skus, Currency currency) {
    checkNotNull(po, "po");
    checkNotNull(channel, "channel");
    checkNotNull(skus, "skus");
    checkNotNull(currency, "currency");
    Docs.Problems p = new Docs.Problems();
    if (!po.setId().equals("850")) {
      p.add("WRONG_TRANSACTION_SET", "expected an 850, got " + po.setId(), Docs.start(po));
      return MappingResult.failed(p.list);
    }
    ImmutableOrder.Builder order = Order.builder().channel(channel);
    Optional<X12Segment> beg = Docs.first(po, "BEG", p, true);
    beg.ifPresent(
        b -> {
          if (b.has(3)) {
            order.orderId(b.get(3));
          } else {
            p.add("MISSING_PO_NUMBER", "BEG03 (purchase order number) is empty", b.location());
          }
          order.putAttribute("BEG01", b.get(1)).putAttribute("BEG02", b.get(2));
          if (b.has(5)) {
            order.putAttribute("BEG05", b.get(5));
          }
        });
    Currency cur = currency;
    Optional<X12Segment> curSeg = po.first("CUR");
    if (curSeg.isPresent() && curSeg.get().get(2).length() == 3) {
      try {
        cur = Currency.getInstance(curSeg.get().get(2));
      } catch (IllegalArgumentException e) {
        p.add("UNKNOWN_CURRENCY", "CUR02 is not an ISO 4217 code", curSeg.get().location());
      }
    }
    for (X12Segment ref : po.segments("REF")) {
      order.putAttribute("REF." + ref.get(1), ref.get(2));
    }
    for (X12Segment dtm : po.segments("DTM")) {
      Optional<LocalDate> d = Docs.date(dtm.get(2));
      if (d.isEmpty()) {
        p.add("INVALID_DATE", "DTM02 is not a date", dtm.location());
      } else if (dtm.get(1).equals("002")) {
        order.requestedDeliveryDate(d.get());
      } else if (dtm.get(1).equals("010")) {
        order.requestedShipDate(d.get());
      }
    }
    Optional<X12Loop> shipTo = Docs.party(po.loops("N1"), "ST");
    if (shipTo.isEmpty()) {
      p.add("MISSING_SHIP_TO", "no N1*ST loop", Docs.start(po));
    } else {
      try {
        order.shipTo(Docs.address(shipTo.get()));
      } catch (IllegalArgumentException e) {
        p.add("INVALID_SHIP_TO", String.valueOf(e.getMessage()), shipTo.get().first().location());
      }
      if (shipTo.get().first().has(4)) {
        order.putAttribute("shipToId", shipTo.get().first().get(4));
        order.putAttribute("shipToIdQualifier", shipTo.get().first().get(3));
      }
    }
    int index = 0;
    for (X12Loop loop : po.loops("PO1")) {
      index++;
      X12Segment po1 = loop.first();
      String lineId = po1.has(1) ? po1.get(1) : Integer.toString(index);
      Map<String, String> ids = new LinkedHashMap<>();
      for (int i = 6; i + 1 <= po1.elements().size(); i += 2) {
        if (po1.has(i) && po1.has(i + 1)) {
          ids.putIfAbsent(po1.get(i), po1.get(i + 1));
        }
      }
      Optional<Long> qty = Docs.quantity(po1.get(2));
      if (qty.isEmpty()) {
        p.add("INVALID_QUANTITY", "PO102 must be a whole positive quantity", po1.location());
        continue;
      }
      Optional<Sku> sku = Docs.sku(skus, ids, p, po1.location());
      if (sku.isEmpty()) {
        continue;
      }
      ImmutableOrderLine.Builder line =
          OrderLine.builder()
              .lineId(lineId)
              .sku(sku.get())
              .quantity(qty.get())
              .putAllPartnerItemIds(ids);
      Optional<BigDecimal> price = Docs.decimal(po1.get(4));
      if (price.isPresent()) {
        line.unitPrice(Money.of(price.get(), cur));
      }
      order.addLine(line.build());
    }
    if (index == 0) {
      p.add("NO_LINES", "the purchase order has no PO1 lines", Docs.start(po));
    }
    if (p.any()) {
      return MappingResult.failed(p.list);
    }
    try {
      return MappingResult.of(order.build());
    } catch (IllegalArgumentException | IllegalStateException e) {
      p.add("INVALID_ORDER", String.valueOf(e.getMessage()), Docs.start(po));
      return MappingResult.failed(p.list);
    }
  }

  /**
   * Writes {@code order} as an 850 transaction set into the writer's open PO group. Lines carry
   * their partner item numbers (the SKU as {@code SK} when none is given); attributes {@code
   * BEG01}, {@code BEG02}, {@code BEG05} and {@code REF.*} are written back.
   */
  public static void write(Order order, LocalDate poDate, X12Writer w) {
    checkNotNull(order, "order");
    checkNotNull(poDate, "poDate");
    checkNotNull(w, "writer");
    Map<String, String> a = order.attributes();
    w.startTransaction("850");
    w.segment(
        "BEG",
        a.getOrDefault("BEG01", "00"),
        a.getOrDefault("BEG02", "SA"),
        order.orderId(),
        "",
        a.getOrDefault("BEG05", poDate.format(Docs.CCYYMMDD)));
    Optional<Money> anyPrice =
        order.lines().stream().flatMap(l -> l.unitPrice().stream()).findFirst();
    anyPrice.ifPresent(m -> w.segment("CUR", "BY", m.currency().getCurrencyCode()));
    for (Map.Entry<String, String> e : a.entrySet()) {
      if (e.getKey().startsWith("REF.")) {
        w.segment("REF", e.getKey().substring(4), e.getValue());
      }
    }
    order.requestedDeliveryDate().ifPresent(d -> w.segment("DTM", "002", d.format(Docs.CCYYMMDD)));
    order.requestedShipDate().ifPresent(d -> w.segment("DTM", "010", d.format(Docs.CCYYMMDD)));
    Docs.writeParty(
        w,
        "ST",
        order.shipTo(),
        a.getOrDefault("shipToIdQualifier", "92"),
        a.getOrDefault("shipToId", ""));
    long total = 0;
    for (OrderLine line : order.lines()) {
      java.util.List<String> e = new java.util.ArrayList<>();
      e.add(line.lineId());
      e.add(Long.toString(line.quantity()));
      e.add("EA");
      e.add(line.unitPrice().map(m -> Docs.plain(m.amount())).orElse(""));
      e.add("");
      Map<String, String> ids = new LinkedHashMap<>(line.partnerItemIds());
      if (ids.isEmpty()) {
        ids.put("SK", line.sku().value());
      }
      int pairs = 0;
      for (Map.Entry<String, String> id : ids.entrySet()) {
        if (pairs++ == 10) {
          break;
        }
        e.add(id.getKey());
        e.add(id.getValue());
      }
      w.segment("PO1", e.toArray(new String[0]));
      total += line.quantity();
    }
    w.segment("CTT", Integer.toString(order.lines().size()), Long.toString(total));
    w.endTransaction();
  }
}
