package dev.omnichannel.core.inventory;

import dev.omnichannel.core.Sku;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A bundle SKU: no stock of its own, published as the minimum over its components. Its lock is a
 * leaf: held only to publish, never while taking another lock.
 */
final class BundleState {
  final Sku sku;
  final SkuState[] components;
  final long[] units;
  final AtomicLongArray published;
  final long[] sequence;

  BundleState(Sku sku, SkuState[] components, long[] units, int channels) {
    this.sku = sku;
    this.components = components;
    this.units = units;
    this.published = new AtomicLongArray(channels);
    this.sequence = new long[channels];
  }

  long compute(int channel) {
    long min = Long.MAX_VALUE;
    for (int i = 0; i < components.length; i++) {
      min = Math.min(min, components[i].published(channel) / units[i]);
    }
    return min;
  }
}
