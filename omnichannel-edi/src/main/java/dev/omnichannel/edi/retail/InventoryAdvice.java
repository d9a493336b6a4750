package dev.omnichannel.edi.retail;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.Optional;

/**
 * An inventory inquiry/advice (846): what a partner may sell, per item and optionally per location.
 * The host builds it from the pool's availability for the partner's channel. Immutable and
 * thread-safe.
 *
 * @param reference BIA03
 * @param asOf BIA04
 * @param lines one line per item and location
 * @since 0.1.0
 */
public record InventoryAdvice(String reference, LocalDate asOf, ImmutableList<Line> lines) {
  /** Creates the advice. */
  public InventoryAdvice {
    checkArgument(!reference.isEmpty(), "reference must not be empty");
    checkNotNull(asOf, "asOf");
    checkNotNull(lines, "lines");
  }

  /**
   * Available units of one item.
   *
   * @param qualifier the LIN qualifier of {@code itemId}: {@code SK} for the host's SKU, {@code UP}
   *     for a UPC, {@code VN}, {@code BP} …
   * @param itemId the item number
   * @param quantity units available for sale (QTY with qualifier 33), not negative
   * @param location the node or warehouse the quantity is at ({@code N1*WH} N104), if per location
   * @since 0.1.0
   */
  public record Line(String qualifier, String itemId, long quantity, Optional<String> location) {
    /** Creates the line. */
    public Line {
      checkArgument(qualifier.length() == 2, "qualifier must have 2 characters: %s", qualifier);
      checkArgument(!itemId.isEmpty(), "itemId must not be empty");
      checkArgument(quantity >= 0, "quantity must not be negative: %s", quantity);
      checkNotNull(location, "location");
    }
  }
}
