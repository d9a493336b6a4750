package dev.omnichannel.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The runner checks its own shrinking: properties over properties. */
@ExtendWith(IsolatedSettings.class)
class ShrinkingProperties {

  /**
   * A range, a threshold in it other than the value nearest zero, and a seed for the inner run.
   * Values on the far side of the threshold (seen from the value nearest zero) fail.
   */
  record Case(int min, int max, int threshold, long seed) {
    boolean passes(int x) {
      return threshold > target(min, max) ? x < threshold : x > threshold;
    }
  }

  static int target(int min, int max) {
    return min > 0 ? min : max < 0 ? max : 0;
  }

  private static final Gen<Case> CASES =
      Gen.ints(-1_000_000, 1_000_000)
          .flatMap(
              min ->
                  Gen.ints(min + 1, min + 2_000_000)
                      .flatMap(
                          max ->
                              Gen.zip(
                                  Gen.ints(min, max).filter(t -> t != target(min, max)),
                                  Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE),
                                  (t, seed) -> new Case(min, max, t, seed))));

  @Test
  void integersShrinkExactlyToTheThreshold() {
    Property.forAll(CASES)
        .tries(60)
        .check(
            c -> {
              PropertyFailure failure =
                  catchThrowableOfType(
                      PropertyFailure.class,
                      () ->
                          Property.forAll(Gen.ints(c.min(), c.max()))
                              .seed(c.seed())
                              .checkThat(c::passes));
              // A threshold next to a bound may stay unfound in 200 tries: nothing to check then.
              Assumptions.assumeTrue(failure != null);
              assertThat(failure.shrunk()).isEqualTo(c.threshold());
            });
  }

  @Test
  void listsShrinkToTheOneElementAtTheThreshold() {
    Property.forAll(CASES)
        .tries(40)
        .check(
            c -> {
              PropertyFailure failure =
                  catchThrowableOfType(
                      PropertyFailure.class,
                      () ->
                          Property.forAll(Gen.listOf(Gen.ints(c.min(), c.max()), 0, 20))
                              .seed(c.seed())
                              .checkThat(list -> list.stream().allMatch(c::passes)));
              Assumptions.assumeTrue(failure != null);
              assertThat(failure.shrunk()).isEqualTo(List.of(c.threshold()));
            });
  }
}
