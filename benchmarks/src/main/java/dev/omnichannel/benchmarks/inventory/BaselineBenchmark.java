package dev.omnichannel.benchmarks.inventory;

import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.IdempotencyKey;
import dev.omnichannel.core.Sku;
import dev.omnichannel.core.inventory.InventoryPool;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the pool is compared with: (d) the floor, a bare {@code AtomicLong} compare-and-set
 * decrement and increment (a reserve-then-release pair with no policies, journal or events), (e)
 * what many users do today, a conditional {@code UPDATE ... WHERE available >= ?} pair on an
 * embedded H2 database over 100,000 SKU rows, and (f) the pair written by hand with maps and
 * objects ({@link HandRolledPair}), with the pool's policies, journal and listener, over the same
 * 100,000 SKUs, keys and channels as (a).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx3g", "-Xms3g"})
public class BaselineBenchmark {

  /** One counter. */
  @State(Scope.Benchmark)
  public static class Counter {
    final AtomicLong available = new AtomicLong(1_000_000);
  }

  private static boolean casPair(AtomicLong a) {
    while (true) {
      long v = a.get();
      if (v < 1) {
        return false;
      }
      if (a.compareAndSet(v, v - 1)) {
        break;
      }
    }
    while (true) {
      long v = a.get();
      if (a.compareAndSet(v, v + 1)) {
        return true;
      }
    }
  }

  /** (d) A CAS decrement then increment on one counter, one thread. */
  @Benchmark
  @Threads(1)
  public boolean atomicLongPair(Counter c) {
    return casPair(c.available);
  }

  /** (d) The same from two threads on the same counter (the hot-SKU floor). */
  @Benchmark
  @Threads(2)
  public boolean atomicLongPairContended(Counter c) {
    return casPair(c.available);
  }

  /** The hand-written pair over 100,000 SKUs, remembering the keys the pool promises to. */
  @State(Scope.Benchmark)
  public static class HandRolled {
    HandRolledPair pair;

    int capacity() {
      return BenchmarkPools.idempotencyKeys();
    }

    @Setup(Level.Trial)
    public void setUp() {
      InventoryPool template =
          BenchmarkPools.builder(Clock.systemUTC(), new BenchmarkPools.DiscardingJournal()).build();
      pair =
          new HandRolledPair(
              template,
              new BenchmarkPools.EncodingJournal(),
              new BenchmarkPools.CountingListener(),
              Clock.systemUTC(),
              capacity());
      for (int i = 0; i < InventoryBenchmark.SKUS; i++) {
        pair.stock(InventoryBenchmark.SKU_CACHE[i], 1_000);
      }
    }
  }

  /**
   * The same with a memory of 8,192 keys (4,096 remembered) instead of the pool's 200,000: what the
   * hand-written pair does when its memories are too small to matter to the collector or caches.
   */
  @State(Scope.Benchmark)
  public static class HandRolledSmallMemory extends HandRolled {
    @Override
    int capacity() {
      return 8_192;
    }
  }

  private static boolean handRolledPair(
      HandRolledPair pair, InventoryBenchmark.Cursor c, Sku sku, ChannelId channel) {
    long k = c.nextKey();
    int ch = pair.channel(channel);
    if (pair.reserve(IdempotencyKey.of("r" + k), ch, sku, 1)
        instanceof HandRolledPair.Taken taken) {
      return pair.release(IdempotencyKey.of("x" + k), taken.reservation().id())
          instanceof HandRolledPair.Taken;
    }
    c.failed++;
    return false;
  }

  /** (f) The hand-written pair on (a)'s spread: the same SKUs, stride, channels and keys. */
  @Benchmark
  @Threads(1)
  public boolean handRolledPairSpread(HandRolled h, InventoryBenchmark.Cursor c) {
    return handRolledPair(
        h.pair, c, InventoryBenchmark.SKU_CACHE[c.nextStrided()], c.nextChannel());
  }

  /** (f) The hand-written pair on (a)'s spread with memories of 8,192 keys. */
  @Benchmark
  @Threads(1)
  public boolean handRolledPairSpreadSmallMemory(
      HandRolledSmallMemory h, InventoryBenchmark.Cursor c) {
    return handRolledPair(
        h.pair, c, InventoryBenchmark.SKU_CACHE[c.nextStrided()], c.nextChannel());
  }

  /** (f) The hand-written pair on one SKU with memories of 8,192 keys: all of it in the caches. */
  @Benchmark
  @Threads(1)
  public boolean handRolledPairOneSkuSmallMemory(
      HandRolledSmallMemory h, InventoryBenchmark.Cursor c) {
    int ch = c.channel;
    c.channel = ch == 3 ? 0 : ch + 1;
    return handRolledPair(h.pair, c, InventoryBenchmark.SKU_CACHE[0], BenchmarkPools.CHANNELS[ch]);
  }

  /** An embedded H2 database with a stock table. */
  @State(Scope.Thread)
  public static class Database {
    static final int ROWS = 100_000;
    Connection connection;
    PreparedStatement take;
    PreparedStatement giveBack;
    int row;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
      connection =
          DriverManager.getConnection(
              "jdbc:h2:mem:stock" + System.nanoTime() + ";LOCK_TIMEOUT=10000");
      try (Statement s = connection.createStatement()) {
        s.execute("CREATE TABLE stock(sku VARCHAR(32) PRIMARY KEY, available BIGINT NOT NULL)");
        s.execute(
            "INSERT INTO stock SELECT 'SKU-' || X, 1000 FROM SYSTEM_RANGE(0, " + (ROWS - 1) + ")");
      }
      take =
          connection.prepareStatement(
              "UPDATE stock SET available = available - ? WHERE sku = ? AND available >= ?");
      giveBack =
          connection.prepareStatement("UPDATE stock SET available = available + ? WHERE sku = ?");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
      connection.close();
    }
  }

  /** (e) A conditional UPDATE reserving one unit, then an UPDATE giving it back (autocommit). */
  @Benchmark
  @Threads(1)
  public int h2ConditionalUpdatePair(Database db) throws SQLException {
    String sku = "SKU-" + db.row;
    db.row = db.row + 7919 >= Database.ROWS ? (db.row + 7919) % Database.ROWS : db.row + 7919;
    db.take.setLong(1, 1);
    db.take.setString(2, sku);
    db.take.setLong(3, 1);
    int updated = db.take.executeUpdate();
    if (updated == 1) {
      db.giveBack.setLong(1, 1);
      db.giveBack.setString(2, sku);
      db.giveBack.executeUpdate();
    }
    return updated;
  }
}
