package dev.omnichannel.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnichannel.testkit.Gen;
import dev.omnichannel.testkit.Property;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The integer arithmetic of percentage buffers equals exact decimal arithmetic. */
class SafetyBufferProperties {
  private static final List<RoundingMode> MODES =
      List.of(
          RoundingMode.FLOOR,
          RoundingMode.CEILING,
          RoundingMode.UP,
          RoundingMode.DOWN,
          RoundingMode.HALF_UP,
          RoundingMode.HALF_DOWN,
          RoundingMode.HALF_EVEN);

  record Case(long takeable, int basisPoints, RoundingMode mode) {}

  @Test
  void percentBufferIsExact() {
    Gen<Long> takeable =
        Gen.oneOf(
            Gen.longs(0, 1_000),
            Gen.longs(0, Long.MAX_VALUE / 10_000),
            Gen.longs(Long.MAX_VALUE / 10_000 - 5, Long.MAX_VALUE));
    Gen<Case> cases =
        Gen.zip(
            Gen.zip(takeable, Gen.ints(1, 10_000), (t, bp) -> new long[] {t, bp}),
            Gen.elements(MODES),
            (tb, mode) -> new Case(tb[0], (int) tb[1], mode));
    Property.forAll(cases)
        .tries(2_000)
        .check(
            c -> {
              SafetyBuffer buffer = SafetyBuffer.percent(c.basisPoints() / 100.0);
              BigDecimal exact =
                  BigDecimal.valueOf(c.takeable())
                      .multiply(BigDecimal.valueOf(10_000 - c.basisPoints()))
                      .divide(BigDecimal.valueOf(10_000), 0, c.mode());
              long expected = Math.max(0, Math.min(c.takeable(), exact.longValue()));
              assertThat(buffer.apply(c.takeable(), c.mode())).as("%s", c).isEqualTo(expected);
            });
  }
}
