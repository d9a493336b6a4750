/**
 * Inventory pool benchmarks: the pool's commands and reads ({@link InventoryBenchmark}), its peers
 * ({@link BaselineBenchmark}), the machine's memory latency ({@link MemoryLatencyBenchmark}), and
 * drivers for the hot-SKU placement and the heap footprint.
 */
@NullMarked
package dev.omnichannel.benchmarks.inventory;

import org.jspecify.annotations.NullMarked;
