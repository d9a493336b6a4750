package dev.omnichannel.benchmarks.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.IdempotencyKey;
import dev.omnichannel.core.Sku;
import dev.omnichannel.core.inventory.InMemoryJournal;
import dev.omnichannel.core.inventory.InventoryPool;
import dev.omnichannel.core.inventory.Outcome;
import dev.omnichannel.core.inventory.Reservation;
import dev.omnichannel.core.inventory.ReservationId;
import dev.omnichannel.core.inventory.ReservationLine;
import dev.omnichannel.core.inventory.ReserveRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The hand-written pair (f) must do the work it is compared for: publish what the pool publishes,
 * journal and announce as much, and answer repeated keys as the pool does.
 */
class HandRolledPairTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC);
  private static final int SKUS = 40;

  @Test
  void publishesJournalsAndAnnouncesWhatThePoolDoes() {
    InMemoryJournal poolJournal = new InMemoryJournal();
    BenchmarkPools.CountingListener poolEvents = new BenchmarkPools.CountingListener();
    InventoryPool pool = BenchmarkPools.builder(CLOCK, poolJournal, poolEvents).build();
    InMemoryJournal handJournal = new InMemoryJournal();
    BenchmarkPools.CountingListener handEvents = new BenchmarkPools.CountingListener();
    HandRolledPair hand = new HandRolledPair(pool, handJournal, handEvents, CLOCK, 1_000);
    // Small and uneven stock, so that fences, the scarcity cut-off, lots and buffers all bite.
    for (int s = 0; s < SKUS; s++) {
      long units = 1 + s % 7L;
      Sku sku = BenchmarkPools.sku(s);
      for (int n = 0; n < BenchmarkPools.NODES; n++) {
        pool.receive(IdempotencyKey.of("stock-" + s + "-" + n), sku, BenchmarkPools.node(n), units)
            .orThrow();
      }
      hand.stock(sku, units);
    }
    long stockingMovements = poolJournal.movements().size();
    long stockingEvents = poolEvents.events.sum();
    assertSamePublished(pool, hand);

    SplittableRandom random = new SplittableRandom(7);
    List<ReservationId[]> open = new ArrayList<>(); // {pool's, hand's}
    int taken = 0;
    int refused = 0;
    for (int step = 0; step < 3_000; step++) {
      if (open.isEmpty() || random.nextInt(3) > 0) {
        Sku sku = BenchmarkPools.sku(random.nextInt(SKUS));
        ChannelId channel = BenchmarkPools.CHANNELS[random.nextInt(BenchmarkPools.CHANNELS.length)];
        Outcome<Reservation> byPool =
            pool.reserve(
                ReserveRequest.firm(
                    IdempotencyKey.of("r" + step), channel, ReservationLine.of(sku, 1)));
        HandRolledPair.Result byHand =
            hand.reserve(IdempotencyKey.of("r" + step), hand.channel(channel), sku, 1);
        assertThat(byHand instanceof HandRolledPair.Taken)
            .as("step %s: %s for %s", step, sku, channel)
            .isEqualTo(byPool.isApplied());
        if (byHand instanceof HandRolledPair.Taken t) {
          Reservation r = byPool.orThrow();
          assertThat(t.reservation().allocations()).isEqualTo(r.allocations());
          open.add(new ReservationId[] {r.id(), t.reservation().id()});
          taken++;
        } else {
          refused++;
        }
      } else {
        ReservationId[] ids = open.remove(random.nextInt(open.size()));
        pool.release(IdempotencyKey.of("x" + step), ids[0]).orThrow();
        assertThat(hand.release(IdempotencyKey.of("x" + step), ids[1]))
            .isInstanceOf(HandRolledPair.Taken.class);
      }
      assertSamePublished(pool, hand);
    }
    assertThat(taken).isGreaterThan(500);
    assertThat(refused).isGreaterThan(100);
    assertThat(handJournal.movements())
        .hasSize((int) (poolJournal.movements().size() - stockingMovements));
    assertThat(handEvents.events.sum()).isEqualTo(poolEvents.events.sum() - stockingEvents);
  }

  @Test
  void answersARepeatedKeyWithItsFirstResultAndRefusesAReusedOne() {
    InventoryPool template =
        BenchmarkPools.builder(CLOCK, new BenchmarkPools.DiscardingJournal()).build();
    BenchmarkPools.CountingListener events = new BenchmarkPools.CountingListener();
    HandRolledPair hand = new HandRolledPair(template, new InMemoryJournal(), events, CLOCK, 1_000);
    Sku sku = BenchmarkPools.sku(1);
    hand.stock(sku, 10);
    int web = hand.channel(BenchmarkPools.CHANNELS[0]);
    long before = hand.availableToPromise(sku, web);

    HandRolledPair.Result first = hand.reserve(IdempotencyKey.of("k"), web, sku, 2);
    long eventsAfterFirst = events.events.sum();
    assertThat(hand.reserve(IdempotencyKey.of("k"), web, sku, 2)).isSameAs(first);
    assertThat(events.events.sum()).isEqualTo(eventsAfterFirst);
    assertThat(hand.reserve(IdempotencyKey.of("k"), web, sku, 3))
        .isInstanceOf(HandRolledPair.Refused.class);
    assertThat(hand.availableToPromise(sku, web)).isLessThan(before);

    ReservationId id = ((HandRolledPair.Taken) first).reservation().id();
    HandRolledPair.Result released = hand.release(IdempotencyKey.of("x"), id);
    assertThat(hand.availableToPromise(sku, web)).isEqualTo(before);
    assertThat(hand.release(IdempotencyKey.of("x"), id)).isSameAs(released);
    // Released again under a new key: the settled reservation answers, nothing moves.
    assertThat(hand.release(IdempotencyKey.of("y"), id)).isSameAs(released);
    assertThat(hand.availableToPromise(sku, web)).isEqualTo(before);
  }

  @Test
  void forgetsTheOldestKeysBeyondItsMemory() {
    InventoryPool template =
        BenchmarkPools.builder(CLOCK, new BenchmarkPools.DiscardingJournal()).build();
    HandRolledPair hand =
        new HandRolledPair(
            template, new InMemoryJournal(), new BenchmarkPools.CountingListener(), CLOCK, 8);
    Sku sku = BenchmarkPools.sku(2);
    hand.stock(sku, 1_000);
    int web = hand.channel(BenchmarkPools.CHANNELS[0]);
    HandRolledPair.Result[] results = new HandRolledPair.Result[5];
    for (int i = 0; i <= 4; i++) {
      results[i] = hand.reserve(IdempotencyKey.of("k" + i), web, sku, 1);
      // Four keys are remembered (half of 8): k0 stays until the fifth key arrives.
      if (i < 4) {
        assertThat(hand.reserve(IdempotencyKey.of("k0"), web, sku, 1)).isSameAs(results[0]);
      }
    }
    HandRolledPair.Result anew = hand.reserve(IdempotencyKey.of("k0"), web, sku, 1);
    assertThat(anew).isInstanceOf(HandRolledPair.Taken.class).isNotEqualTo(results[0]);
    // That forgot k1; k2 to k4 still answer with their first results.
    for (int i = 2; i <= 4; i++) {
      assertThat(hand.reserve(IdempotencyKey.of("k" + i), web, sku, 1))
          .as("k%s", i)
          .isSameAs(results[i]);
    }
  }

  private static void assertSamePublished(InventoryPool pool, HandRolledPair hand) {
    for (int s = 0; s < SKUS; s++) {
      Sku sku = BenchmarkPools.sku(s);
      for (ChannelId channel : BenchmarkPools.CHANNELS) {
        assertThat(hand.availableToPromise(sku, hand.channel(channel)))
            .as("%s for %s", sku, channel)
            .isEqualTo(pool.availableToPromise(sku, channel));
      }
    }
  }
}
