package dev.omnichannel.testkit.inventory;

import com.google.common.collect.ImmutableList;
import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.IdempotencyKey;
import dev.omnichannel.core.NodeId;
import dev.omnichannel.core.Sku;
import dev.omnichannel.core.inventory.Adjustment;
import dev.omnichannel.core.inventory.InventoryPool;
import dev.omnichannel.core.inventory.Outcome;
import dev.omnichannel.core.inventory.ReservationId;
import dev.omnichannel.core.inventory.ReservationKind;
import dev.omnichannel.core.inventory.ReservationLine;
import dev.omnichannel.core.inventory.ReserveRequest;
import dev.omnichannel.core.inventory.TransferId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One generated command against an inventory pool. Reservations and transfers are named by the
 * order the pool issued them in ({@code 0} is the first), so that a command sequence can be
 * generated before the ids exist and replayed after shrinking.
 *
 * @since 0.1.0
 */
public sealed interface PoolCommand {

  /** What a command needs from the run: the pool, ids issued so far, the clock, a fresh key. */
  interface Context {
    /** Returns the pool under test. */
    InventoryPool pool();

    /** Returns the reservations issued so far, in order. */
    List<ReservationId> reservations();

    /** Returns the transfers issued so far, in order. */
    List<TransferId> transfers();

    /** Returns the clock of the pool. */
    MutableClock clock();

    /** Returns every command run so far with its key, in order. */
    List<Map.Entry<IdempotencyKey, PoolCommand>> history();
  }

  /**
   * Runs the command on {@code context.pool()} with {@code key}; returns its outcome, or {@code
   * null} for commands without one ({@link Advance}, {@link ExpireHolds}).
   */
  @Nullable Outcome<?> run(Context context, IdempotencyKey key);

  /** Receives units. */
  record Receive(Sku sku, NodeId node, long quantity) implements PoolCommand {
    @Override
    public Outcome<?> run(Context c, IdempotencyKey key) {
      return c.pool().receive(key, sku, node, quantity);
    }
  }

  /** Adjusts on hand by a count or a delta. */
  record Adjust(Sku sku, NodeId node, boolean absolute, long value) implements PoolCommand {
    @Override
    public Outcome<?> run(Context c, IdempotencyKey key) {
      Adjustment adjustment =
          absolute ? Adjustment.setTo(value, "count") : Adjustment.delta(value, "correction");
      return c.pool().adjust(key, sku, node, adjustment);
    }
  }

  /** Reserves lines for a channel; a line's node is {@code null} to let the pool choose. */
  record Reserve(
      ChannelId channel,
      ReservationKind kind,
      long holdMillis,
      ImmutableList<ReservationLine> lines)
      implements PoolCommand {
    @Override
    public Outcome<?> run(Context c, IdempotencyKey key) {
      ReserveRequest request =
          kind == ReservationKind.HOLD
              ? ReserveRequest.hold(key, channel, Duration.ofMillis(holdMillis), lines)
              : ReserveRequest.firm(key, channel, lines);
      return c.pool().reserve(request);
    }
  }

  /** Reserves exactly what a channel is shown for a SKU (skipped when it is shown nothing). */
  record ReservePublished(ChannelId channel, Sku sku) implements PoolCommand {
    @Override
    public @Nullable Outcome<?> run(Context c, IdempotencyKey key) {
      long shown = c.pool().availableToPromise(sku, channel);
      if (shown == 0) {
        return null;
      }
      return c.pool().reserve(ReserveRequest.firm(key, channel, ReservationLine.of(sku, shown)));
    }
  }

  /** Confirms the {@code index}-th reservation. */
  record Confirm(int index) implements PoolCommand {
    @Override
    public Outcome<?> run(Context c, IdempotencyKey key) {
      return c.pool().confirm(key, c.reservations().get(index));
    }
  }

  /** Releases the {@code index}-th reservation. */
  record Release(int index) implements PoolCommand {
    @Override
    public Outcome<?> run(Context c, IdempotencyKey key) {
      return c.pool().release(key, c.reservations().get(index));
    }
  }

  /** Ships everything the {@code index}-th reservation holds. */
  record FulfilAll(int index) implements PoolCommand {
    @Override
    public Outcome<?> run(Context c, IdempotencyKey key) {
      return c.pool().fulfil(key, c.reservations().get(index));
    }
  }

  /** Ships part of the {@code index}-th reservation at one SKU and node. */
  record FulfilPart(int index, Sku sku, NodeId node, long quantity) implements PoolCommand {
    @Override
    public Outcome<?> run(Context c, IdempotencyKey key) {
      return c.pool().fulfil(key, c.reservations().get(index), sku, node, quantity);
    }
  }

  /** Ships a transfer between two nodes. */
  record ShipTransfer(Sku sku, NodeId from, NodeId to, long quantity) implements PoolCommand {
    @Override
    public Outcome<?> run(Context c, IdempotencyKey key) {
      return c.pool().shipTransfer(key, sku, from, to, quantity);
    }
  }

  /** Receives units of the {@code index}-th transfer. */
  record ReceiveTransfer(int index, long quantity) implements PoolCommand {
    @Override
    public Outcome<?> run(Context c, IdempotencyKey key) {
      return c.pool().receiveTransfer(key, c.transfers().get(index), quantity);
    }
  }

  /** Quarantines units: returned goods, or free units pulled from on hand. */
  record Quarantine(Sku sku, NodeId node, long quantity, boolean fromOnHand)
      implements PoolCommand {
    @Override
    public Outcome<?> run(Context c, IdempotencyKey key) {
      return c.pool().quarantine(key, sku, node, quantity, fromOnHand, "generated");
    }
  }

  /** Restocks quarantined units. */
  record Restock(Sku sku, NodeId node, long quantity) implements PoolCommand {
    @Override
    public Outcome<?> run(Context c, IdempotencyKey key) {
      return c.pool().restock(key, sku, node, quantity);
    }
  }

  /** Writes quarantined units off. */
  record WriteOff(Sku sku, NodeId node, long quantity) implements PoolCommand {
    @Override
    public Outcome<?> run(Context c, IdempotencyKey key) {
      return c.pool().writeOff(key, sku, node, quantity, "generated");
    }
  }

  /** Moves the clock forward, which may expire holds. */
  record Advance(long millis) implements PoolCommand {
    @Override
    public @Nullable Outcome<?> run(Context c, IdempotencyKey key) {
      c.clock().advanceMillis(millis);
      return null;
    }
  }

  /** Runs the optional expiry sweep. */
  record ExpireHolds() implements PoolCommand {
    @Override
    public @Nullable Outcome<?> run(Context c, IdempotencyKey key) {
      c.pool().expireHolds();
      return null;
    }
  }

  /**
   * Sends the {@code keyIndex}-th command of the run again with its key ({@code sameCommand}), or
   * sends {@code other} under that key; the pool must return the first outcome, or refuse the
   * reuse, and change nothing.
   */
  record Repeat(int keyIndex, boolean sameCommand, PoolCommand other) implements PoolCommand {
    @Override
    public @Nullable Outcome<?> run(Context c, IdempotencyKey key) {
      Map.Entry<IdempotencyKey, PoolCommand> prior = c.history().get(keyIndex);
      return (sameCommand ? prior.getValue() : other).run(c, prior.getKey());
    }
  }
}
