package dev.omnichannel.core.inventory;

import com.google.common.base.Verify;
import dev.omnichannel.core.Sku;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The pool's SKUs, found by value without locks, with the numbers readers need laid out flat.
 *
 * <p>A read of available-to-promise on a pool of 100,000 SKUs misses the processor caches at every
 * pointer it follows, so this index keeps the pointers few. An open-addressing table of {@code
 * long} pairs holds, per SKU, its hash and ordinal, and where its characters are in a character
 * arena; the SKU's cells (its next hold expiry, then one published number per channel) sit in a
 * chunk of a flat {@code long} array. A lookup reads one slot, compares the characters in one arena
 * run, and the caller reads one row of cells: no map nodes, no key objects.
 *
 * <p>Insertions are rare (a SKU is added once) and serialised on the index; lookups are lock-free.
 * A slot is written with release semantics after everything it points to, and read with acquire
 * semantics, so a reader that finds a slot sees the SKU's characters, cells and state. Everything
 * the index has indexed stays: SKUs are never removed.
 */
final class SkuIndex {
  /** Creates the state of a new SKU around its row of cells. */
  interface StateFactory {
    SkuState create(Sku sku, int ordinal, long[] cells, int base);
  }

  static final int CHUNK_BITS = 12;
  static final int CHUNK = 1 << CHUNK_BITS;
  private static final int ARENA_CHUNK = 1 << 16;
  private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);

  /**
   * One consistent view of the index's arrays. Replaced whole when the table or a chunk directory
   * grows; the chunks themselves are shared between views and written in place.
   */
  private static final class View {
    final long[] slots;
    final int mask;
    final long[][] cells;
    final SkuState[][] states;
    final char[][] arena;

    View(long[] slots, long[][] cells, SkuState[][] states, char[][] arena) {
      this.slots = slots;
      this.mask = slots.length / 2 - 1;
      this.cells = cells;
      this.states = states;
      this.arena = arena;
    }
  }

  private final int stride;
  private volatile View view;
  private volatile int size;
  private int arenaChunk;
  private int arenaUsed;

  /**
   * Creates an empty index whose SKUs carry one cell for their next expiry and {@code channels}
   * published numbers.
   */
  SkuIndex(int channels, int expected) {
    this.stride = channels + 1;
    int slots = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) * 2;
    this.view =
        new View(new long[slots * 2], new long[4][], new SkuState[4][], new char[][] {newArena()});
    this.arenaUsed = 0;
  }

  /** The number of {@code long} cells per SKU: the expiry, then one per channel. */
  int stride() {
    return stride;
  }

  int size() {
    return size;
  }

  /** Returns the ordinal of {@code sku}, or {@code -1}. Lock-free. */
  int find(Sku sku) {
    String key = sku.value();
    int hash = key.hashCode();
    View v = view;
    long[] slots = v.slots;
    int mask = v.mask;
    for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
      long slot = (long) LONGS.getAcquire(slots, i * 2);
      if (slot == 0) {
        return -1;
      }
      if ((int) (slot >>> 32) == hash && matches(v, slots[i * 2 + 1], key)) {
        return (int) slot - 1;
      }
    }
  }

  /** Returns the state of {@code sku}, or null. Lock-free. */
  @Nullable SkuState get(Sku sku) {
    int ordinal = find(sku);
    return ordinal < 0 ? null : state(ordinal);
  }

  /** Returns the state of the SKU numbered {@code ordinal}, which this index issued. */
  SkuState state(int ordinal) {
    SkuState[][] states = view.states;
    int chunk = ordinal >>> CHUNK_BITS;
    SkuState[] row = chunk < states.length ? states[chunk] : null;
    if (row == null) {
      // Issued after this thread read the view: the view that holds it is published by now.
      row = view.states[chunk];
    }
    return Verify.verifyNotNull(row[ordinal & (CHUNK - 1)]);
  }

  /** Returns the cells chunk holding the SKU numbered {@code ordinal}. */
  long[] cells(int ordinal) {
    long[][] cells = view.cells;
    int chunk = ordinal >>> CHUNK_BITS;
    long[] row = chunk < cells.length ? cells[chunk] : null;
    if (row == null) {
      row = view.cells[chunk];
    }
    return Verify.verifyNotNull(row);
  }

  /** Returns the offset of the first cell of the SKU numbered {@code ordinal} in its chunk. */
  int base(int ordinal) {
    return (ordinal & (CHUNK - 1)) * stride;
  }

  /** Returns the state of {@code sku}, creating it with {@code factory} when new. */
  SkuState computeIfAbsent(Sku sku, StateFactory factory) {
    SkuState existing = get(sku);
    if (existing != null) {
      return existing;
    }
    synchronized (this) {
      existing = get(sku);
      if (existing != null) {
        return existing;
      }
      return insert(sku, factory);
    }
  }

  /** Every state, in the order the SKUs were added. A SKU added meanwhile may be missing. */
  List<SkuState> values() {
    int n = size;
    List<SkuState> result = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      result.add(state(i));
    }
    return result;
  }

  private SkuState insert(Sku sku, StateFactory factory) {
    int ordinal = size;
    View v = view;
    if ((ordinal + 1) * 2 > v.mask + 1) {
      v = grow(v);
    }
    int chunk = ordinal >>> CHUNK_BITS;
    if (chunk >= v.cells.length || v.cells[chunk] == null) {
      long[][] cells = v.cells;
      SkuState[][] states = v.states;
      if (chunk >= cells.length) {
        cells = Arrays.copyOf(cells, cells.length * 2);
        states = Arrays.copyOf(states, states.length * 2);
      }
      long[] row = new long[CHUNK * stride];
      for (int i = 0; i < CHUNK; i++) {
        row[i * stride] = Long.MAX_VALUE; // no hold expires
      }
      cells[chunk] = row;
      states[chunk] = new SkuState[CHUNK];
      v = new View(v.slots, cells, states, v.arena);
    }
    String key = sku.value();
    if (arenaUsed + key.length() > ARENA_CHUNK) {
      arenaChunk++;
      arenaUsed = 0;
      char[][] arena = v.arena;
      if (arenaChunk >= arena.length) {
        arena = Arrays.copyOf(arena, arena.length * 2);
      }
      arena[arenaChunk] = newArena();
      v = new View(v.slots, v.cells, v.states, arena);
    }
    char[] chars = Verify.verifyNotNull(v.arena[arenaChunk]);
    key.getChars(0, key.length(), chars, arenaUsed);
    long where = ((long) arenaChunk << 32) | ((long) arenaUsed << 8) | key.length();
    arenaUsed += key.length();

    long[] cells = Verify.verifyNotNull(v.cells[chunk]);
    SkuState state = factory.create(sku, ordinal, cells, base(ordinal));
    Verify.verifyNotNull(v.states[chunk])[ordinal & (CHUNK - 1)] = state;
    view = v; // publishes grown directories before the slot that needs them
    place(v, key.hashCode(), ordinal, where);
    size = ordinal + 1;
    return state;
  }

  private View grow(View v) {
    long[] slots = new long[v.slots.length * 2];
    View grown = new View(slots, v.cells, v.states, v.arena);
    for (int i = 0; i <= v.mask; i++) {
      long slot = v.slots[i * 2];
      if (slot != 0) {
        place(grown, (int) (slot >>> 32), (int) slot - 1, v.slots[i * 2 + 1]);
      }
    }
    return grown;
  }

  private static void place(View v, int hash, int ordinal, long where) {
    long[] slots = v.slots;
    int mask = v.mask;
    int i = spread(hash) & mask;
    while (slots[i * 2] != 0) {
      i = (i + 1) & mask;
    }
    slots[i * 2 + 1] = where;
    LONGS.setRelease(slots, i * 2, ((long) hash << 32) | (ordinal + 1L));
  }

  private static boolean matches(View v, long where, String key) {
    int length = (int) (where & 0xff);
    if (length != key.length()) {
      return false;
    }
    char[][] arenas = v.arena;
    int chunk = (int) (where >>> 32);
    char[] chars = chunk < arenas.length ? arenas[chunk] : null;
    if (chars == null) {
      return false; // written after this view was read: the caller's view cannot hold its slot
    }
    int offset = (int) (where >>> 8) & 0xffffff;
    for (int i = 0; i < length; i++) {
      if (chars[offset + i] != key.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static int spread(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  private static char[] newArena() {
    return new char[ARENA_CHUNK];
  }

  /** Reads a cell with acquire semantics. */
  static long read(long[] cells, int index) {
    return (long) LONGS.getAcquire(cells, index);
  }

  /** Writes a cell with release semantics. */
  static void write(long[] cells, int index, long value) {
    LONGS.setRelease(cells, index, value);
  }
}
