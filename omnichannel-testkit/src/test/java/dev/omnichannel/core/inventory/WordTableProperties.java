package dev.omnichannel.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnichannel.testkit.Gen;
import dev.omnichannel.testkit.Property;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The forgetting table behind idempotency keys and settled reservations keeps what it promises: an
 * entry stays for at least the next {@code capacity / 2} insertions or half the retention,
 * whichever ends first; a present key is never replaced; memory stays within the capacity; records
 * read back as written, whatever the key's characters.
 */
class WordTableProperties {
  /** One insertion: a key drawn from a small range, so that keys repeat, after a pause. */
  record Put(int key, long pauseMillis) {}

  record Case(int capacity, long retentionMillis, List<Put> puts) {}

  /**
   * Keys with every kind of character: pairs {@code 2j, 2j + 1} share their hash ("Aa" and "BB"
   * hash alike), some hold characters beyond one byte, some are 128 characters long.
   */
  static String key(int k) {
    String base = (k % 2 == 0 ? "Aa" : "BB") + "-" + (k / 2);
    if (k / 2 % 3 == 0) {
      base += "ü€";
    }
    if (k / 2 % 7 == 1) {
      base = base + "x".repeat(128 - base.length());
    }
    return base;
  }

  static Words record(long... words) {
    Words w = new Words(words.length);
    for (long word : words) {
      w.put(word);
    }
    return w;
  }

  static long @Nullable [] get(WordTable table, String key) {
    WordTable.Segment s = table.segment(key.hashCode());
    synchronized (s) {
      int at = s.find(key, key.hashCode());
      return at < 0 ? null : read(s.first(at));
    }
  }

  static long[] read(Words.Reader r) {
    List<Long> words = new ArrayList<>();
    while (!r.atEnd()) {
      words.add(r.next());
    }
    return words.stream().mapToLong(Long::longValue).toArray();
  }

  /** Inserts unless present; returns the present first record, or null. */
  static long @Nullable [] putIfAbsent(WordTable table, String key, Words value, long now) {
    WordTable.Segment s = table.segment(key.hashCode());
    long[] present;
    synchronized (s) {
      int at = s.find(key, key.hashCode());
      if (at >= 0) {
        present = read(s.first(at));
      } else {
        s.insert(key, key.hashCode(), value, null, now);
        present = null;
      }
    }
    table.sweep();
    return present;
  }

  static int size(WordTable table) {
    AtomicInteger n = new AtomicInteger();
    table.forEach((words, from, to) -> n.incrementAndGet());
    return n.get();
  }

  @Test
  void keepsEveryEntryForItsWindow() {
    Gen<Put> put = Gen.zip(Gen.ints(0, 40), Gen.longs(0, 30), Put::new);
    Gen<Case> cases =
        Gen.zip(
            Gen.zip(Gen.ints(2, 12), Gen.longs(2, 200), (c, r) -> new long[] {c, r}),
            Gen.listOf(put, 0, 200),
            (cr, puts) -> new Case((int) cr[0], cr[1], puts));
    Property.forAll(cases)
        .tries(500)
        .check(
            c -> {
              long now = 0;
              WordTable table = new WordTable(c.retentionMillis(), c.capacity(), now);
              // What the model knows: when each present key went in, and how many went in after.
              List<Integer> keys = new ArrayList<>();
              List<Long> times = new ArrayList<>();
              List<Long> values = new ArrayList<>();
              int half = Math.max(1, c.capacity() / 2);
              long halfRetention = Math.max(1, c.retentionMillis() / 2);
              for (int i = 0; i < c.puts().size(); i++) {
                Put p = c.puts().get(i);
                now += p.pauseMillis();
                long[] previous = putIfAbsent(table, key(p.key()), record(i, -i), now);
                int known = keys.lastIndexOf(p.key());
                if (previous != null) {
                  assertThat(known).as("returned a value for a key never put").isNotNegative();
                  assertThat(previous).containsExactly(values.get(known), -values.get(known));
                } else {
                  if (known >= 0) {
                    // Forgotten: allowed only once its window has passed.
                    long after = keys.size() - 1L - known;
                    boolean windowOver = after >= half || now - times.get(known) >= halfRetention;
                    assertThat(windowOver)
                        .as(
                            "key %s forgotten after %s insertions and %s ms",
                            p.key(), after, now - times.get(known))
                        .isTrue();
                  }
                  keys.add(p.key());
                  times.add(now);
                  values.add((long) i);
                }
                assertThat(size(table)).isLessThanOrEqualTo(2 * half);
                // Every entry still inside its window is there, with its first value.
                for (int k = 0; k < keys.size(); k++) {
                  if (keys.lastIndexOf(keys.get(k)) != k) {
                    continue; // forgotten and put again since
                  }
                  long after = keys.size() - 1L - k;
                  if (after <= half && now - times.get(k) < halfRetention) {
                    assertThat(get(table, key(keys.get(k))))
                        .as(
                            "key %s after %s insertions and %s ms",
                            keys.get(k), after, now - times.get(k))
                        .containsExactly(values.get(k), -values.get(k));
                  }
                }
              }
            });
  }

