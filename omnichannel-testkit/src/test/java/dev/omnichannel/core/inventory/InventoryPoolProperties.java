package dev.omnichannel.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.IdempotencyKey;
import dev.omnichannel.core.Sku;
import dev.omnichannel.testkit.Gen;
import dev.omnichannel.testkit.ModelBasedRunner;
import dev.omnichannel.testkit.ModelBasedSpec;
import dev.omnichannel.testkit.Property;
import dev.omnichannel.testkit.inventory.InventoryGens;
import dev.omnichannel.testkit.inventory.InventoryInvariants;
import dev.omnichannel.testkit.inventory.MutableClock;
import dev.omnichannel.testkit.inventory.PolicyFuzz;
import dev.omnichannel.testkit.inventory.PoolCommand;
import dev.omnichannel.testkit.inventory.PoolConfig;
import dev.omnichannel.testkit.inventory.PoolRun;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Model-based properties of the pool: random pool configurations, random command sequences, the
 * real pool and {@link ReferencePool} side by side, compared after every step; the invariant
 * oracle, journal replay and event sequences checked after every step too.
 */
class InventoryPoolProperties {
  private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

  /** The real pool and what the run learned about it. */
  static final class Sut {
    final MutableClock clock = MutableClock.at(START);
    final InMemoryJournal journal = new InMemoryJournal();
    final List<AvailabilityEvent> events = new ArrayList<>();
    final InventoryPool pool;
    final PoolRun run;
    final List<ReservationId> reservations;
    final List<TransferId> transfers;
    final List<Map.Entry<IdempotencyKey, PoolCommand>> history;
    final Map<IdempotencyKey, Outcome<?>> firstOutcomes = new HashMap<>();
    final PoolConfig config;

    Sut(PoolConfig config) {
      this.config = config;
      this.pool = config.toBuilder(clock).journal(journal).listener(events::add).build();
      this.run = PoolRun.of(pool, clock);
      this.reservations = run.reservations();
      this.transfers = run.transfers();
      this.history = run.history();
    }
  }

  static final class Spec implements ModelBasedSpec<ReferencePool, Sut, PoolCommand> {
    final PoolConfig config;

    Spec(PoolConfig config) {
      this.config = config;
    }

    @Override
    public ReferencePool newModel() {
      return new ReferencePool(config, START.toEpochMilli());
    }

    @Override
    public Sut newSystem() {
      return new Sut(config);
    }

    @Override
    public Gen<PoolCommand> commands(ReferencePool model) {
      return InventoryGens.commands(
          config, model.reservations.size(), model.transfers.size(), model.history.size());
    }

    @Override
    public boolean precondition(ReferencePool model, PoolCommand command) {
      if (command instanceof PoolCommand.Confirm c) {
        return c.index() < model.reservations.size();
      }
      if (command instanceof PoolCommand.Release c) {
        return c.index() < model.reservations.size();
      }
      if (command instanceof PoolCommand.FulfilAll c) {
        return c.index() < model.reservations.size();
      }
      if (command instanceof PoolCommand.FulfilPart c) {
        return c.index() < model.reservations.size();
      }
      if (command instanceof PoolCommand.ReceiveTransfer c) {
        return c.index() < model.transfers.size();
      }
      if (command instanceof PoolCommand.Repeat c) {
        return c.keyIndex() < model.history.size();
      }
      return true;
    }

