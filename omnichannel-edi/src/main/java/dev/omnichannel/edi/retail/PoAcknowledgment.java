package dev.omnichannel.edi.retail;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.omnichannel.core.Sku;
import dev.omnichannel.core.order.Order;
import dev.omnichannel.core.order.OrderLine;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * A purchase order acknowledgment (855): the seller's decision on every line of an order. Immutable
 * and thread-safe.
 *
 * @param orderId BAK03, the purchase order number
 * @param orderDate BAK04
 * @param acknowledgedOn BAK09
 * @param lines one decision per order line
 * @since 0.1.0
 */
public record PoAcknowledgment(
    String orderId, LocalDate orderDate, LocalDate acknowledgedOn, ImmutableList<Line> lines) {

  /** Creates the acknowledgment. */
  public PoAcknowledgment {
    checkArgument(!orderId.isEmpty(), "orderId must not be empty");
    checkNotNull(orderDate, "orderDate");
    checkNotNull(acknowledgedOn, "acknowledgedOn");
    checkArgument(!lines.isEmpty(), "an acknowledgment has at least one line");
  }

  /**
   * Returns the acknowledgment of {@code order} when {@code accepted} units of each line (by line
   * id) are accepted; lines not in the map are rejected, partial quantities are marked as changed.
   */
  public static PoAcknowledgment fromDecision(
      Order order,
      Map<String, Long> accepted,
      LocalDate orderDate,
      LocalDate acknowledgedOn,
      Optional<LocalDate> scheduledShip) {
    ImmutableList.Builder<Line> lines = ImmutableList.builder();
    for (OrderLine l : order.lines()) {
      long qty = Math.max(0, Math.min(l.quantity(), accepted.getOrDefault(l.lineId(), 0L)));
      Status status =
          qty == l.quantity()
              ? Status.ACCEPTED
              : qty == 0 ? Status.REJECTED : Status.QUANTITY_CHANGED;
      lines.add(new Line(l.lineId(), l.sku(), l.quantity(), status, qty, scheduledShip));
    }
    return new PoAcknowledgment(order.orderId(), orderDate, acknowledgedOn, lines.build());
  }

  /** Returns BAK02: AD all accepted, RD all rejected, AC accepted with changes. */
  public String acknowledgmentType() {
    if (lines.stream().allMatch(l -> l.status() == Status.ACCEPTED)) {
      return "AD";
    }
    if (lines.stream().allMatch(l -> l.status() == Status.REJECTED)) {
      return "RD";
    }
    return "AC";
  }

  /**
   * The decision on one line.
   *
   * @param lineId PO101
   * @param sku the SKU (PO1 {@code SK})
   * @param ordered PO102
   * @param status ACK01
   * @param quantity ACK02, the units accepted (0 when rejected)
   * @param scheduledShip ACK05 with qualifier 068 (current schedule ship), if known
   * @since 0.1.0
   */
  public record Line(
      String lineId,
      Sku sku,
      long ordered,
      Status status,
      long quantity,
      Optional<LocalDate> scheduledShip) {
    /** Creates the line. */
    public Line {
      checkArgument(!lineId.isEmpty(), "lineId must not be empty");
      checkNotNull(sku, "sku");
      checkNotNull(status, "status");
      checkArgument(quantity >= 0 && ordered >= 1, "quantities: %s of %s", quantity, ordered);
      checkNotNull(scheduledShip, "scheduledShip");
    }
  }

  /**
   * Line item status (element 668).
   *
   * @since 0.1.0
   */
  public enum Status {
    /** IA: item accepted. */
    ACCEPTED("IA"),
    /** IQ: item accepted, quantity changed. */
    QUANTITY_CHANGED("IQ"),
    /** IB: item backordered. */
    BACKORDERED("IB"),
    /** IR: item rejected. */
    REJECTED("IR");

    private final String code;

    Status(String code) {
      this.code = code;
    }

    /** Returns the X12 code. */
    public String code() {
      return code;
    }

    static Optional<Status> of(String code) {
      for (Status s : values()) {
        if (s.code.equals(code)) {
          return Optional.of(s);
        }
      }
      return Optional.empty();
    }
  }
}
