package dev.omnichannel.core.routing;

import com.google.common.collect.ImmutableList;
import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.IdempotencyKey;
import dev.omnichannel.core.NodeId;
import dev.omnichannel.core.Sku;
import dev.omnichannel.core.inventory.Allocation;
import dev.omnichannel.core.inventory.AvailabilitySnapshot;
import dev.omnichannel.core.inventory.Outcome;
import dev.omnichannel.core.inventory.RejectionReason;
import dev.omnichannel.core.inventory.Reservation;
import dev.omnichannel.core.inventory.ReservationId;
import dev.omnichannel.core.inventory.ReservationLine;
import dev.omnichannel.core.inventory.ReservationState;
import dev.omnichannel.core.inventory.ReserveRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A pool stand-in for the commit tests: free stock per (SKU, node) for one channel, all-or-nothing
 * reservations with idempotency keys, and a hook that lets a competing order take stock just before
 * a reservation is applied (the race the router must survive).
 */
final class FakePool {
  private final ChannelId channel;
  private final Map<Sku, Map<NodeId, Long>> free = new LinkedHashMap<>();
  private final Map<IdempotencyKey, Outcome<Reservation>> byKey = new HashMap<>();
  private final List<Reservation> reservations = new ArrayList<>();
  private java.util.function.Consumer<ReserveRequest> beforeReserve = r -> {};
  int reserveCalls;
  int snapshotCalls;

  FakePool(ChannelId channel) {
    this.channel = channel;
  }

  FakePool stock(String sku, String node, long units) {
    free.computeIfAbsent(Sku.of(sku), x -> new LinkedHashMap<>()).put(NodeId.of(node), units);
    return this;
  }

  void beforeEachReserve(Runnable hook) {
    this.beforeReserve = r -> hook.run();
  }

  void beforeEachReserve(java.util.function.Consumer<ReserveRequest> hook) {
    this.beforeReserve = hook;
  }

  long free(String sku, String node) {
    return free.getOrDefault(Sku.of(sku), Map.of()).getOrDefault(NodeId.of(node), 0L);
  }

  /** Takes units as a competing order would. */
  void take(String sku, String node, long units) {
    free.computeIfAbsent(Sku.of(sku), x -> new LinkedHashMap<>())
        .merge(NodeId.of(node), -units, Long::sum);
  }

  List<Reservation> reservations() {
    return reservations;
  }

  AvailabilitySnapshot snapshot(Collection<Sku> skus) {
    snapshotCalls++;
    AvailabilitySnapshot.Builder b = AvailabilitySnapshot.builder(Fixtures.NOW);
    for (Sku sku : skus) {
      free.getOrDefault(sku, Map.of()).forEach((node, n) -> b.available(sku, node, channel, n));
    }
    return b.build();
  }

  Outcome<Reservation> reserve(ReserveRequest request) {
    reserveCalls++;
    Outcome<Reservation> earlier = byKey.get(request.key());
    if (earlier != null) {
      return earlier;
    }
    beforeReserve.accept(request);
    for (ReservationLine line : request.lines()) {
      NodeId node = Objects.requireNonNull(line.node());
      long have = free.getOrDefault(line.sku(), Map.of()).getOrDefault(node, 0L);
      if (have < line.quantity()) {
        Outcome<Reservation> no =
            Outcome.rejected(
                RejectionReason.INSUFFICIENT_STOCK,
                line.sku() + " at " + node + ": " + have + " < " + line.quantity());
        byKey.put(request.key(), no);
        return no;
      }
    }
    ImmutableList.Builder<Allocation> allocations = ImmutableList.builder();
    for (ReservationLine line : request.lines()) {
      NodeId node = Objects.requireNonNull(line.node());
      free.computeIfAbsent(line.sku(), x -> new LinkedHashMap<>())
          .merge(node, -line.quantity(), Long::sum);
      allocations.add(new Allocation(line.sku(), node, line.quantity(), 0));
    }
    Reservation r =
        new Reservation(
            ReservationId.of("R" + (reservations.size() + 1)),
            request.key(),
            request.channel(),
            request.kind(),
            null,
            ReservationState.ACTIVE,
            allocations.build());
    reservations.add(r);
    Outcome<Reservation> yes = Outcome.applied(r);
    byKey.put(request.key(), yes);
    return yes;
  }
}
