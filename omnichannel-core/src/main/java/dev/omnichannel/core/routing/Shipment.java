package dev.omnichannel.core.routing;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.omnichannel.core.NodeId;
import java.time.LocalDate;

/**
 * One package of a plan: the lines a node ships, what it costs and when it arrives. Costs are in
 * minor units of the network's currency. Immutable and thread-safe.
 *
 * @param node the shipping node
 * @param lines the lines, in the order's line order
 * @param weightGrams the shipment's weight
 * @param distanceKm great-circle distance from the node to the ship-to address
 * @param shippingCost what the cost model charges for the shipment
 * @param pickingCost the node's pick cost per order plus per unit
 * @param shipDate when the node ships it, after its cut-off and calendar
 * @param deliveryDate when it arrives, after the lane's transit days
 * @since 0.1.0
 */
public record Shipment(
    NodeId node,
    ImmutableList<PlannedLine> lines,
    long weightGrams,
    double distanceKm,
    long shippingCost,
    long pickingCost,
    LocalDate shipDate,
    LocalDate deliveryDate) {
  /** Creates the shipment. */
  public Shipment {
    checkNotNull(node, "node");
    checkNotNull(lines, "lines");
    checkNotNull(shipDate, "shipDate");
    checkNotNull(deliveryDate, "deliveryDate");
  }

  /** Returns the units shipped. */
  public long units() {
    long sum = 0;
    for (PlannedLine l : lines) {
      sum += l.quantity();
    }
    return sum;
  }
}
