package dev.omnichannel.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.omnichannel.core.OmnichannelException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PropertyTest {

  @Test
  void shrinksIntegerToTheSmallestFailingValue() {
    PropertyFailure failure =
        catchThrowableOfType(
            PropertyFailure.class,
            () -> Property.forAll(Gen.ints(0, 1_000_000)).seed(7).checkThat(x -> x < 1000));

    assertThat(failure.shrunk()).isEqualTo(1000);
    assertThat((Integer) failure.original()).isGreaterThanOrEqualTo(1000);
    assertThat(failure.seed()).isEqualTo(7);
    assertThat(failure.getMessage()).contains("-Domnichannel.seed=7").contains("1000");
  }

  @Test
  void shrinksListWithBigSumToOneElement() {
    PropertyFailure failure =
        catchThrowableOfType(
            PropertyFailure.class,
            () ->
                Property.forAll(Gen.listOf(Gen.ints(0, 1000), 0, 30))
                    .seed(11)
                    .check(
                        list ->
                            assertThat(list.stream().mapToInt(Integer::intValue).sum())
                                .isLessThan(100)));

    assertThat(failure.shrunk()).isEqualTo(List.of(100));
  }

  @Test
  void sameSeedRepeatsTheSameValues() {
    List<Integer> first = new ArrayList<>();
    List<Integer> second = new ArrayList<>();
    Property.forAll(Gen.ints(-50, 50)).seed(3).tries(50).check(first::add);
    Property.forAll(Gen.ints(-50, 50)).seed(3).tries(50).check(second::add);
    assertThat(first).hasSize(50).isEqualTo(second);
  }

  @Test
  void tooStrictFilterFailsClearly() {
    assertThatThrownBy(
            () -> Property.forAll(Gen.ints(0, 10).filter(x -> x > 10)).seed(1).check(x -> {}))
        .isInstanceOf(OmnichannelException.class)
        .hasMessageContaining("too strict");
  }
}
