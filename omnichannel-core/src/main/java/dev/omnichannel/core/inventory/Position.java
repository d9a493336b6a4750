package dev.omnichannel.core.inventory;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.omnichannel.core.NodeId;
import dev.omnichannel.core.Sku;

/**
 * The stock of one SKU at one node, by bucket. Immutable and thread-safe.
 *
 * @param sku the SKU
 * @param node the node
 * @param onHand sellable units physically at the node, reserved ones included
 * @param reserved units of {@code onHand} held by active reservations; never above {@code onHand}
 * @param quarantined units awaiting grading (returns), not sellable
 * @param inTransit units shipped to this node by a transfer and not yet received
 * @since 0.1.0
 */
public record Position(
    Sku sku, NodeId node, long onHand, long reserved, long quarantined, long inTransit) {
  /** Creates the position. */
  public Position {
    checkNotNull(sku, "sku");
    checkNotNull(node, "node");
  }

  /** Returns the units on hand that no reservation holds. */
  public long free() {
    return onHand - reserved;
  }
}
