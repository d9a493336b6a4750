package dev.omnichannel.edi.retail;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import dev.omnichannel.core.Sku;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the host's SKU for the item numbers a partner sent on a line (for example {@code UP} a UPC,
 * {@code VN} the vendor's number, {@code BP} the buyer's part number, {@code SK} the SKU).
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface SkuResolver {
  /** Returns the SKU for the partner's item numbers keyed by qualifier, or empty if unknown. */
  Optional<Sku> resolve(Map<String, String> partnerItemIds);

  /**
   * Returns a resolver that takes the first present qualifier of {@code qualifiers}, in order, as
   * the SKU itself.
   */
  static SkuResolver byQualifiers(String... qualifiers) {
    checkArgument(qualifiers.length > 0, "at least one qualifier");
    ImmutableList<String> order = ImmutableList.copyOf(qualifiers);
    return ids -> {
      for (String q : order) {
        String v = ids.get(q);
        if (v != null && !v.isEmpty()) {
          return Optional.of(Sku.of(v));
        }
      }
      return Optional.empty();
    };
  }
}