    @Override
    public void step(ReferencePool model, Sut sut, PoolCommand command) {
      IdempotencyKey key = IdempotencyKey.of("k" + model.history.size());
      int reservationsBefore = model.reservations.size();
      int transfersBefore = model.transfers.size();
      ReferencePool.Expected expected = model.apply(command, key);
      Outcome<?> actual = command.run(sut.run, key);
      model.history.add(new AbstractMap.SimpleImmutableEntry<>(key, command));
      sut.history.add(new AbstractMap.SimpleImmutableEntry<>(key, command));
      if (expected == null) {
        assertThat(actual).as("%s", command).isNull();
      } else {
        assertThat(actual).as("%s", command).isNotNull();
        Outcome<?> a = Objects.requireNonNull(actual);
        assertThat(a.isApplied())
            .as("%s gave %s, model %s", command, a, expected)
            .isEqualTo(expected.applied());
        if (!expected.applied()) {
          assertThat(a.rejection().orElseThrow().reason())
              .as("%s", command)
              .isEqualTo(expected.reason());
        }
      }
      checkIdempotency(sut, command, key, actual);
      if (actual instanceof Outcome.Applied<?> applied
          && applied.value() instanceof Reservation r
          && (command instanceof PoolCommand.Reserve
              || command instanceof PoolCommand.ReservePublished)) {
        checkFences(sut, r);
      }
      if (model.reservations.size() > reservationsBefore) {
        Reservation r = (Reservation) ((Outcome.Applied<?>) Objects.requireNonNull(actual)).value();
        sut.reservations.add(r.id());
      }
      if (model.transfers.size() > transfersBefore) {
        Transfer t = (Transfer) ((Outcome.Applied<?>) Objects.requireNonNull(actual)).value();
        sut.transfers.add(t.id());
      }
      compare(model, sut, command);
    }

    /** A repeated key returns the first outcome, an equal value; a reused key is refused. */
    private static void checkIdempotency(
        Sut sut, PoolCommand command, IdempotencyKey key, @Nullable Outcome<?> actual) {
      if (command instanceof PoolCommand.Repeat r) {
        IdempotencyKey used = sut.history.get(r.keyIndex()).getKey();
        Outcome<?> first = sut.firstOutcomes.get(used);
        if (r.sameCommand() && first != null && actual != null && !isReservePublished(sut, r)) {
          assertThat(actual).as("repeat of %s", used).isEqualTo(first);
        }
      } else if (actual != null) {
        sut.firstOutcomes.put(key, actual);
      }
    }

    private static boolean isReservePublished(Sut sut, PoolCommand.Repeat r) {
      // Re-reading the published number may build a different request under the same key.
      PoolCommand prior = sut.history.get(r.keyIndex()).getValue();
      return prior instanceof PoolCommand.ReservePublished || prior instanceof PoolCommand.Repeat;
    }

    /**
     * Invariant 3: after a channel's reservation, every node it took from still covers others'
     * fences.
     */
    private void checkFences(Sut sut, Reservation r) {
      for (Allocation a : r.allocations()) {
        long othersFence = 0;
        for (Map.Entry<ChannelId, AllocationPolicy> e : config.channels().entrySet()) {
          if (!e.getKey().equals(r.channel())) {
            othersFence += e.getValue().ringFences().getOrDefault(a.node(), 0L);
          }
        }
        // Bundles are held as components; the check is per component and node.
        Position p = sut.pool.position(a.sku(), a.node());
        assertThat(p.free())
            .as(
                "%s took %s at %s, eating into fences of %s",
                r.channel(), a.sku(), a.node(), othersFence)
            .isGreaterThanOrEqualTo(othersFence);
      }
    }

