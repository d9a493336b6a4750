package dev.omnichannel.core.inventory;

import com.google.common.base.Verify;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.jspecify.annotations.Nullable;

/**
 * A map from string keys to records of 64-bit words that forgets in two generations, kept in flat
 * arrays that are reused from generation to generation.
 *
 * <p>Entries go into the current generation. Before an insertion finds the current generation
 * holding half the capacity, or older than half the retention, the generation turns: the current
 * one becomes the previous one and the former previous one is dropped whole. An entry is therefore
 * kept for at least the next half-capacity insertions and at least half the retention, whichever
 * ends first, and memory stays bounded by the capacity. A lookup never turns a generation. In a
 * table of 4,096 entries or more, each segment adds its insertions to the shared count in batches
 * of up to 16, so that concurrent writers do not all write one counter: the count then lags behind
 * by less than a batch per segment, and a generation may take that many entries more than its half
 * of the capacity (at most 960), never fewer.
 *
 * <p>Why words and not objects: the pool remembers every idempotency key's command and first
 * outcome, and every settled reservation, for a window of hundreds of thousands of commands. Kept
 * as objects, that window is copied by the garbage collector on every young collection; kept here,
 * it costs the collector nothing.
 *
 * <p>Each entry holds its key, a first record written when it is inserted, a second record that may
 * be written once later, and one object reference for what cannot be written as words (a command in
 * flight that others wait on). Keys are spread over segments; a caller works on a key's {@link
 * Segment} while holding that segment's monitor. Generations turn for the whole table at once,
 * through one atomic counter; a segment catches up when it next takes an insertion, and the thread
 * that turns a generation then brings every segment up to date ({@link #sweep}). Lookups do not
 * catch up, so a dropped generation may still answer until then: entries are kept at least as long
 * as promised, never shorter. Records are {@link Words}: variable-length numbers and strings packed
 * into words, with one {@code long} per key's hash and location in the segment's index.
 *
 * <p>Most keys a pool is given are new, and the index of a full window is megabytes that the
 * processor's caches do not hold: reading one slot of it costs a trip to memory. So each generation
 * keeps a small filter of its hashes, which proves most new keys absent without touching the index,
 * and a segment places new entries in the index in batches, whose reads overlap, finding the few
 * not yet placed by a scan of the newest entries.
 */
final class WordTable {
  private static final int SEGMENTS = 64;

  private final long halfRetentionMillis;
  private final int halfCapacity;
  private final Segment[] segments = new Segment[SEGMENTS];

  /**
   * Insertions a segment makes before it adds them to the shared count: one shared write per batch
   * rather than per insertion, for a count that lags by less than a batch per segment.
   */
  private final int countBatch;

  /** The current generation's number in the high half, the insertions it has taken in the low. */
  private final AtomicLong state = new AtomicLong();

  /** When each of the last four generations began, by number modulo 4. */
  private final AtomicLongArray startedAt = new AtomicLongArray(4);

  /** The generation every segment was last brought to. */
  private final AtomicInteger swept = new AtomicInteger();

  WordTable(long retentionMillis, int capacity, long now) {
    this.halfRetentionMillis = Math.max(1, retentionMillis / 2);
    this.halfCapacity = Math.max(1, capacity / 2);
    this.countBatch = Math.max(1, Math.min(16, halfCapacity / 1024));
    startedAt.set(0, now);
    // A generation of a segment takes about halfCapacity / SEGMENTS keys; its filter grows if not.
    int expected = Math.max(1, halfCapacity / SEGMENTS);
    for (int i = 0; i < SEGMENTS; i++) {
      segments[i] = new Segment(expected);
    }
  }

  /** Returns the segment of a key with {@code hash}; callers use it holding its monitor. */
  Segment segment(int hash) {
    return segments[spread(hash) >>> 26];
  }

  /** Brings every segment to the current generation after a turn, so that dropped ones go. */
  void sweep() {
    int generation = (int) (state.get() >>> 32);
    int done = swept.get();
    if (done - generation >= 0 || !swept.compareAndSet(done, generation)) {
      return;
    }
    for (Segment s : segments) {
      synchronized (s) {
        s.catchUp();
      }
    }
  }

