package dev.omnichannel.core.routing;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The difference between routing orders under their live profile and under a shadow profile,
 * without reserving anything. Immutable and thread-safe.
 *
 * @param orders one comparison per order routed under both
 * @param skipped ids of orders with no shadow profile for their channel
 * @since 0.1.0
 */
public record ShadowReport(ImmutableList<Comparison> orders, ImmutableList<String> skipped) {
  /** Creates the report. */
  public ShadowReport {
    checkNotNull(orders, "orders");
    checkNotNull(skipped, "skipped");
  }

  /** Returns the shadow total cost minus the live total cost. */
  public long costDifference() {
    long d = 0;
    for (Comparison c : orders) {
      d += c.costDifference();
    }
    return d;
  }

  /** Returns the shadow shipment count minus the live shipment count, over all orders. */
  public long shipmentDifference() {
    long d = 0;
    for (Comparison c : orders) {
      d += c.shipmentDifference();
    }
    return d;
  }

  /** Returns how many orders the shadow profile would deliver later than the live one. */
  public long laterDeliveries() {
    return orders.stream().filter(c -> c.deliveryDaysDifference().orElse(0L) > 0).count();
  }

  /** Returns how many orders the shadow profile would deliver earlier than the live one. */
  public long earlierDeliveries() {
    return orders.stream().filter(c -> c.deliveryDaysDifference().orElse(0L) < 0).count();
  }

  /**
   * One order under both profiles.
   *
   * @param orderId the order
   * @param live the plan under the live profile
   * @param shadow the plan under the shadow profile
   * @since 0.1.0
   */
  public record Comparison(String orderId, FulfillmentPlan live, FulfillmentPlan shadow) {
    /** Creates the comparison. */
    public Comparison {
      checkNotNull(orderId, "orderId");
      checkNotNull(live, "live");
      checkNotNull(shadow, "shadow");
    }

    /** Returns the shadow cost minus the live cost. */
    public long costDifference() {
      return shadow.cost().total() - live.cost().total();
    }

    /** Returns the shadow shipments minus the live shipments. */
    public int shipmentDifference() {
      return shadow.shipmentCount() - live.shipmentCount();
    }

    /** Returns the shadow served lines minus the live served lines. */
    public int servedLinesDifference() {
      return shadow.servedLines() - live.servedLines();
    }

    /**
     * Returns the days the shadow plan's last delivery comes after the live one's (negative when
     * earlier), when both deliver something.
     */
    public Optional<Long> deliveryDaysDifference() {
      Optional<LocalDate> a = live.estimatedDeliveryDate();
      Optional<LocalDate> b = shadow.estimatedDeliveryDate();
      if (a.isEmpty() || b.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(ChronoUnit.DAYS.between(a.get(), b.get()));
    }
  }
}
