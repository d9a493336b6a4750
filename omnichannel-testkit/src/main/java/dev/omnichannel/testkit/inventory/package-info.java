/**
 * Test support for the inventory pool and for hosts' own pool configurations and journals.
 *
 * <p>Entry points: {@link dev.omnichannel.testkit.inventory.InventoryInvariants} (the invariant
 * oracle: point it at any pool, for example one built with your own allocation policies), {@link
 * dev.omnichannel.testkit.inventory.InventoryGens} (generators of pool configurations and command
 * sequences), {@link dev.omnichannel.testkit.inventory.PolicyFuzz} (drives random commands through
 * a pool you configure and checks the oracle after each), {@link
 * dev.omnichannel.testkit.inventory.InventoryJournalContract} (the contract kit a journal
 * implementation must pass) and {@link dev.omnichannel.testkit.inventory.MutableClock}.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.omnichannel.testkit.inventory;

import org.jspecify.annotations.NullMarked;
