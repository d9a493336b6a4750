package dev.omnichannel.core.order;

import com.google.common.collect.ImmutableMap;
import dev.omnichannel.core.OmnichannelStyle;
import dev.omnichannel.core.Sku;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One line of an {@link Order}: a SKU and how many units of it.
 *
 * <p>Immutable and thread-safe; build with {@link #builder()}.
 *
 * @since 0.1.0
 */
@Value.Immutable
@OmnichannelStyle
public abstract class OrderLine {
  OrderLine() {}

  /** Returns a new builder. */
  public static ImmutableOrderLine.Builder builder() {
    return ImmutableOrderLine.builder();
  }

  /** Returns the line's id, unique within its order (an EDI PO101, a channel's line item id). */
  public abstract String lineId();

  /** Returns the SKU ordered. */
  public abstract Sku sku();

  /** Returns the number of units ordered; at least 1. */
  public abstract long quantity();

  /** Returns the price of one unit, if the channel sent it. */
  public abstract Optional<Money> unitPrice();

  /**
   * Returns the partner's own item numbers by qualifier (for example X12 {@code UP} for a UPC,
   * {@code VN} for the vendor's number, {@code BP} for the buyer's part number).
   */
  public abstract ImmutableMap<String, String> partnerItemIds();

  @Value.Check
  void check() {
    if (quantity() < 1) {
      throw new IllegalArgumentException(
          "quantity must be at least 1: " + quantity() + " on line " + lineId());
    }
    if (lineId().isEmpty()) {
      throw new IllegalArgumentException("lineId must not be empty");
    }
  }
}
