package dev.omnichannel.edi.retail;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.omnichannel.core.Sku;
import dev.omnichannel.core.order.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;

/**
 * An invoice (810) for one purchase order. Immutable and thread-safe.
 *
 * @param invoiceNumber BIG02
 * @param invoiceDate BIG01
 * @param orderId BIG04
 * @param currency CUR02
 * @param lines the invoiced lines
 * @since 0.1.0
 */
public record Invoice(
    String invoiceNumber,
    LocalDate invoiceDate,
    String orderId,
    Currency currency,
    ImmutableList<Line> lines) {

  /** Creates the invoice. */
  public Invoice {
    checkArgument(!invoiceNumber.isEmpty(), "invoiceNumber must not be empty");
    checkNotNull(invoiceDate, "invoiceDate");
    checkNotNull(orderId, "orderId");
    checkNotNull(currency, "currency");
    checkArgument(!lines.isEmpty(), "an invoice has at least one line");
  }

  /** Returns the invoice total: the sum of quantity times unit price. */
  public Money total() {
    BigDecimal sum = BigDecimal.ZERO;
    for (Line l : lines) {
      sum = sum.add(l.unitPrice().multiply(BigDecimal.valueOf(l.quantity())));
    }
    return Money.of(sum, currency);
  }

  /**
   * One invoiced line.
   *
   * @param lineId IT101
   * @param sku IT1 {@code SK}
   * @param gtin IT1 {@code UP}, or empty
   * @param quantity IT102
   * @param unitPrice IT104
   * @since 0.1.0
   */
  public record Line(String lineId, Sku sku, String gtin, long quantity, BigDecimal unitPrice) {
    /** Creates the line. */
    public Line {
      checkArgument(!lineId.isEmpty(), "lineId must not be empty");
      checkNotNull(sku, "sku");
      checkNotNull(gtin, "gtin");
      checkArgument(quantity >= 1, "quantity must be at least 1: %s", quantity);
      checkArgument(unitPrice.signum() >= 0, "unitPrice must not be negative: %s", unitPrice);
    }
  }
}
