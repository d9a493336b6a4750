package dev.omnichannel.core.inventory;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.omnichannel.core.NodeId;
import dev.omnichannel.core.Sku;

/**
 * Units of one SKU that a reservation holds at one node, and how many of them have shipped.
 * Immutable and thread-safe.
 *
 * @param sku the SKU (a bundle is held as its components)
 * @param node the node the units are held at
 * @param quantity the units reserved
 * @param fulfilled the units of {@code quantity} that have shipped, from 0 to {@code quantity}
 * @since 0.1.0
 */
public record Allocation(Sku sku, NodeId node, long quantity, long fulfilled) {
  /** Creates the allocation. */
  public Allocation {
    checkNotNull(sku, "sku");
    checkNotNull(node, "node");
    checkArgument(quantity >= 1, "quantity must be at least 1: %s", quantity);
    checkArgument(
        fulfilled >= 0 && fulfilled <= quantity,
        "fulfilled must be within [0, %s]: %s",
        quantity,
        fulfilled);
  }

  /** Returns the units still held: reserved and not yet shipped. */
  public long remaining() {
    return quantity - fulfilled;
  }
}
