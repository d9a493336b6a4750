package dev.omnichannel.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GenContextTest {

  @Test
  void boundsAreInclusiveOnBothEnds() {
    GenContext context = GenContext.of(1, 50);
    Set<Integer> ints = new HashSet<>();
    Set<Long> longs = new HashSet<>();
    for (int i = 0; i < 500; i++) {
      ints.add(context.nextInt(-1, 1));
      longs.add(context.nextLong(Long.MAX_VALUE - 1, Long.MAX_VALUE));
    }
    assertThat(ints).containsExactlyInAnyOrder(-1, 0, 1);
    assertThat(longs).containsExactlyInAnyOrder(Long.MAX_VALUE - 1, Long.MAX_VALUE);
    assertThat(context.nextInt(7, 7)).isEqualTo(7);
    Set<Integer> signs = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      signs.add(Long.signum(context.nextLong(Long.MIN_VALUE, Long.MAX_VALUE)));
    }
    assertThat(signs).contains(-1, 1);
    assertThat(context.nextLong(Long.MIN_VALUE, Long.MIN_VALUE + 1))
        .isBetween(Long.MIN_VALUE, Long.MIN_VALUE + 1);
  }

  @Test
  void choosesEveryElementAndFlipsBothWays() {
    GenContext context = GenContext.of(new SplittableRandom(2), 0);
    Set<String> chosen = new HashSet<>();
    Set<Boolean> flips = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      chosen.add(context.choose(List.of("x", "y", "z")));
      flips.add(context.nextBoolean());
    }
    assertThat(chosen).containsExactlyInAnyOrder("x", "y", "z");
    assertThat(flips).containsExactlyInAnyOrder(true, false);
    assertThat(context.size()).isZero();
    assertThat(context.random()).isInstanceOf(SplittableRandom.class);
  }

  @Test
  void sameSeedSameDraws() {
    GenContext a = GenContext.of(42, 10);
    GenContext b = GenContext.of(42, 10);
    for (int i = 0; i < 20; i++) {
      assertThat(a.nextLong(0, 1_000_000)).isEqualTo(b.nextLong(0, 1_000_000));
    }
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> GenContext.of(1, 101))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("size must be between 0 and 100: 101");
    GenContext context = GenContext.of(1, 0);
    assertThatThrownBy(() -> context.nextInt(2, 1)).hasMessage("min must not exceed max: 2 > 1");
    assertThatThrownBy(() -> context.choose(List.of())).hasMessage("values must not be empty");
  }
}
