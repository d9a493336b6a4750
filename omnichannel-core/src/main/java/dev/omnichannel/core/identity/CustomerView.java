package dev.omnichannel.core.identity;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.OmnichannelStyle;
import dev.omnichannel.core.order.Money;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One customer across channels, as a support agent or a marketer needs it: the golden record,
 * orders and returns by channel, lifetime value, return rate, and the first and last channel.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@OmnichannelStyle
public abstract class CustomerView {
  CustomerView() {}

  /** Returns the customer's golden record. */
  public abstract GoldenRecord golden();

  /** Returns the customer's orders and returns, each once, oldest first. */
  public abstract ImmutableList<CustomerEvent> events();

  /** Returns the number of orders per channel. */
  public abstract ImmutableSortedMap<ChannelId, Integer> ordersByChannel();

  /** Returns the number of returns per channel. */
  public abstract ImmutableSortedMap<ChannelId, Integer> returnsByChannel();

  /** Returns the lifetime value per ISO 4217 currency code: order values less refunded returns. */
  public abstract ImmutableMap<String, Money> lifetimeValue();

  /** Returns the number of orders on every channel. */
  @Value.Derived
  public int orders() {
    return ordersByChannel().values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Returns the number of returns on every channel. */
  @Value.Derived
  public int returns() {
    return returnsByChannel().values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Returns returns per order, 0 when there are no orders. */
  @Value.Derived
  public double returnRate() {
    return orders() == 0 ? 0 : (double) returns() / orders();
  }

  /** Returns the channel of the first order, or of the oldest record when there is no order. */
  public abstract Optional<ChannelId> firstChannel();

  /** Returns the channel of the latest order, or of the newest record when there is no order. */
  public abstract Optional<ChannelId> lastChannel();
}
