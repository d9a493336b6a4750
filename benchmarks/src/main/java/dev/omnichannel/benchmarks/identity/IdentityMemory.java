package dev.omnichannel.benchmarks.identity;

import dev.omnichannel.core.identity.CustomerRecord;
import dev.omnichannel.core.identity.IdentityConfig;
import dev.omnichannel.core.identity.IdentityGraph;
import java.util.List;
import java.util.Locale;

/**
 * Prints the heap retained per record by the input records and by a graph over them. Run with
 * {@code java -Xmx10g -cp benchmarks/target/benchmarks.jar
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
    long start = System.nanoTime();
    IdentityGraph graph =
        IdentityGraph.batch(records, IdentityConfig.defaults(), IdentityBatchBenchmark.CLOCK);
    double seconds = (System.nanoTime() - start) / 1e9;
    long withGraph = IdentityIncrementalBenchmark.usedHeapAfterGc();
    System.out.printf(
        Locale.ROOT,
        "records %d, customers %d, input records %.0f B/record, graph %.0f B/record, one batch"
            + " %.1f s (%.0f records/s, a single run, not a benchmark)%n",
        graph.size(),
        graph.customerCount(),
        (withRecords - empty) / (double) graph.size(),
        (withGraph - withRecords) / (double) graph.size(),
        seconds,
        graph.size() / seconds);
  }
}
