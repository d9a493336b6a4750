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
 * pointer it follows, one after the other, so this index keeps the pointers few and the memory it
 * touches small. An open-addressing table of one {@code long} a slot holds each SKU's hash and
 * ordinal: 8 bytes a slot, a table small enough to stay in the caches. By ordinal, in chunks of a
 * flat {@code long} array, each SKU has one row: its next hold expiry, one published number per
 * channel, and, for a key of up to 16 Latin-1 characters (most SKU codes, GTINs included), the key
 * itself one byte a character. A longer key is compared with the SKU's own string, kept in a chunk
 * of strings by ordinal. A read by value of a short key therefore reads one slot and one row: no
 * map nodes, no entry objects, no key objects.
 *
 * <p>Insertions are rare (a SKU is added once) and serialised on the index; lookups are lock-free.
 * A slot is written with release semantics after everything it points to, and read with acquire
 * semantics, so a reader that finds a slot sees the SKU's string, row and state. Rows never move:
 * growing the table moves slots only. Everything the index has indexed stays: SKUs are never
 * removed.
 */
final class SkuIndex {
  /** Creates the state of a new SKU around its row of cells. */
  interface StateFactory {
    SkuState create(Sku sku, int ordinal, long[] cells, int base);
  }

  static final int CHUNK_BITS = 12;
  static final int CHUNK = 1 << CHUNK_BITS;

  /**
   * What {@link #published} returns when it cannot answer alone: the SKU is not in the index (it
   * may be a bundle), or a hold on it has an expiry and the caller must see whether it is due.
   */
  static final long LOOK_FURTHER = Long.MIN_VALUE;

  /** The SKUs a batch read looks up together. */
  private static final int BLOCK = 32;

