package dev.omnichannel.core.inventory;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * A correction of the units on hand, as a cycle count finds them: set to a counted number, or
 * changed by a delta. Immutable and thread-safe.
 *
 * @param absolute {@code true} to set on hand to {@code value}, {@code false} to add {@code value}
 * @param value the counted units (not negative) or the signed delta (not zero)
 * @param reason why, as the host records it (a count id, "damaged in aisle 4")
 * @since 0.1.0
 */
public record Adjustment(boolean absolute, long value, String reason) {
  /**
   * Creates the adjustment.
   *
   * @throws IllegalArgumentException if a count is negative, a delta is zero or {@code reason} is
   *     blank
   */
  public Adjustment {
    checkNotNull(reason, "reason");
    checkArgument(!reason.isBlank(), "an adjustment needs a reason");
    if (absolute) {
      checkArgument(value >= 0, "a counted quantity must not be negative: %s", value);
    } else {
      checkArgument(value != 0, "a delta must not be zero");
      checkArgument(value != Long.MIN_VALUE, "delta out of range: %s", value);
    }
  }

  /** Returns an adjustment that sets on hand to {@code counted}. */
  public static Adjustment setTo(long counted, String reason) {
    return new Adjustment(true, counted, reason);
  }

  /** Returns an adjustment that adds {@code delta} (negative to remove) to on hand. */
  public static Adjustment delta(long delta, String reason) {
    return new Adjustment(false, delta, reason);
  }
}
