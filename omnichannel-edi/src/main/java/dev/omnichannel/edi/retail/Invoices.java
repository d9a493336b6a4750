package dev.omnichannel.edi.retail;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.omnichannel.core.Sku;
import dev.omnichannel.edi.x12.X12Loop;
import dev.omnichannel.edi.x12.X12Segment;
import dev.omnichannel.edi.x12.X12Transaction;
import dev.omnichannel.edi.x12.X12Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;

/**
 * Writes an {@link Invoice} as an 810 (BIG, CUR, IT1 per line, TDS with two implied decimals, CTT)
 * and reads an 810 back, checking TDS01 against the lines. Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class Invoices {
  private Invoices() {}

  /** Writes {@code invoice} as an 810 into the writer's open IN group. */
  public static void write(Invoice invoice, X12Writer w) {
    checkNotNull(invoice, "invoice");
    checkNotNull(w, "writer");
    w.startTransaction("810");
    w.segment(
        "BIG",
        invoice.invoiceDate().format(Docs.CCYYMMDD),
        invoice.invoiceNumber(),
        "",
        invoice.orderId());
    w.segment("CUR", "SE", invoice.currency().getCurrencyCode());
    long units = 0;
    for (Invoice.Line l : invoice.lines()) {
      if (l.gtin().isEmpty()) {
        w.segment(
            "IT1",
            l.lineId(),
            Long.toString(l.quantity()),
            "EA",
            Docs.plain(l.unitPrice()),
            "",
            "SK",
            l.sku().value());
      } else {
        w.segment(
            "IT1",
            l.lineId(),
            Long.toString(l.quantity()),
            "EA",
            Docs.plain(l.unitPrice()),
            "",
            "SK",
            l.sku().value(),
            "UP",
            l.gtin());
      }
      units += l.quantity();
    }
    w.segment("TDS", cents(invoice.total().amount()));
    w.segment("CTT", Integer.toString(invoice.lines().size()), Long.toString(units));
    w.endTransaction();
  }

  private static String cents(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP).movePointRight(2).toPlainString();
  }

  /**
   * Returns the invoice in {@code t}, or the positioned problems that prevent it, including a TDS01
   * that differs from the sum of the lines.
   */
  public static MappingResult<Invoice> read(X12Transaction t, Currency defaultCurrency) {
    checkNotNull(t, "t");
    return Docs.guarded(t, () -> readUnguarded(t, defaultCurrency));
  }

  private static MappingResult<Invoice> readUnguarded(X12Transaction t, Currency defaultCurrency) {
    checkNotNull(t, "t");
    checkNotNull(defaultCurrency, "defaultCurrency");
    Docs.Problems p = new Docs.Problems();
    Optional<X12Segment> big = Docs.first(t, "BIG", p, true);
    if (big.isEmpty()) {
      return MappingResult.failed(p.list);
    }
    X12Segment b = big.get();
    Optional<LocalDate> date = Docs.date(b.get(1));
    if (date.isEmpty()) {
      p.add("INVALID_DATE", "BIG01 is not a date", b.location());
    }
    Currency currency = defaultCurrency;
    Optional<X12Segment> cur = t.first("CUR");
    if (cur.isPresent()) {
      try {
        currency = Currency.getInstance(cur.get().get(2));
      } catch (IllegalArgumentException e) {
        p.add("UNKNOWN_CURRENCY", "CUR02 is not an ISO 4217 code", cur.get().location());
      }
    }
    ImmutableList.Builder<Invoice.Line> lines = ImmutableList.builder();
    int index = 0;
    for (X12Loop loop : t.loops("IT1")) {
      index++;
      X12Segment it1 = loop.first();
      String sku = "";
      String gtin = "";
      for (int i = 6; i + 1 <= it1.elements().size(); i += 2) {
        String q = it1.get(i);
        if (q.equals("SK")) {
          sku = it1.get(i + 1);
        } else if (q.equals("UP") || q.equals("UA") || q.equals("EN")) {
          gtin = it1.get(i + 1);
        }
      }
      if (sku.isEmpty()) {
        sku = gtin;
      }
      Optional<Long> qty = Docs.quantity(it1.get(2));
      Optional<BigDecimal> price = Docs.decimal(it1.get(4));
      if (sku.isEmpty() || qty.isEmpty() || price.isEmpty()) {
        p.add(
            "INCOMPLETE_LINE",
            "IT1 needs an item id, a whole quantity and a price",
            it1.location());
        continue;
      }
      lines.add(
          new Invoice.Line(
              it1.has(1) ? it1.get(1) : Integer.toString(index),
              Sku.of(sku),
              gtin,
              qty.get(),
              price.get()));
    }
    ImmutableList<Invoice.Line> built = lines.build();
    if (built.isEmpty()) {
      p.add("NO_LINES", "no IT1 lines", b.location());
    }
    if (p.any()) {
      return MappingResult.failed(p.list);
    }
    Invoice invoice = new Invoice(b.get(2), date.orElseThrow(), b.get(4), currency, built);
    Optional<X12Segment> tds = t.first("TDS");
    if (tds.isPresent() && !tds.get().get(1).equals(cents(invoice.total().amount()))) {
      p.add(
          "TOTAL_MISMATCH",
          "TDS01 "
              + tds.get().get(1)
              + " differs from the lines' total "
              + cents(invoice.total().amount()),
          tds.get().location());
      return MappingResult.failed(p.list);
    }
    return MappingResult.of(invoice);
  }
}