  /** Calls {@code visitor} with the first record of every entry, segment by segment. */
  void forEach(RecordVisitor visitor) {
    for (Segment s : segments) {
      synchronized (s) {
        s.catchUp();
        s.previous.forEach(visitor);
        s.current.forEach(visitor);
      }
    }
  }

  /** Receives a record: {@code length} bytes from word {@code from} of {@code words}. */
  @FunctionalInterface
  interface RecordVisitor {
    void visit(long[] words, int from, int length);
  }

  /**
   * Returns the generation to insert into, turning the current one first when it is full or old.
   * With a batch of one, counts the insertion in the same step, so that a generation never takes
   * more than its half of the capacity; larger batches are counted by {@link #count}.
   */
  private int claimGeneration(long now) {
    int counted = countBatch == 1 ? 1 : 0;
    while (true) {
      long s = state.get();
      int generation = (int) (s >>> 32);
      int count = (int) s;
      if (count >= halfCapacity || now - startedAt.get(generation & 3) >= halfRetentionMillis) {
        // Set before the turn is visible: a reader of the new number then never sees an old start.
        startedAt.set((generation + 1) & 3, now);
        if (state.compareAndSet(s, ((long) (generation + 1) << 32) | counted)) {
          return generation + 1;
        }
      } else if (counted == 0 || state.compareAndSet(s, s + 1)) {
        return generation;
      }
    }
  }

  /**
   * Adds {@code insertions} made into {@code generation} to its count; drops them if it has turned
   * since, as its entries then count no more.
   */
  private void count(int generation, int insertions) {
    while (true) {
      long s = state.get();
      if ((int) (s >>> 32) != generation || state.compareAndSet(s, s + insertions)) {
        return;
      }
    }
  }

  private static int spread(int hash) {
    return hash * 0x9E3779B9;
  }

  /**
   * The bits that pick a slot within a segment: mixed down, since the top ones pick the segment.
   */
  private static int slot(int hash) {
    int h = spread(hash);
    return h ^ (h >>> 16);
  }

  /**
   * The entries of the keys that hash to one segment, in its current and previous generation. Every
   * method must be called holding this segment's monitor. A location returned by {@link #find} or
   * {@link #insert} stays valid until the monitor is released.
   */
  final class Segment {
    private static final int MIN_SLOTS = 16;
    private static final int REMOVED = -1;
    private static final int BATCH = 32;

    Segment(int expected) {
      current = new Generation(expected);
      previous = new Generation(expected);
    }

    private Generation current;
    private Generation previous;
    private int generation;

    /**
     * The first entry of the current generation not yet in {@link #slots}: placing a new key reads
     * a slot the processor's caches rarely hold, so new entries are placed in batches of {@link
     * #BATCH}, whose misses overlap, and until then are found by a scan of the current generation's
     * tail.
     */
    private int unplaced;

    /** Insertions into the current generation not yet added to the shared count. */
    private int uncounted;

    /**
     * One open-addressing index over both generations, so that a key is found with one probe: the
     * key's hash in the high half and, in the low half, its location plus one; 0: empty; {@link
     * #REMOVED} in the low half: removed.
     */
    private long[] slots = new long[MIN_SLOTS];

    private int placed;
    private int removed;

    private void catchUp() {
      catchUp((int) (state.get() >>> 32));
    }

    private void catchUp(int target) {
      int behind = target - generation;
      if (behind <= 0) {
        return;
      }
      Generation dropped = previous;
      previous = current;
      dropped.clear();
      current = dropped;
      if (behind > 1) {
        previous.clear();
      }
      generation = target;
      uncounted = 0;
      // Re-index what is left, all of it now in the previous generation.
      int need = Math.max(MIN_SLOTS, Integer.highestOneBit(Math.max(1, previous.entries)) * 4);
      if (slots.length > 8 * need || slots.length < need) {
        slots = new long[need];
      } else {
        Arrays.fill(slots, 0);
      }
      placed = 0;
      removed = 0;
      unplaced = 0;
      for (int e = 0; e < previous.entries; e++) {
        if (previous.isLive(e)) {
          place(slots, previous.hashes[e], (e << 1) | 1);
          placed++;
        }
      }
    }

