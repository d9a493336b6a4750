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
 * @param percent percentage withheld, from 0 to 100 (zero when {@code units} is used)
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
   * rounded by {@code rounding}.
   */
  long apply(long takeable, RoundingMode rounding) {
    if (takeable <= 0) {
      return 0;
    }
    if (percent > 0) {
      BigDecimal kept =
          BigDecimal.valueOf(takeable)
              .multiply(BigDecimal.valueOf(100).subtract(BigDecimal.valueOf(percent)))
              .divide(BigDecimal.valueOf(100), 0, rounding);
      return Math.max(0, Math.min(takeable, kept.longValue()));
    }
    return Math.max(0, takeable - units);
  }
}
