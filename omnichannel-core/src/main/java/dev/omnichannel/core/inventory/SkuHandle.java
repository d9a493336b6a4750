package dev.omnichannel.core.inventory;

import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.Sku;

/**
 * A SKU of one pool, resolved once by {@link InventoryPool#handle}: reads of its published numbers
 * skip the lookup by value. Thread-safe; valid for the pool's lifetime.
 *
 * @since 0.1.0
 */
public interface SkuHandle {
  /** Returns the SKU this handle reads. */
  Sku sku();

  /**
   * Returns the quantity published to {@code channel} now: the same number as {@link
   * InventoryPool#availableToPromise(Sku, ChannelId)}.
   *
   * @throws UnknownReferenceException if the channel is unknown
   */
  long availableToPromise(ChannelId channel);
}
