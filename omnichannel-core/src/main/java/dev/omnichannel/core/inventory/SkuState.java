package dev.omnichannel.core.inventory;

import dev.omnichannel.core.Sku;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The stock of one SKU at every node, with the numbers published to every channel. Guarded by
 * {@link #lock}, except {@link #published} and {@link #nextExpiry}, which readers see without it.
 */
final class SkuState implements Comparable<SkuState> {
  final Sku sku;
  final ReentrantLock lock = new ReentrantLock();
  final long[] onHand;
  final long[] reserved;
  final long[] quarantined;
  final long[] inTransit;

  /** Published per channel, written under the lock, read without it. */
  final AtomicLongArray published;

  /** Availability event sequence per channel. */
  final long[] sequence;

  /** The earliest expiry of a hold on this SKU, or {@code Long.MAX_VALUE}. */
  volatile long nextExpiry = Long.MAX_VALUE;

  /**
   * Holds on this SKU by expiry; entries of confirmed or released holds are skipped when polled.
   */
  @Nullable PriorityQueue<ReservationRecord> holds;

  /** Bundles this SKU is a component of. */
  BundleState[] bundles = new BundleState[0];

  SkuState(Sku sku, int nodes, int channels) {
    this.sku = sku;
    this.onHand = new long[nodes];
    this.reserved = new long[nodes];
    this.quarantined = new long[nodes];
    this.inTransit = new long[nodes];
    this.published = new AtomicLongArray(channels);
    this.sequence = new long[channels];
  }

  long free(int node) {
    return onHand[node] - reserved[node];
  }

  void addHold(ReservationRecord record) {
    PriorityQueue<ReservationRecord> queue = holds;
    if (queue == null) {
      queue = new PriorityQueue<>(ReservationRecord.BY_EXPIRY);
      holds = queue;
    }
    queue.add(record);
    if (record.expiresAtMillis < nextExpiry) {
      nextExpiry = record.expiresAtMillis;
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
