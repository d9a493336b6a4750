package dev.omnichannel.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnichannel.testkit.Gen;
import dev.omnichannel.testkit.Property;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The forgetting map behind idempotency keys and settled reservations keeps what it promises: an
 * entry stays for at least the next {@code capacity / 2} insertions or half the retention,
 * whichever ends first; a present key is never replaced; memory stays within the capacity.
 */
class GenerationsProperties {
  /** One insertion: a key drawn from a small range, so that keys repeat, after a pause. */
  record Put(int key, long pauseMillis) {}

  record Case(int capacity, long retentionMillis, List<Put> puts) {}

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
              Generations<Integer, String> map =
                  new Generations<>(c.retentionMillis(), c.capacity(), now);
              // What the model knows: when each present key went in, and how many went in after.
              List<Integer> keys = new ArrayList<>();
              List<Long> times = new ArrayList<>();
              List<String> values = new ArrayList<>();
              int half = Math.max(1, c.capacity() / 2);
              long halfRetention = Math.max(1, c.retentionMillis() / 2);
              for (int i = 0; i < c.puts().size(); i++) {
                Put p = c.puts().get(i);
                now += p.pauseMillis();
                String value = "v" + i;
                String previous = map.putIfAbsent(p.key(), value, now);
                int known = keys.lastIndexOf(p.key());
                if (previous != null) {
                  assertThat(known).as("returned a value for a key never put").isNotNegative();
                  assertThat(previous).isEqualTo(values.get(known));
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
                  values.add(value);
                }
                assertThat(map.values().size()).isLessThanOrEqualTo(2 * half);
                // Every entry still inside its window is there, with its first value.
                for (int k = 0; k < keys.size(); k++) {
                  if (keys.lastIndexOf(keys.get(k)) != k) {
                    continue; // forgotten and put again since
                  }
                  long after = keys.size() - 1L - k;
                  if (after <= half && now - times.get(k) < halfRetention) {
                    assertThat(map.get(keys.get(k)))
                        .as(
                            "key %s after %s insertions and %s ms",
                            keys.get(k), after, now - times.get(k))
                        .isEqualTo(values.get(k));
                  }
                }
              }
            });
  }
}
