package dev.omnichannel.core.identity;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.order.Money;
import dev.omnichannel.core.order.Order;
import java.time.Instant;
import java.util.Optional;

/**
 * An order or a return a channel reported for a customer record; the cross-channel view sums them.
 * Events with the same kind, channel and reference count once, however many records carry them.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind whether the customer bought or returned
 * @param channel the channel the order or return happened on
 * @param reference the channel's order or return number
 * @param amount the order value, or the refunded value of a return (positive)
 * @param at when it happened
 * @since 0.1.0
 */
public record CustomerEvent(
    CustomerEvent.Kind kind, ChannelId channel, String reference, Money amount, Instant at) {

  /**
   * What happened.
   *
   * @since 0.1.0
   */
  public enum Kind {
    /** The customer placed an order. */
    ORDER,
    /** The customer returned goods. */
    RETURN
  }

  /** Creates the event. */
  public CustomerEvent {
    checkNotNull(kind, "kind must not be null");
    checkNotNull(channel, "channel must not be null");
    checkNotNull(reference, "reference must not be null");
    checkNotNull(amount, "amount must not be null");
    checkNotNull(at, "at must not be null");
    checkArgument(!reference.isEmpty(), "reference must not be empty");
    checkArgument(amount.amount().signum() >= 0, "amount must not be negative: %s", amount);
  }

  /** Returns an order event. */
  public static CustomerEvent order(ChannelId channel, String orderId, Money value, Instant at) {
    return new CustomerEvent(Kind.ORDER, channel, orderId, value, at);
  }

  /** Returns a return event. */
  public static CustomerEvent returned(
      ChannelId channel, String returnId, Money refunded, Instant at) {
    return new CustomerEvent(Kind.RETURN, channel, returnId, refunded, at);
  }

  /**
   * Returns the order event of a canonical {@link Order}, or empty when the order has no value in
   * one currency or no placement time.
   */
  public static Optional<CustomerEvent> of(Order order) {
    Optional<Money> value = order.orderValue();
    Optional<Instant> placed = order.placedAt();
    if (value.isEmpty() || placed.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(order(order.channel(), order.orderId(), value.get(), placed.get()));
  }
}
