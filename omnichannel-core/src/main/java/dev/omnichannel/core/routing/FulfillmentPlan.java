package dev.omnichannel.core.routing;

import com.google.common.collect.ImmutableList;
import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.OmnichannelStyle;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The decision of routing for one order: which nodes ship which lines, what it costs, when it
 * arrives, which lines cannot be served, and why.
 *
 * <p>Costs are in minor units of {@link #currency()}. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@OmnichannelStyle
public abstract class FulfillmentPlan {
  FulfillmentPlan() {}

  /** Returns a new builder; routing builds plans, hosts rarely need to. */
  public static ImmutableFulfillmentPlan.Builder builder() {
    return ImmutableFulfillmentPlan.builder();
  }

  /** Returns the order's id. */
  public abstract String orderId();

  /** Returns the order's channel. */
  public abstract ChannelId channel();

  /** Returns the label ("name vN") of the profile the plan was made by. */
  public abstract String profile();

  /** Returns how the plan was found. */
  public abstract SearchMethod method();

  /** Returns the shipments, by node id. */
  public abstract ImmutableList<Shipment> shipments();

  /** Returns the lines not served, in the order's line order. */
  public abstract ImmutableList<UnfulfilledLine> unfulfilled();

  /** Returns the plan's cost. */
  public abstract CostBreakdown cost();

  /** Returns the currency of every cost. */
  public abstract Currency currency();

  /**
   * Returns a lower bound on the cost of any feasible plan that serves at least as many lines as
   * this one: the cost of this plan minus this bound bounds how far it can be from the optimum.
   */
  public abstract long costLowerBound();

  /** Returns why the plan is what it is. */
  public abstract Explanation explanation();

  /** Returns the number of shipments. */
  public final int shipmentCount() {
    return shipments().size();
  }

  /** Returns the number of lines served. */
  public final int servedLines() {
    int n = 0;
    for (Shipment s : shipments()) {
      n += s.lines().size();
    }
    return n;
  }

  /** Returns whether every line is served. */
  public final boolean isComplete() {
    return unfulfilled().isEmpty();
  }

  /** Returns the latest delivery date of the shipments, if there are any. */
  public final Optional<LocalDate> estimatedDeliveryDate() {
    LocalDate latest = null;
    for (Shipment s : shipments()) {
      if (latest == null || s.deliveryDate().isAfter(latest)) {
        latest = s.deliveryDate();
      }
    }
    return Optional.ofNullable(latest);
  }

  /** Returns the earliest ship date of the shipments, if there are any. */
  public final Optional<LocalDate> estimatedShipDate() {
    LocalDate earliest = null;
    for (Shipment s : shipments()) {
      if (earliest == null || s.shipDate().isBefore(earliest)) {
        earliest = s.shipDate();
      }
    }
    return Optional.ofNullable(earliest);
  }
}