    /**
     * Returns the location of {@code key}, or {@code -1}. Does not catch up with a turn made
     * elsewhere: a generation that lingers here until the next insertion or sweep only keeps its
     * entries longer than promised, and reading the shared counter on every lookup would cost a
     * cache miss whenever another thread inserts.
     */
    int find(String key, int hash) {
      // Most keys a pool sees are new: the filters, small enough to stay in the caches, say so
      // without reading the index.
      if (!current.mayHold(hash) && !previous.mayHold(hash)) {
        return -1;
      }
      int mask = slots.length - 1;
      for (int i = slot(hash) & mask; ; i = (i + 1) & mask) {
        long slot = slots[i];
        if (slot == 0) {
          break;
        }
        int location = (int) slot - 1;
        if (location >= 0 && (int) (slot >>> 32) == hash) {
          Generation g = of(location);
          if (Words.stringEquals(g.arena, g.spans[(location >>> 1) * Generation.STRIDE], key)) {
            return location;
          }
        }
      }
      Generation g = current;
      for (int e = unplaced; e < g.entries; e++) {
        if (g.hashes[e] == hash
            && g.isLive(e)
            && Words.stringEquals(g.arena, g.spans[e * Generation.STRIDE], key)) {
          return e << 1;
        }
      }
      return -1;
    }

    /**
     * Inserts {@code key}, which must be absent, with its first record and reference; returns its
     * location. The caller then calls {@link WordTable#sweep} once it has left the monitor.
     */
    int insert(String key, int hash, Words first, @Nullable Object ref, long now) {
      int target = claimGeneration(now);
      // Never behind: every number this segment caught up to was read before this claim.
      Verify.verify(target - generation >= 0, "generation %s behind %s", target, generation);
      catchUp(target);
      int location = current.add(key, hash, first, ref) << 1;
      if (countBatch > 1 && ++uncounted >= countBatch) {
        count(generation, uncounted);
        uncounted = 0;
      }
      if (current.entries - unplaced >= BATCH) {
        placeUnplaced();
      }
      return location;
    }

    /** Places the current generation's unplaced entries in the index. */
    private void placeUnplaced() {
      Generation g = current;
      int count = g.entries - unplaced;
      if ((placed + removed + count) * 2 > slots.length) {
        reindex(count);
      }
      for (int e = unplaced; e < g.entries; e++) {
        if (g.isLive(e)) {
          place(slots, g.hashes[e], e << 1);
          placed++;
        }
      }
      unplaced = g.entries;
    }

    /** Rebuilds the index without removed slots, with room for {@code more} entries. */
    private void reindex(int more) {
      int size = slots.length;
      while ((placed + more) * 4 > size) {
        size *= 2;
      }
      long[] fresh = new long[size];
      for (long slot : slots) {
        if ((int) slot > 0) {
          place(fresh, (int) (slot >>> 32), (int) slot - 1);
        }
      }
      slots = fresh;
      removed = 0;
    }

    private void place(long[] table, int hash, int location) {
      int mask = table.length - 1;
      int i = slot(hash) & mask;
      while ((int) table[i] > 0) {
        i = (i + 1) & mask;
      }
      table[i] = ((long) hash << 32) | (location + 1);
    }

    /**
     * Returns the generation holding {@code location}, as an opaque token for {@link #relocate}:
     * unlike a location, the token, its {@link #incarnation} and the {@link #entry} number stay
     * meaningful after the monitor is released.
     */
    Object generationOf(int location) {
      return of(location);
    }

    int incarnation(int location) {
      return of(location).incarnation;
    }

    static int entry(int location) {
      return location >>> 1;
    }

    /**
     * Returns the location of entry {@code entry} of {@code generation} as it was in {@code
     * incarnation}, or {@code -1} if that generation has been dropped since.
     */
    int relocate(Object generation, int incarnation, int entry) {
      if (generation == current && current.incarnation == incarnation) {
        return entry << 1;
      }
      if (generation == previous && previous.incarnation == incarnation) {
        return (entry << 1) | 1;
      }
      return -1;
    }

