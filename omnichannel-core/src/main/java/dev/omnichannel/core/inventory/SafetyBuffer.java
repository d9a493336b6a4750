package dev.omnichannel.core.inventory;

import static com.google.common.base.Preconditions.checkArgument;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Units withheld from what a channel is shown, to absorb the lag between a sale and the next
 * availability push: a fixed number of units, or a percentage of what the channel could take.
 * Immutable and thread-safe.
 *
 * @param units fixed units withheld, not negative (zero when {@code percent} is used)
 * @param percent percentage withheld, from 0 to 100 with at most two decimals (zero when {@code
 *     units} is used)
 * @since 0.1.0
 */
public record SafetyBuffer(long units, double percent) {
  private static final SafetyBuffer NONE = new SafetyBuffer(0, 0);

  /**
   * Creates the buffer.
   *
   * @throws IllegalArgumentException if a value is negative, the percentage is above 100 or both
   *     are set
   */
  public SafetyBuffer {
    checkArgument(units >= 0, "buffer must not be negative: %s", units);
    checkArgument(percent >= 0, "buffer must not be negative: %s%", percent);
    checkArgument(percent <= 100, "buffer must be at most 100%: %s%", percent);
    checkArgument(units == 0 || percent == 0, "buffer is either units or a percentage, not both");
    checkArgument(
        Math.abs(percent * 100 - Math.round(percent * 100)) < 1e-9,
        "buffer percentage has more than two decimals: %s%",
        percent);
  }

  /** Returns no buffer. */
  public static SafetyBuffer none() {
    return NONE;
  }

  /** Returns a buffer of {@code units} units. */
  public static SafetyBuffer units(long units) {
    return new SafetyBuffer(units, 0);
  }

  /** Returns a buffer of {@code percent} percent. */
  public static SafetyBuffer percent(double percent) {
    return new SafetyBuffer(0, percent);
  }

  /**
   * Returns what is left to publish of {@code takeable} units after the buffer, with a percentage
   * rounded by {@code rounding}. Exact: the percentage is applied in basis points with integer
   * arithmetic.
   */
  long apply(long takeable, RoundingMode rounding) {
    if (takeable <= 0) {
      return 0;
    }
    if (percent > 0) {
      long keepBasisPoints = 10_000 - Math.round(percent * 100);
      if (takeable > Long.MAX_VALUE / 10_000) {
        BigDecimal kept =
            BigDecimal.valueOf(takeable)
                .multiply(BigDecimal.valueOf(keepBasisPoints))
                .divide(BigDecimal.valueOf(10_000), 0, rounding);
        return Math.max(0, Math.min(takeable, kept.longValue()));
      }
      long product = takeable * keepBasisPoints;
      long quotient = product / 10_000;
      long remainder = product % 10_000;
      if (remainder != 0 && roundsUp(rounding, remainder, quotient)) {
        quotient++;
      }
      return Math.max(0, Math.min(takeable, quotient));
    }
    return Math.max(0, takeable - units);
  }

  /** Whether a positive quotient with a non-zero remainder (out of 10,000) rounds up. */
  private static boolean roundsUp(RoundingMode rounding, long remainder, long quotient) {
    return switch (rounding) {
      case UP, CEILING -> true;
      case DOWN, FLOOR, UNNECESSARY -> false;
      case HALF_UP -> remainder >= 5_000;
      case HALF_DOWN -> remainder > 5_000;
      case HALF_EVEN -> remainder > 5_000 || (remainder == 5_000 && (quotient & 1) == 1);
    };
  }
}
