package dev.omnichannel.benchmarks.identity;

import dev.omnichannel.core.identity.CustomerRecord;
import dev.omnichannel.core.identity.IdentityConfig;
import dev.omnichannel.core.identity.IdentityGraph;
import dev.omnichannel.core.identity.Resolution;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Incremental resolve of one record into a graph of a million records; sample mode gives the
 * latency percentiles. The setup also prints the heap retained per record.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(time = 5)
@Measurement(time = 5)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx8g"})
public class IdentityIncrementalBenchmark {
  /** The number of records in the graph before the measured adds. */
  @Param({"1000000"})
  public int records;

  private IdentityGraph graph = IdentityGraph.builder().build();
  private List<CustomerRecord> arrivals = List.of();
  private int next;

  /** Generates the records, builds the graph and reports memory per record. */
  @Setup(Level.Trial)
  public void build() {
    // New people and new records of people already in the graph arrive after the batch.
    List<CustomerRecord> all = new CustomerGenerator(42).generate(records + 400_000);
    List<CustomerRecord> initial = all.subList(0, records);
    arrivals = all.subList(records, all.size());
    long before = usedHeapAfterGc();
    graph = IdentityGraph.batch(initial, IdentityConfig.defaults(), IdentityBatchBenchmark.CLOCK);
    long after = usedHeapAfterGc();
    System.out.printf(
        Locale.ROOT,
        "%n[memory] graph of %d records (%d customers) retains %.0f bytes per record beyond the"
            + " input records%n",
        graph.size(),
        graph.customerCount(),
        (after - before) / (double) graph.size());
  }

  static long usedHeapAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  /** Resolves the next arriving record into the graph (past the end, they come again). */
  @Benchmark
  public Resolution add() {
    CustomerRecord r = arrivals.get(next);
    next = (next + 1) % arrivals.size();
    return graph.add(r);
  }
}