  /** One step against a table that never turns: put, write the second record, or remove. */
  record Step(int op, int key) {}

  @Test
  void behavesLikeAMapUntilItTurns() {
    Gen<Step> step = Gen.zip(Gen.ints(0, 2), Gen.ints(0, 60), Step::new);
    Property.forAll(Gen.listOf(step, 0, 300)).tries(300).check(list -> checkAsMap(list, 1));
  }

  /**
   * With thousands of keys every segment takes more than a batch of new entries, so lookups and
   * removals meet entries in the index and entries still waiting for their batch.
   */
  @Test
  void behavesLikeAMapAcrossBatches() {
    Gen<Step> step = Gen.zip(Gen.ints(0, 2), Gen.ints(0, 6_000), Step::new);
    Property.forAll(Gen.listOf(step, 2_000, 12_000)).tries(12).check(list -> checkAsMap(list, 500));
  }

  /** Runs {@code list} against a table and a map; compares them every {@code every} steps. */
  private static void checkAsMap(List<Step> list, int every) {
    WordTable table = new WordTable(Long.MAX_VALUE, Integer.MAX_VALUE, 0);
    Map<String, long[]> firsts = new HashMap<>();
    Map<String, long[]> seconds = new HashMap<>();
    for (int i = 0; i < list.size(); i++) {
      Step st = list.get(i);
      String key = key(st.key());
      WordTable.Segment s = table.segment(key.hashCode());
      synchronized (s) {
        int at = s.find(key, key.hashCode());
        assertThat(at >= 0).as("%s present", key).isEqualTo(firsts.containsKey(key));
        // Records of growing length, so that the arena grows past its first size.
        long[] words = new long[i % 40];
        for (int w = 0; w < words.length; w++) {
          words[w] = (long) i * 1_000 + w;
        }
        switch (st.op()) {
          case 0 -> {
            if (at < 0) {
              s.insert(key, key.hashCode(), record(words), "ref" + i, 0);
              firsts.put(key, words);
            }
          }
          case 1 -> {
            if (at >= 0 && !seconds.containsKey(key)) {
              s.writeSecond(at, record(words));
              seconds.put(key, words);
            }
          }
          default -> {
            if (at >= 0) {
              s.remove(at);
              firsts.remove(key);
              seconds.remove(key);
            }
          }
        }
      }
      if (i % every != 0 && i != list.size() - 1) {
        continue;
      }
      for (Map.Entry<String, long[]> e : firsts.entrySet()) {
        String k = e.getKey();
        WordTable.Segment seg = table.segment(k.hashCode());
        synchronized (seg) {
          int at = seg.find(k, k.hashCode());
          assertThat(at).as("%s", k).isNotNegative();
          assertThat(read(seg.first(at))).containsExactly(e.getValue());
          assertThat(seg.hasSecond(at)).isEqualTo(seconds.containsKey(k));
          if (seconds.containsKey(k)) {
            assertThat(read(seg.second(at))).containsExactly(seconds.get(k));
          }
        }
      }
      assertThat(size(table)).isEqualTo(firsts.size());
    }
  }

  @Test
  void keysAreMatchedExactly() {
    Property.forAll(Gen.listOf(Gen.strings(0, 130), 1, 6))
        .tries(500)
        .check(
            strings -> {
              int size = 0;
              for (String s : strings) {
                size += Words.stringSize(s, Words.isAscii(s));
              }
              long[] words = new long[size];
              int at = 0;
              for (String s : strings) {
                int next = Words.writeString(words, at, s, Words.isAscii(s));
                assertThat(next - at).isEqualTo(Words.stringSize(s, Words.isAscii(s)));
                assertThat(Words.stringEquals(words, at, s)).isTrue();
                assertThat(Words.stringEquals(words, at, s + "a")).isFalse();
                if (!s.isEmpty()) {
                  String other = s.substring(0, s.length() - 1) + (char) (s.charAt(0) ^ 0x100);
                  assertThat(Words.stringEquals(words, at, other)).isEqualTo(other.equals(s));
                }
                at = next;
              }
            });
  }

  /** A field of a record: a number or a string. */
  record Field(long number, @Nullable String text) {}

