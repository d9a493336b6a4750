package dev.omnichannel.benchmarks.identity;

import dev.omnichannel.core.identity.CustomerRecord;
import dev.omnichannel.core.identity.IdentityConfig;
import dev.omnichannel.core.identity.IdentityGraph;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Batch resolution: model estimation by EM plus linking and clustering of a million generated
 * records. One invocation resolves them all; the score is time per record, so records per second is
 * its inverse.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx8g"})
public class IdentityBatchBenchmark {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  /** The number of records to resolve. */
  @Param({"1000000"})
  public int records;

  private List<CustomerRecord> input = List.of();

  /** Generates the records, seeded. */
  @Setup
  public void generate() {
    input = new CustomerGenerator(42).generate(records);
  }

  /** Resolves the batch; the score is time per record. */
  @Benchmark
  @OperationsPerInvocation(1_000_000)
  public IdentityGraph batch() {
    return IdentityGraph.batch(input, IdentityConfig.defaults(), CLOCK);
  }
}
