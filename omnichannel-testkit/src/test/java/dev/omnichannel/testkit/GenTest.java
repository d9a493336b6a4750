package dev.omnichannel.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GenTest {

  /** Draws {@code count} values from {@code gen} over all sizes with a fixed seed. */
  private static <T> List<T> sample(Gen<T> gen, int count) {
    List<T> values = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      values.add(gen.generate(GenContext.of(i * 31L + 7, i % (GenContext.MAX_SIZE + 1))));
    }
    return values;
  }

  private static final Gen<Map.Entry<Long, Long>> LONG_RANGES =
      Gen.zip(
          Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE),
          Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE),
          (a, b) -> Map.entry(Math.min(a, b), Math.max(a, b)));

  @Test
  void longsStayInAnyRangeAndShrinkTowardsTheValueNearestZero() {
    Property.forAll(LONG_RANGES.flatMap(r -> Gen.constant(r)))
        .seed(1)
        .check(
            range -> {
              long min = range.getKey();
              long max = range.getValue();
              long target = min > 0 ? min : Math.min(max, 0);
              Gen<Long> gen = Gen.longs(min, max);
              for (long value : sample(gen, 50)) {
                assertThat(value).isBetween(min, max);
                List<Long> candidates = gen.shrink(value).toList();
                if (value == target) {
                  assertThat(candidates).isEmpty();
                } else {
                  assertThat(candidates.get(0)).isEqualTo(target);
                  // Strictly closer to the target: between the target and the value.
                  assertThat(candidates)
                      .allSatisfy(
                          c -> {
                            if (value > target) {
                              assertThat(c).isGreaterThanOrEqualTo(target).isLessThan(value);
                            } else {
                              assertThat(c).isLessThanOrEqualTo(target).isGreaterThan(value);
                            }
                          });
                }
              }
            });
  }

  @Test
  void intsShrinkTowardsTheBoundNearestZero() {
    assertThat(Gen.ints(5, 10).shrink(9)).containsExactly(5, 7, 8);
    assertThat(Gen.ints(-10, -5).shrink(-9)).containsExactly(-5, -7, -8);
    assertThat(Gen.ints(-3, 3).shrink(-3)).containsExactly(0, -2);
    assertThat(Gen.ints(-3, 3).shrink(0)).isEmpty();
    assertThat(Gen.ints(0, 10).shrink(11)).as("outside the range").isEmpty();
    assertThat(Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE).shrink(Long.MIN_VALUE))
        .startsWith(0L, Long.MIN_VALUE / 2)
        .endsWith(Long.MIN_VALUE + 1);
  }

  @Test
  void intsHitBoundariesAndStaySmallAtSmallSizes() {
    List<Integer> values = sample(Gen.ints(-5, 1_000_000), 1000);
    assertThat(values).contains(-5, 1_000_000, 0, 1, -1).allMatch(v -> v >= -5 && v <= 1_000_000);
    for (int i = 0; i < 100; i++) {
      assertThat(Gen.ints(-1_000_000, 1_000_000).generate(GenContext.of(i, 0))).isZero();
      assertThat(Gen.ints(1000, 2000).generate(GenContext.of(i, 0))).isEqualTo(1000);
      assertThat(Gen.ints(-1_000_000, 1_000_000).generate(GenContext.of(i, 10))).isBetween(-3, 3);
    }
  }

  @Test
  void sameSeedGivesTheSameValues() {
    Gen<List<String>> gen = Gen.listOf(Gen.strings(0, 8), 0, 10);
    for (int size = 0; size <= GenContext.MAX_SIZE; size += 10) {
      assertThat(gen.generate(GenContext.of(99, size)))
          .isEqualTo(gen.generate(GenContext.of(99, size)));
    }
  }

  @Test
  void elementsAndBooleansShrinkTowardsEarlierValues() {
    Gen<String> letters = Gen.elements(List.of("a", "b", "c", "d"));
    assertThat(sample(letters, 200)).containsOnly("a", "b", "c", "d").contains("a", "d");
    assertThat(letters.shrink("d")).containsExactly("a", "c");
    assertThat(letters.shrink("a")).isEmpty();
    assertThat(letters.shrink("z")).isEmpty();
    assertThat(Gen.booleans().shrink(true)).containsExactly(false);
    assertThat(Gen.booleans().shrink(false)).isEmpty();
    assertThat(sample(Gen.booleans(), 100)).contains(true, false);
  }

  @Test
  void constantNeverChangesOrShrinks() {
    assertThat(sample(Gen.constant("x"), 20)).containsOnly("x");
    assertThat(Gen.constant("x").shrink("x")).isEmpty();
  }

  @Test
  void oneOfAndFrequencyPickEveryGeneratorByWeight() {
    List<Integer> values = sample(Gen.oneOf(Gen.ints(0, 9), Gen.ints(100, 109)), 300);
    assertThat(values).anyMatch(v -> v < 10).anyMatch(v -> v >= 100);

    Gen<String> weighted =
        Gen.frequency(
            List.of(
                Map.entry(3, Gen.constant("often")),
                Map.entry(1, Gen.constant("rarely")),
                Map.entry(0, Gen.constant("never"))));
    List<String> picks = sample(weighted, 4000);
    long often = picks.stream().filter("often"::equals).count();
    assertThat(picks).doesNotContain("never").contains("rarely");
    assertThat(often).isBetween(2700L, 3300L);

    assertThatThrownBy(() -> Gen.frequency(List.of(Map.entry(0, Gen.constant(1)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("at least one weight must be positive");
    assertThatThrownBy(() -> Gen.frequency(List.of(Map.entry(-1, Gen.constant(1)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("weight must not be negative: -1");
    assertThatThrownBy(() -> Gen.oneOf()).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void listsRespectTheirBoundsAndAreImmutable() {
    List<List<Integer>> lists = sample(Gen.listOf(Gen.ints(0, 9), 2, 6), 300);
    assertThat(lists).allSatisfy(l -> assertThat(l).hasSizeBetween(2, 6));
    assertThat(lists).anyMatch(l -> l.size() == 2).anyMatch(l -> l.size() == 6);
    assertThatThrownBy(() -> lists.get(0).add(1)).isInstanceOf(UnsupportedOperationException.class);
    assertThat(sample(Gen.listOf(Gen.ints(0, 9), 0, 50), 1)).containsExactly(List.of());
  }

  @Test
  void listsShrinkByChunksThenSinglesThenElements() {
    Gen<List<Integer>> gen = Gen.listOf(Gen.ints(0, 9), 0, 10);
    assertThat(gen.shrink(List.of(1, 2, 3, 4)))
        .startsWith(
            List.of(),
            List.of(3, 4),
            List.of(1, 2),
            List.of(2, 3, 4),
            List.of(1, 3, 4),
            List.of(1, 2, 4),
            List.of(1, 2, 3))
        .contains(List.of(0, 2, 3, 4), List.of(1, 2, 3, 2))
        .endsWith(List.of(1, 2, 3, 3));

    Gen<List<Integer>> atLeastThree = Gen.listOf(Gen.ints(0, 9), 3, 10);
    assertThat(atLeastThree.shrink(List.of(5, 6, 7, 8)))
        .allSatisfy(l -> assertThat(l).hasSizeGreaterThanOrEqualTo(3))
        .startsWith(List.of(6, 7, 8));
    assertThat(atLeastThree.shrink(List.of(0, 0, 0))).isEmpty();
  }

  @Test
  void stringsCountCodePointsAndDrawFromTheirAlphabet() {
    List<String> strings = sample(Gen.strings(1, 5), 2000);
    assertThat(strings)
        .allSatisfy(s -> assertThat(s.codePointCount(0, s.length())).isBetween(1, 5))
        .allSatisfy(GenTest::hasNoLoneSurrogate);
    Set<Integer> seen = new HashSet<>();
    strings.forEach(s -> s.codePoints().forEach(seen::add));
    assertThat(seen).contains((int) 'a', (int) '~', 0x130, 0x131, 0x20AC, 0x1F600);
    assertThat(seen).allMatch(cp -> cp >= 0x20 && cp != 0x7F);

    Gen<String> dna = Gen.strings("ACGT", 0, 20);
    assertThat(sample(dna, 300)).allMatch(s -> s.matches("[ACGT]*"));
    assertThat(dna.shrink("GT")).startsWith("").contains("AT", "CT", "GA", "GG");
    assertThat(Gen.strings(0, 3).shrink("\ud83d\ude00")).startsWith("").contains("a");
    assertThatThrownBy(() -> Gen.strings("", 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("alphabet must not be empty");
  }

  private static void hasNoLoneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        assertThat(Character.isLowSurrogate(s.charAt(++i))).isTrue();
      } else {
        assertThat(Character.isLowSurrogate(c)).isFalse();
      }
    }
  }

  @Test
  void bytesShrinkByTruncationRemovalAndZeroing() {
    Gen<byte[]> gen = Gen.bytes(1, 100);
    assertThat(sample(gen, 300)).allSatisfy(b -> assertThat(b.length).isBetween(1, 100));
    List<byte[]> candidates = gen.shrink(new byte[] {5, 6, 7}).toList();
    assertThat(candidates.get(0)).containsExactly(5);
    assertThat(candidates.get(1)).containsExactly(5, 6);
    assertThat(candidates).anySatisfy(b -> assertThat(b).containsExactly(0, 0, 0));
    assertThat(candidates).anySatisfy(b -> assertThat(b).containsExactly(6, 7));
    assertThat(candidates).anySatisfy(b -> assertThat(b).containsExactly(5, 3, 7));
    assertThat(gen.shrink(new byte[] {0})).isEmpty();

    PropertyFailure failure =
        catchThrowableOfType(
            PropertyFailure.class,
            () ->
                Property.forAll(Gen.bytes(0, 64))
                    .seed(10)
                    .checkThat(
                        bytes -> {
                          for (byte b : bytes) {
                            if (b >= 100) {
                              return false;
                            }
                          }
                          return true;
                        }));
    assertThat((byte[]) failure.shrunk()).containsExactly(100);
    assertThat(failure.getMessage()).contains("byte[1] {64}");
  }

  @Test
  void derivedGeneratorsCannotShrinkBareValuesButFilterCan() {
    assertThat(Gen.ints(0, 100).map(i -> i * 2).shrink(50)).isEmpty();
    assertThat(Gen.zip(Gen.ints(0, 9), Gen.ints(0, 9), Integer::sum).shrink(5)).isEmpty();
    assertThat(Gen.ints(0, 100).filter(i -> i % 2 == 0).shrink(9)).containsExactly(0, 8);
  }

  @Test
  void handWrittenGeneratorsWithoutShrinkStillReportFailures() {
    Gen<Integer> dice = context -> context.nextInt(1, 6);
    PropertyFailure failure =
        catchThrowableOfType(
            PropertyFailure.class, () -> Property.forAll(dice).seed(1).checkThat(x -> x < 6));
    assertThat(failure.shrunk()).isEqualTo(6).isEqualTo(failure.original());
    assertThat(failure.shrinkSteps()).isZero();
  }

  @Test
  void factoriesNameTheBrokenRule() {
    assertInvalid(() -> Gen.ints(5, 1), "minInclusive must not exceed maxInclusive: 5 > 1");
    assertInvalid(() -> Gen.longs(5, 1), "minInclusive must not exceed maxInclusive: 5 > 1");
    assertInvalid(() -> Gen.listOf(Gen.ints(0, 1), -1, 3), "minSize must not be negative: -1");
    assertInvalid(() -> Gen.listOf(Gen.ints(0, 1), 4, 3), "minSize must not exceed maxSize: 4 > 3");
    assertInvalid(() -> Gen.bytes(2, 1), "minLength must not exceed maxLength: 2 > 1");
    assertInvalid(() -> Gen.elements(List.of()), "values must not be empty");
  }

  private static void assertInvalid(Runnable factory, String message) {
    assertThatThrownBy(factory::run)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void toStringNamesTheGenerator() {
    assertThat(Gen.ints(0, 5).map(i -> i).filter(i -> true))
        .hasToString("Gen.ints(0, 5).map(..).filter(..)");
    assertThat(Gen.listOf(Gen.booleans(), 0, 1))
        .hasToString("Gen.listOf(Gen.elements([false, true]), 0, 1)");
  }
}
