package dev.omnichannel.core.routing;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * A scored criterion with its weight in a profile. Immutable and thread-safe.
 *
 * @param criterion the criterion
 * @param weight its weight, not negative
 * @since 0.1.0
 */
public record WeightedCriterion(ScoredCriterion criterion, double weight) {
  /**
   * Creates the pair.
   *
   * @throws IllegalArgumentException if the weight is negative or not a finite number
   */
  public WeightedCriterion {
    checkNotNull(criterion, "criterion");
    checkArgument(
        weight >= 0 && Double.isFinite(weight),
        "weight of %s must be finite and not negative: %s",
        criterion.name(),
        weight);
  }

  /** Returns {@code criterion} with {@code weight}. */
  public static WeightedCriterion of(ScoredCriterion criterion, double weight) {
    return new WeightedCriterion(criterion, weight);
  }
}