    private Generation of(int location) {
      return (location & 1) == 0 ? current : previous;
    }

    /** Returns whether the first record at {@code location} equals {@code words}. */
    boolean firstEquals(int location, Words words) {
      Generation g = of(location);
      int e = location >>> 1;
      int from = g.spans[e * Generation.STRIDE + 1];
      if (g.spans[e * Generation.STRIDE + 2] != words.bytes()) {
        return false;
      }
      for (int i = 0; i < words.size(); i++) {
        if (g.arena[from + i] != words.get(i)) {
          return false;
        }
      }
      return true;
    }

    Words.Reader first(int location) {
      Generation g = of(location);
      int e = location >>> 1;
      return new Words.Reader(
          g.arena, g.spans[e * Generation.STRIDE + 1], g.spans[e * Generation.STRIDE + 2]);
    }

    boolean hasSecond(int location) {
      return of(location).spans[(location >>> 1) * Generation.STRIDE + 3] >= 0;
    }

    Words.Reader second(int location) {
      Generation g = of(location);
      int e = location >>> 1;
      int from = g.spans[e * Generation.STRIDE + 3];
      Verify.verify(from >= 0, "no second record");
      return new Words.Reader(g.arena, from, g.spans[e * Generation.STRIDE + 4]);
    }

    /** Writes the second record at {@code location}; it may be written only once. */
    void writeSecond(int location, Words words) {
      of(location).writeSecond(location >>> 1, words);
    }

    @Nullable Object ref(int location) {
      return of(location).refs[location >>> 1];
    }

    void ref(int location, @Nullable Object ref) {
      of(location).refs[location >>> 1] = ref;
    }

    /** Removes the entry at {@code location}. */
    void remove(int location) {
      Generation g = of(location);
      int e = location >>> 1;
      if (g == current && e >= unplaced) {
        g.remove(e);
        return;
      }
      int mask = slots.length - 1;
      for (int i = slot(g.hashes[e]) & mask; ; i = (i + 1) & mask) {
        if ((int) slots[i] == location + 1) {
          slots[i] = ((long) g.hashes[e] << 32) | (REMOVED & 0xFFFF_FFFFL);
          placed--;
          removed++;
          g.remove(e);
          return;
        }
        Verify.verify(slots[i] != 0, "entry %s not indexed", e);
      }
    }
  }

  /**
   * One generation of one segment: its entries in flat arrays, indexed by the segment, and a filter
   * of their hashes that tells most absent keys from present ones.
   */
  private static final class Generation {
    /**
     * Per entry: the key's word, the first record's word (-1: removed) and length in bytes, the
     * second record's word (-1: none) and length in bytes.
     */
    static final int STRIDE = 5;

    private static final int MIN_ENTRIES = 8;
    private static final int MIN_ARENA = 256;
    private static final int MAX_EXPECTED = 1 << 12;

    /** Changes whenever the generation is emptied for reuse. */
    int incarnation;

    int[] hashes = new int[MIN_ENTRIES];
    int[] spans = new int[MIN_ENTRIES * STRIDE];
    @Nullable Object[] refs = new Object[MIN_ENTRIES];
    long[] arena = new long[MIN_ARENA];
    int entries;
    int used;

    /**
     * A blocked Bloom filter of the entries' hashes, removed ones included: three bits in one word
     * per hash, about ten bits per entry. A clear bit proves a hash absent; set bits prove nothing.
     */
    long[] filter;

    /** The number of entries the filter was sized for; it is rebuilt twice as large past that. */
    private final int expected;

    Generation(int expected) {
      // Sized up front for no more than MAX_EXPECTED: a huge capacity grows filters as it fills.
      this.expected = Math.max(MIN_ENTRIES, Math.min(MAX_EXPECTED, expected));
      this.filter = new long[filterWords(this.expected)];
    }

    /** Returns false if no entry has {@code hash}; true if one may. */
    boolean mayHold(int hash) {
      long mix = mix(hash);
      long bits = filterBits(mix);
      return (filter[(int) mix & (filter.length - 1)] & bits) == bits;
    }

