package dev.omnichannel.benchmarks.inventory;

import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.IdempotencyKey;
import dev.omnichannel.core.Sku;
import dev.omnichannel.core.inventory.InventoryPool;
import dev.omnichannel.core.inventory.Outcome;
import dev.omnichannel.core.inventory.Position;
import dev.omnichannel.core.inventory.Reservation;
import dev.omnichannel.core.inventory.ReservationLine;
import dev.omnichannel.core.inventory.ReserveRequest;
import dev.omnichannel.core.inventory.SkuHandle;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The pool's hot paths, journal and availability events on: (a) reserve-then-release pairs spread
 * over 100,000 SKUs × 10 nodes × 5 channels on one thread, (b) the same pairs from two threads on
 * one hot SKU, (c) available-to-promise reads.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx3g", "-Xms3g"})
public class InventoryBenchmark {
  static final int SKUS = 100_000;

  /** One pool for the whole run. */
  @State(Scope.Benchmark)
  public static class PoolState {
    InventoryPool pool;
    BenchmarkPools.EncodingJournal journal;
    BenchmarkPools.CountingListener listener;
    final Sku hot = BenchmarkPools.sku(0);
    SkuHandle[] handles = new SkuHandle[0];

    @Setup(Level.Trial)
    public void setUp() {
      journal = new BenchmarkPools.EncodingJournal();
      listener = new BenchmarkPools.CountingListener();
      pool = BenchmarkPools.builder(Clock.systemUTC(), journal, listener).build();
      BenchmarkPools.stock(pool, SKUS, 1_000);
      handles = new SkuHandle[SKUS];
      for (int i = 0; i < SKUS; i++) {
        handles[i] = pool.handle(SKU_CACHE[i]);
      }
    }

    @TearDown(Level.Trial)
    public void check() {
      for (int n = 0; n < BenchmarkPools.NODES; n++) {
        Position p = pool.position(hot, BenchmarkPools.node(n));
        if (p.reserved() > p.onHand() || p.reserved() != 0) {
          throw new IllegalStateException("pool left inconsistent: " + p);
        }
      }
    }
  }

  /**
   * A second pool, the same but with the journal discarding every movement and no listener: what
   * the pool's own work costs, without the host's.
   */
  @State(Scope.Benchmark)
  public static class QuietPoolState {
    InventoryPool pool;

    @Setup(Level.Trial)
    public void setUp() {
      pool =
          BenchmarkPools.builder(Clock.systemUTC(), new BenchmarkPools.DiscardingJournal()).build();
      BenchmarkPools.stock(pool, SKUS, 1_000);
    }
  }

  /** Per-thread cursor over SKUs and channels. */
  @State(Scope.Thread)
  public static class Cursor {
    /** Cursors made so far: the second thread of a benchmark starts half the catalogue away. */
    private static final AtomicInteger MADE = new AtomicInteger();

    private final int made = MADE.getAndIncrement();

    int sku = (int) (made * (SKUS / 2L) % SKUS);
    int channel;
    long failed;

    /** Commands this thread has made; its keys' numbers, with the thread in the low bits. */
    private long commands;

    /**
     * The number of this thread's next command: unique over the run's threads without a counter
     * they share, as a service's request threads make keys from the requests they serve.
     */
    long nextKey() {
      return (++commands << 8) | (made & 0xFF);
    }

    /** The next SKU index with a stride of 7,919 over the catalogue. */
    int nextStrided() {
      int current = sku;
      sku = current + 7919 >= SKUS ? (current + 7919) % SKUS : current + 7919;
      return current;
    }

    /** The next SKU index of the Zipf sequence. */
    int nextSkewed() {
      int i = sku;
      sku = i + 1 == ZIPF.length ? 0 : i + 1;
      return ZIPF[i];
    }

    /** The SKUs of one batch read, refilled for every call. */
    final Sku[] batch = new Sku[BATCH];

    final List<Sku> batchView = Arrays.asList(batch);

    /** The next of the five channels, in turn. */
    ChannelId nextChannel() {
      int ch = channel;
      channel = ch == 4 ? 0 : ch + 1;
      return BenchmarkPools.CHANNELS[ch];
    }

    @TearDown(Level.Trial)
    public void report() {
      if (failed > 0) {
        throw new IllegalStateException(failed + " reservations were refused with stock available");
      }
    }
  }

