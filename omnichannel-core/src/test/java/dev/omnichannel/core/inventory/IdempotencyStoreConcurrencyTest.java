package dev.omnichannel.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.IdempotencyKey;
import dev.omnichannel.core.NodeId;
import dev.omnichannel.core.Sku;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Many threads claim, complete and abandon keys in a window so small that its generations turn all
 * the time: every answer is one an owner of the key gave, and a key is never run twice while
 * remembered.
 */
class IdempotencyStoreConcurrencyTest {
  private static final int THREADS = 6;
  private static final int OPS = 30_000;

  @Test
  void answersStayTrueWhileGenerationsTurn() throws Exception {
    RecordCodec codec =
        new RecordCodec(
            new NodeId[] {NodeId.of("N")},
            new ChannelId[] {ChannelId.of("C")},
            ordinal -> Sku.of("SKU-" + ordinal));
    IdempotencyStore store = new IdempotencyStore(Long.MAX_VALUE, 256, 0, codec);
    // Every outcome an owner recorded under each key: answers must come from here.
    ConcurrentHashMap<String, Set<Outcome<?>>> given = new ConcurrentHashMap<>();
    AtomicLong serial = new AtomicLong();
    ExecutorService executor = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> runs = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      runs.add(
          executor.submit(
              () -> {
                SplittableRandom random = new SplittableRandom(thread);
                // Claims this thread owns and has not finished: finished later, in any order, so
                // that generations turn while commands run.
                List<IdempotencyKey> openKeys = new ArrayList<>();
                List<IdempotencyStore.Pending> open = new ArrayList<>();
                for (int i = 0; i < OPS; i++) {
                  if (!open.isEmpty() && (open.size() > 40 || random.nextInt(3) == 0)) {
                    int j = random.nextInt(open.size());
                    finish(store, openKeys.remove(j), open.remove(j), random, given, serial);
                  }
                  // A few hot keys that threads share, and many that only one thread sends.
                  String k =
                      random.nextInt(4) == 0
                          ? "hot-" + random.nextInt(16)
                          : "k-" + thread + "-" + random.nextInt(2_000);
                  IdempotencyKey key = IdempotencyKey.of(k);
                  if (openKeys.contains(key)) {
                    continue; // this thread still runs it: waiting on itself would never end
                  }
                  Words command = new Words(2).put(7).put(k.length());
                  IdempotencyStore.Pending mine = new IdempotencyStore.Pending();
                  IdempotencyStore.Claim claim = store.claim(key, command, mine, 0);
                  switch (claim.found()) {
                    case NOTHING -> {
                      if (k.startsWith("hot-")) {
                        // Others wait on it: finish at once.
                        finish(store, key, mine, random, given, serial);
                      } else {
                        openKeys.add(key);
                        open.add(mine);
                      }
                    }
                    case DONE ->
                        assertThat(given.get(k)).as("answer for %s", k).contains(claim.outcome());
                    case RUNNING -> {
                      IdempotencyStore.Pending pending = claim.pending();
                      Outcome<?> first = pending == null ? null : pending.await();
                      if (first != null) {
                        assertThat(given.get(k)).as("awaited %s", k).contains(first);
                      }
                    }
                    default -> throw new AssertionError(claim + " for the same command " + k);
                  }
                }
                while (!open.isEmpty()) {
                  finish(store, openKeys.remove(0), open.remove(0), random, given, serial);
                }
                return null;
              }));
    }
    for (Future<?> run : runs) {
      run.get(5, TimeUnit.MINUTES);
    }
    executor.shutdown();
    assertThat(given).isNotEmpty();
  }

  private static void finish(
      IdempotencyStore store,
      IdempotencyKey key,
      IdempotencyStore.Pending mine,
      SplittableRandom random,
      ConcurrentHashMap<String, Set<Outcome<?>>> given,
      AtomicLong serial) {
    if (random.nextInt(20) == 0) {
      store.release(key, mine);
      return;
    }
    Outcome<?> outcome =
        Outcome.rejected(RejectionReason.INSUFFICIENT_STOCK, key + " #" + serial.incrementAndGet());
    given.computeIfAbsent(key.value(), x -> ConcurrentHashMap.newKeySet()).add(outcome);
    store.complete(key, mine, outcome);
  }
}
