package dev.omnichannel.testkit.inventory;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.IdempotencyKey;
import dev.omnichannel.core.NodeId;
import dev.omnichannel.core.Sku;
import dev.omnichannel.core.inventory.AllocationPolicy;
import dev.omnichannel.core.inventory.AvailabilitySnapshot;
import dev.omnichannel.core.inventory.InventoryPool;
import dev.omnichannel.core.inventory.Node;
import dev.omnichannel.core.inventory.Outcome;
import dev.omnichannel.core.inventory.Position;
import dev.omnichannel.core.inventory.Reservation;
import dev.omnichannel.core.inventory.ReservationLine;
import dev.omnichannel.core.inventory.ReserveRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The invariant oracle of the inventory pool. Point it at any pool — one built with your own
 * allocation policies, after your own command sequences — and it lists every invariant it finds
 * broken; an empty list means none.
 *
 * <p>{@link #violations} only reads: no oversell at any node, no negative bucket, every channel's
 * published number within what it may take, within its cap and a multiple of its lot size, nothing
 * offered at a node the channel may not sell from, and no channel offered units fenced for another.
 * {@link #probeHonourable} also writes: it reserves each channel's published number and releases it
 * again, to show the number is honoured. Thread-safe as far as the pool is; run it while the pool
 * is quiet for exact answers.
 *
 * @since 0.1.0
 */
public final class InventoryInvariants {
  private static final AtomicLong PROBES = new AtomicLong();

  private InventoryInvariants() {}

  /** Returns every invariant {@code pool} breaks now, by reading it; empty if none. */
  public static ImmutableList<String> violations(InventoryPool pool) {
    checkNotNull(pool, "pool");
    List<String> found = new ArrayList<>();
    TreeSet<Sku> skus = new TreeSet<>(pool.skus());
    AvailabilitySnapshot snapshot = pool.snapshot(skus);
    for (Sku sku : skus) {
      Optional<?> bundle = snapshot.bundleComponents(sku);
      if (bundle.isEmpty()) {
        checkPositions(pool, sku, found);
      }
      for (ChannelId channel : pool.channels()) {
        checkChannel(pool, snapshot, sku, channel, bundle.isPresent(), found);
      }
    }
    return ImmutableList.copyOf(found);
  }

  private static void checkPositions(InventoryPool pool, Sku sku, List<String> found) {
    for (Node node : pool.nodes()) {
      Position p = pool.position(sku, node.id());
      if (p.reserved() > p.onHand()) {
        found.add("oversold: " + p);
      }
      if (p.onHand() < 0 || p.reserved() < 0 || p.quarantined() < 0 || p.inTransit() < 0) {
        found.add("negative bucket: " + p);
      }
    }
  }

  private static void checkChannel(
      InventoryPool pool,
      AvailabilitySnapshot snapshot,
      Sku sku,
      ChannelId channel,
      boolean bundle,
      List<String> found) {
    AllocationPolicy policy = pool.policy(channel);
    long published = snapshot.availableToPromise(sku, channel);
    if (published < 0) {
      found.add("negative published " + sku + " for " + channel + ": " + published);
    }
    long takeable = 0;
    for (Node node : pool.nodes()) {
      long available = snapshot.available(sku, node.id(), channel);
      boolean eligible =
          policy.eligibleNodes().isEmpty() || policy.eligibleNodes().contains(node.id());
      if (!eligible && available > 0) {
        found.add(
            channel + " is offered " + available + " of " + sku + " at ineligible " + node.id());
      }
      takeable += available;
      if (!bundle) {
        long free = pool.position(sku, node.id()).free();
        long othersFence = othersFence(pool, channel, node.id());
        if (available > Math.max(0, free - othersFence)) {
          found.add(
              channel
                  + " is offered "
                  + available
                  + " of "
                  + sku
                  + " at "
                  + node.id()
                  + ", eating into "
                  + othersFence
                  + " units fenced for others (free "
                  + free
                  + ")");
        }
      }
    }
    if (bundle) {
      // A bundle's components may come from different nodes: bound it by each component's total.
      takeable = Long.MAX_VALUE;
      for (Map.Entry<Sku, Integer> c : snapshot.bundleComponents(sku).orElseThrow().entrySet()) {
        long total = 0;
        for (Node node : pool.nodes()) {
          total += snapshot.available(c.getKey(), node.id(), channel);
        }
        takeable = Math.min(takeable, total / c.getValue());
      }
    }
    if (published > takeable) {
      found.add(
          "published "
              + published
              + " of "
              + sku
              + " to "
              + channel
              + " but it may take "
              + takeable);
    }
    if (!bundle) {
      if (policy.exposureCap().isPresent() && published > policy.exposureCap().getAsLong()) {
        found.add("published " + published + " of " + sku + " above the cap of " + channel);
      }
      if (published % policy.lotSize() != 0) {
        found.add("published " + published + " of " + sku + " not a multiple of the lot size");
      }
    }
  }

  private static long othersFence(InventoryPool pool, ChannelId channel, NodeId node) {
    long sum = 0;
    for (ChannelId other : pool.channels()) {
      if (!other.equals(channel)) {
        Map<NodeId, Long> fences = pool.policy(other).ringFences();
        sum += fences.getOrDefault(node, 0L);
      }
    }
    return sum;
  }

  /**
   * Reserves each channel's published number of {@code sku} as a firm reservation and releases it
   * at once; returns a finding for every channel whose published number was not honoured. Writes to
   * the pool (and its journal) with idempotency keys starting {@code oracle-probe-}.
   */
  public static ImmutableList<String> probeHonourable(InventoryPool pool, Sku sku) {
    checkNotNull(pool, "pool");
    checkNotNull(sku, "sku");
    List<String> found = new ArrayList<>();
    for (ChannelId channel : pool.channels()) {
      long shown = pool.availableToPromise(sku, channel);
      if (shown == 0) {
        continue;
      }
      Outcome<Reservation> r =
          pool.reserve(
              ReserveRequest.firm(
                  IdempotencyKey.of("oracle-probe-" + PROBES.incrementAndGet()),
                  channel,
                  ReservationLine.of(sku, shown)));
      if (r instanceof Outcome.Applied<Reservation> applied) {
        pool.release(
                IdempotencyKey.of("oracle-probe-" + PROBES.incrementAndGet()), applied.value().id())
            .orThrow();
      } else {
        found.add(channel + " was shown " + shown + " of " + sku + " but " + r);
      }
    }
    return ImmutableList.copyOf(found);
  }
}
