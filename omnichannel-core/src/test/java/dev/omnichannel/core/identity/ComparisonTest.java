package dev.omnichannel.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnichannel.core.ChannelId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ComparisonTest {
  /**
   * The early exit never changes a decision: above the floor the vector is the full comparison,
   * below it the pair is reported below.
   */
  @Test
  void compareAtLeastGivesTheFullVectorOrBelow() {
    List<CustomerRecord> records = SyntheticPeople.generate(60, new Random(7));
    IdentityConfig config = IdentityConfig.defaults();
    Normalizer normalizer = new Normalizer(config);
    NormalizedRecord[] norms = new NormalizedRecord[records.size()];
    for (int i = 0; i < norms.length; i++) {
      norms[i] = normalizer.normalize(records.get(i));
    }
    int below = 0;
    int above = 0;
    for (MatchModel model :
        List.of(MatchModel.defaults(), IdentityGraph.estimate(records, config))) {
      for (double floor : new double[] {-20, -5, 0, MatchModel.weightOf(0.9), 15, 100}) {
        for (NormalizedRecord a : norms) {
          for (NormalizedRecord b : norms) {
            long full = Comparison.compare(a, b);
            long bounded = Comparison.compareAtLeast(a, b, model, floor);
            if (model.score(full) >= floor) {
              assertThat(bounded).isEqualTo(full);
              above++;
            } else {
              assertThat(bounded).isEqualTo(Comparison.BELOW);
              below++;
            }
          }
        }
      }
    }
    assertThat(below).isPositive();
    assertThat(above).isPositive();
  }

  /** Packed dates of birth compare exactly as the text does. */
  @Test
  void packedDatesOfBirthCompareAsText() {
    Random random = new Random(11);
    Normalizer normalizer = new Normalizer(IdentityConfig.defaults());
    List<NormalizedRecord> norms = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      StringBuilder digits =
          new StringBuilder(
              String.format(
                  Locale.ROOT,
                  "%04d%02d%02d",
                  1990 + random.nextInt(3),
                  1 + random.nextInt(3),
                  1 + random.nextInt(3)));
      // Typos: a digit changed, neighbours swapped, day and month swapped.
      int p = random.nextInt(7);
      switch (random.nextInt(4)) {
        case 0 -> digits.setCharAt(p, (char) ('0' + random.nextInt(10)));
        case 1 -> {
          char c = digits.charAt(p);
          digits.setCharAt(p, digits.charAt(p + 1));
          digits.setCharAt(p + 1, c);
        }
        case 2 -> digits.replace(4, 8, digits.substring(6, 8) + digits.substring(4, 6));
        default -> {}
      }
      CustomerRecord record =
          CustomerRecord.builder()
              .channel(ChannelId.of("web"))
              .customerId("c" + i)
              .updatedAt(Instant.EPOCH)
              .dateOfBirth(digits.toString())
              .build();
      norms.add(normalizer.normalize(record));
    }
    int close = 0;
    for (NormalizedRecord a : norms) {
      for (NormalizedRecord b : norms) {
        int level = Comparison.level(Comparison.compare(a, b), Field.DATE_OF_BIRTH);
        assertThat(level).isEqualTo(Comparison.dateOfBirth(a.dob, b.dob));
        if (level == Comparison.CLOSE) {
          close++;
        }
      }
    }
    assertThat(close).isPositive();
  }
}
