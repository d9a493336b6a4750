package dev.omnichannel.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
}
