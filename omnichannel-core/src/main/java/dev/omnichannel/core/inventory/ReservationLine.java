package dev.omnichannel.core.inventory;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.omnichannel.core.NodeId;
import dev.omnichannel.core.Sku;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One line of a reservation request: units of a SKU, at a given node or wherever the pool finds
 * them among the channel's eligible nodes. Immutable and thread-safe.
 *
 * @param sku the SKU, or a bundle SKU whose components are reserved
 * @param node the node to take the units from, or {@code null} to let the pool choose
 * @param quantity the units, at least 1
 * @since 0.1.0
 */
public record ReservationLine(Sku sku, @Nullable NodeId node, long quantity) {
  /**
   * Creates the line.
   *
   * @throws IllegalArgumentException if {@code quantity} is below 1
   */
  public ReservationLine {
    checkNotNull(sku, "sku");
    checkArgument(quantity >= 1, "quantity must be at least 1: %s", quantity);
  }

  /** Returns a line for {@code quantity} units of {@code sku} wherever the pool finds them. */
  public static ReservationLine of(Sku sku, long quantity) {
    return new ReservationLine(sku, null, quantity);
  }

  /** Returns a line for {@code quantity} units of {@code sku} at {@code node}. */
  public static ReservationLine at(Sku sku, NodeId node, long quantity) {
    return new ReservationLine(sku, checkNotNull(node, "node"), quantity);
  }

  /** Returns the node the line asks for, if it names one. */
  public Optional<NodeId> requestedNode() {
    return Optional.ofNullable(node);
  }
}
