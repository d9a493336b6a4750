package dev.omnichannel.edi.retail;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.omnichannel.core.Sku;
import dev.omnichannel.core.order.PostalAddress;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A warehouse shipping order (940): what a depositor asks a warehouse (3PL) to ship. Immutable and
 * thread-safe.
 *
 * @param orderNumber W0502, the depositor's order number
 * @param purchaseOrder W0503, the customer's purchase order number, or empty
 * @param shipTo the {@code N1*ST} party
 * @param warehouseId N104 of {@code N1*WH}, or empty
 * @param requestedShipDate {@code G62*10}, if given
 * @param lines the lines (LX with W01)
 * @since 0.1.0
 */
public record WarehouseOrder(
    String orderNumber,
    String purchaseOrder,
    PostalAddress shipTo,
    String warehouseId,
    Optional<LocalDate> requestedShipDate,
    ImmutableList<Line> lines) {

  /** Creates the order. */
  public WarehouseOrder {
    checkArgument(!orderNumber.isEmpty(), "orderNumber must not be empty");
    checkNotNull(purchaseOrder, "purchaseOrder");
    checkNotNull(shipTo, "shipTo");
    checkNotNull(warehouseId, "warehouseId");
    checkNotNull(requestedShipDate, "requestedShipDate");
    checkArgument(!lines.isEmpty(), "a warehouse order has at least one line");
  }

  /**
   * One line.
   *
   * @param lineNumber LX01
   * @param sku W0105 with qualifier {@code SK}
   * @param upcCaseCode W0103 (12 characters), or empty
   * @param quantity W0101
   * @param unit W0102, for example {@code EA} or {@code CA}
   * @since 0.1.0
   */
  public record Line(int lineNumber, Sku sku, String upcCaseCode, long quantity, String unit) {
    /** Creates the line. */
    public Line {
      checkArgument(lineNumber >= 1, "lineNumber must be positive: %s", lineNumber);
      checkNotNull(sku, "sku");
      checkArgument(
          upcCaseCode.isEmpty() || upcCaseCode.length() == 12,
          "upcCaseCode must have 12 characters: %s",
          upcCaseCode);
      checkArgument(quantity >= 1, "quantity must be at least 1: %s", quantity);
      checkArgument(unit.length() == 2, "unit must have 2 characters: %s", unit);
    }
  }
}
