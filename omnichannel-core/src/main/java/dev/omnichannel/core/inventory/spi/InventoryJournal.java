package dev.omnichannel.core.inventory.spi;

import dev.omnichannel.core.inventory.Movement;
import java.util.function.Consumer;

/**
 * Keeps every movement of a pool, in order, so that the pool can be rebuilt from it.
 *
 * <p>The pool calls {@link #append} while it holds the locks of the SKUs concerned, so movements of
 * one SKU arrive in the order they were applied; appends for different SKUs come from many threads
 * at once, so an implementation must be thread-safe. It must not call back into the pool. If {@code
 * append} throws, the pool has already applied the change; a host that needs write-ahead semantics
 * should make its journal durable before returning. Because the locks are held, an append's time is
 * part of the time of every command on the same SKU: on a hot SKU, commands wait for each other's
 * appends, so an implementation that waits on a disk or a database for each movement limits that
 * SKU to as many commands a second as it makes such waits. The testkit's {@code
 * InventoryJournalContract} checks an implementation.
 *
 * @since 0.1.0
 */
public interface InventoryJournal {
  /** Appends one movement. */
  void append(Movement movement);

  /** Feeds every movement appended so far, in append order, to {@code sink}. */
  void replay(Consumer<? super Movement> sink);
}