  /** The longest key a row holds; a SKU has no NUL characters, so zero bytes mark its end. */
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
      this.mask = slots.length - 1;
      this.cells = cells;
      this.states = states;
      this.keys = keys;
    }
  }

  /** The cells a SKU's state reads and writes: its next expiry, then one number per channel. */
  private final int cellCount;

  /** The longs of a row: the {@link #cellCount} cells, then two words of key. */
  private final int stride;

  private volatile View view;
  private volatile int size;

  /**
   * Creates an empty index whose SKUs carry one cell for their next expiry and {@code channels}
   * published numbers.
   */
  SkuIndex(int channels, int expected) {
    this.cellCount = channels + 1;
    this.stride = cellCount + 2;
    int slots = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) * 2;
    this.view = new View(new long[slots], new long[4][], new SkuState[4][], new String[4][]);
  }

  int size() {
    return size;
  }

  /** Returns the ordinal of {@code sku}, or {@code -1}. Lock-free. */
  int find(Sku sku) {
    String key = sku.value();
    long w0 = head(key);
    return probe(view, key, key.hashCode(), w0, tail(key, w0));
  }

  /**
   * Returns the number {@code sku} publishes to channel {@code c}, read from its row, or {@link
   * #LOOK_FURTHER} when the SKU is not in the index or has a hold whose expiry the caller must
   * check first. Lock-free.
   */
  long published(Sku sku, int c) {
    String key = sku.value();
    long w0 = head(key);
    View v = view;
    int ordinal = probe(v, key, key.hashCode(), w0, tail(key, w0));
    return ordinal < 0 ? LOOK_FURTHER : number(v, ordinal, c);
  }

  /**
   * Returns the number the SKU numbered {@code ordinal}, found in {@code v}, publishes to channel
   * {@code c}, or {@link #LOOK_FURTHER} when a hold on it has an expiry.
   */
  private long number(View v, int ordinal, int c) {
    long[] row = cells(v, ordinal);
    int base = base(ordinal);
    long expiry = read(row, base);
    long value = read(row, base + 1 + c);
    return expiry == Long.MAX_VALUE ? value : LOOK_FURTHER;
  }

  /**
   * Returns the ordinal of the key with {@code hash} and {@link #head head} and {@link #tail tail}
   * {@code w0} and {@code w1} in {@code v}, or {@code -1}.
   */
  private int probe(View v, String key, int hash, long w0, long w1) {
    long[] slots = v.slots;
    int mask = v.mask;
    for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
      long slot = (long) LONGS.getAcquire(slots, i);
      if (slot == 0) {
        return -1;
      }
      if ((int) (slot >>> 32) == hash) {
        int ordinal = (int) slot - 1;
        long[] row = cells(v, ordinal);
        int at = base(ordinal) + cellCount;
        if (row[at] == w0 && row[at + 1] == w1 && (w0 != 0 || key.equals(key(v, ordinal)))) {
          return ordinal;
        }
      }
    }
  }

  /**
   * Sets {@code out[i]} to {@link #published published(skus.get(i), c)} for every SKU, a block of
   * {@value #BLOCK} at a time: the keys of a block are hashed first, then its slots read, then its
   * rows, so that the misses of a block's SKUs overlap instead of following one another. Lock-free.
   *
   * @throws NullPointerException if {@code skus} holds null
   */
  void published(List<Sku> skus, int c, long[] out) {
    int n = skus.size();
    int block = Math.min(n, BLOCK);
    String[] keys = new String[block];
    int[] hashes = new int[block];
    long[] heads = new long[block];
    long[] tails = new long[block];
    long[] found = new long[block];
    for (int start = 0; start < n; start += BLOCK) {
      int count = Math.min(BLOCK, n - start);
      // Short loops, each reading one level deeper, keep many misses of the block in flight.
      for (int i = 0; i < count; i++) {
        Sku sku = skus.get(start + i);
        if (sku == null) {
          throw new NullPointerException("skus[" + (start + i) + "] is null");
        }
        keys[i] = sku.value();
      }
      for (int i = 0; i < count; i++) {
        hashes[i] = keys[i].hashCode();
      }
      for (int i = 0; i < count; i++) {
        heads[i] = head(keys[i]);
        tails[i] = tail(keys[i], heads[i]);
      }
      View v = view;
      long[] slots = v.slots;
      int mask = v.mask;
      for (int i = 0; i < count; i++) {
        found[i] = (long) LONGS.getAcquire(slots, spread(hashes[i]) & mask);
      }
      for (int i = 0; i < count; i++) {
        long slot = found[i];
        long value = LOOK_FURTHER;
        if (slot != 0 && (int) (slot >>> 32) == hashes[i] && heads[i] != 0) {
          int ordinal = (int) slot - 1;
          long[] row = cells(v, ordinal);
          int at = base(ordinal) + cellCount;
          if (row[at] == heads[i] && row[at + 1] == tails[i]) {
            value = number(v, ordinal, c);
          } else {
            value = published(skus.get(start + i), c); // another SKU in its first slot
          }
        } else if (slot != 0) {
          value = published(skus.get(start + i), c); // a long key, or another SKU's slot
        }
        out[start + i] = value;
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

  /**
   * Returns the cells chunk of the SKU numbered {@code ordinal}, which a slot of {@code v} holds.
   */
  private long[] cells(View v, int ordinal) {
    long[][] cells = v.cells;
    int chunk = ordinal >>> CHUNK_BITS;
    long[] row = chunk < cells.length ? cells[chunk] : null;
    if (row == null) {
      row = view.cells[chunk];
    }
    return Verify.verifyNotNull(row);
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
    return cells(view, ordinal);
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
    if ((ordinal + 1) * 2 > v.slots.length) {
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
    long w0 = head(key);
    Verify.verifyNotNull(v.keys[chunk])[ordinal & (CHUNK - 1)] = key;
    long[] cells = Verify.verifyNotNull(v.cells[chunk]);
    int base = base(ordinal);
    cells[base + cellCount] = w0;
    cells[base + cellCount + 1] = tail(key, w0);
    SkuState state = factory.create(sku, ordinal, cells, base);
    Verify.verifyNotNull(v.states[chunk])[ordinal & (CHUNK - 1)] = state;
    view = v; // publishes grown directories before the slot that needs them
    place(v.slots, key.hashCode(), ordinal);
    size = ordinal + 1;
    return state;
  }

  private View grow(View v) {
    long[] old = v.slots;
    long[] slots = new long[old.length * 2];
    for (long slot : old) {
      if (slot != 0) {
        place(slots, (int) (slot >>> 32), (int) slot - 1);
      }
    }
    return new View(slots, v.cells, v.states, v.keys);
  }

  private static void place(long[] slots, int hash, int ordinal) {
    int mask = slots.length - 1;
    int i = spread(hash) & mask;
    while (slots[i] != 0) {
      i = (i + 1) & mask;
    }
    LONGS.setRelease(slots, i, ((long) hash << 32) | (ordinal + 1L));
  }

  /**
   * Returns the first 8 characters of {@code key} one byte each, zeros past its end, when the key
   * fits a row ({@value #INLINE} or fewer Latin-1 characters); else zero, which no key that fits
   * gives, as its first character is not NUL.
   */
  private static long head(String key) {
    int length = key.length();
    if (length > INLINE) {
      return 0;
    }
    long word = 0;
    int all = 0;
    for (int i = 0; i < length; i++) {
      char ch = key.charAt(i);
      all |= ch;
      if (i < 8) {
        word |= (long) ch << (i << 3);
      }
    }
    return all > 0xff ? 0 : word;
  }

  /**
   * Returns characters 8 to 15 of {@code key} one byte each, zeros past its end, given its {@link
   * #head}: zero when the head is zero.
   */
  private static long tail(String key, long head) {
    int length = key.length();
    long word = 0;
    if (head != 0) {
      for (int i = 8; i < length; i++) {
        word |= (long) key.charAt(i) << ((i - 8) << 3);
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
