package dev.omnichannel.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnichannel.core.Sku;
import dev.omnichannel.testkit.Gen;
import dev.omnichannel.testkit.Property;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The pool's SKU index behaves as an insertion-ordered map: every SKU added is found under its
 * first ordinal, nothing else is found, and each SKU's row of cells is its own.
 */
class SkuIndexProperties {
  private static final int CHANNELS = 3;
  private static final int NODES = 2;

  /**
   * "Aa" and "BB" share a hash code, as do every string built from them of equal length; keys of up
   * to 16 Latin-1 characters are kept in the slot, longer or wider ones compared as strings.
   */
  private static final Gen<String> KEYS =
      Gen.oneOf(
          Gen.strings("AaBB", 1, 6),
          Gen.strings("xyzé中-0", 1, 12),
          Gen.strings("q", 120, 128),
          // Around the 16 characters a slot holds inline, with the highest Latin-1 character.
          Gen.strings("AaBBÿ", 14, 18),
          Gen.strings(1, 40));

  private static SkuState create(Sku sku, int ordinal, long[] cells, int base) {
    return new SkuState(sku, NODES, CHANNELS, ordinal, cells, base);
  }

  @Test
  void behavesAsAnInsertionOrderedMap() {
    Gen<List<String>> keys = Gen.listOf(KEYS, 0, 300);
    Property.forAll(Gen.zip(keys, Gen.listOf(KEYS, 0, 30), (a, b) -> List.of(a, b)))
        .tries(300)
        .check(
            input -> {
              List<String> added = clean(input.get(0));
              List<String> probes = clean(input.get(1));
              SkuIndex index = new SkuIndex(CHANNELS, 1);
              Map<String, SkuState> model = new LinkedHashMap<>();
              for (String key : added) {
                SkuState state = index.computeIfAbsent(Sku.of(key), SkuIndexProperties::create);
                SkuState first = model.putIfAbsent(key, state);
                if (first != null) {
                  assertThat(state).as("re-adding %s", key).isSameAs(first);
                } else {
                  // Numbers written before later additions grow the table must move with it.
                  for (int c = 0; c < CHANNELS; c++) {
                    state.publish(c, state.ordinal * 10L + c + 1);
                  }
                }
              }
              assertThat(index.size()).isEqualTo(model.size());
              assertThat(index.values()).containsExactlyElementsOf(model.values());
              int ordinal = 0;
              for (Map.Entry<String, SkuState> e : model.entrySet()) {
                // A fresh Sku with a fresh String: found by value, not by identity.
                Sku copy = Sku.of(new String(e.getKey().toCharArray()));
                assertThat(index.find(copy)).as("ordinal of %s", e.getKey()).isEqualTo(ordinal);
                assertThat(index.get(copy)).isSameAs(e.getValue());
                assertThat(e.getValue().ordinal).isEqualTo(ordinal);
                for (int c = 0; c < CHANNELS; c++) {
                  assertThat(index.published(copy, c))
                      .as("channel %s of %s by value", c, e.getKey())
                      .isEqualTo(ordinal * 10L + c + 1);
                }
                ordinal++;
              }
              // A batch of known and unknown keys, colliding ones included, reads as one at a time.
              List<Sku> batch = new ArrayList<>();
              for (String key : added) {
                batch.add(Sku.of(key));
              }
              for (String probe : probes) {
                batch.add(batch.size() / 2, Sku.of(probe));
              }
              for (int c = 0; c < CHANNELS; c++) {
                long[] read = new long[batch.size()];
                index.published(batch, c, read);
                for (int i = 0; i < read.length; i++) {
                  assertThat(read[i])
                      .as("channel %s of %s in a batch", c, batch.get(i))
                      .isEqualTo(index.published(batch.get(i), c));
                }
              }
              for (String probe : probes) {
                assertThat(index.find(Sku.of(probe)) >= 0)
                    .as("found %s", probe)
                    .isEqualTo(model.containsKey(probe));
                if (!model.containsKey(probe)) {
                  assertThat(index.published(Sku.of(probe), 0)).isEqualTo(SkuIndex.LOOK_FURTHER);
                }
              }
              // Rows do not overlap: write a distinct value into every cell and read all back.
              List<SkuState> states = new ArrayList<>(model.values());
              for (SkuState s : states) {
                assertThat(s.nextExpiry()).isEqualTo(Long.MAX_VALUE);
                for (int c = 0; c < CHANNELS; c++) {
                  assertThat(s.published(c)).isEqualTo(s.ordinal * 10L + c + 1);
                  s.publish(c, s.ordinal * 10L + c);
                }
                s.nextExpiry(s.ordinal);
                for (int n = 0; n < NODES; n++) {
                  s.setOnHand(n, s.ordinal * 100L + n);
                  s.addReserved(n, s.ordinal * 100L + 10 + n);
                  s.addQuarantined(n, s.ordinal * 100L + 20 + n);
                  s.addInTransit(n, s.ordinal * 100L + 30 + n);
                }
                for (int c = 0; c < CHANNELS; c++) {
                  for (int i = 0; i <= (s.ordinal + c) % 4; i++) {
                    s.nextSequence(c);
                  }
                }
              }
              for (SkuState s : states) {
                assertThat(s.nextExpiry()).isEqualTo(s.ordinal);
                for (int n = 0; n < NODES; n++) {
                  assertThat(s.onHand(n)).isEqualTo(s.ordinal * 100L + n);
                  assertThat(s.reserved(n)).isEqualTo(s.ordinal * 100L + 10 + n);
                  assertThat(s.quarantined(n)).isEqualTo(s.ordinal * 100L + 20 + n);
                  assertThat(s.inTransit(n)).isEqualTo(s.ordinal * 100L + 30 + n);
                  assertThat(s.free(n)).isEqualTo(-10);
                }
                // Counters written, the key is still found by value.
                assertThat(index.find(Sku.of(new String(s.sku.value().toCharArray()))))
                    .isEqualTo(s.ordinal);
                for (int c = 0; c < CHANNELS; c++) {
                  assertThat(s.published(c)).isEqualTo(s.ordinal * 10L + c);
                  assertThat(s.sequence(c)).isEqualTo((s.ordinal + c) % 4 + 1);
                  // A hold may be due: a read by value must go and look.
                  assertThat(index.published(s.sku, c)).isEqualTo(SkuIndex.LOOK_FURTHER);
                }
                s.nextExpiry(Long.MAX_VALUE);
                assertThat(index.published(s.sku, CHANNELS - 1))
                    .isEqualTo(s.ordinal * 10L + CHANNELS - 1);
              }
            });
  }

