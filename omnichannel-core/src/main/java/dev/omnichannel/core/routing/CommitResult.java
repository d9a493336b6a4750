package dev.omnichannel.core.routing;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.omnichannel.core.inventory.Outcome;
import dev.omnichannel.core.inventory.Reservation;
import java.util.Optional;

/**
 * What {@link Router#commit} did: the plan it ended with, the reservation holding it if any, every
 * plan it tried, and the pool's last rejection. Immutable and thread-safe.
 *
 * @param status how the commit ended
 * @param plan the last plan routed (the one reserved when committed)
 * @param reservation the reservation, when committed
 * @param attempts the plans tried, first to last
 * @param lastRejection the pool's last rejection, if any
 * @since 0.1.0
 */
public record CommitResult(
    Status status,
    FulfillmentPlan plan,
    Optional<Reservation> reservation,
    ImmutableList<FulfillmentPlan> attempts,
    Optional<Outcome.Rejected<Reservation>> lastRejection) {
  /** Creates the result. */
  public CommitResult {
    checkNotNull(status, "status");
    checkNotNull(plan, "plan");
    checkNotNull(reservation, "reservation");
    checkNotNull(attempts, "attempts");
    checkNotNull(lastRejection, "lastRejection");
    checkArgument(
        reservation.isPresent() == (status == Status.COMMITTED),
        "a reservation exists exactly when committed: %s",
        status);
  }

  /** Returns whether the plan is reserved. */
  public boolean isCommitted() {
    return status == Status.COMMITTED;
  }

  /**
   * How a commit ended.
   *
   * @since 0.1.0
   */
  public enum Status {
    /** The plan's shipments are reserved, all lines at their nodes. */
    COMMITTED,
    /** The plan serves no line: nothing was reserved. */
    NOTHING_TO_RESERVE,
    /** The pool turned the plan down for a reason re-routing cannot fix; nothing is held. */
    REJECTED,
    /** Concurrent orders kept winning the stock until the attempts ran out; nothing is held. */
    RETRIES_EXHAUSTED
  }
}
