package dev.omnichannel.core.routing;

import dev.omnichannel.core.Sku;
import dev.omnichannel.core.inventory.AvailabilitySnapshot;
import java.util.Collection;

/**
 * Takes a fresh, consistent availability snapshot of some SKUs; a host passes {@code
 * pool::snapshot}.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface SnapshotSource {
  /** Returns a snapshot holding at least {@code skus} (bundles with their components). */
  AvailabilitySnapshot snapshot(Collection<Sku> skus);
}