    private void remember(int hash) {
      long mix = mix(hash);
      filter[(int) mix & (filter.length - 1)] |= filterBits(mix);
    }

    /** Spreads a 32-bit hash over 64 bits: the low bits pick a word, the high ones three bits. */
    private static long mix(int hash) {
      long h = (hash & 0xFFFF_FFFFL) * 0x9E37_79B9_7F4A_7C15L;
      return h ^ (h >>> 29);
    }

    private static long filterBits(long mix) {
      return (1L << (mix >>> 58)) | (1L << (mix >>> 52)) | (1L << (mix >>> 46));
    }

    /** A power of two of words with about ten bits per entry. */
    private static int filterWords(int entries) {
      int words = Math.max(1, entries * 10 / 64);
      return Integer.highestOneBit(words * 2 - 1);
    }

    boolean isLive(int e) {
      return spans[e * STRIDE + 1] >= 0;
    }

    int add(String key, int hash, Words first, @Nullable Object ref) {
      if (entries == hashes.length) {
        int grown = entries * 2;
        hashes = Arrays.copyOf(hashes, grown);
        spans = Arrays.copyOf(spans, grown * STRIDE);
        refs = Arrays.copyOf(refs, grown);
      }
      boolean ascii = Words.isAscii(key);
      reserve(Words.stringSize(key, ascii) + first.size());
      int e = entries++;
      hashes[e] = hash;
      refs[e] = ref;
      if (entries > filter.length * 64 / 10 * 2) {
        // Far more entries than the filter was sized for: rebuild it at its size again.
        filter = new long[filterWords(entries * 2)];
        for (int i = 0; i < entries; i++) {
          remember(hashes[i]);
        }
      } else {
        remember(hash);
      }
      int at = e * STRIDE;
      spans[at] = used;
      used = Words.writeString(arena, used, key, ascii);
      spans[at + 1] = used;
      first.copyTo(arena, used);
      used += first.size();
      spans[at + 2] = first.bytes();
      spans[at + 3] = -1;
      spans[at + 4] = -1;
      return e;
    }

    void writeSecond(int e, Words second) {
      Verify.verify(spans[e * STRIDE + 3] < 0, "second record written twice");
      reserve(second.size());
      spans[e * STRIDE + 3] = used;
      second.copyTo(arena, used);
      used += second.size();
      spans[e * STRIDE + 4] = second.bytes();
    }

    void remove(int e) {
      spans[e * STRIDE + 1] = -1;
      refs[e] = null;
    }

    void forEach(RecordVisitor visitor) {
      for (int e = 0; e < entries; e++) {
        if (isLive(e)) {
          visitor.visit(arena, spans[e * STRIDE + 1], spans[e * STRIDE + 2]);
        }
      }
    }

    /** Empties the generation for reuse; gives back memory that a burst grew far beyond need. */
    void clear() {
      if (hashes.length > MIN_ENTRIES && hashes.length > 8 * entries) {
        int size = Math.max(MIN_ENTRIES, Integer.highestOneBit(Math.max(1, entries)) * 2);
        hashes = new int[size];
        spans = new int[size * STRIDE];
        refs = new Object[size];
      } else {
        Arrays.fill(refs, 0, entries, null);
      }
      if (arena.length > MIN_ARENA && arena.length > 8L * used) {
        arena = new long[Math.max(MIN_ARENA, used * 2)];
      }
      if (filter.length > filterWords(expected)) {
        filter = new long[filterWords(expected)];
      } else {
        Arrays.fill(filter, 0);
      }
      entries = 0;
      used = 0;
      incarnation++;
    }

    private void reserve(int words) {
      if (used + words > arena.length) {
        long grown = Math.max((long) used + words, 2L * arena.length);
        if (grown > (Integer.MAX_VALUE >>> 3)) {
          // Lengths are counted in bytes in an int.
          throw new IllegalStateException("idempotency memory segment over 2^28 words");
        }
        arena = Arrays.copyOf(arena, (int) grown);
      }
    }
  }
}
