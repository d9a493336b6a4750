/**
 * Extension points of the inventory pool: the journal of movements and availability listeners.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.omnichannel.core.inventory.spi;

import org.jspecify.annotations.NullMarked;
