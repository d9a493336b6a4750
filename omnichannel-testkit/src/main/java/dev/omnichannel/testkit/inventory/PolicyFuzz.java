package dev.omnichannel.testkit.inventory;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.IdempotencyKey;
import dev.omnichannel.core.Sku;
import dev.omnichannel.core.inventory.AllocationPolicy;
import dev.omnichannel.core.inventory.AvailabilitySnapshot;
import dev.omnichannel.core.inventory.InventoryPool;
import dev.omnichannel.core.inventory.Outcome;
import dev.omnichannel.core.inventory.Reservation;
import dev.omnichannel.core.inventory.ReservationId;
import dev.omnichannel.core.inventory.Transfer;
import dev.omnichannel.core.inventory.TransferId;
import dev.omnichannel.testkit.Gen;
import dev.omnichannel.testkit.Property;
import java.time.Clock;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Drives random command sequences through pools that you configure — your nodes, channels and
 * allocation policies — and checks {@link InventoryInvariants} after every command, shrinking a
 * failure to a short sequence. The pool factory receives the clock to use; declare your SKUs in it.
 *
 * <pre>{@code
 * PolicyFuzz.forPools(clock -> myPoolBuilder().clock(clock).sku(Sku.of("A")).build())
 *     .runs(100)
 *     .check();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class PolicyFuzz {
  private final Function<Clock, InventoryPool> factory;
  private int runs = 100;
  private int maxCommands = 40;
  private @Nullable Long seed;

  private PolicyFuzz(Function<Clock, InventoryPool> factory) {
    this.factory = factory;
  }

  /** Returns a fuzzer of the pools {@code factory} builds. */
  public static PolicyFuzz forPools(Function<Clock, InventoryPool> factory) {
    return new PolicyFuzz(checkNotNull(factory, "factory"));
  }

  /** Sets the number of command sequences; 100 by default. */
  public PolicyFuzz runs(int runs) {
    checkArgument(runs >= 1, "runs must be at least 1: %s", runs);
    this.runs = runs;
    return this;
  }

  /** Sets the longest command sequence; 40 by default. */
  public PolicyFuzz maxCommands(int maxCommands) {
    checkArgument(maxCommands >= 1, "maxCommands must be at least 1: %s", maxCommands);
    this.maxCommands = maxCommands;
    return this;
  }

  /** Fixes the seed, to reproduce a failure. */
  public PolicyFuzz seed(long seed) {
    this.seed = seed;
    return this;
  }

  /**
   * Runs the sequences.
   *
   * @throws dev.omnichannel.testkit.PropertyFailure with the shrunk command sequence if an
   *     invariant breaks
   */
  public void check() {
    PoolConfig config = describe(factory.apply(MutableClock.at(Instant.EPOCH)));
    checkArgument(!config.skus().isEmpty(), "declare at least one SKU in the pool factory");
    Gen<List<PoolCommand>> sequences =
        Gen.listOf(InventoryGens.commands(config, 6, 3, maxCommands / 2), 1, maxCommands);
    Property.Runner<List<PoolCommand>> runner = Property.forAll(sequences).tries(runs);
    if (seed != null) {
      runner.seed(seed);
    }
    runner.check(this::run);
  }

  private void run(List<PoolCommand> commands) {
    MutableClock clock = MutableClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    InventoryPool pool = factory.apply(clock);
    PoolRun context = PoolRun.of(pool, clock);
    List<ReservationId> reservations = context.reservations();
    List<TransferId> transfers = context.transfers();
    List<Map.Entry<IdempotencyKey, PoolCommand>> history = context.history();
    int step = 0;
    for (PoolCommand command : commands) {
      step++;
      if (!applicable(command, reservations.size(), transfers.size(), history.size())) {
        continue;
      }
      IdempotencyKey key = IdempotencyKey.of("fuzz-" + step);
      Outcome<?> outcome = command.run(context, key);
      history.add(new AbstractMap.SimpleImmutableEntry<>(key, command));
      if (outcome instanceof Outcome.Applied<?> applied
          && !(command instanceof PoolCommand.Repeat)) {
        if (applied.value() instanceof Reservation r && !reservations.contains(r.id())) {
          reservations.add(r.id());
        }
        if (applied.value() instanceof Transfer t && !transfers.contains(t.id())) {
          transfers.add(t.id());
        }
      }
      if (command instanceof PoolCommand.ReservePublished && outcome != null) {
        if (!outcome.isApplied()) {
          throw new AssertionError("step " + step + ": published number refused: " + outcome);
        }
      }
      ImmutableList<String> violations = InventoryInvariants.violations(pool);
      if (!violations.isEmpty()) {
        throw new AssertionError("after step " + step + " (" + command + "): " + violations);
      }
    }
  }

  static boolean applicable(PoolCommand command, int reservations, int transfers, int history) {
    if (command instanceof PoolCommand.Confirm c) {
      return c.index() < reservations;
    }
    if (command instanceof PoolCommand.Release c) {
      return c.index() < reservations;
    }
    if (command instanceof PoolCommand.FulfilAll c) {
      return c.index() < reservations;
    }
    if (command instanceof PoolCommand.FulfilPart c) {
      return c.index() < reservations;
    }
    if (command instanceof PoolCommand.ReceiveTransfer c) {
      return c.index() < transfers;
    }
    if (command instanceof PoolCommand.Repeat c) {
      return c.keyIndex() < history;
    }
    return true;
  }

  /** Reads a pool's configuration back: nodes, channels, policies, SKUs and bundles. */
  static PoolConfig describe(InventoryPool pool) {
    ImmutableMap.Builder<ChannelId, AllocationPolicy> channels = ImmutableMap.builder();
    for (ChannelId channel : pool.channels()) {
      channels.put(channel, pool.policy(channel));
    }
    AvailabilitySnapshot snapshot = pool.snapshot(pool.skus());
    List<Sku> plain = new ArrayList<>();
    ImmutableMap.Builder<Sku, ImmutableMap<Sku, Integer>> bundles = ImmutableMap.builder();
    for (Sku sku : pool.skus().stream().sorted().toList()) {
      var components = snapshot.bundleComponents(sku);
      if (components.isPresent()) {
        bundles.put(sku, components.get());
      } else {
        plain.add(sku);
      }
    }
    return new PoolConfig(
        ImmutableList.copyOf(pool.nodes()),
        channels.buildOrThrow(),
        ImmutableList.copyOf(plain),
        bundles.buildOrThrow());
  }
}
