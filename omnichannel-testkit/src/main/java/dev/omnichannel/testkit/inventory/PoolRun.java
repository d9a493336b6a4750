package dev.omnichannel.testkit.inventory;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.omnichannel.core.IdempotencyKey;
import dev.omnichannel.core.inventory.InventoryPool;
import dev.omnichannel.core.inventory.ReservationId;
import dev.omnichannel.core.inventory.TransferId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One run of generated {@link PoolCommand}s against a pool: the pool, its clock, and the ids and
 * commands the run has issued so far (mutable lists the driver appends to). Not thread-safe.
 *
 * @param pool the pool under test
 * @param reservations the reservations issued so far, in order
 * @param transfers the transfers issued so far, in order
 * @param clock the pool's clock
 * @param history every command run so far with its key, in order
 * @since 0.1.0
 */
public record PoolRun(
    InventoryPool pool,
    List<ReservationId> reservations,
    List<TransferId> transfers,
    MutableClock clock,
    List<Map.Entry<IdempotencyKey, PoolCommand>> history)
    implements PoolCommand.Context {
  /** Creates the run. */
  public PoolRun {
    checkNotNull(pool, "pool");
    checkNotNull(reservations, "reservations");
    checkNotNull(transfers, "transfers");
    checkNotNull(clock, "clock");
    checkNotNull(history, "history");
  }

  /** Returns a run on {@code pool} with nothing issued yet. */
  public static PoolRun of(InventoryPool pool, MutableClock clock) {
    return new PoolRun(pool, new ArrayList<>(), new ArrayList<>(), clock, new ArrayList<>());
  }
}
