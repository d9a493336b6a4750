package dev.omnichannel.core.routing;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.omnichannel.core.OmnichannelStyle;
import dev.omnichannel.core.inventory.AvailabilitySnapshot;
import dev.omnichannel.core.order.Order;
import dev.omnichannel.core.order.OrderLine;
import java.util.HashSet;
import java.util.Set;
import org.immutables.value.Value;

/**
 * One order to route: the order, the availability snapshot to plan on, the profile to plan by, and
 * which lines form kits that must ship together.
 *
 * <p>Immutable and thread-safe; build with {@link #builder()} or {@link #of}.
 *
 * @since 0.1.0
 */
@Value.Immutable
@OmnichannelStyle
public abstract class RoutingRequest {
  RoutingRequest() {}

  /** Returns a new builder. */
  public static ImmutableRoutingRequest.Builder builder() {
    return ImmutableRoutingRequest.builder();
  }

  /** Returns a request for {@code order} on {@code snapshot} by {@code profile}, without kits. */
  public static RoutingRequest of(
      Order order, AvailabilitySnapshot snapshot, RoutingProfile profile) {
    return builder().order(order).snapshot(snapshot).profile(profile).build();
  }

  /** Returns the order. */
  public abstract Order order();

  /** Returns the availability the plan may use, read for the order's channel. */
  public abstract AvailabilitySnapshot snapshot();

  /** Returns the profile the order is routed by. */
  public abstract RoutingProfile profile();

  /**
   * Returns the kits: each a set of line ids that ship together from one node when the profile
   * keeps kits together. A line belongs to at most one kit.
   */
  public abstract ImmutableList<ImmutableSet<String>> kits();

  /** Returns a copy routed by {@code profile} instead. */
  public abstract RoutingRequest withProfile(RoutingProfile profile);

  /** Returns a copy planned on {@code snapshot} instead. */
  public abstract RoutingRequest withSnapshot(AvailabilitySnapshot snapshot);

  @Value.Check
  void check() {
    Set<String> lineIds = new HashSet<>();
    for (OrderLine line : order().lines()) {
      lineIds.add(line.lineId());
    }
    Set<String> inKit = new HashSet<>();
    for (ImmutableSet<String> kit : kits()) {
      if (kit.isEmpty()) {
        throw new IllegalArgumentException("order " + order().orderId() + " has an empty kit");
      }
      for (String id : kit) {
        if (!lineIds.contains(id)) {
          throw new IllegalArgumentException(
              "kit of order " + order().orderId() + " names unknown line " + id);
        }
        if (!inKit.add(id)) {
          throw new IllegalArgumentException(
              "line " + id + " of order " + order().orderId() + " is in two kits");
        }
      }
    }
    if (!profile().channel().equals(order().channel())) {
      throw new IllegalArgumentException(
          "profile "
              + profile().label()
              + " is for channel "
              + profile().channel()
              + ", the order comes from "
              + order().channel());
    }
  }
}
