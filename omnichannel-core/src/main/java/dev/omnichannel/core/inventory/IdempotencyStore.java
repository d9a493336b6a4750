package dev.omnichannel.core.inventory;

import dev.omnichannel.core.IdempotencyKey;
import org.jspecify.annotations.Nullable;

/**
 * Remembers the first outcome of every idempotency key, bounded in time and count by {@link
 * Generations}. Thread-safe and lock-free on the hot path.
 */
final class IdempotencyStore {

  /** One key's command and, once known, its outcome. */
  static final class Entry {
    final Object command;
    private volatile @Nullable Outcome<?> outcome;
    private volatile boolean abandoned;
    private volatile boolean waiting;

    Entry(Object command) {
      this.command = command;
    }

    void complete(Outcome<?> result) {
      outcome = result;
      if (waiting) {
        synchronized (this) {
          notifyAll();
        }
      }
    }

    void abandon() {
      abandoned = true;
      if (waiting) {
        synchronized (this) {
          notifyAll();
        }
      }
    }

    /** Waits for the outcome; returns null if the command that owned the key failed. */
    @Nullable Outcome<?> await() {
      Outcome<?> result = outcome;
      if (result != null) {
        return result;
      }
      synchronized (this) {
        // Set under the monitor, then re-check: the owner notifies under the same monitor after
        // publishing, so either it sees the flag or this thread sees the outcome.
        waiting = true;
        boolean interrupted = false;
        while (outcome == null && !abandoned) {
          try {
            wait(10);
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
        return outcome;
      }
    }
  }

  private final Generations<IdempotencyKey, Entry> entries;

  IdempotencyStore(long retentionMillis, int capacity, long now) {
    this.entries = new Generations<>(retentionMillis, capacity, now);
  }

  /**
   * Claims {@code key} for the caller's fresh {@code mine}. Returns {@code null} if the caller now
   * owns the key (it must {@link Entry#complete} or {@link #release} it), or the entry already
   * holding it.
   */
  @Nullable Entry claim(IdempotencyKey key, Entry mine, long now) {
    Entry existing = entries.putIfAbsent(key, mine, now);
    if (existing != null) {
      // A thread may have seen mine for a moment: send it to look again.
      mine.abandon();
    }
    return existing;
  }

  /** Forgets a claim whose command failed with an exception, so that a retry can run it. */
  void release(IdempotencyKey key, Entry entry) {
    entries.remove(key, entry);
    entry.abandon();
  }
}
