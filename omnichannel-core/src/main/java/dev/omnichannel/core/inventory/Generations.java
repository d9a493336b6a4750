package dev.omnichannel.core.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A map that forgets, in two generations: entries go into the current generation; when it holds
 * half the capacity or is older than half the retention, it becomes the previous generation and the
 * former previous one is dropped whole. An entry is therefore kept for at least half the retention
 * and at least the next half-capacity insertions, whichever ends first; memory stays bounded by the
 * capacity. Thread-safe; lock-free except for the rotation itself.
 */
final class Generations<K, V> {
  private static final class Generation<K, V> {
    final ConcurrentHashMap<K, V> map;
    final AtomicInteger size = new AtomicInteger();
    final long createdAt;

    Generation(int expected, long createdAt) {
      this.map = new ConcurrentHashMap<>(expected);
      this.createdAt = createdAt;
    }
  }

  private final long halfRetentionMillis;
  private final int halfCapacity;
  private final int presize;
  private volatile Generation<K, V> current;
  private volatile Generation<K, V> previous;

  Generations(long retentionMillis, int capacity, long now) {
    this.halfRetentionMillis = Math.max(1, retentionMillis / 2);
    this.halfCapacity = Math.max(1, capacity / 2);
    // Sized for a full generation, so that a busy one never rehashes while it fills.
    this.presize = Math.min(halfCapacity, 1 << 20);
    this.current = new Generation<>(presize, now);
    this.previous = new Generation<>(16, now);
  }

  @Nullable V get(K key) {
    V value = current.map.get(key);
    return value != null ? value : previous.map.get(key);
  }

  /**
   * Puts {@code value} unless {@code key} is present; returns the present value or null. The value
   * may have been visible in the current generation for a moment when the previous one already held
   * the key: callers whose values others wait on must release such waiters.
   */
  @Nullable V putIfAbsent(K key, V value, long now) {
    Generation<K, V> cur = current;
    // Turn before inserting, never after: an entry then outlives the rest of its own generation
    // and a whole next one. A repeat inserts nothing, so it turns nothing.
    if (cur.size.get() >= halfCapacity || now - cur.createdAt >= halfRetentionMillis) {
      V existing = get(key);
      if (existing != null) {
        return existing;
      }
      rotate(cur, now);
      cur = current;
    }
    V existing = cur.map.putIfAbsent(key, value);
    if (existing != null) {
      return existing;
    }
    existing = previous.map.get(key);
    // Our own value when a turn made our generation the previous one meanwhile: still ours.
    if (existing != null && existing != value) {
      cur.map.remove(key, value);
      return existing;
    }
    cur.size.incrementAndGet();
    return null;
  }

  void remove(K key, V value) {
    current.map.remove(key, value);
    previous.map.remove(key, value);
  }

  /** Returns the values of both generations. */
  List<V> values() {
    List<V> values = new ArrayList<>(previous.map.values());
    values.addAll(current.map.values());
    return values;
  }

  private synchronized void rotate(Generation<K, V> full, long now) {
    if (current != full) {
      return;
    }
    previous = full;
    current = new Generation<>(presize, now);
  }
}
