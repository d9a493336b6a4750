package dev.omnichannel.edi.retail;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.omnichannel.core.Sku;
import dev.omnichannel.core.order.PostalAddress;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * An advance ship notice (856): one shipment for one purchase order, with pallets holding cartons,
 * loose cartons, and the items in each carton. Immutable and thread-safe.
 *
 * @param shipmentId BSN02
 * @param shipDate when the goods left (BSN03 and {@code DTM*011})
 * @param shipTime BSN04
 * @param carrierScac TD503 with qualifier 2 (SCAC), or empty
 * @param billOfLading {@code REF*BM}, or empty
 * @param shipTo the {@code N1*ST} party
 * @param shipToId N104 of the ship-to, or empty
 * @param orderId PRF01, the purchase order number
 * @param pallets pallets (HL level T), each with its cartons
 * @param cartons cartons not on a pallet (HL level P)
 * @since 0.1.0
 */
public record ShipNotice(
    String shipmentId,
    LocalDate shipDate,
    LocalTime shipTime,
    String carrierScac,
    String billOfLading,
    PostalAddress shipTo,
    String shipToId,
    String orderId,
    ImmutableList<Pallet> pallets,
    ImmutableList<Carton> cartons) {

  /** Creates the notice. */
  public ShipNotice {
    checkArgument(!shipmentId.isEmpty(), "shipmentId must not be empty");
    checkArgument(!orderId.isEmpty(), "orderId must not be empty");
    checkNotNull(shipDate, "shipDate");
    checkNotNull(shipTime, "shipTime");
    checkNotNull(carrierScac, "carrierScac");
    checkNotNull(billOfLading, "billOfLading");
    checkNotNull(shipTo, "shipTo");
    checkNotNull(shipToId, "shipToId");
  }

  /** Returns every carton, on pallets or loose. */
  public ImmutableList<Carton> allCartons() {
    ImmutableList.Builder<Carton> out = ImmutableList.builder();
    pallets.forEach(p -> out.addAll(p.cartons()));
    return out.addAll(cartons).build();
  }

  /** Returns the total units shipped. */
  public long totalUnits() {
    return allCartons().stream()
        .flatMap(c -> c.items().stream())
        .mapToLong(ShippedItem::quantity)
        .sum();
  }

  /**
   * A pallet (tare) with its SSCC-18 label and cartons.
   *
   * @param sscc the 18-digit SSCC with a valid GS1 check digit
   * @param cartons the cartons on the pallet
   * @since 0.1.0
   */
  public record Pallet(String sscc, ImmutableList<Carton> cartons) {
    /** Creates the pallet. */
    public Pallet {
      checkArgument(Gs1.isValidSscc(sscc), "not a valid SSCC-18: '%s'", sscc);
      checkNotNull(cartons, "cartons");
    }
  }

  /**
   * A carton (pack) with its SSCC-18 label and contents.
   *
   * @param sscc the 18-digit SSCC with a valid GS1 check digit
   * @param items what the carton holds
   * @since 0.1.0
   */
  public record Carton(String sscc, ImmutableList<ShippedItem> items) {
    /** Creates the carton. */
    public Carton {
      checkArgument(Gs1.isValidSscc(sscc), "not a valid SSCC-18: '%s'", sscc);
      checkArgument(!items.isEmpty(), "a carton holds at least one item");
    }
  }

  /**
   * Units of one item in a carton.
   *
   * @param sku the host's SKU (LIN {@code SK})
   * @param gtin the UPC/GTIN (LIN {@code UP}), or empty
   * @param quantity units shipped (SN102), at least 1
   * @since 0.1.0
   */
  public record ShippedItem(Sku sku, String gtin, long quantity) {
    /** Creates the item. */
    public ShippedItem {
      checkNotNull(sku, "sku");
      checkNotNull(gtin, "gtin");
      checkArgument(quantity >= 1, "quantity must be at least 1: %s", quantity);
    }
  }
}
