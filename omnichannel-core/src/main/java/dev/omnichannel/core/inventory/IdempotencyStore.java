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

    Entry(Object command) {
      this.command = command;
    }

    synchronized void complete(Outcome<?> result) {
      outcome = result;
      notifyAll();
    }

    synchronized void abandon() {
      abandoned = true;
      notifyAll();
    }

    /** Waits for the outcome; returns null if the command that owned the key failed. */
    @Nullable Outcome<?> await() {
      Outcome<?> result = outcome;
      if (result != null) {
        return result;
      }
      synchronized (this) {
        boolean interrupted = false;
        while (outcome == null && !abandoned) {
          try {
            wait();
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
    return entries.putIfAbsent(key, mine, now);
  }

  /** Forgets a claim whose command failed with an exception, so that a retry can run it. */
  void release(IdempotencyKey key, Entry entry) {
    entries.remove(key, entry);
    entry.abandon();
  }
}