  private static boolean pair(PoolState s, Cursor c, Sku sku, ChannelId channel, Blackhole bh) {
    return pair(s.pool, c, sku, channel, bh);
  }

  private static boolean pair(
      InventoryPool pool, Cursor c, Sku sku, ChannelId channel, Blackhole bh) {
    long k = c.nextKey();
    Outcome<Reservation> r =
        pool.reserve(
            ReserveRequest.firm(IdempotencyKey.of("r" + k), channel, ReservationLine.of(sku, 1)));
    if (r instanceof Outcome.Applied<Reservation> applied) {
      bh.consume(pool.release(IdempotencyKey.of("x" + k), applied.value().id()));
      return true;
    }
    c.failed++;
    return false;
  }

  /** A pair on the hot SKU, cycling the first four channels. */
  private static boolean hotPair(PoolState s, Cursor c, Blackhole bh) {
    int ch = c.channel;
    c.channel = ch == 3 ? 0 : ch + 1;
    return pair(s, c, s.hot, BenchmarkPools.CHANNELS[ch], bh);
  }

  /** (a) One reserve-then-release pair on the next SKU, cycling channels, one thread. */
  @Benchmark
  @Threads(1)
  public boolean reserveReleasePairSpread(PoolState s, Cursor c, Blackhole bh) {
    return pair(s, c, SKU_CACHE[c.nextStrided()], c.nextChannel(), bh);
  }

  /**
   * (a) The spread pairs with each SKU's key made for its pair ({@code Sku.of("SKU-" + i)}), as a
   * service makes it from the request it serves: the key's objects are new and in the processor's
   * caches, unlike the keys of {@link #reserveReleasePairSpread}, made once at start-up and
   * scattered over the heap. The cost of making the key is included.
   */
  @Benchmark
  @Threads(1)
  public boolean reserveReleasePairSpreadFreshKey(PoolState s, Cursor c, Blackhole bh) {
    return pair(s, c, BenchmarkPools.sku(c.nextStrided()), c.nextChannel(), bh);
  }

  /**
   * (a) The same pairs on SKUs drawn from the Zipf(1) sequence of the skewed reads, as shop traffic
   * comes: a few hundred SKUs take most pairs.
   */
  @Benchmark
  @Threads(1)
  public boolean reserveReleasePairSkewed(PoolState s, Cursor c, Blackhole bh) {
    return pair(s, c, SKU_CACHE[c.nextSkewed()], c.nextChannel(), bh);
  }

  /**
   * (a) The same pairs on one SKU, one thread: everything a pair touches stays in the processor's
   * caches, so this is the pool's work for a pair without the misses of a spread catalogue.
   */
  @Benchmark
  @Threads(1)
  public boolean reserveReleasePairOneSku(PoolState s, Cursor c, Blackhole bh) {
    return hotPair(s, c, bh);
  }

  /**
   * (a) The spread pairs on a pool whose journal discards movements and that has no listener: the
   * pool's own work, without the journal encoding and the event delivery of a host. Not the
   * target's setting (journal and events on); shown to say what they cost.
   */
  @Benchmark
  @Threads(1)
  public boolean reserveReleasePairSpreadQuiet(QuietPoolState s, Cursor c, Blackhole bh) {
    return pair(s.pool, c, SKU_CACHE[c.nextStrided()], c.nextChannel(), bh);
  }

  /** (b) Reserve-then-release pairs on one hot SKU from two threads. */
  @Benchmark
  @Threads(2)
  public boolean reserveReleasePairHotSku(PoolState s, Cursor c, Blackhole bh) {
    return hotPair(s, c, bh);
  }

  /** (c) Available-to-promise reads of random SKUs and channels. */
  @Benchmark
  @Threads(1)
  public long availableToPromise(PoolState s, Cursor c) {
    return s.pool.availableToPromise(SKU_CACHE[c.nextStrided()], c.nextChannel());
  }

  /**
   * (c) Reads skewed as shop traffic is: SKUs drawn from a Zipf distribution (exponent 1) over the
   * 100,000, so a few hundred hot SKUs take most reads.
   */
  @Benchmark
  @Threads(1)
  public long availableToPromiseSkewed(PoolState s, Cursor c) {
    return s.pool.availableToPromise(SKU_CACHE[c.nextSkewed()], c.nextChannel());
  }

