package dev.omnichannel.core.inventory;

import dev.omnichannel.core.IdempotencyKey;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Remembers the first outcome of every idempotency key, bounded in time and count by two
 * generations: keys go into the current generation; when it is full or old, it becomes the previous
 * one and the former previous one is dropped whole. A key is therefore remembered for at least half
 * the retention and at least the next half-capacity keys. Thread-safe and lock-free on the hot
 * path.
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

  private static final class Generation {
    final ConcurrentHashMap<IdempotencyKey, Entry> map = new ConcurrentHashMap<>();
    final AtomicInteger size = new AtomicInteger();
    final long createdAt;

    Generation(long createdAt) {
      this.createdAt = createdAt;
    }
  }

  private final long halfRetentionMillis;
  private final int halfCapacity;
  private volatile Generation current;
  private volatile Generation previous;

  IdempotencyStore(long retentionMillis, int capacity, long now) {
    this.halfRetentionMillis = Math.max(1, retentionMillis / 2);
    this.halfCapacity = Math.max(1, capacity / 2);
    this.current = new Generation(now);
    this.previous = new Generation(now);
  }

  /**
   * Claims {@code key} for the caller's fresh {@code mine}. Returns {@code null} if the caller now
   * owns the key (it must {@link Entry#complete} or {@link #release} it), or the entry already
   * holding it.
   */
  @Nullable Entry claim(IdempotencyKey key, Entry mine, long now) {
    Generation cur = current;
    Entry existing = cur.map.get(key);
    if (existing != null) {
      return existing;
    }
    existing = previous.map.get(key);
    if (existing != null) {
      return existing;
    }
    existing = cur.map.putIfAbsent(key, mine);
    if (existing != null) {
      return existing;
    }
    if (cur.size.incrementAndGet() >= halfCapacity || now - cur.createdAt >= halfRetentionMillis) {
      rotate(cur, now);
    }
    return null;
  }

  /** Forgets a claim whose command failed with an exception, so that a retry can run it. */
  void release(IdempotencyKey key, Entry entry) {
    current.map.remove(key, entry);
    previous.map.remove(key, entry);
    entry.abandon();
  }

  private synchronized void rotate(Generation full, long now) {
    if (current != full) {
      return;
    }
    previous = full;
    current = new Generation(now);
  }
}
