package dev.omnichannel.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.omnichannel.core.OmnichannelException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class PropertyTest {

  private static int sum(List<Integer> list) {
    return list.stream().mapToInt(Integer::intValue).sum();
  }

  private static PropertyFailure failureOf(ThrowingCallable run) {
    return catchThrowableOfType(PropertyFailure.class, run);
  }

  @Test
  void shrinksIntegerToTheSmallestFailingValue() {
    PropertyFailure failure =
        failureOf(() -> Property.forAll(Gen.ints(0, 1_000_000)).seed(7).checkThat(x -> x < 1000));

    assertThat(failure.shrunk()).isEqualTo(1000);
    assertThat((Integer) failure.original()).isGreaterThanOrEqualTo(1000);
    assertThat(failure.shrinkSteps()).isPositive();
    assertThat(failure.seed()).isEqualTo(7);
    assertThat(failure.getMessage())
        .contains("-Domnichannel.seed=7")
        .contains("shrunk counterexample:   1000")
        .contains("original counterexample: " + failure.original());
  }

  @Test
  void shrinksEveryIntegerToTheExactBoundaryWhateverTheSeed() {
    LongStream.range(0, 30)
        .forEach(
            seed -> {
              PropertyFailure below =
                  failureOf(
                      () ->
                          Property.forAll(Gen.ints(-1_000_000, 1_000_000))
                              .seed(seed)
                              .checkThat(x -> x > -1000));
              assertThat(below.shrunk()).as("seed %s", seed).isEqualTo(-1000);
              PropertyFailure positiveRange =
                  failureOf(
                      () ->
                          Property.forAll(Gen.longs(500, Long.MAX_VALUE))
                              .seed(seed)
                              .checkThat(x -> x < 7777));
              assertThat(positiveRange.shrunk()).as("seed %s", seed).isEqualTo(7777L);
            });
  }

  @Test
  void shrinksListWithTooBigSumToOneElement() {
    LongStream.range(0, 20)
        .forEach(
            seed -> {
              PropertyFailure failure =
                  failureOf(
                      () ->
                          Property.forAll(Gen.listOf(Gen.ints(0, 1000), 0, 30))
                              .seed(seed)
                              .check(list -> assertThat(sum(list)).isLessThan(100)));
              assertThat(failure.shrunk()).as("seed %s", seed).isEqualTo(List.of(100));
            });
  }

  @Test
  void shrunkListWithSmallElementsIsStillMinimalLocally() {
    // Elements below 100 cannot fail alone, so the result may keep several of them, but removing
    // or lowering any element makes the property pass.
    PropertyFailure failure =
        failureOf(
            () ->
                Property.forAll(Gen.listOf(Gen.ints(0, 40), 0, 50))
                    .seed(5)
                    .checkThat(list -> sum(list) < 100));
    @SuppressWarnings("unchecked")
    List<Integer> shrunk = (List<Integer>) failure.shrunk();
    assertThat(sum(shrunk)).isEqualTo(100);
    assertThat(shrunk).doesNotContain(0);
  }

  @Test
  void shrinksListElementsIndependently() {
    PropertyFailure failure =
        failureOf(
            () ->
                Property.forAll(Gen.listOf(Gen.ints(-1000, 1000), 0, 40))
                    .seed(21)
                    .checkThat(list -> list.stream().allMatch(x -> x < 100)));
    assertThat(failure.shrunk()).isEqualTo(List.of(100));
  }

  @Test
  void mappedValuesShrinkThroughTheirSource() {
    PropertyFailure failure =
        failureOf(
            () ->
                Property.forAll(Gen.ints(0, 100_000).map(i -> "n" + i))
                    .seed(2)
                    .checkThat(s -> s.length() < 4));
    assertThat(failure.shrunk()).isEqualTo("n100");
  }

  @Test
  void zippedValuesShrinkBothSides() {
    PropertyFailure failure =
        failureOf(
            () ->
                Property.forAll(Gen.zip(Gen.ints(0, 10_000), Gen.ints(0, 10_000), Map::entry))
                    .seed(4)
                    .checkThat(e -> e.getKey() < 100 || e.getValue() < 50));
    assertThat(failure.shrunk()).isEqualTo(Map.entry(100, 50));
  }

  @Test
  void flatMappedValuesShrinkTheOuterAndTheInnerValue() {
    Gen<List<Integer>> gen = Gen.ints(1, 10).flatMap(n -> Gen.listOf(Gen.ints(0, 100), n, n));
    PropertyFailure failure =
        failureOf(
            () ->
                Property.forAll(gen)
                    .seed(9)
                    .checkThat(list -> list.size() < 3 || list.get(2) < 50));
    assertThat(failure.shrunk()).isEqualTo(List.of(0, 0, 50));
  }

  @Test
  void filteredValuesShrinkOnlyToAcceptedValues() {
    PropertyFailure failure =
        failureOf(
            () ->
                Property.forAll(Gen.ints(0, 100_000).filter(x -> x % 2 == 1))
                    .seed(8)
                    .checkThat(x -> x < 1000));
    assertThat(failure.shrunk()).isEqualTo(1001);
  }

  @Test
  void exceptionsAreFailuresAndTheCauseIsKept() {
    PropertyFailure failure =
        failureOf(
            () ->
                Property.forAll(Gen.ints(0, 10_000))
                    .seed(3)
                    .check(
                        x -> {
                          if (x > 50) {
                            throw new IllegalStateException("too big: " + x);
                          }
                        }));
    assertThat(failure.shrunk()).isEqualTo(51);
    assertThat(failure.getCause())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("too big: 51");
    assertThat(failure.getMessage()).contains("IllegalStateException: too big: 51");
  }

  @Test
  void shrinkingKeepsTheKindOfFailure() {
    // Values from 10 on fail with an AssertionError, from 1000 on with an IllegalStateException.
    // Shrinking 5000 must stop at 1000: smaller values fail, but differently.
    Gen<Integer> fiveThousand =
        new Gen<>() {
          @Override
          public Integer generate(GenContext context) {
            return 5000;
          }

          @Override
          public Stream<Integer> shrink(Integer value) {
            return Gen.ints(0, 10_000).shrink(value);
          }
        };
    PropertyFailure failure =
        failureOf(
            () ->
                Property.forAll(fiveThousand)
                    .seed(1)
                    .check(
                        x -> {
                          if (x >= 1000) {
                            throw new IllegalStateException("broken at " + x);
                          }
                          assertThat(x).isLessThan(10);
                        }));
    assertThat(failure.original()).isEqualTo(5000);
    assertThat(failure.shrunk()).isEqualTo(1000);
    assertThat(failure.getCause()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void printedSeedRepeatsTheSameFailure() {
    Gen<List<Integer>> gen = Gen.listOf(Gen.ints(-500, 500), 0, 20);
    PropertyFailure first =
        failureOf(() -> Property.forAll(gen).checkThat(list -> sum(list) < 300));

    PropertyFailure again =
        failureOf(() -> Property.forAll(gen).seed(first.seed()).checkThat(l -> sum(l) < 300));
    assertThat(again.tryNumber()).isEqualTo(first.tryNumber());
    assertThat(again.original()).isEqualTo(first.original());
    assertThat(again.shrunk()).isEqualTo(first.shrunk());
    assertThat(again.shrinkSteps()).isEqualTo(first.shrinkSteps());
    assertThat(again.getMessage()).isEqualTo(first.getMessage());

    String previous = System.setProperty("omnichannel.seed", Long.toString(first.seed()));
    try {
      PropertyFailure fromProperty =
          failureOf(() -> Property.forAll(gen).checkThat(list -> sum(list) < 300));
      assertThat(fromProperty.seed()).isEqualTo(first.seed());
      assertThat(fromProperty.tryNumber()).isEqualTo(first.tryNumber());
      assertThat(fromProperty.original()).isEqualTo(first.original());
      assertThat(fromProperty.shrunk()).isEqualTo(first.shrunk());
    } finally {
      restore("omnichannel.seed", previous);
    }
  }

  @Test
  void sameSeedRepeatsTheSameValuesAndDifferentSeedsDiffer() {
    Gen<String> gen = Gen.zip(Gen.strings(0, 10), Gen.longs(-50, 50), (s, n) -> s + "/" + n);
    List<String> first = new ArrayList<>();
    List<String> second = new ArrayList<>();
    List<String> other = new ArrayList<>();
    Property.forAll(gen).seed(3).tries(50).check(first::add);
    Property.forAll(gen).seed(3).tries(50).check(second::add);
    Property.forAll(gen).seed(4).tries(50).check(other::add);
    assertThat(first).hasSize(50).isEqualTo(second).isNotEqualTo(other);
  }

  @Test
  void passingPropertyRunsTheDefaultNumberOfTries() {
    List<List<Integer>> seen = new ArrayList<>();
    Property.forAll(Gen.listOf(Gen.ints(-100, 100), 0, 20))
        .check(
            list -> {
              seen.add(list);
              List<Integer> reversed = new ArrayList<>(list);
              java.util.Collections.reverse(reversed);
              assertThat(sum(reversed)).isEqualTo(sum(list));
            });
    assertThat(seen).hasSize(Property.DEFAULT_TRIES);
  }

  @Test
  void triesComeFromCodeOrFromTheSystemProperty() {
    int[] count = {0};
    Property.forAll(Gen.booleans()).tries(17).check(b -> count[0]++);
    assertThat(count[0]).isEqualTo(17);

    String previous = System.setProperty("omnichannel.tries", "33");
    try {
      count[0] = 0;
      Property.forAll(Gen.booleans()).check(b -> count[0]++);
      assertThat(count[0]).isEqualTo(33);
      count[0] = 0;
      Property.forAll(Gen.booleans()).tries(5).check(b -> count[0]++);
      assertThat(count[0]).isEqualTo(5);
    } finally {
      restore("omnichannel.tries", previous);
    }
  }

  @Test
  void sizeGrowsFromSmallToLargeOverTheRun() {
    List<Integer> sizes = new ArrayList<>();
    Gen<Integer> size = GenContext::size;
    Property.forAll(size).tries(51).check(sizes::add);
    assertThat(sizes.get(0)).isEqualTo(GenContext.MIN_SIZE);
    assertThat(sizes.get(50)).isEqualTo(GenContext.MAX_SIZE);
    assertThat(sizes).isSorted();
  }

  @Test
  void earlyTriesAreSmall() {
    List<List<Integer>> lists = new ArrayList<>();
    Property.forAll(Gen.listOf(Gen.ints(0, 1_000_000), 0, 100)).seed(6).check(lists::add);
    assertThat(lists.get(0)).isEmpty();
    assertThat(lists.subList(0, 20)).allSatisfy(list -> assertThat(list).hasSizeLessThan(15));
    assertThat(lists.subList(180, 200).stream().mapToInt(List::size).max().orElseThrow())
        .isGreaterThan(50);
  }

  @Test
  void maxShrinksBoundsTheShrinking() {
    PropertyFailure unshrunk =
        failureOf(
            () ->
                Property.forAll(Gen.ints(0, 1_000_000))
                    .seed(7)
                    .maxShrinks(0)
                    .checkThat(x -> x < 1000));
    assertThat(unshrunk.shrunk()).isEqualTo(unshrunk.original());
    assertThat(unshrunk.shrinkSteps()).isZero();

    int[] runs = {0};
    PropertyFailure bounded =
        failureOf(
            () ->
                Property.forAll(Gen.ints(0, 1_000_000))
                    .seed(7)
                    .maxShrinks(5)
                    .checkThat(
                        x -> {
                          runs[0]++;
                          return x < 1000;
                        }));
    assertThat(bounded.tryNumber() + 5).isEqualTo(runs[0]);
    assertThat(bounded.shrinkSteps()).isBetween(1, 5);
  }

  @Test
  void tooStrictFilterFailsWithAClearMessage() {
    assertThatThrownBy(
            () -> Property.forAll(Gen.ints(0, 10).filter(x -> x > 10)).seed(1).check(x -> {}))
        .isInstanceOf(OmnichannelException.class)
        .isNotInstanceOf(PropertyFailure.class)
        .hasMessageContaining("try 1")
        .hasMessageContaining("-Domnichannel.seed=1")
        .hasMessageContaining("Gen.filter rejected 100 values in a row")
        .hasMessageContaining("Gen.ints(0, 10)")
        .hasMessageContaining("too strict");
  }

  @Test
  void failedAssumptionsDiscardValues() {
    List<Integer> checked = new ArrayList<>();
    Property.forAll(Gen.ints(0, 100))
        .seed(12)
        .check(
            x -> {
              Assumptions.assumeTrue(x % 2 == 0);
              checked.add(x);
            });
    assertThat(checked).isNotEmpty().allSatisfy(x -> assertThat(x % 2).isZero());

    assertThatThrownBy(
            () ->
                Property.forAll(Gen.ints(0, 100))
                    .tries(10)
                    .check(x -> Assumptions.assumeTrue(x < 0)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("discarded all 10 tries");
  }

  @Test
  void rejectsBadSettings() {
    Property.Runner<Integer> runner = Property.forAll(Gen.ints(0, 1));
    assertThatThrownBy(() -> runner.tries(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tries must be positive: 0");
    assertThatThrownBy(() -> runner.maxShrinks(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxShrinks must not be negative: -1");

    String previous = System.setProperty("omnichannel.seed", "abc");
    try {
      assertThatThrownBy(() -> Property.forAll(Gen.ints(0, 1)).check(x -> {}))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("omnichannel.seed must be a long: 'abc'");
    } finally {
      restore("omnichannel.seed", previous);
    }
  }

  static void restore(String key, String previous) {
    if (previous == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, previous);
    }
  }
}
