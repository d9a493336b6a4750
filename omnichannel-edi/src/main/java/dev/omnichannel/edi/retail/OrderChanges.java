package dev.omnichannel.edi.retail;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.omnichannel.core.Sku;
import dev.omnichannel.core.order.ImmutableOrder;
import dev.omnichannel.core.order.Money;
import dev.omnichannel.core.order.Order;
import dev.omnichannel.core.order.OrderLine;
import dev.omnichannel.edi.x12.X12Loop;
import dev.omnichannel.edi.x12.X12Segment;
import dev.omnichannel.edi.x12.X12Transaction;
import dev.omnichannel.edi.x12.X12Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads an 860 into an {@link OrderChange}, writes one, and applies a change to a core {@link
 * Order}. Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class OrderChanges {
  private OrderChanges() {}

  /** Writes {@code change} as an 860 into the writer's open PC group. */
  public static void write(OrderChange change, X12Writer w) {
    checkNotNull(change, "change");
    checkNotNull(w, "writer");
    w.startTransaction("860");
    w.segment(
        "BCH",
        change.cancelsOrder() ? "01" : "04",
        "SA",
        change.orderId(),
        "",
        "",
        change.changeDate().format(Docs.CCYYMMDD));
    for (OrderChange.LineChange l : change.lines()) {
      List<String> e = new ArrayList<>();
      e.add(l.lineId());
      e.add(l.type().code());
      e.add(l.quantity().isPresent() ? Long.toString(l.quantity().getAsLong()) : "");
      e.add("");
      e.add(l.quantity().isPresent() ? "EA" : "");
      e.add(l.unitPrice().map(Docs::plain).orElse(""));
      e.add("");
      int pairs = 0;
      for (Map.Entry<String, String> id : l.partnerItemIds().entrySet()) {
        if (pairs++ == 4) {
          break;
        }
        e.add(id.getKey());
        e.add(id.getValue());
      }
      w.segment("POC", e.toArray(new String[0]));
    }
    w.segment("CTT", Integer.toString(change.lines().size()));
    w.endTransaction();
  }

  /** Returns the change in {@code t}, or the positioned problems that prevent it. */
  public static MappingResult<OrderChange> read(X12Transaction t) {
    checkNotNull(t, "t");
    return Docs.guarded(t, () -> readUnguarded(t));
  }

  private static MappingResult<OrderChange> readUnguarded(X12Transaction t) {
    checkNotNull(t, "t");
    Docs.Problems p = new Docs.Problems();
    Optional<X12Segment> bch = Docs.first(t, "BCH", p, true);
    if (bch.isEmpty()) {
      return MappingResult.failed(p.list);
    }
    Optional<LocalDate> date = Docs.date(bch.get().get(6));
    if (date.isEmpty()) {
      p.add("INVALID_DATE", "BCH06 is not a date", bch.get().location());
    }
    ImmutableList.Builder<OrderChange.LineChange> lines = ImmutableList.builder();
    for (X12Loop loop : t.loops("POC")) {
      X12Segment poc = loop.first();
      Optional<OrderChange.ChangeType> type = OrderChange.ChangeType.of(poc.get(2));
      if (type.isEmpty()) {
        p.add("UNKNOWN_CHANGE_TYPE", "POC02 '" + poc.get(2) + "' is not supported", poc.location());
        continue;
      }
      Map<String, String> ids = new LinkedHashMap<>();
      for (int i = 8; i + 1 <= poc.elements().size(); i += 2) {
        if (poc.has(i) && poc.has(i + 1)) {
          ids.putIfAbsent(poc.get(i), poc.get(i + 1));
        }
      }
      Optional<Long> qty = Docs.quantity(poc.get(3));
      if (poc.has(3) && qty.isEmpty()) {
        p.add("INVALID_QUANTITY", "POC03 must be a whole positive quantity", poc.location());
        continue;
      }
      try {
        lines.add(
            new OrderChange.LineChange(
                poc.get(1),
                type.get(),
                qty.map(OptionalLong::of).orElse(OptionalLong.empty()),
                Docs.decimal(poc.get(6)),
                ImmutableMap.copyOf(ids)));
      } catch (IllegalArgumentException e) {
        p.add("INVALID_LINE_CHANGE", String.valueOf(e.getMessage()), poc.location());
      }
    }
    if (p.any()) {
      return MappingResult.failed(p.list);
    }
    X12Segment b = bch.get();
    return MappingResult.of(
        new OrderChange(b.get(3), date.orElseThrow(), b.get(1).equals("01"), lines.build()));
  }

  /**
   * Applies {@code change} to {@code order}: deletes, re-quantifies and re-prices lines by line id
   * and adds new ones (their SKU from {@code skus}). Returns problems for a change that names an
   * unknown line, an added item without a SKU, or a change that would leave the order empty; an
   * order cancellation is a problem too, since a cancelled order has no lines. New prices are in
   * {@code currency}.
   */
  public static MappingResult<Order> apply(
      Order order, OrderChange change, SkuResolver skus, java.util.Currency currency) {
    checkNotNull(order, "order");
    checkNotNull(currency, "currency");
    checkNotNull(change, "change");
    checkNotNull(skus, "skus");
    Docs.Problems p = new Docs.Problems();
    dev.omnichannel.edi.Location here = new dev.omnichannel.edi.Location(0, 1, 0, "POC", 0, 0, 0);
    if (!change.orderId().equals(order.orderId())) {
      p.add("WRONG_ORDER", "the change is for order " + change.orderId(), here);
      return MappingResult.failed(p.list);
    }
    if (change.cancelsOrder()) {
      p.add("ORDER_CANCELLED", "the buyer cancelled order " + order.orderId(), here);
      return MappingResult.failed(p.list);
    }
    Map<String, OrderLine> lines = new LinkedHashMap<>();
    order.lines().forEach(l -> lines.put(l.lineId(), l));
    for (OrderChange.LineChange c : change.lines()) {
      OrderLine current = lines.get(c.lineId());
      if (c.type() == OrderChange.ChangeType.ADD_ITEM) {
        Optional<Sku> sku = skus.resolve(c.partnerItemIds());
        if (sku.isEmpty() || current != null) {
          p.add("CANNOT_ADD_LINE", "cannot add line " + c.lineId(), here);
          continue;
        }
        dev.omnichannel.core.order.ImmutableOrderLine.Builder b =
            OrderLine.builder()
                .lineId(c.lineId())
                .sku(sku.get())
                .quantity(c.quantity().orElseThrow())
                .putAllPartnerItemIds(c.partnerItemIds());
        c.unitPrice().ifPresent(pr -> b.unitPrice(Money.of(pr, currency)));
        lines.put(c.lineId(), b.build());
        continue;
      }
      if (current == null) {
        p.add("UNKNOWN_LINE", "the order has no line " + c.lineId(), here);
        continue;
      }
      if (c.type() == OrderChange.ChangeType.DELETE_ITEM) {
        lines.remove(c.lineId());
        continue;
      }
      dev.omnichannel.core.order.ImmutableOrderLine.Builder b = OrderLine.builder().from(current);
      if (c.quantity().isPresent()) {
        b.quantity(c.quantity().getAsLong());
      }
      if (c.unitPrice().isPresent()) {
        b.unitPrice(Money.of(c.unitPrice().get(), currency));
      }
      try {
        lines.put(c.lineId(), b.build());
      } catch (IllegalArgumentException e) {
        p.add("INVALID_LINE_CHANGE", String.valueOf(e.getMessage()), here);
      }
    }
    if (lines.isEmpty()) {
      p.add("NO_LINES_LEFT", "the change deletes every line", here);
    }
    if (p.any()) {
      return MappingResult.failed(p.list);
    }
    ImmutableOrder changed = Order.builder().from(order).lines(lines.values()).build();
    return MappingResult.of(changed);
  }
}