    private void compare(ReferencePool model, Sut sut, PoolCommand after) {
      InventoryPool pool = sut.pool;
      for (Sku sku : config.skus()) {
        for (int n = 0; n < model.nodes.size(); n++) {
          Position p = pool.position(sku, model.nodes.get(n));
          Position m =
              new Position(
                  sku,
                  model.nodes.get(n),
                  ReferencePool.at(model.onHand, sku)[n],
                  ReferencePool.at(model.reserved, sku)[n],
                  ReferencePool.at(model.quarantined, sku)[n],
                  ReferencePool.at(model.inTransit, sku)[n]);
          assertThat(p).as("after %s", after).isEqualTo(m);
        }
      }
      List<Sku> all = List.copyOf(config.allSkus());
      for (int c = 0; c < model.channels.size(); c++) {
        // All SKUs at once first (it applies due expiries itself), then one at a time.
        long[] batch = pool.availableToPromise(all, model.channels.get(c));
        for (int i = 0; i < all.size(); i++) {
          assertThat(batch[i])
              .as("published %s to %s in a batch after %s", all.get(i), c, after)
              .isEqualTo(model.published(all.get(i), c));
        }
      }
      for (Sku sku : config.allSkus()) {
        for (int c = 0; c < model.channels.size(); c++) {
          ChannelId channel = model.channels.get(c);
          // Through a handle first (it applies due expiries itself), then by value.
          assertThat(pool.handle(sku).availableToPromise(channel))
              .as("published %s to %s through a handle after %s", sku, channel, after)
              .isEqualTo(model.published(sku, c));
          assertThat(pool.availableToPromise(sku, channel))
              .as("published %s to %s after %s", sku, channel, after)
              .isEqualTo(model.published(sku, c));
        }
      }
      for (int i = 0; i < model.reservations.size(); i++) {
        ReferencePool.Res m = model.reservations.get(i);
        Reservation r = pool.reservation(sut.reservations.get(i)).orElseThrow();
        assertThat(r.state()).as("reservation %s after %s", i, after).isEqualTo(m.state);
        assertThat(r.kind()).isEqualTo(m.kind);
        Map<String, long[]> expected = new HashMap<>();
        for (ReferencePool.Alloc a : m.allocs) {
          expected.put(a.sku + "@" + model.nodes.get(a.node), new long[] {a.quantity, a.fulfilled});
        }
        Map<String, long[]> actual = new HashMap<>();
        for (Allocation a : r.allocations()) {
          actual.put(a.sku() + "@" + a.node(), new long[] {a.quantity(), a.fulfilled()});
        }
        assertThat(actual).as("allocations of %s after %s", i, after).hasSameSizeAs(expected);
        for (Map.Entry<String, long[]> e : expected.entrySet()) {
          assertThat(actual.get(e.getKey()))
              .as("allocation %s of %s", e.getKey(), i)
              .containsExactly(e.getValue());
        }
      }
    }

    @Override
    public void invariants(ReferencePool model, Sut sut) {
      assertThat(InventoryInvariants.violations(sut.pool)).isEmpty();
      // Conservation: the journal replays to the same pool.
      InventoryPool rebuilt =
          config.toBuilder(sut.clock)
              .journal(new InMemoryJournal())
              .rebuild(sut.journal.movements());
      assertThat(DriftCheck.compare(sut.pool, rebuilt)).isEmpty();
      // Events: per (SKU, channel) sequences run 1, 2, 3 … and end at the published number.
      Map<String, Long> last = new HashMap<>();
      Map<String, Long> value = new HashMap<>();
      for (AvailabilityEvent e : sut.events) {
        String k = e.sku() + "/" + e.channel();
        assertThat(e.sequence()).as("sequence of %s", k).isEqualTo(last.getOrDefault(k, 0L) + 1);
        assertThat(e.previous()).isEqualTo(value.getOrDefault(k, 0L));
        last.put(k, e.sequence());
        value.put(k, e.available());
      }
      value.forEach(
          (k, v) -> {
            String[] parts = k.split("/", 2);
            assertThat(sut.pool.availableToPromise(Sku.of(parts[0]), ChannelId.of(parts[1])))
                .as("last event of %s", k)
                .isEqualTo(v);
          });
    }
  }

  @Test
  void poolMatchesTheReferenceModel() {
    Property.forAll(InventoryGens.configs())
        .tries(25)
        .check(
            config ->
                ModelBasedRunner.forSpec(new Spec(config))
                    .runs(12)
                    .maxCommands(40)
                    .seed(config.hashCode())
                    .check());
  }

  @Test
  void oracleHoldsOnGeneratedPolicies() {
    Property.forAll(InventoryGens.configs())
        .tries(15)
        .check(
            config ->
                PolicyFuzz.forPools(clock -> config.toBuilder(clock).build())
                    .runs(10)
                    .seed(config.hashCode())
                    .check());
  }

  @Test
  void publishedNumbersAreHonouredOnAnyState() {
    Property.forAll(InventoryGens.configs())
        .tries(40)
        .check(
            config -> {
              Sut sut = new Sut(config);
              long seed = config.hashCode();
              java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
              for (Sku sku : config.skus()) {
                for (var node : config.nodes()) {
                  sut.pool
                      .receive(
                          IdempotencyKey.of("r-" + sku + node.id()),
                          sku,
                          node.id(),
                          1 + random.nextInt(20))
                      .orThrow();
                }
              }
              for (Sku sku : config.allSkus()) {
                assertThat(InventoryInvariants.probeHonourable(sut.pool, sku)).isEmpty();
              }
            });
  }
}
