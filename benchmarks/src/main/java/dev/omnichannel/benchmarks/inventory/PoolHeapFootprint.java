package dev.omnichannel.benchmarks.inventory;

import dev.omnichannel.core.inventory.InventoryPool;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;

/**
 * Measures the heap a pool of 100,000 SKUs × 10 nodes × 5 channels holds once every position is
 * stocked: used heap after a full GC, before and after building it. Run with {@code -Xmx256m} to
 * show it fits. The idempotency memory is measured separately as bytes per remembered key.
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
  }

  private static long usedAfterGc(MemoryMXBean memory) {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
