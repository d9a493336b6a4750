package dev.omnichannel.core.inventory.spi;

import dev.omnichannel.core.inventory.AvailabilityEvent;

/**
 * Receives every change of a channel's available-to-promise quantity, for example to push it to the
 * channel.
 *
 * <p>The pool calls it synchronously while it holds the SKU's lock, so events of one (SKU, channel)
 * arrive in sequence order; an implementation must be fast and must not call back into the pool —
 * hand the event to a queue. An exception thrown by a listener is logged and swallowed: the change
 * it reports has already happened.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface AvailabilityListener {
  /** Receives one availability change. */
  void onAvailabilityChanged(AvailabilityEvent event);
}
