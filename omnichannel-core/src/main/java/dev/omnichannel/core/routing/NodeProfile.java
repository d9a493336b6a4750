package dev.omnichannel.core.routing;

import com.google.common.collect.ImmutableSet;
import dev.omnichannel.core.NodeId;
import dev.omnichannel.core.OmnichannelStyle;
import dev.omnichannel.core.order.GeoPoint;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * What routing knows about a fulfillment node: where it is, which countries it ships to, what it
 * can do for which channel type, how much more it can ship today, when its cut-off is, and what
 * picking costs there.
 *
 * <p>Costs are in minor units (cents) of the network's currency. Immutable and thread-safe; build
 * with {@link #builder()}.
 *
 * @since 0.1.0
 */
@Value.Immutable
@OmnichannelStyle
public abstract class NodeProfile {
  private static final int CALENDAR_HORIZON_DAYS = 366;

  NodeProfile() {}

  /** Returns a new builder. */
  public static ImmutableNodeProfile.Builder builder() {
    return ImmutableNodeProfile.builder();
  }

  /** Returns the node's id, as the pool knows it. */
  public abstract NodeId id();

  /** Returns where the node is. */
  public abstract GeoPoint location();

  /** Returns the ISO 3166-1 alpha-2 country the node is in: its home market. */
  public abstract String countryCode();

  /** Returns the countries the node ships to; empty means only its own {@link #countryCode()}. */
  public abstract ImmutableSet<String> servedCountries();

  /** Returns what the node can do for which type of channel. */
  public abstract ImmutableSet<Capability> capabilities();

  /** Returns the node's daily capacity in units, if it has a limit. */
  public abstract OptionalLong dailyCapacityUnits();

  /** Returns the units the node can still ship today; defaults to its daily capacity. */
  @Value.Default
  public long capacityLeftUnits() {
    return dailyCapacityUnits().orElse(Long.MAX_VALUE);
  }

  /** Returns the node's daily capacity in orders, if it has a limit. */
  public abstract OptionalLong dailyCapacityOrders();

  /** Returns the orders the node can still take today; defaults to its daily capacity. */
  @Value.Default
  public long capacityLeftOrders() {
    return dailyCapacityOrders().orElse(Long.MAX_VALUE);
  }

  /** Returns the local time after which an order ships the next working day. */
  @Value.Default
  public LocalTime cutOff() {
    return LocalTime.of(15, 0);
  }

  /** Returns the node's time zone, for its cut-off and calendar. */
  public abstract ZoneId zone();

  /** Returns the days of the week the node ships; defaults to Monday to Friday. */
  @Value.Default
  public ImmutableSet<DayOfWeek> workingDays() {
    return ImmutableSet.copyOf(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
  }

  /** Returns the dates the node does not ship although they fall on a working day. */
  public abstract ImmutableSet<LocalDate> holidays();

  /** Returns the cost of picking one unit, in minor units; defaults to 0. */
  @Value.Default
  public long pickCostPerUnit() {
    return 0;
  }

  /** Returns the cost of picking and packing one shipment, in minor units; defaults to 0. */
  @Value.Default
  public long pickCostPerOrder() {
    return 0;
  }

  /** Returns whether the node ships to {@code countryCode}. */
  public final boolean serves(String countryCode) {
    return servedCountries().isEmpty()
        ? countryCode().equals(countryCode)
        : servedCountries().contains(countryCode);
  }

  /** Returns whether the node ships on {@code date} by its calendar. */
  public final boolean isWorkingDay(LocalDate date) {
    return workingDays().contains(date.getDayOfWeek()) && !holidays().contains(date);
  }

  /**
   * Returns the date an order released at {@code now} ships: today in the node's zone if it is a
   * working day and {@code now} is not past the cut-off, otherwise the next working day; empty if
   * the calendar has no working day within a year.
   */
  public final Optional<LocalDate> shipDate(Instant now) {
    ZonedDateTime local = now.atZone(zone());
    LocalDate date = local.toLocalDate();
    if (local.toLocalTime().isAfter(cutOff())) {
      date = date.plusDays(1);
    }
    for (int i = 0; i < CALENDAR_HORIZON_DAYS; i++) {
      if (isWorkingDay(date)) {
        return Optional.of(date);
      }
      date = date.plusDays(1);
    }
    return Optional.empty();
  }

  @Value.Check
  void check() {
    checkCountry("countryCode", countryCode());
    for (String c : servedCountries()) {
      checkCountry("servedCountries", c);
    }
    dailyCapacityUnits().ifPresent(v -> checkNotNegative("dailyCapacityUnits", v));
    dailyCapacityOrders().ifPresent(v -> checkNotNegative("dailyCapacityOrders", v));
    checkNotNegative("capacityLeftUnits", capacityLeftUnits());
    checkNotNegative("capacityLeftOrders", capacityLeftOrders());
    checkNotNegative("pickCostPerUnit", pickCostPerUnit());
    checkNotNegative("pickCostPerOrder", pickCostPerOrder());
  }

  private void checkNotNegative(String name, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(
          name + " must not be negative: " + value + " at node " + id());
    }
  }

  private void checkCountry(String name, String cc) {
    if (cc.length() != 2
        || !Character.isUpperCase(cc.charAt(0))
        || !Character.isUpperCase(cc.charAt(1))) {
      throw new IllegalArgumentException(
          name + " must hold upper-case ISO 3166-1 alpha-2 codes: " + cc + " at node " + id());
    }
  }
}
