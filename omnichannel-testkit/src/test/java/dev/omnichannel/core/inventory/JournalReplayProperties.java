package dev.omnichannel.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnichannel.core.IdempotencyKey;
import dev.omnichannel.core.NodeId;
import dev.omnichannel.core.Sku;
import dev.omnichannel.testkit.Gen;
import dev.omnichannel.testkit.Property;
import dev.omnichannel.testkit.inventory.InventoryGens;
import dev.omnichannel.testkit.inventory.InventoryInvariants;
import dev.omnichannel.testkit.inventory.MutableClock;
import dev.omnichannel.testkit.inventory.PoolCommand;
import dev.omnichannel.testkit.inventory.PoolConfig;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Replaying a journal is decoding untrusted input: a damaged journal (movements dropped, repeated,
 * swapped, altered) either rebuilds a pool that keeps every invariant or is refused with an {@code
 * IllegalArgumentException} that names the movement — never another exception, never a broken pool.
 */
class JournalReplayProperties {

  record Damage(int kind, int at, int other, long value) {}

  @Test
  void damagedJournalsAreRefusedOrSound() {
    Gen<Damage> damage =
        Gen.zip(
            Gen.zip(Gen.ints(0, 5), Gen.ints(0, 1_000), (k, a) -> new int[] {k, a}),
            Gen.zip(Gen.ints(0, 1_000), Gen.longs(-5, 50), (o, v) -> new long[] {o, v}),
            (ka, ov) -> new Damage(ka[0], ka[1], (int) ov[0], ov[1]));
    Gen<Map.Entry<PoolConfig, List<Damage>>> cases =
        Gen.zip(
            InventoryGens.configs(),
            Gen.listOf(damage, 1, 3),
            (c, d) -> new AbstractMap.SimpleImmutableEntry<>(c, d));
    Property.forAll(cases)
        .tries(400)
        .check(
            c -> {
              PoolConfig config = c.getKey();
              List<Movement> journal = drive(config, Math.abs((long) config.hashCode()));
              if (journal.isEmpty()) {
                return;
              }
              List<Movement> damaged = new ArrayList<>(journal);
              for (Damage d : c.getValue()) {
                apply(damaged, d);
              }
              InventoryPool rebuilt;
              try {
                rebuilt =
                    config.toBuilder(MutableClock.at(Instant.parse("2026-03-01T12:00:00Z")))
                        .rebuild(damaged);
              } catch (IllegalArgumentException e) {
                assertThat(e).hasMessageContaining("journal movement");
                return;
              }
              assertThat(InventoryInvariants.violations(rebuilt)).isEmpty();
            });
  }

  private static void apply(List<Movement> journal, Damage d) {
    if (journal.isEmpty()) {
      return;
    }
    int at = d.at() % journal.size();
    Movement m = journal.get(at);
    switch (d.kind()) {
      case 0 -> journal.remove(at);
      case 1 -> journal.add(at, m);
      case 2 -> {
        int other = d.other() % journal.size();
        journal.set(at, journal.get(other));
        journal.set(other, m);
      }
      case 3 -> journal.set(at, with(m, m.type(), d.value(), m.node()));
      case 4 -> {
        MovementType[] types = MovementType.values();
        journal.set(
            at, with(m, types[Math.floorMod(d.value(), types.length)], m.quantity(), m.node()));
      }
      default -> journal.set(at, with(m, m.type(), m.quantity(), NodeId.of("ELSEWHERE")));
    }
  }

  private static Movement with(Movement m, MovementType type, long quantity, NodeId node) {
    return new Movement(
        m.sequence(),
        m.command(),
        type,
        m.at(),
        m.key(),
        m.sku(),
        node,
        quantity,
        m.channel(),
        m.reservation(),
        m.reservationKind(),
        m.expiresAt(),
        m.transfer(),
        m.otherNode(),
        m.reason());
  }

  /** Runs generated commands against a pool of {@code config} and returns its journal. */
  private static List<Movement> drive(PoolConfig config, long seed) {
    InventoryPoolProperties.Sut sut = new InventoryPoolProperties.Sut(config);
    for (Sku sku : config.skus()) {
      for (var node : config.nodes()) {
        sut.pool.receive(IdempotencyKey.of("in-" + sku + node.id()), sku, node.id(), 10).orThrow();
      }
    }
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    for (int i = 0; i < 30; i++) {
      PoolCommand command =
          InventoryGens.commands(
                  config, sut.reservations.size(), sut.transfers.size(), sut.history.size())
              .generate(dev.omnichannel.testkit.GenContext.of(random.nextLong(), 50));
      IdempotencyKey key = IdempotencyKey.of("c" + i);
      Outcome<?> outcome = command.run(sut.run, key);
      sut.history.add(new AbstractMap.SimpleImmutableEntry<>(key, command));
      if (outcome instanceof Outcome.Applied<?> applied
          && !(command instanceof PoolCommand.Repeat)) {
        if (applied.value() instanceof Reservation r && !sut.reservations.contains(r.id())) {
          sut.reservations.add(r.id());
        }
        if (applied.value() instanceof Transfer t && !sut.transfers.contains(t.id())) {
          sut.transfers.add(t.id());
        }
      }
    }
    return sut.journal.movements();
  }
}
