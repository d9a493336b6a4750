package dev.omnichannel.core.routing;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A simple lane price: a base cost per shipment plus a cost per started kilogram. Immutable and
 * thread-safe.
 *
 * @param baseCost the cost of any shipment on the lane, in minor units
 * @param costPerKg the cost of each started kilogram, in minor units
 * @param transitDays days from shipping to delivery
 * @since 0.1.0
 */
public record RateCard(long baseCost, long costPerKg, int transitDays)
    implements ShippingCostModel.Lane {
  /**
   * Creates the rate card.
   *
   * @throws IllegalArgumentException if a cost or the transit days are negative
   */
  public RateCard {
    checkArgument(baseCost >= 0, "baseCost must not be negative: %s", baseCost);
    checkArgument(costPerKg >= 0, "costPerKg must not be negative: %s", costPerKg);
    checkArgument(transitDays >= 0, "transitDays must not be negative: %s", transitDays);
  }

  @Override
  public long cost(long weightGrams) {
    long kilos = weightGrams <= 0 ? 0 : (weightGrams + 999) / 1000;
    return baseCost + costPerKg * kilos;
  }
}
