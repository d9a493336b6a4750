package dev.omnichannel.core.order;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.OmnichannelStyle;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The canonical order: what a webhook, a marketplace API or an EDI 850 becomes before routing.
 *
 * <p>Immutable and thread-safe; build with {@link #builder()}.
 *
 * @since 0.1.0
 */
@Value.Immutable
@OmnichannelStyle
public abstract class Order {
  Order() {}

  /** Returns a new builder. */
  public static ImmutableOrder.Builder builder() {
    return ImmutableOrder.builder();
  }

  /**
   * Returns the order's id, unique per channel (a channel order number, an EDI BEG03 PO number).
   */
  public abstract String orderId();

  /** Returns the channel the order came from. */
  public abstract ChannelId channel();

  /** Returns the lines, in the channel's order; at least one, with unique line ids. */
  public abstract ImmutableList<OrderLine> lines();

  /** Returns where the order ships to. */
  public abstract PostalAddress shipTo();

  /** Returns how fast the customer asked for delivery. */
  @Value.Default
  public ServiceLevel serviceLevel() {
    return ServiceLevel.STANDARD;
  }

  /** Returns when the order was placed, if known. */
  public abstract Optional<Instant> placedAt();

  /** Returns the date the goods are requested to arrive by, if any. */
  public abstract Optional<LocalDate> requestedDeliveryDate();

  /** Returns the date the goods are requested to ship by, if any. */
  public abstract Optional<LocalDate> requestedShipDate();

  /** Returns the channel's customer reference, if any. */
  public abstract Optional<String> customerReference();

  /** Returns free attributes the channel sent that the core does not interpret. */
  public abstract ImmutableMap<String, String> attributes();

  /**
   * Returns the order value: the sum of line prices when every line has a price in one currency,
   * otherwise empty.
   */
  @Value.Derived
  @Value.Auxiliary
  public Optional<Money> orderValue() {
    Money total = null;
    for (OrderLine line : lines()) {
      Optional<Money> price = line.unitPrice();
      if (price.isEmpty()) {
        return Optional.empty();
      }
      Money extended = price.get().times(line.quantity());
      if (total != null && !total.currency().equals(extended.currency())) {
        return Optional.empty();
      }
      total = total == null ? extended : total.plus(extended);
    }
    return Optional.ofNullable(total);
  }

  @Value.Check
  void check() {
    if (lines().isEmpty()) {
      throw new IllegalArgumentException("order " + orderId() + " has no lines");
    }
    Set<String> seen = new HashSet<>();
    for (OrderLine line : lines()) {
      if (!seen.add(line.lineId())) {
        throw new IllegalArgumentException(
            "order " + orderId() + " repeats line id " + line.lineId());
      }
    }
  }
}
