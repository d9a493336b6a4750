package dev.omnichannel.core.inventory;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.omnichannel.core.inventory.spi.InventoryJournal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The default journal: keeps every movement in memory, in append order. Suited to tests, examples
 * and hosts that journal elsewhere through a listener; a production host plugs in a durable {@link
 * InventoryJournal}.
 *
 * <p>Thread-safe. Memory grows with every movement; nothing is evicted.
 *
 * @since 0.1.0
 */
public final class InMemoryJournal implements InventoryJournal {
  private final List<Movement> movements = new ArrayList<>();

  /** Creates an empty journal. */
  public InMemoryJournal() {}

  @Override
  public void append(Movement movement) {
    checkNotNull(movement, "movement");
    synchronized (movements) {
      movements.add(movement);
    }
  }

  @Override
  public void replay(Consumer<? super Movement> sink) {
    checkNotNull(sink, "sink");
    for (Movement m : movements()) {
      sink.accept(m);
    }
  }

  /** Returns a copy of every movement appended so far, in order. */
  public ImmutableList<Movement> movements() {
    synchronized (movements) {
      return ImmutableList.copyOf(movements);
    }
  }

  /** Returns how many movements were appended. */
  public int size() {
    synchronized (movements) {
      return movements.size();
    }
  }
}
