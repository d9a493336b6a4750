package dev.omnichannel.core.routing;

import dev.omnichannel.core.order.PostalAddress;
import dev.omnichannel.core.order.ServiceLevel;
import java.util.Optional;

/**
 * Prices shipments: the pluggable cost model of routing. Like a carrier's rate card, it first finds
 * the lane from a node to a destination at a service level (a distance band or a zone), then prices
 * a shipment on that lane by weight.
 *
 * <p>Contract, relied on by the exact optimiser: a lane's {@link Lane#cost(long)} never decreases
 * as the weight grows and is never negative. Implementations must be thread-safe and deterministic.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ShippingCostModel {
  /**
   * Returns the lane from {@code origin} to {@code destination} at {@code level}, or empty when the
   * node cannot ship there at that service level.
   *
   * @param origin the shipping node
   * @param destination the ship-to address
   * @param distanceKm the great-circle distance between them
   * @param level the service level ordered
   */
  Optional<Lane> lane(
      NodeProfile origin, PostalAddress destination, double distanceKm, ServiceLevel level);

  /**
   * One priced lane: from a node to a destination at a service level.
   *
   * @since 0.1.0
   */
  interface Lane {
    /**
     * Returns the cost of a shipment of {@code weightGrams} on this lane, in minor units; not
     * negative and never decreasing with the weight.
     */
    long cost(long weightGrams);

    /** Returns the days from shipping to delivery on this lane; not negative. */
    int transitDays();
  }
}
