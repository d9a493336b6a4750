package dev.omnichannel.testkit.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.IdempotencyKey;
import dev.omnichannel.core.NodeId;
import dev.omnichannel.core.Sku;
import dev.omnichannel.core.inventory.AllocationPolicy;
import dev.omnichannel.core.inventory.DriftCheck;
import dev.omnichannel.core.inventory.InventoryPool;
import dev.omnichannel.core.inventory.InventoryPoolBuilder;
import dev.omnichannel.core.inventory.Movement;
import dev.omnichannel.core.inventory.MovementType;
import dev.omnichannel.core.inventory.Node;
import dev.omnichannel.core.inventory.ReservationLine;
import dev.omnichannel.core.inventory.ReserveRequest;
import dev.omnichannel.core.inventory.spi.InventoryJournal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The contract kit for {@link InventoryJournal} implementations: extend it in your test sources,
 * return a fresh, empty journal from {@link #newJournal()}, and JUnit runs every check against it.
 *
 * <pre>{@code
 * class PostgresJournalContractTest extends InventoryJournalContract {
 *   @Override
 *   protected InventoryJournal newJournal() {
 *     return new PostgresJournal(freshSchema());
 *   }
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public abstract class InventoryJournalContract {
  private static final NodeId DC = NodeId.of("DC");
  private static final NodeId STORE = NodeId.of("STORE");
  private static final ChannelId WEB = ChannelId.of("web");

  /** Returns a fresh, empty journal. */
  protected abstract InventoryJournal newJournal();

  private static InventoryPoolBuilder config(MutableClock clock, InventoryJournal journal) {
    return InventoryPool.builder()
        .node(Node.warehouse("DC"))
        .node(Node.store("STORE"))
        .channel(WEB, AllocationPolicy.open())
        .clock(clock)
        .journal(journal);
  }

  private static List<Movement> read(InventoryJournal journal) {
    List<Movement> all = new ArrayList<>();
    journal.replay(all::add);
    return all;
  }

  @Test
  void emptyJournalReplaysNothing() {
    assertEquals(List.of(), read(newJournal()));
  }

  @Test
  void replaysInAppendOrderAndRepeatably() {
    InventoryJournal journal = newJournal();
    MutableClock clock = MutableClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    InventoryPool pool = config(clock, journal).build();
    Sku sku = Sku.of("A");
    pool.receive(IdempotencyKey.of("r1"), sku, DC, 10).orThrow();
    var hold =
        pool.reserve(
                ReserveRequest.hold(
                    IdempotencyKey.of("h1"),
                    WEB,
                    Duration.ofSeconds(5),
                    ReservationLine.of(sku, 4)))
            .orThrow();
    pool.receive(IdempotencyKey.of("r2"), sku, STORE, 3).orThrow();
    clock.advance(Duration.ofSeconds(6));
    pool.expireHolds();
    List<Movement> first = read(journal);
    assertEquals(
        List.of(
            MovementType.RECEIVED,
            MovementType.RESERVED,
            MovementType.RECEIVED,
            MovementType.EXPIRED),
        first.stream().map(Movement::type).toList());
    assertEquals(hold.id(), first.get(3).reservation());
    assertEquals(first, read(journal), "a second replay must give the same movements");
    for (int i = 1; i < first.size(); i++) {
      assertTrue(first.get(i - 1).sequence() < first.get(i).sequence(), "sequence order kept");
    }
  }

  @Test
  void keepsEveryFieldOfAMovement() {
    InventoryJournal journal = newJournal();
    MutableClock clock = MutableClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    InventoryPool pool = config(clock, journal).build();
    Sku sku = Sku.of("A");
    pool.receive(IdempotencyKey.of("r1"), sku, DC, 10).orThrow();
    var transfer = pool.shipTransfer(IdempotencyKey.of("t1"), sku, DC, STORE, 2).orThrow();
    pool.quarantine(IdempotencyKey.of("q1"), sku, DC, 1, true, "inspect lot 7").orThrow();
    List<Movement> movements = read(journal);
    Movement shipped = movements.get(1);
    assertEquals(transfer.id(), shipped.transfer());
    assertEquals(STORE, shipped.otherNode());
    assertEquals("inspect lot 7", movements.get(2).reason());
    assertEquals(Instant.parse("2026-01-01T00:00:00Z"), movements.get(0).at());
  }

  @Test
  void rebuildsThePoolWithoutDrift() {
    InventoryJournal journal = newJournal();
    MutableClock clock = MutableClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    InventoryPool pool = config(clock, journal).build();
    Sku a = Sku.of("A");
    Sku b = Sku.of("B");
    pool.receive(IdempotencyKey.of("1"), a, DC, 10).orThrow();
    pool.receive(IdempotencyKey.of("2"), b, STORE, 5).orThrow();
    var r =
        pool.reserve(
                ReserveRequest.firm(
                    IdempotencyKey.of("3"),
                    WEB,
                    ReservationLine.of(a, 3),
                    ReservationLine.at(b, STORE, 2)))
            .orThrow();
    pool.fulfil(IdempotencyKey.of("4"), r.id(), a, DC, 1).orThrow();
    pool.reserve(
            ReserveRequest.hold(
                IdempotencyKey.of("5"), WEB, Duration.ofMinutes(1), ReservationLine.of(a, 2)))
        .orThrow();
    InventoryPool rebuilt = config(clock, newJournal()).rebuild(read(journal));
    assertEquals(List.of(), DriftCheck.compare(pool, rebuilt));
  }

  @Test
  void concurrentAppendsAreAllKeptInPerSkuOrder() throws Exception {
    InventoryJournal journal = newJournal();
    MutableClock clock = MutableClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    InventoryPool pool = config(clock, journal).build();
    int threads = 4;
    int perThread = 500;
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      futures.add(
          executor.submit(
              () -> {
                start.await();
                Sku sku = Sku.of("T" + thread);
                for (int i = 0; i < perThread; i++) {
                  pool.receive(IdempotencyKey.of("t" + thread + "-" + i), sku, DC, 1).orThrow();
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> f : futures) {
      f.get(1, TimeUnit.MINUTES);
    }
    executor.shutdown();
    List<Movement> all = read(journal);
    assertEquals(threads * perThread, all.size());
    Map<Sku, Long> last = new HashMap<>();
    for (Movement m : all) {
      long previous = last.getOrDefault(m.sku(), 0L);
      assertTrue(m.sequence() > previous, "movements of one SKU replay in the order applied");
      last.put(m.sku(), m.sequence());
    }
    InventoryPool rebuilt = config(clock, newJournal()).rebuild(all);
    assertEquals(List.of(), DriftCheck.compare(pool, rebuilt));
  }

  @Test
  void refusesNull() {
    InventoryJournal journal = newJournal();
    assertThrows(NullPointerException.class, () -> journal.append(nullMovement()));
  }

  @SuppressWarnings("NullAway")
  private static Movement nullMovement() {
    return Collections.<Movement>singletonList(null).get(0);
  }
}
