/**
 * Extension points of the inventory pool: {@link
 * dev.omnichannel.core.inventory.spi.InventoryJournal}, which keeps every movement so a pool can be
 * rebuilt (check an implementation with the testkit's {@code InventoryJournalContract}), and {@link
 * dev.omnichannel.core.inventory.spi.AvailabilityListener}, which receives every change of what a
 * channel may sell.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.omnichannel.core.inventory.spi;

import org.jspecify.annotations.NullMarked;
