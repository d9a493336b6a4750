package dev.omnichannel.edi.retail;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.omnichannel.core.Sku;
import java.time.LocalDate;

/**
 * A warehouse shipping advice (945): what a warehouse shipped against a 940. Immutable and
 * thread-safe.
 *
 * @param orderNumber W0602, the depositor's order number
 * @param shipDate W0603
 * @param shipmentId W0604
 * @param purchaseOrder W0605, or empty
 * @param carrierScac W2702, or empty
 * @param lines the lines shipped
 * @since 0.1.0
 */
public record WarehouseShipment(
    String orderNumber,
    LocalDate shipDate,
    String shipmentId,
    String purchaseOrder,
    String carrierScac,
    ImmutableList<Line> lines) {

  /** Creates the advice. */
  public WarehouseShipment {
    checkArgument(!orderNumber.isEmpty(), "orderNumber must not be empty");
    checkNotNull(shipDate, "shipDate");
    checkNotNull(shipmentId, "shipmentId");
    checkNotNull(purchaseOrder, "purchaseOrder");
    checkNotNull(carrierScac, "carrierScac");
    checkArgument(!lines.isEmpty(), "a shipping advice has at least one line");
  }

  /** Returns the total units shipped (W0301). */
  public long totalShipped() {
    return lines.stream().mapToLong(Line::shipped).sum();
  }

  /**
   * One shipped line.
   *
   * @param lineNumber LX01
   * @param sku W1208 with qualifier {@code SK}
   * @param ordered W1202
   * @param shipped W1203
   * @param unit W1205
   * @since 0.1.0
   */
  public record Line(int lineNumber, Sku sku, long ordered, long shipped, String unit) {
    /** Creates the line. */
    public Line {
      checkArgument(lineNumber >= 1, "lineNumber must be positive: %s", lineNumber);
      checkNotNull(sku, "sku");
      checkArgument(ordered >= 0 && shipped >= 0, "quantities must not be negative");
      checkArgument(unit.length() == 2, "unit must have 2 characters: %s", unit);
    }

    /** Returns W1201: {@code CC} shipped complete, {@code CP} partial, {@code CL} none. */
    public String statusCode() {
      return shipped >= ordered ? "CC" : shipped == 0 ? "CL" : "CP";
    }
  }
}
