package dev.omnichannel.core.routing;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.omnichannel.core.Sku;

/**
 * An order line placed in a shipment. Immutable and thread-safe.
 *
 * @param lineId the order line's id
 * @param sku the SKU
 * @param quantity the units, at least 1
 * @since 0.1.0
 */
public record PlannedLine(String lineId, Sku sku, long quantity) {
  /** Creates the line. */
  public PlannedLine {
    checkNotNull(lineId, "lineId");
    checkNotNull(sku, "sku");
    checkArgument(quantity >= 1, "quantity must be at least 1: %s", quantity);
  }
}
