package dev.omnichannel.benchmarks.inventory;

import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.IdempotencyKey;
import dev.omnichannel.core.Sku;
import dev.omnichannel.core.inventory.InventoryPool;
import dev.omnichannel.core.inventory.Outcome;
import dev.omnichannel.core.inventory.Reservation;
import dev.omnichannel.core.inventory.ReservationLine;
import dev.omnichannel.core.inventory.ReserveRequest;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Shows how much benchmark (b), two threads on one hot SKU, depends on how far apart the machine
 * places its two processors. Two threads alternate, one second each, between (b)'s pairs on the
 * benchmark pool and a strict ping-pong of one shared counter (each thread increments it only when
 * the other has), whose rate is set by nothing but how fast a cache line travels between the two
 * processors. Every second prints one line; at the end, the pairs of the seconds next to a slow
 * ping-pong and of those next to a fast one.
 *
 * <p>Run with {@code java -cp benchmarks.jar dev.omnichannel.benchmarks.inventory.HotSkuPlacement
 * [seconds]} (default 120) on a machine left otherwise idle.
 */
public final class HotSkuPlacement {
  private HotSkuPlacement() {}

  /** Odd while the threads play ping-pong, even while they run pairs. */
  private static volatile int phase;

  private static volatile boolean stop;

  /** Runs the alternation and prints what it measured. */
  public static void main(String[] args) throws InterruptedException {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 120;
    InventoryPool pool =
        BenchmarkPools.builder(
                Clock.systemUTC(),
                new BenchmarkPools.EncodingJournal(),
                new BenchmarkPools.CountingListener())
            .build();
    BenchmarkPools.stock(pool, InventoryBenchmark.SKUS, 1_000);
    Sku hot = BenchmarkPools.sku(0);
    LongAdder pairs = new LongAdder();
    LongAdder handoffs = new LongAdder();
    AtomicLong ball = new AtomicLong();
    Thread[] threads = new Thread[2];
    for (int t = 0; t < threads.length; t++) {
      int me = t;
      threads[t] = new Thread(() -> play(pool, hot, me, ball, pairs, handoffs), "placement-" + t);
      threads[t].setDaemon(true);
      threads[t].start();
    }
    long[] pairRates = new long[seconds];
    long[] pingRates = new long[seconds];
    long lastPairs = 0;
    long lastHandoffs = 0;
    System.out.println("time (UTC)  what      per second");
    // Only this thread writes the phase; the players read it.
    int current = 0;
    for (int s = 0; s < seconds; s++) {
      Thread.sleep(1_000);
      long p = pairs.sum();
      long h = handoffs.sum();
      boolean pingPong = (current & 1) == 1;
      String time = LocalTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString();
      if (pingPong) {
        pingRates[s] = h - lastHandoffs;
        System.out.printf("%-11s ping-pong %,14d handoffs%n", time, pingRates[s]);
      } else {
        pairRates[s] = p - lastPairs;
        System.out.printf(
            "%-11s pairs     %,14d pairs (%,d operations)%n", time, pairRates[s], 2 * pairRates[s]);
      }
      lastPairs = p;
      lastHandoffs = h;
      current++;
      phase = current;
    }
    stop = true;
    for (Thread t : threads) {
      t.join();
    }
    summarise(pairRates, pingRates);
  }

  private static void play(
      InventoryPool pool, Sku hot, int me, AtomicLong ball, LongAdder pairs, LongAdder handoffs) {
    long commands = 0;
    int channel = 0;
    while (!stop) {
      if ((phase & 1) == 0) {
        long k = (++commands << 8) | me;
        ChannelId c = BenchmarkPools.CHANNELS[channel];
        channel = channel == 3 ? 0 : channel + 1;
        Outcome<Reservation> r =
            pool.reserve(
                ReserveRequest.firm(IdempotencyKey.of("r" + k), c, ReservationLine.of(hot, 1)));
        if (!(r instanceof Outcome.Applied<Reservation> applied)) {
          throw new IllegalStateException("refused with stock available: " + r);
        }
        pool.release(IdempotencyKey.of("x" + k), applied.value().id());
        pairs.increment();
      } else {
        int n = 0;
        for (int i = 0; i < 4096 && (phase & 1) == 1 && !stop; i++) {
          long v = ball.get();
          if ((v & 1) == me) {
            ball.set(v + 1);
            n++;
          } else {
            Thread.onSpinWait();
          }
        }
        handoffs.add(n);
      }
    }
  }

  /**
   * Prints the median pairs of the seconds whose neighbouring ping-pong seconds were both below
   * half the run's median ping-pong (processors far apart), and of the others; the first ten
   * seconds are warm-up and skipped.
   */
  private static void summarise(long[] pairRates, long[] pingRates) {
    long[] pings =
        Arrays.stream(pingRates, Math.min(10, pingRates.length), pingRates.length)
            .filter(x -> x > 0)
            .sorted()
            .toArray();
    if (pings.length == 0) {
      return;
    }
    long medianPing = pings[pings.length / 2];
    long[] near = new long[pairRates.length];
    long[] far = new long[pairRates.length];
    int nearCount = 0;
    int farCount = 0;
    for (int s = 10; s + 1 < pairRates.length; s++) {
      if (pairRates[s] == 0) {
        continue;
      }
      boolean slowBefore = pingRates[s - 1] < medianPing / 2;
      boolean slowAfter = pingRates[s + 1] < medianPing / 2;
      if (slowBefore && slowAfter) {
        far[farCount++] = pairRates[s];
      } else if (!slowBefore && !slowAfter) {
        near[nearCount++] = pairRates[s];
      }
    }
    System.out.printf("median ping-pong: %,d handoffs/s%n", medianPing);
    System.out.printf(
        "pairs next to fast ping-pong: %s; next to slow ping-pong: %s%n",
        describe(near, nearCount), describe(far, farCount));
  }

  private static String describe(long[] values, int count) {
    if (count == 0) {
      return "none";
    }
    long[] sorted = Arrays.copyOf(values, count);
    Arrays.sort(sorted);
    return String.format(
        "median %,d pairs/s (%,d operations/s) over %d seconds",
        sorted[count / 2], 2 * sorted[count / 2], count);
  }
}
