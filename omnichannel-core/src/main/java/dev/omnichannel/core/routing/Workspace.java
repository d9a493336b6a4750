package dev.omnichannel.core.routing;

import dev.omnichannel.core.Sku;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * The arrays a {@link Problem} and its {@link Search} work in, kept per thread and handed to the
 * next route call on that thread, so that routing an order allocates little beyond its plan.
 *
 * <p>Arrays only grow, so they may be longer than one call needs: the tables of a problem over
 * {@code k} candidates have rows of at least {@code k} entries, and entries past what the call
 * asked for mean nothing. What a call asks for is cleared (or, for arrays it writes in full before
 * reading, handed over as it is), so nothing one order leaves behind is read by the next. Plans and
 * their explanations are built from fresh objects, never from these arrays.
 *
 * <p>Not thread-safe: {@link #acquire} hands each thread its own, and a call that routes again
 * while its own workspace is in use (a criterion or cost model calling back into a router) gets a
 * fresh one.
 */
final class Workspace {
  private static final ThreadLocal<Workspace> PER_THREAD = ThreadLocal.withInitial(Workspace::new);

  /**
   * Array entries a thread keeps between calls at most: a workspace that has allocated more (a very
   * large network or order) is left to the collector when the call ends, so that a pool of threads
   * does not hold the arrays of its largest order for good.
   */
  static final long RETAINED_ENTRIES = 1 << 18;

  private boolean inUse;

  /** Array entries allocated so far, counting each array when it is created. */
  private long allocated;

  // Problem: per network node.
  final Ints exclusions = new Ints();
  final Doubles allDistance = new Doubles();
  final Refs<OptionalDouble> allScore = new Refs<>(OptionalDouble[]::new);
  final Ints pre = new Ints();
  final Refs<ShippingCostModel.Lane> lanes = new Refs<>(ShippingCostModel.Lane[]::new);
  final Refs<LocalDate> dates = new Refs<>(LocalDate[]::new);
  final Ints allToPre = new Ints();

  // Problem: per pre-candidate, per stock key and per snapshot node.
  final Longs preUnits = new Longs();
  final Ints holders = new Ints();
  final Booleans holdsAny = new Booleans();
  final Ints preToK = new Ints();
  final Ints kToPre = new Ints();
  final Refs<Sku> keys = new Refs<>(Sku[]::new);
  final LongTable avail = new LongTable();
  final IntTable stocked = new IntTable();
  final Ints stockedCount = new Ints();
  final Ints heldAt = new Ints();
  final Longs heldUnits = new Longs();

  // Problem: per candidate, and the objective's tables.
  final Ints toAll = new Ints();
  final Refs<ShippingCostModel.Lane> lane = new Refs<>(ShippingCostModel.Lane[]::new);
  final Refs<LocalDate> shipDate = new Refs<>(LocalDate[]::new);
  final Booleans excluded = new Booleans();
  final Longs pickOrder = new Longs();
  final Longs pickUnit = new Longs();
  final Longs unitsLeft = new Longs();
  final LongTable shipPen = new LongTable();
  final LongTables itemPen = new LongTables();
  final Longs zeros = new Longs();
  final LongTable openCost = new LongTable();

  // Search.
  final Longs nodeUnits = new Longs();
  final Longs nodeWeight = new Longs();
  final Longs nodeValue = new Longs();
  final Longs nodeLane = new Longs();
  final Ints nodeItems = new Ints();
  final LongTable minItem = new LongTable();
  final LongTable minOpen = new LongTable();
  final LongTable suffixMinItem = new LongTable();
  final Booleans boundsReady = new Booleans();
  final Longs localUsed = new Longs();
  final Longs scratchWeight = new Longs();
  final Longs scratchUnits = new Longs();
  final Longs scratchValue = new Longs();
  final Ints scratchItems = new Ints();
  final Refs<int[]> aloneCache = new Refs<>(int[][]::new);
  final Longs planWeight = new Longs();
  final Longs planUnits = new Longs();
  final Longs planLane = new Longs();
  final Ints planNodes = new Ints();
  final LongTable candBits = new LongTable();
  final Longs scratchMask = new Longs();
  final Ints nodeItemStart = new Ints();
  final Ints nodeItemList = new Ints();
  final Ints keyUses = new Ints();
  final Longs candidateUnits = new Longs();
  final Longs candidateWeight = new Longs();
  final Longs candidateLines = new Longs();
  final Longs candidatePrimary = new Longs();
  final Longs candidateItems = new Longs();
  final Booleans takesAllAt = new Booleans();
  final LongTable used = new LongTable();
  final LongTable scratchUsed = new LongTable();
  final Longs candCost = new Longs();
  final Ints candRank = new Ints();

  // Explanation.
  final Ints explainAlone = new Ints();

  // Heuristic, per candidate node.
  final Ints uses = new Ints();
  final Ints targets = new Ints();
  final Ints moving = new Ints();
  final Ints coverOpen = new Ints();
  final Ints coverLines = new Ints();
  final Longs coverWeight = new Longs();
  final Longs coverPen = new Longs();
  final Booleans coverAll = new Booleans();
  final Booleans coverIsOpen = new Booleans();

  private Workspace() {}

  /**
   * Returns this thread's workspace, or a fresh one when this thread's is in use by a route call
   * further up its stack. Hand it back with {@link #release}.
   */
  static Workspace acquire() {
    Workspace w = PER_THREAD.get();
    if (w.inUse) {
      w = new Workspace();
    }
    w.inUse = true;
    return w;
  }

  /** Hands the workspace back for the next route call on this thread. */
  void release() {
    inUse = false;
    if (allocated > RETAINED_ENTRIES && PER_THREAD.get() == this) {
      PER_THREAD.remove();
    }
  }

  /** Returns a capacity of at least {@code n}, with room to grow, and counts it as allocated. */
  private int grown(int n) {
    int capacity = Math.max(n, 8 + n + (n >> 1));
    allocated += capacity;
    return capacity;
  }

  /** A reusable array of ints. */
  final class Ints {
    private int[] a = new int[0];

    /** Returns an array of at least {@code n} entries, the first {@code n} of them 0. */
    int[] zeroed(int n) {
      return filled(n, 0);
    }

    /** Returns an array of at least {@code n} entries, the first {@code n} of them {@code v}. */
    int[] filled(int n, int v) {
      if (a.length < n) {
        a = new int[grown(n)];
      }
      Arrays.fill(a, 0, n, v);
      return a;
    }

    /** Returns an array of at least {@code n} entries that the caller writes before reading. */
    int[] sized(int n) {
      if (a.length < n) {
        a = new int[grown(n)];
      }
      return a;
    }
  }

  /** A reusable array of longs. */
  final class Longs {
    private long[] a = new long[0];

    /** Returns an array of at least {@code n} entries, the first {@code n} of them 0. */
    long[] zeroed(int n) {
      if (a.length < n) {
        a = new long[grown(n)];
      } else {
        Arrays.fill(a, 0, n, 0);
      }
      return a;
    }

    /** Returns an array of at least {@code n} entries that the caller writes before reading. */
    long[] sized(int n) {
      if (a.length < n) {
        a = new long[grown(n)];
      }
      return a;
    }
  }

  /** A reusable array of doubles. */
  final class Doubles {
    private double[] a = new double[0];

    /** Returns an array of at least {@code n} entries, the first {@code n} of them {@code v}. */
    double[] filled(int n, double v) {
      if (a.length < n) {
        a = new double[grown(n)];
      }
      Arrays.fill(a, 0, n, v);
      return a;
    }

    /** Returns an array of at least {@code n} entries that the caller writes before reading. */
    double[] sized(int n) {
      if (a.length < n) {
        a = new double[grown(n)];
      }
      return a;
    }
  }

  /** A reusable array of booleans. */
  final class Booleans {
    private boolean[] a = new boolean[0];

    /** Returns an array of at least {@code n} entries, the first {@code n} of them false. */
    boolean[] cleared(int n) {
      if (a.length < n) {
        a = new boolean[grown(n)];
      } else {
        Arrays.fill(a, 0, n, false);
      }
      return a;
    }
  }

  /** A reusable array of references. */
  final class Refs<T> {
    private final IntFunction<T[]> make;
    private T[] a;

    Refs(IntFunction<T[]> make) {
      this.make = make;
      this.a = make.apply(0);
    }

    /**
     * Returns an array of at least {@code n} entries, the first {@code n} of them {@code v} (null
     * for none).
     */
    T[] filled(int n, @Nullable T v) {
      if (a.length < n) {
        a = make.apply(grown(n));
      }
      Arrays.fill(a, 0, n, v);
      return a;
    }

    /**
     * Returns an array of at least {@code n} entries that the caller writes before reading; entries
     * may still refer to what an earlier call left there.
     */
    T[] sized(int n) {
      if (a.length < n) {
        a = make.apply(grown(n));
      }
      return a;
    }

    /** Returns an array of at least {@code n} entries, keeping what the array held. */
    T[] grow(int n) {
      if (a.length < n) {
        a = Arrays.copyOf(a, grown(n));
      }
      return a;
    }
  }

  /** A reusable table of longs. */
  final class LongTable {
    private long[][] rows = new long[0][];

    /**
     * Returns a table of at least {@code r} rows of at least {@code c} entries, the first {@code c}
     * entries of the first {@code r} rows 0.
     */
    long[][] zeroed(int r, int c) {
      if (rows.length < r) {
        rows = Arrays.copyOf(rows, grown(r));
      }
      for (int x = 0; x < r; x++) {
        long[] row = rows[x];
        if (row == null || row.length < c) {
          rows[x] = new long[grown(c)];
        } else {
          Arrays.fill(row, 0, c, 0);
        }
      }
      return rows;
    }

    /**
     * Returns a table of at least {@code r} rows of at least {@code c} entries, that the caller
     * writes before reading.
     */
    long[][] sized(int r, int c) {
      if (rows.length < r) {
        rows = Arrays.copyOf(rows, grown(r));
      }
      for (int x = 0; x < r; x++) {
        long[] row = rows[x];
        if (row == null || row.length < c) {
          rows[x] = new long[grown(c)];
        }
      }
      return rows;
    }
  }

  /** Reusable tables of longs, one after another. */
  final class LongTables {
    private LongTable[] tables = new LongTable[0];

    /** Returns table {@code t}, creating it when needed. */
    LongTable table(int t) {
      if (tables.length <= t) {
        int old = tables.length;
        tables = Arrays.copyOf(tables, grown(t + 1));
        for (int x = old; x < tables.length; x++) {
          tables[x] = new LongTable();
        }
      }
      return tables[t];
    }
  }

  /** A reusable table of ints. */
  final class IntTable {
    private int[][] rows = new int[0][];

    /**
     * Returns a table of at least {@code r} rows of at least {@code c} entries, that the caller
     * writes before reading.
     */
    int[][] sized(int r, int c) {
      if (rows.length < r) {
        rows = Arrays.copyOf(rows, grown(r));
      }
      for (int x = 0; x < r; x++) {
        int[] row = rows[x];
        if (row == null || row.length < c) {
          rows[x] = new int[grown(c)];
        }
      }
      return rows;
    }
  }
}
