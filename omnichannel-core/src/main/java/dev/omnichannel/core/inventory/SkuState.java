package dev.omnichannel.core.inventory;

import dev.omnichannel.core.Sku;
import java.util.PriorityQueue;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;
import org.jspecify.annotations.Nullable;

/**
 * The stock of one SKU at every node, with the numbers published to every channel. Guarded by its
 * lock, except the published numbers and the next expiry, which live in the SKU's row of cells in
 * the {@link SkuIndex}: written under the lock with release semantics, read without it. Its
 * counters, per node what is reserved, on hand, quarantined and in transit, and per channel the
 * sequence of its availability events, are one array allocated right after the state, so that the
 * collector usually keeps them side by side in memory: a command that has reached the state (its
 * lock is there) finds them close by, not behind five further pointers. Reserved counts and
 * sequences come first, as a reservation writes those and reads on hand.
 */
@SuppressWarnings("serial") // never serialised; the synchronizer is the SKU's lock
final class SkuState extends AbstractQueuedSynchronizer implements Comparable<SkuState> {
  /** Attempts before parking; each waits one {@link Thread#onSpinWait} hint. */
  private static final int SPINS = 256;

  final Sku sku;

  /** The number the index gave this SKU. */
  final int ordinal;

  /** The chunk of cells holding this SKU's row, which starts at {@link #base}. */
  private final long[] cells;

  private final int base;

  /** Reserved per node, then sequence per channel, on hand, quarantined and in transit per node. */
  private final long[] counters;

  private final int sequenceAt;
  private final int onHandAt;
  private final int quarantinedAt;
  private final int inTransitAt;

  /**
   * Holds on this SKU by expiry; entries of confirmed or released holds are skipped when polled.
   */
  @Nullable PriorityQueue<ReservationRecord> holds;

  /** The bundles of a SKU that is no bundle's component, shared. */
  static final BundleState[] NO_BUNDLES = new BundleState[0];

  /** Bundles this SKU is a component of. */
  BundleState[] bundles = NO_BUNDLES;

  SkuState(Sku sku, int nodes, int channels, int ordinal, long[] cells, int base) {
    this.sku = sku;
    this.ordinal = ordinal;
    this.cells = cells;
    this.base = base;
    this.counters = new long[4 * nodes + channels];
    this.sequenceAt = nodes;
    this.onHandAt = nodes + channels;
    this.quarantinedAt = onHandAt + nodes;
    this.inTransitAt = quarantinedAt + nodes;
  }

  /**
   * Takes this SKU's lock: reentrant, not fair, as {@link
   * java.util.concurrent.locks.ReentrantLock}. The lock lives in this object rather than beside it,
   * so that a command on a SKU that is not in the processor's caches misses once, not three times.
   * A thread that finds it taken spins a few microseconds at most before it parks: on a hot SKU,
   * parking and waking a thread for every command costs more than the command.
   */
  void lock() {
    if (compareAndSetState(0, 1)) {
      setExclusiveOwnerThread(Thread.currentThread());
      return;
    }
    // Commands hold a SKU for about a microsecond: waiting that long beats parking and waking.
    for (int i = 0; i < SPINS; i++) {
      Thread.onSpinWait();
      if (getState() == 0 && compareAndSetState(0, 1)) {
        setExclusiveOwnerThread(Thread.currentThread());
        return;
      }
    }
    acquire(1);
  }

  void unlock() {
    release(1);
  }

  @Override
  protected boolean tryAcquire(int acquires) {
    Thread current = Thread.currentThread();
    int c = getState();
    if (c == 0) {
      if (compareAndSetState(0, acquires)) {
        setExclusiveOwnerThread(current);
        return true;
      }
    } else if (current == getExclusiveOwnerThread()) {
      setState(c + acquires);
      return true;
    }
    return false;
  }

  @Override
  protected boolean tryRelease(int releases) {
    if (Thread.currentThread() != getExclusiveOwnerThread()) {
      throw new IllegalMonitorStateException("SKU " + sku + " unlocked by a thread not holding it");
    }
    int c = getState() - releases;
    if (c == 0) {
      setExclusiveOwnerThread(null);
    }
    setState(c);
    return c == 0;
  }

  /** The number published to channel {@code c}; readable without the lock. */
  long published(int c) {
    return SkuIndex.read(cells, base + 1 + c);
  }

  /** Sets the number published to channel {@code c}; with the lock held. */
  void publish(int c, long value) {
    SkuIndex.write(cells, base + 1 + c, value);
  }

  /** The earliest expiry of a hold on this SKU, or {@code Long.MAX_VALUE}; readable unlocked. */
  long nextExpiry() {
    return SkuIndex.read(cells, base);
  }

  /** Sets the earliest expiry; with the lock held. */
  void nextExpiry(long millis) {
    SkuIndex.write(cells, base, millis);
  }

  long free(int node) {
    return counters[onHandAt + node] - counters[node];
  }

  // The counters, with this SKU's lock held.

  long onHand(int node) {
    return counters[onHandAt + node];
  }

  void setOnHand(int node, long units) {
    counters[onHandAt + node] = units;
  }

  void addOnHand(int node, long units) {
    counters[onHandAt + node] += units;
  }

  long reserved(int node) {
    return counters[node];
  }

  void addReserved(int node, long units) {
    counters[node] += units;
  }

  long quarantined(int node) {
    return counters[quarantinedAt + node];
  }

  void addQuarantined(int node, long units) {
    counters[quarantinedAt + node] += units;
  }

  long inTransit(int node) {
    return counters[inTransitAt + node];
  }

  void addInTransit(int node, long units) {
    counters[inTransitAt + node] += units;
  }

  /** Returns the sequence number of channel {@code c}'s last availability event. */
  long sequence(int c) {
    return counters[sequenceAt + c];
  }

  /** Numbers channel {@code c}'s next availability event. */
  long nextSequence(int c) {
    return ++counters[sequenceAt + c];
  }

  void addHold(ReservationRecord record) {
    PriorityQueue<ReservationRecord> queue = holds;
    if (queue == null) {
      queue = new PriorityQueue<>(ReservationRecord.BY_EXPIRY);
      holds = queue;
    }
    queue.add(record);
    if (record.expiresAtMillis < nextExpiry()) {
      nextExpiry(record.expiresAtMillis);
    }
  }

  @Override
  public int compareTo(SkuState other) {
    return sku.compareTo(other.sku);
  }

  @Override
  public String toString() {
    return sku.toString();
  }
}
