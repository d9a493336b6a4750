/**
 * The inventory pool shared by every sales channel: positions per (SKU, node), holds and firm
 * reservations, allocation policies per channel, and the events and journal that keep channels and
 * hosts in step.
 *
 * <p>Entry points: {@link dev.omnichannel.core.inventory.InventoryPool#builder()} to build a pool
 * with {@link dev.omnichannel.core.inventory.Node}s and an {@link
 * dev.omnichannel.core.inventory.AllocationPolicy} per channel; its commands return an {@link
 * dev.omnichannel.core.inventory.Outcome}; {@link
 * dev.omnichannel.core.inventory.AvailabilitySnapshot} is what routing reads; {@link
 * dev.omnichannel.core.inventory.InventoryPoolBuilder#rebuild} and {@link
 * dev.omnichannel.core.inventory.DriftCheck} restart from and check against a journal.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.omnichannel.core.inventory;

import org.jspecify.annotations.NullMarked;
