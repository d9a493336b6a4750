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
 * pointer it follows, one after the other, so this index keeps the pointers few. An open-addressing
 * table of {@code long} slots holds, per SKU, its hash and ordinal and, for a key of up to 16
 * Latin-1 characters (most SKU codes, GTINs included), the key itself one byte a character; a
 * longer key is compared with the SKU's own string, kept in a chunk of strings by ordinal. The
 * SKU's cells (its next hold expiry, then one published number per channel) sit in a chunk of a
 * flat {@code long} array. A lookup of a short key reads one slot, and the caller reads one row of
 * cells: no map nodes, no entry objects, no key objects.
 *
 * <p>Insertions are rare (a SKU is added once) and serialised on the index; lookups are lock-free.
 * A slot is written with release semantics after everything it points to, and read with acquire
 * semantics, so a reader that finds a slot sees the SKU's string, cells and state. Everything the
 * index has indexed stays: SKUs are never removed.
 */
final class SkuIndex {
  /** Creates the state of a new SKU around its row of cells. */
  interface StateFactory {
    SkuState create(Sku sku, int ordinal, long[] cells, int base);
  }

  static final int CHUNK_BITS = 12;
  static final int CHUNK = 1 << CHUNK_BITS;

  /**
   * The longs of a slot: its hash and ordinal, then the key's characters one byte each when the key
   * is {@value #INLINE} or fewer Latin-1 characters, else two zeros.
   */
  private static final int ENTRY = 3;

  /** The longest key a slot holds; a SKU has no NUL characters, so zero bytes mark its end. */
  private static final int INLINE = 16;

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
    final String[][] keys;

    View(long[] slots, long[][] cells, SkuState[][] states, String[][] keys) {
      this.slots = slots;
      this.mask = slots.length / ENTRY - 1;
      this.cells = cells;
      this.states = states;
      this.keys = keys;
    }
  }

  private final int stride;
  private volatile View view;
  private volatile int size;

  /**
   * Creates an empty index whose SKUs carry one cell for their next expiry and {@code channels}
   * published numbers.
   */
  SkuIndex(int channels, int expected) {
    this.stride = channels + 1;
    int slots = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) * 2;
    this.view =
        new View(new long[slots * ENTRY], new long[4][], new SkuState[4][], new String[4][]);
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
    long w0 = pack(key, 0);
    long w1 = pack(key, 8);
    View v = view;
    long[] slots = v.slots;
    int mask = v.mask;
    for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
      int at = i * ENTRY;
      long slot = (long) LONGS.getAcquire(slots, at);
      if (slot == 0) {
        return -1;
      }
      if ((int) (slot >>> 32) == hash && slots[at + 1] == w0 && slots[at + 2] == w1) {
        int ordinal = (int) slot - 1;
        if (w0 != 0 || key.equals(key(v, ordinal))) {
          return ordinal;
        }
      }
    }
  }

  /**
   * Returns the string of the SKU numbered {@code ordinal}, which a slot of {@code v} holds: the
   * slot was written after the string, so {@code v}, or the index's current view, has its row.
   */
  private String key(View v, int ordinal) {
    String[][] keys = v.keys;
    int chunk = ordinal >>> CHUNK_BITS;
    String[] row = chunk < keys.length ? keys[chunk] : null;
    if (row == null) {
      row = view.keys[chunk];
    }
    return row[ordinal & (CHUNK - 1)];
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
      String[][] keys = v.keys;
      if (chunk >= cells.length) {
        cells = Arrays.copyOf(cells, cells.length * 2);
        states = Arrays.copyOf(states, states.length * 2);
        keys = Arrays.copyOf(keys, keys.length * 2);
      }
      long[] row = new long[CHUNK * stride];
      for (int i = 0; i < CHUNK; i++) {
        row[i * stride] = Long.MAX_VALUE; // no hold expires
      }
      cells[chunk] = row;
      states[chunk] = new SkuState[CHUNK];
      keys[chunk] = new String[CHUNK];
      v = new View(v.slots, cells, states, keys);
    }
    String key = sku.value();
    Verify.verifyNotNull(v.keys[chunk])[ordinal & (CHUNK - 1)] = key;
    long[] cells = Verify.verifyNotNull(v.cells[chunk]);
    SkuState state = factory.create(sku, ordinal, cells, base(ordinal));
    Verify.verifyNotNull(v.states[chunk])[ordinal & (CHUNK - 1)] = state;
    view = v; // publishes grown directories before the slot that needs them
    place(v, key.hashCode(), ordinal, pack(key, 0), pack(key, 8));
    size = ordinal + 1;
    return state;
  }

  private View grow(View v) {
    long[] old = v.slots;
    View grown = new View(new long[old.length * 2], v.cells, v.states, v.keys);
    for (int at = 0; at < old.length; at += ENTRY) {
      long slot = old[at];
      if (slot != 0) {
        place(grown, (int) (slot >>> 32), (int) slot - 1, old[at + 1], old[at + 2]);
      }
    }
    return grown;
  }

  private static void place(View v, int hash, int ordinal, long w0, long w1) {
    long[] slots = v.slots;
    int mask = v.mask;
    int i = spread(hash) & mask;
    while (slots[i * ENTRY] != 0) {
      i = (i + 1) & mask;
    }
    int at = i * ENTRY;
    slots[at + 1] = w0;
    slots[at + 2] = w1;
    LONGS.setRelease(slots, at, ((long) hash << 32) | (ordinal + 1L));
  }

  /**
   * Returns characters {@code from} to {@code from + 7} of {@code key} one byte each, zeros past
   * its end; zero for every word of a key longer than {@value #INLINE} or beyond Latin-1.
   */
  private static long pack(String key, int from) {
    int length = key.length();
    if (length > INLINE) {
      return 0;
    }
    long word = 0;
    for (int i = 0; i < length; i++) {
      char ch = key.charAt(i);
      if (ch > 0xff) {
        return 0;
      }
      if (i >= from && i < from + 8) {
        word |= (long) ch << ((i - from) << 3);
      }
    }
    return word;
  }

  private static int spread(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 16);
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
