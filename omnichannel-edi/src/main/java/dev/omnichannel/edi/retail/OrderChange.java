package dev.omnichannel.edi.retail;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A purchase order change (860): changes a buyer makes to an order already sent. Immutable and
 * thread-safe.
 *
 * @param orderId BCH03
 * @param changeDate BCH06
 * @param cancelsOrder whether BCH01 is {@code 01} (cancellation of the whole order)
 * @param lines the line changes (POC)
 * @since 0.1.0
 */
public record OrderChange(
    String orderId, LocalDate changeDate, boolean cancelsOrder, ImmutableList<LineChange> lines) {

  /** Creates the change. */
  public OrderChange {
    checkArgument(!orderId.isEmpty(), "orderId must not be empty");
    checkNotNull(changeDate, "changeDate");
    checkNotNull(lines, "lines");
  }

  /**
   * One line change.
   *
   * @param lineId POC01
   * @param type POC02
   * @param quantity POC03, the new quantity ordered, when the change sets one
   * @param unitPrice POC06, the new unit price, when the change sets one
   * @param partnerItemIds POC08/POC09 … pairs by qualifier
   * @since 0.1.0
   */
  public record LineChange(
      String lineId,
      ChangeType type,
      OptionalLong quantity,
      Optional<BigDecimal> unitPrice,
      ImmutableMap<String, String> partnerItemIds) {
    /** Creates the line change. */
    public LineChange {
      checkArgument(!lineId.isEmpty(), "lineId must not be empty");
      checkNotNull(type, "type");
      checkNotNull(quantity, "quantity");
      checkNotNull(unitPrice, "unitPrice");
      checkNotNull(partnerItemIds, "partnerItemIds");
      checkArgument(
          type != ChangeType.ADD_ITEM || (quantity.isPresent() && !partnerItemIds.isEmpty()),
          "an added line needs a quantity and an item number");
    }
  }

  /**
   * Change or response type (element 670).
   *
   * @since 0.1.0
   */
  public enum ChangeType {
    /** AI: add additional item. */
    ADD_ITEM("AI"),
    /** DI: delete item. */
    DELETE_ITEM("DI"),
    /** QI: quantity increase. */
    QUANTITY_INCREASE("QI"),
    /** QD: quantity decrease. */
    QUANTITY_DECREASE("QD"),
    /** PC: price change. */
    PRICE_CHANGE("PC"),
    /** CA: changes to line items. */
    CHANGE("CA");

    private final String code;

    ChangeType(String code) {
      this.code = code;
    }

    /** Returns the X12 code. */
    public String code() {
      return code;
    }

    static Optional<ChangeType> of(String code) {
      for (ChangeType t : values()) {
        if (t.code.equals(code)) {
          return Optional.of(t);
        }
      }
      return Optional.empty();
    }
  }
}
