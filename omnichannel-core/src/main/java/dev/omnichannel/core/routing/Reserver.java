package dev.omnichannel.core.routing;

import dev.omnichannel.core.inventory.Outcome;
import dev.omnichannel.core.inventory.Reservation;
import dev.omnichannel.core.inventory.ReserveRequest;

/**
 * Reserves stock all or nothing; a host passes {@code pool::reserve}. A rejected request must
 * change nothing.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface Reserver {
  /** Reserves every line of {@code request}, or none and says why. */
  Outcome<Reservation> reserve(ReserveRequest request);
}
