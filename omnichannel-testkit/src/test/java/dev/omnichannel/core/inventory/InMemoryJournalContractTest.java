package dev.omnichannel.core.inventory;

import dev.omnichannel.core.inventory.spi.InventoryJournal;
import dev.omnichannel.testkit.inventory.InventoryJournalContract;

/** The default journal passes the contract kit that hosts' journals must pass. */
class InMemoryJournalContractTest extends InventoryJournalContract {
  @Override
  protected InventoryJournal newJournal() {
    return new InMemoryJournal();
  }
}
