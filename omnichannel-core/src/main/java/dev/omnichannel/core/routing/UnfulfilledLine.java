package dev.omnichannel.core.routing;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.omnichannel.core.Sku;

/**
 * An order line the plan does not serve, why, and what happens to it. Immutable and thread-safe.
 *
 * @param lineId the order line's id
 * @param sku the SKU
 * @param quantity the units ordered
 * @param reason why it is not served
 * @param action backorder or cancel, by the profile's policy
 * @since 0.1.0
 */
public record UnfulfilledLine(
    String lineId, Sku sku, long quantity, UnfulfillableReason reason, UnfulfillablePolicy action) {
  /** Creates the line. */
  public UnfulfilledLine {
    checkNotNull(lineId, "lineId");
    checkNotNull(sku, "sku");
    checkNotNull(reason, "reason");
    checkNotNull(action, "action");
  }
}
