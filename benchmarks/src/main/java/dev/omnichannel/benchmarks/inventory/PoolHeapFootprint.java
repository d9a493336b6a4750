package dev.omnichannel.benchmarks.inventory;

import dev.omnichannel.core.IdempotencyKey;
import dev.omnichannel.core.inventory.InventoryPool;
import dev.omnichannel.core.inventory.ReservationLine;
import dev.omnichannel.core.inventory.ReserveRequest;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;

/**
 * Measures the heap a pool of 100,000 SKUs × 10 nodes × 5 channels holds once every position is
 * stocked: used heap after a full GC, before and after building it. Run with {@code -Xmx256m} to
 * show it fits. Then measures what a full idempotency window of the default size adds.
 */
public final class PoolHeapFootprint {
  private PoolHeapFootprint() {}

  /** Prints the footprint. */
  public static void main(String[] args) {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long before = usedAfterGc(memory);
    InventoryPool pool =
        BenchmarkPools.builder(
                Clock.systemUTC(),
                new BenchmarkPools.EncodingJournal(),
                new BenchmarkPools.CountingListener())
            .idempotency(java.time.Duration.ofHours(24), 2)
            .build();
    BenchmarkPools.stock(pool, InventoryBenchmark.SKUS, 1_000);
    long after = usedAfterGc(memory);
    System.out.printf(
        "pool of %,d SKUs x %d nodes x %d channels: %.1f MB of heap (%,d bytes per SKU); max heap %d MB%n",
        InventoryBenchmark.SKUS,
        BenchmarkPools.NODES,
        BenchmarkPools.CHANNELS.length,
        (after - before) / 1e6,
        (after - before) / InventoryBenchmark.SKUS,
        Runtime.getRuntime().maxMemory() >> 20);
    // Keep the pool reachable until measured.
    if (pool.skus().size() != InventoryBenchmark.SKUS) {
      throw new IllegalStateException();
    }

    window(memory);
  }

  /**
   * Measures the idempotency memory at its default size, filled by reserve-then-release pairs: each
   * pair leaves two keys with their commands and outcomes, and one settled reservation. Runs after
   * the first pool is unreachable, so that its collection does not fall between the two readings.
   */
  private static void window(MemoryMXBean memory) {
    InventoryPool busy =
        BenchmarkPools.builder(
                Clock.systemUTC(),
                new BenchmarkPools.EncodingJournal(),
                new BenchmarkPools.CountingListener())
            .build();
    BenchmarkPools.stock(busy, 1_000, 1_000);
    long empty = usedAfterGc(memory);
    int pairs = 400_000;
    for (int i = 0; i < pairs; i++) {
      var sku = BenchmarkPools.sku(i % 1_000);
      var channel = BenchmarkPools.CHANNELS[i % 4];
      var r =
          busy.reserve(
                  ReserveRequest.firm(
                      IdempotencyKey.of("r" + i), channel, ReservationLine.of(sku, 1)))
              .orThrow();
      busy.release(IdempotencyKey.of("x" + i), r.id()).orThrow();
    }
    long full = usedAfterGc(memory);
    System.out.printf(
        "default idempotency window (200,000 keys) after %,d reserve-then-release pairs: %.1f MB"
            + " of heap%n",
        pairs, (full - empty) / 1e6);
    if (busy.skus().size() != 1_000) {
      throw new IllegalStateException();
    }
  }

  private static long usedAfterGc(MemoryMXBean memory) {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