  /**
   * (c) Reads by value from two threads at once, each with its own cursor (half the catalogue
   * apart), keys made once at start-up: reads take no lock, so a service's request threads add up.
   * Counted in total.
   */
  @Benchmark
  @Threads(2)
  public long availableToPromiseTwoThreads(PoolState s, Cursor c) {
    return s.pool.availableToPromise(SKU_CACHE[c.nextStrided()], c.nextChannel());
  }

  /**
   * (c) Reads of SKUs whose value is made for the read, as a service makes it from the request it
   * serves: the key's objects are new and in the processor's caches, unlike the keys above, made
   * once at start-up and scattered over the heap by the collector. The cost of making the key is
   * included.
   */
  @Benchmark
  @Threads(1)
  public long availableToPromiseFreshKey(PoolState s, Cursor c) {
    return s.pool.availableToPromise(BenchmarkPools.sku(c.nextStrided()), c.nextChannel());
  }

  /** (c) Keys made for the read, SKUs drawn from the same Zipf(1) sequence. */
  @Benchmark
  @Threads(1)
  public long availableToPromiseFreshKeySkewed(PoolState s, Cursor c) {
    return s.pool.availableToPromise(BenchmarkPools.sku(c.nextSkewed()), c.nextChannel());
  }

  /** SKUs per batch read: a page of a catalogue feed. */
  static final int BATCH = 64;

  /**
   * (c) Reads by value of 64 SKUs at a time ({@link InventoryPool#availableToPromise(List,
   * ChannelId)}), as a feed or a catalogue page reads them, with the keys made once at start-up;
   * SKUs with the same stride. Counted per SKU read.
   */
  @Benchmark
  @Threads(1)
  @OperationsPerInvocation(BATCH)
  public long[] availableToPromiseBatch(PoolState s, Cursor c) {
    for (int i = 0; i < BATCH; i++) {
      c.batch[i] = SKU_CACHE[c.nextStrided()];
    }
    return s.pool.availableToPromise(c.batchView, c.nextChannel());
  }

  /** (c) Batch reads by value, SKUs drawn from the same Zipf(1) sequence. Counted per SKU read. */
  @Benchmark
  @Threads(1)
  @OperationsPerInvocation(BATCH)
  public long[] availableToPromiseBatchSkewed(PoolState s, Cursor c) {
    for (int i = 0; i < BATCH; i++) {
      c.batch[i] = SKU_CACHE[c.nextSkewed()];
    }
    return s.pool.availableToPromise(c.batchView, c.nextChannel());
  }

  /**
   * (c) Reads through handles the host resolved once per SKU ({@link InventoryPool#handle}), SKUs
   * with the same stride: what a feed or a product-page service that keeps its catalogue's handles
   * pays.
   */
  @Benchmark
  @Threads(1)
  public long availableToPromiseByHandle(PoolState s, Cursor c) {
    return s.handles[c.nextStrided()].availableToPromise(c.nextChannel());
  }

  /** (c) Reads through handles, SKUs drawn from the same Zipf(1) sequence. */
  @Benchmark
  @Threads(1)
  public long availableToPromiseByHandleSkewed(PoolState s, Cursor c) {
    return s.handles[c.nextSkewed()].availableToPromise(c.nextChannel());
  }

  /** A fixed sequence of SKU indexes drawn from Zipf(1) over the catalogue, seeded. */
  static final int[] ZIPF = zipf(1 << 20, SKUS, 42);

  static int[] zipf(int draws, int n, long seed) {
    double[] cumulative = new double[n];
    double total = 0;
    for (int k = 0; k < n; k++) {
      total += 1.0 / (k + 1);
      cumulative[k] = total;
    }
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    int[] out = new int[draws];
    for (int i = 0; i < draws; i++) {
      double u = random.nextDouble() * total;
      int idx = java.util.Arrays.binarySearch(cumulative, u);
      int rank = idx >= 0 ? idx : -idx - 1;
      // Spread ranks over the catalogue so that hot SKUs are not neighbours in memory.
      out[i] = (int) ((rank * 7919L) % n);
    }
    return out;
  }

  /** SKU values are created by the caller in a real service too; reads measure the pool only. */
  static final Sku[] SKU_CACHE = new Sku[SKUS];

  static {
    for (int i = 0; i < SKUS; i++) {
      SKU_CACHE[i] = BenchmarkPools.sku(i);
    }
  }
}