  @Test
  void recordsReadBackAsWritten() {
    Gen<Field> field =
        Gen.oneOf(
            Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE).map(n -> new Field(n, null)),
            Gen.longs(-200, 200).map(n -> new Field(n, null)),
            Gen.strings(0, 130).map(t -> new Field(0, t)));
    Property.forAll(Gen.listOf(field, 0, 12))
        .tries(500)
        .check(
            fields -> {
              Words w = new Words(1);
              for (Field f : fields) {
                if (f.text() == null) {
                  w.put(f.number());
                } else {
                  w.putString(f.text());
                }
              }
              // Into an arena that held something else, at a word boundary, as the table does.
              long[] arena = new long[w.size() + 2];
              java.util.Arrays.fill(arena, -1L);
              w.copyTo(arena, 1);
              Words.Reader r = new Words.Reader(arena, 1, w.bytes());
              for (Field f : fields) {
                if (f.text() == null) {
                  assertThat(r.next()).isEqualTo(f.number());
                } else {
                  assertThat(r.nextString()).isEqualTo(f.text());
                }
              }
              assertThat(r.atEnd()).isTrue();
              assertThat(arena[0]).isEqualTo(-1L);
              assertThat(arena[arena.length - 1]).isEqualTo(-1L);
              for (int i = 0; i < w.size(); i++) {
                assertThat(arena[1 + i]).isEqualTo(w.get(i));
              }
            });
  }

  @Test
  void concurrentWritersKeepTheirEntries() throws Exception {
    // Large enough never to turn: every entry of every thread must be found, with its record.
    WordTable table = new WordTable(Long.MAX_VALUE, 1 << 22, 0);
    int threads = 4;
    int perThread = 20_000;
    inParallel(
        threads,
        perThread,
        (id, i, key) -> {
          assertThat(putIfAbsent(table, key, record(id, i), 0)).isNull();
          assertThat(get(table, key)).containsExactly(id, i);
        });
    assertThat(size(table)).isEqualTo(threads * perThread);
    for (int t = 0; t < threads; t++) {
      for (int i = 0; i < perThread; i += 97) {
        assertThat(get(table, "t" + t + "-" + i)).containsExactly(t, i);
      }
    }

    // Small enough to turn all the time: nothing breaks and memory stays bounded.
    WordTable small = new WordTable(Long.MAX_VALUE, 1_000, 0);
    putAndReadBack(small, threads, perThread);
    assertThat(size(small)).isLessThanOrEqualTo(1_000);

    // Large enough to count in batches (of 4 here), small enough to turn often: every answer is the
    // value put, and a generation runs over its half by less than a batch per segment. (A key just
    // put may be gone already: a thread paused between its put and its get can see two turns.)
    WordTable batched = new WordTable(Long.MAX_VALUE, 8_192, 0);
    putAndReadBack(batched, threads, perThread);
    assertThat(size(batched)).isLessThanOrEqualTo(8_192 + 64 * 3);
  }

  @Test
  void largeTablesCountInBatchesAndStillKeepTheWindow() {
    // Large enough that segments add their insertions to the shared count in batches: the count
    // lags behind the insertions, so generations may run a little fuller, never shorter.
    int capacity = 40_000;
    int half = capacity / 2;
    WordTable table = new WordTable(Long.MAX_VALUE, capacity, 0);
    for (int i = 0; i < 5 * capacity; i++) {
      assertThat(putIfAbsent(table, "k" + i, record(i, -i), 0)).isNull();
      if (i >= half) {
        int old = i - half;
        assertThat(get(table, "k" + old))
            .as("key %s after %s insertions", old, half)
            .containsExactly(old, -old);
      }
      if (i % 1_000 == 0) {
        // At most a batch short of a count per segment: 64 segments, batches of 16.
        assertThat(size(table)).isLessThanOrEqualTo(capacity + 64 * 15);
      }
    }
    assertThat(size(table)).isGreaterThanOrEqualTo(half);
  }

  /**
   * Has each thread put its keys and read each back at once: a key may be gone by then in a table
   * that turns, but what is found must be what was put.
   */
  private static void putAndReadBack(WordTable table, int threads, int perThread) throws Exception {
    inParallel(
        threads,
        perThread,
        (id, i, key) -> {
          putIfAbsent(table, key, record(id, i), 0);
          long[] found = get(table, key);
          if (found != null) {
            assertThat(found).containsExactly(id, i);
          }
        });
  }

  /** One thread's step {@code i} on its own key {@code "t<thread>-<i>"}. */
  @FunctionalInterface
  interface ThreadStep {
    void run(int thread, int i, String key);
  }

  private static void inParallel(int threads, int perThread, ThreadStep step) throws Exception {
    List<CompletableFuture<Void>> runs = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int id = t;
      runs.add(
          CompletableFuture.runAsync(
              () -> {
                for (int i = 0; i < perThread; i++) {
                  step.run(id, i, "t" + id + "-" + i);
                }
              }));
    }
    CompletableFuture.allOf(runs.toArray(new CompletableFuture<?>[0])).get();
  }
}