  private static List<String> clean(List<String> raw) {
    List<String> keys = new ArrayList<>();
    for (String k : raw) {
      StringBuilder b = new StringBuilder();
      k.codePoints().filter(cp -> cp > ' ' && cp != 0x7f).forEach(b::appendCodePoint);
      if (b.length() > 0 && b.length() <= 128) {
        keys.add(b.toString());
      }
    }
    return keys;
  }

  @Test
  void growsAcrossChunksAndArenas() {
    SkuIndex index = new SkuIndex(CHANNELS, 16);
    int count = 3 * SkuIndex.CHUNK + 17;
    String pad = "p".repeat(100); // 100+ characters a key: several arena chunks
    for (int i = 0; i < count; i++) {
      index.computeIfAbsent(Sku.of(pad + i), SkuIndexProperties::create).publish(1, i);
    }
    assertThat(index.size()).isEqualTo(count);
    for (int i = 0; i < count; i++) {
      int ordinal = index.find(Sku.of(pad + i));
      assertThat(ordinal).isEqualTo(i);
      assertThat(index.state(ordinal).published(1)).isEqualTo(i);
      assertThat(SkuIndex.read(index.cells(ordinal), index.base(ordinal) + 2)).isEqualTo(i);
    }
    assertThat(index.find(Sku.of(pad + count))).isEqualTo(-1);
  }

  /**
   * Writers raise the numbers of a few SKUs while new SKUs make the table grow many times; a reader
   * by value must never see a number older than one a writer had finished writing before the read
   * began, and never miss a SKU.
   */
  @Test
  void readsByValueAreNeverStaleWhileTheTableGrows() throws InterruptedException {
    SkuIndex index = new SkuIndex(CHANNELS, 16);
    int hot = 64;
    Sku[] skus = new Sku[hot];
    SkuState[] states = new SkuState[hot];
    for (int i = 0; i < hot; i++) {
      skus[i] = Sku.of("H" + i);
      states[i] = index.computeIfAbsent(skus[i], SkuIndexProperties::create);
    }
    AtomicLongArray written = new AtomicLongArray(hot);
    AtomicBoolean done = new AtomicBoolean();
    AtomicReference<String> failure = new AtomicReference<>();
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < 2; w++) {
      int first = w;
      threads.add(
          new Thread(
              () -> {
                for (long n = 1; !done.get(); n++) {
                  for (int i = first; i < hot; i += 2) {
                    SkuState s = states[i];
                    s.lock();
                    try {
                      s.publish(1, n);
                    } finally {
                      s.unlock();
                    }
                    written.set(i, n);
                  }
                }
              }));
    }
    threads.add(
        new Thread(
            () -> {
              for (int r = 0; !done.get() && failure.get() == null; r++) {
                int i = r % hot;
                long before = written.get(i);
                long seen = index.published(Sku.of("H" + i), 1);
                if (seen < before) {
                  failure.set("H" + i + " read " + seen + " after " + before + " was written");
                }
              }
            }));
    threads.forEach(Thread::start);
    for (int i = 0; i < 200_000 && failure.get() == null; i++) {
      index.computeIfAbsent(Sku.of("N" + i), SkuIndexProperties::create);
    }
    done.set(true);
    for (Thread t : threads) {
      t.join();
    }
    assertThat(failure.get()).isNull();
    for (int i = 0; i < hot; i++) {
      assertThat(index.published(skus[i], 1)).isEqualTo(written.get(i));
    }
  }

  @Test
  void readersNeverMissWhatWasAddedBeforeThem() throws InterruptedException {
    SkuIndex index = new SkuIndex(CHANNELS, 16);
    int count = 60_000;
    AtomicInteger added = new AtomicInteger();
    AtomicReference<String> failure = new AtomicReference<>();
    Thread reader =
        new Thread(
            () -> {
              int i = 0;
              while (added.get() < count && failure.get() == null) {
                int known = added.get();
                if (known == 0) {
                  continue;
                }
                i = (i + 7919) % known;
                int ordinal = index.find(Sku.of("S" + i));
                if (ordinal != i || index.state(ordinal).published(0) != i) {
                  failure.set("S" + i + " found at " + ordinal + " with " + known + " added");
                }
              }
            });
    reader.start();
    for (int i = 0; i < count; i++) {
      index.computeIfAbsent(Sku.of("S" + i), SkuIndexProperties::create).publish(0, i);
      added.set(i + 1);
    }
    reader.join();
    assertThat(failure.get()).isNull();
  }
}
