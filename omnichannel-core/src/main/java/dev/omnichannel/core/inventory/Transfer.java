package dev.omnichannel.core.inventory;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.omnichannel.core.NodeId;
import dev.omnichannel.core.Sku;

/**
 * A movement of stock from one node to another, as it stood when the pool returned it: units leave
 * {@code from} when shipped and are in transit at {@code to} until received. Immutable and
 * thread-safe.
 *
 * @param id the pool's identifier
 * @param sku the SKU
 * @param from the shipping node
 * @param to the receiving node
 * @param quantity the units shipped
 * @param received the units received so far at {@code to}
 * @since 0.1.0
 */
public record Transfer(
    TransferId id, Sku sku, NodeId from, NodeId to, long quantity, long received) {
  /** Creates the view. */
  public Transfer {
    checkNotNull(id, "id");
    checkNotNull(sku, "sku");
    checkNotNull(from, "from");
    checkNotNull(to, "to");
  }

  /** Returns the units still in transit. */
  public long inTransit() {
    return quantity - received;
  }
}
