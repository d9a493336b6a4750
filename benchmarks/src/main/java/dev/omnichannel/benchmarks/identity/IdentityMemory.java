package dev.omnichannel.benchmarks.identity;

import dev.omnichannel.core.identity.CustomerRecord;
import dev.omnichannel.core.identity.IdentityConfig;
import dev.omnichannel.core.identity.IdentityGraph;
import java.util.List;
import java.util.Locale;

/**
 * Prints the heap retained per record by the input records and by a graph over them. Run with
 * {@code java -Xmx8g -cp benchmarks/target/benchmarks.jar
 * dev.omnichannel.benchmarks.identity.IdentityMemory [records]}.
 */
public final class IdentityMemory {
  private IdentityMemory() {}

  /** Generates the records, builds the graph, prints bytes per record. */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    long empty = IdentityIncrementalBenchmark.usedHeapAfterGc();
    List<CustomerRecord> records = new CustomerGenerator(42).generate(n);
    long withRecords = IdentityIncrementalBenchmark.usedHeapAfterGc();
    long cpuStart = processCpuNanos();
    long start = System.nanoTime();
    IdentityGraph graph =
        IdentityGraph.batch(records, IdentityConfig.defaults(), IdentityBatchBenchmark.CLOCK);
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
    long withGraph = IdentityIncrementalBenchmark.usedHeapAfterGc();
    System.out.printf(
        Locale.ROOT,
        "records %d, customers %d, input records %.0f B/record, graph %.0f B/record, one batch"
            + " %.1f s (%.0f records/s) using %.1f CPU-seconds (%.0f records per CPU-second);"
            + " a single run, not a benchmark%n",
        graph.size(),
        graph.customerCount(),
        (withRecords - empty) / (double) graph.size(),
        (withGraph - withRecords) / (double) graph.size(),
        seconds,
        graph.size() / seconds,
        cpuSeconds,
        graph.size() / cpuSeconds);
  }

  /** Returns the CPU time of the whole process, all threads, where the JVM reports it. */
  static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime();
    }
    return 0;
  }
}
