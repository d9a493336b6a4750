package dev.omnichannel.testkit.inventory;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.IdempotencyKey;
import dev.omnichannel.core.NodeId;
import dev.omnichannel.core.Sku;
import dev.omnichannel.core.inventory.Adjustment;
import dev.omnichannel.core.inventory.AllocationPolicy;
import dev.omnichannel.core.inventory.AvailabilityExplanation;
import dev.omnichannel.core.inventory.AvailabilitySnapshot;
import dev.omnichannel.core.inventory.InventoryPool;
import dev.omnichannel.core.inventory.Node;
import dev.omnichannel.core.inventory.Outcome;
import dev.omnichannel.core.inventory.Position;
import dev.omnichannel.core.inventory.RejectionReason;
import dev.omnichannel.core.inventory.Reservation;
import dev.omnichannel.core.inventory.ReservationId;
import dev.omnichannel.core.inventory.ReserveRequest;
import dev.omnichannel.core.inventory.SkuHandle;
import dev.omnichannel.core.inventory.Transfer;
import dev.omnichannel.core.inventory.TransferId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A pool that forwards every call to a real one, but can be told to misreport what the checkers
 * read: positions, published numbers ({@link #availableToPromise(Sku, ChannelId)} and the
 * snapshot's) and what the snapshot says a channel may take at a node; or to refuse reservations
 * the real pool would grant. Other commands always reach the real pool unchanged. It stands in for
 * a broken implementation, to show that a checker notices one. Not thread-safe.
 */
final class FaultyPool implements InventoryPool {

  /** Returns the number published to a channel, given the true one and what it may take. */
  @FunctionalInterface
  interface Published {
    long report(Sku sku, ChannelId channel, long shown, long takeable);
  }

  /** Returns what a channel is said to be granted at a node, given the true number. */
  @FunctionalInterface
  interface Available {
    long report(Sku sku, NodeId node, ChannelId channel, long granted);
  }

  private final InventoryPool pool;
  private UnaryOperator<Position> position = UnaryOperator.identity();
  private Published published = (sku, channel, shown, takeable) -> shown;
  private Available available = (sku, node, channel, granted) -> granted;
  private Predicate<ReserveRequest> refused = request -> false;
  private boolean dormantUntilReserved;
  private boolean reserved;

  FaultyPool(InventoryPool pool) {
    this.pool = checkNotNull(pool, "pool");
  }

  /** Misreports positions. */
  FaultyPool position(UnaryOperator<Position> fault) {
    this.position = fault;
    return this;
  }

  /** Misreports published numbers, in the snapshot and in {@code availableToPromise}. */
  FaultyPool published(Published fault) {
    this.published = fault;
    return this;
  }

  /** Misreports what the snapshot says each channel may take at each node. */
  FaultyPool available(Available fault) {
    this.available = fault;
    return this;
  }

  /** Refuses the reservations {@code fault} matches, as if short of stock. */
  FaultyPool refusing(Predicate<ReserveRequest> fault) {
    this.refused = fault;
    return this;
  }

  /** Keeps the faults dormant until the pool applies its first reservation. */
  FaultyPool onlyAfterAReservation() {
    this.dormantUntilReserved = true;
    return this;
  }

  private boolean faulty() {
    return !dormantUntilReserved || reserved;
  }

  @Override
  public AvailabilitySnapshot snapshot(Collection<Sku> skus) {
    AvailabilitySnapshot real = pool.snapshot(skus);
    if (!faulty()) {
      return real;
    }
    AvailabilitySnapshot.Builder told = AvailabilitySnapshot.builder(real.takenAt());
    for (Sku sku : real.skus()) {
      Optional<ImmutableMap<Sku, Integer>> components = real.bundleComponents(sku);
      if (components.isPresent()) {
        // A bundle's numbers follow from its components'.
        told.bundle(sku, components.get());
        continue;
      }
      told.sku(sku);
      for (ChannelId channel : pool.channels()) {
        long takeable = 0;
        for (Node node : pool.nodes()) {
          long granted = real.available(sku, node.id(), channel);
          takeable += granted;
          told.available(
              sku, node.id(), channel, available.report(sku, node.id(), channel, granted));
        }
        told.published(
            sku,
            channel,
            published.report(sku, channel, real.availableToPromise(sku, channel), takeable));
      }
    }
    return told.build();
  }

  @Override
  public long availableToPromise(Sku sku, ChannelId channel) {
    if (!faulty()) {
      return pool.availableToPromise(sku, channel);
    }
    return snapshot(List.of(sku)).availableToPromise(sku, channel);
  }

  @Override
  public long[] availableToPromise(List<Sku> skus, ChannelId channel) {
    long[] shown = new long[skus.size()];
    for (int i = 0; i < shown.length; i++) {
      shown[i] = availableToPromise(skus.get(i), channel);
    }
    return shown;
  }

  @Override
  public Position position(Sku sku, NodeId node) {
    Position real = pool.position(sku, node);
    return faulty() ? position.apply(real) : real;
  }

  @Override
  public Outcome<Reservation> reserve(ReserveRequest request) {
    if (faulty() && refused.test(request)) {
      return Outcome.rejected(RejectionReason.INSUFFICIENT_STOCK, "refused by the planted fault");
    }
    Outcome<Reservation> outcome = pool.reserve(request);
    reserved |= outcome.isApplied();
    return outcome;
  }

  @Override
  public Outcome<Position> receive(IdempotencyKey key, Sku sku, NodeId node, long quantity) {
    return pool.receive(key, sku, node, quantity);
  }

  @Override
  public Outcome<Position> adjust(IdempotencyKey key, Sku sku, NodeId node, Adjustment adjustment) {
    return pool.adjust(key, sku, node, adjustment);
  }

  @Override
  public Outcome<Reservation> confirm(IdempotencyKey key, ReservationId reservation) {
    return pool.confirm(key, reservation);
  }

  @Override
  public Outcome<Reservation> release(IdempotencyKey key, ReservationId reservation) {
    return pool.release(key, reservation);
  }

  @Override
  public Outcome<Reservation> fulfil(IdempotencyKey key, ReservationId reservation) {
    return pool.fulfil(key, reservation);
  }

  @Override
  public Outcome<Reservation> fulfil(
      IdempotencyKey key, ReservationId reservation, Sku sku, NodeId node, long quantity) {
    return pool.fulfil(key, reservation, sku, node, quantity);
  }

  @Override
  public Outcome<Transfer> shipTransfer(
      IdempotencyKey key, Sku sku, NodeId from, NodeId to, long quantity) {
    return pool.shipTransfer(key, sku, from, to, quantity);
  }

  @Override
  public Outcome<Transfer> receiveTransfer(IdempotencyKey key, TransferId transfer, long quantity) {
    return pool.receiveTransfer(key, transfer, quantity);
  }

  @Override
  public Outcome<Position> quarantine(
      IdempotencyKey key, Sku sku, NodeId node, long quantity, boolean fromOnHand, String reason) {
    return pool.quarantine(key, sku, node, quantity, fromOnHand, reason);
  }

  @Override
  public Outcome<Position> restock(IdempotencyKey key, Sku sku, NodeId node, long quantity) {
    return pool.restock(key, sku, node, quantity);
  }

  @Override
  public Outcome<Position> writeOff(
      IdempotencyKey key, Sku sku, NodeId node, long quantity, String reason) {
    return pool.writeOff(key, sku, node, quantity, reason);
  }

  @Override
  public SkuHandle handle(Sku sku) {
    return pool.handle(sku);
  }

  @Override
  public AvailabilityExplanation explain(Sku sku, ChannelId channel) {
    return pool.explain(sku, channel);
  }

  @Override
  public Optional<Reservation> reservation(ReservationId reservation) {
    return pool.reservation(reservation);
  }

  @Override
  public Optional<Transfer> transfer(TransferId transfer) {
    return pool.transfer(transfer);
  }

  @Override
  public Set<Sku> skus() {
    return pool.skus();
  }

  @Override
  public List<Node> nodes() {
    return pool.nodes();
  }

  @Override
  public List<ChannelId> channels() {
    return pool.channels();
  }

  @Override
  public AllocationPolicy policy(ChannelId channel) {
    return pool.policy(channel);
  }

  @Override
  public int expireHolds() {
    return pool.expireHolds();
  }

  @Override
  public List<String> policyReport() {
    return pool.policyReport();
  }
}
