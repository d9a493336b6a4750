package dev.omnichannel.benchmarks.inventory;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one dependent load costs on this machine: a walk of one random cycle through an array, each
 * step's address read by the step before, so no two loads overlap. At 256 MB nearly every step is a
 * miss to memory (and often to the page tables), as a pair's steps are on a catalogue of 100,000
 * SKUs; at 4 MB the walk stays in the caches. A spread pair on the pool follows several such chains
 * (the SKU's key, the index, the SKU's state and counters, the idempotency memories), so this
 * latency times their number is a part of a pair no code above it can remove.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx3g", "-Xms3g"})
public class MemoryLatencyBenchmark {
  /** Steps per invocation. */
  static final int STEPS = 1_024;

  /** One random cycle over the array's 64-byte lines. */
  @State(Scope.Thread)
  public static class Cycle {
    @Param({"4", "256"})
    int megabytes;

    int[] next = new int[0];
    int at;

    @Setup(Level.Trial)
    public void setUp() {
      int ints = megabytes << 18;
      int stride = 16; // ints per 64-byte line
      int lines = ints / stride;
      int[] order = new int[lines];
      for (int i = 0; i < lines; i++) {
        order[i] = i * stride;
      }
      SplittableRandom random = new SplittableRandom(42);
      for (int i = lines - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      next = new int[ints];
      for (int i = 0; i < lines; i++) {
        next[order[i]] = order[(i + 1) % lines];
      }
    }
  }

  /** {@value #STEPS} dependent loads; reported per load. */
  @Benchmark
  @Threads(1)
  @OperationsPerInvocation(STEPS)
  public int dependentLoad(Cycle c) {
    int[] next = c.next;
    int p = c.at;
    for (int i = 0; i < STEPS; i++) {
      p = next[p];
    }
    c.at = p;
    return p;
  }
}
