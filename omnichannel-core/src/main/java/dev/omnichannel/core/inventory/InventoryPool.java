package dev.omnichannel.core.inventory;

import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.IdempotencyKey;
import dev.omnichannel.core.NodeId;
import dev.omnichannel.core.Sku;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One pool of stock shared by every sales channel: positions per (SKU, node), reservations for
 * channels, and the number each channel is shown under its {@link AllocationPolicy}.
 *
 * <p>Every mutating command carries an {@link IdempotencyKey}: repeating a command with the same
 * key returns the first outcome (an equal value, not necessarily the same instance) and changes
 * nothing; using the key for a different command is rejected with {@link
 * RejectionReason#IDEMPOTENCY_KEY_REUSED}. A command either applies whole or is rejected and
 * changes nothing. Expected business outcomes are {@link Outcome} rejections; naming an unknown
 * SKU, node, channel or reservation throws {@link UnknownReferenceException}; an invalid argument
 * throws {@link IllegalArgumentException}. In both cases the pool is unchanged.
 *
 * <p>Invariants, under any concurrency: reserved never exceeds on hand at any node; a channel shown
 * {@code N} units can reserve {@code N} at that moment; no reservation takes units ring-fenced for
 * another channel; a hold past its expiry stops counting at that instant, whether or not {@link
 * #expireHolds()} ran; the journal replays to the current positions.
 *
 * <p>Thread-safe. State is partitioned by SKU with no global lock; commands on different SKUs run
 * in parallel, and a multi-SKU reservation locks its SKUs in a fixed order. Build one with {@link
 * #builder()}.
 *
 * @since 0.1.0
 */
public interface InventoryPool {

  /** Returns a builder with in-memory defaults: the system clock, an in-memory journal. */
  static InventoryPoolBuilder builder() {
    return new InventoryPoolBuilder();
  }

  /**
   * Adds {@code quantity} units of {@code sku} on hand at {@code node}. Receiving a SKU the pool
   * has not seen declares it.
   *
   * @return the position after the receipt
   * @throws IllegalArgumentException if {@code quantity} is below 1 or {@code sku} is a bundle (a
   *     bundle holds no stock of its own: receive its components)
   * @throws UnknownReferenceException if the node is unknown
   */
  Outcome<Position> receive(IdempotencyKey key, Sku sku, NodeId node, long quantity);

  /**
   * Corrects on hand by a count or a delta. Rejected with {@link RejectionReason#BELOW_RESERVED} if
   * on hand would fall below what is reserved there: release or move those reservations first.
   *
   * @return the position after the adjustment
   */
  Outcome<Position> adjust(IdempotencyKey key, Sku sku, NodeId node, Adjustment adjustment);

  /**
   * Reserves every line of {@code request} for its channel, or nothing. A line without a node takes
   * units from the channel's eligible nodes in policy order; a bundle line reserves its components.
   *
   * @return the reservation, or a rejection naming the first line that did not fit
   */
  Outcome<Reservation> reserve(ReserveRequest request);

  /**
   * Turns a hold into a firm reservation. Rejected with {@link RejectionReason#HOLD_EXPIRED} if it
   * expired; confirming a firm reservation returns it unchanged.
   */
  Outcome<Reservation> confirm(IdempotencyKey key, ReservationId reservation);

  /**
   * Gives back everything a reservation still holds. Releasing a reservation that no longer holds
   * stock (released, expired, fulfilled) returns it unchanged: releasing twice is not an error.
   */
  Outcome<Reservation> release(IdempotencyKey key, ReservationId reservation);

  /**
   * Ships everything a firm reservation still holds: on hand and reserved drop together. Rejected
   * with {@link RejectionReason#RESERVATION_NOT_ACTIVE} for a reservation that holds nothing, and
   * for a hold (confirm it first).
   */
  Outcome<Reservation> fulfil(IdempotencyKey key, ReservationId reservation);

  /**
   * Ships {@code quantity} units of {@code sku} from {@code node} out of a firm reservation (a
   * partial shipment). Rejected with {@link RejectionReason#EXCEEDS_RESERVED} if the reservation
   * holds fewer there.
   */
  Outcome<Reservation> fulfil(
      IdempotencyKey key, ReservationId reservation, Sku sku, NodeId node, long quantity);

  /**
   * Ships {@code quantity} free units from {@code from} to {@code to}; they are in transit at
   * {@code to} until received.
   */
  Outcome<Transfer> shipTransfer(
      IdempotencyKey key, Sku sku, NodeId from, NodeId to, long quantity);

  /** Receives {@code quantity} units of a transfer on hand at its destination. */
  Outcome<Transfer> receiveTransfer(IdempotencyKey key, TransferId transfer, long quantity);

  /**
   * Puts units into quarantine at a node: returned goods arriving ({@code fromOnHand = false}), or
   * free sellable units pulled for inspection ({@code fromOnHand = true}).
   */
  Outcome<Position> quarantine(
      IdempotencyKey key, Sku sku, NodeId node, long quantity, boolean fromOnHand, String reason);

  /** Makes quarantined units sellable on hand again, after grading. */
  Outcome<Position> restock(IdempotencyKey key, Sku sku, NodeId node, long quantity);

  /** Writes quarantined units off (disposed, liquidated, returned to vendor). */
  Outcome<Position> writeOff(
      IdempotencyKey key, Sku sku, NodeId node, long quantity, String reason);

  /**
   * Returns the quantity published to {@code channel} for {@code sku} now. Wait-free unless a hold
   * of the SKU has just expired, in which case the expiry is applied first.
   *
   * @throws UnknownReferenceException if the SKU or channel is unknown
   */
  long availableToPromise(Sku sku, ChannelId channel);

  /**
   * Returns the quantity published to {@code channel} for each of {@code skus}, in their order: the
   * same numbers as {@link #availableToPromise(Sku, ChannelId)} for each, but the SKUs are looked
   * up together, so that the processor overlaps their memory reads; for feeds and catalogue pages
   * that read many SKUs at once. Each number is current at some instant during the call; the
   * numbers together are not a snapshot (see {@link #snapshot}).
   *
   * @throws UnknownReferenceException if a SKU or the channel is unknown
   * @throws NullPointerException if {@code skus} is or holds null
   */
  long[] availableToPromise(List<Sku> skus, ChannelId channel);

  /**
   * Resolves {@code sku} once and returns a handle that reads its published numbers without looking
   * it up again: for hosts that serve the same catalogue at high rates (product pages, channel
   * feeds) and keep one handle per SKU. A handle reads exactly what {@link #availableToPromise}
   * returns, applies due expiries the same way, and stays valid for the pool's lifetime.
   *
   * @throws UnknownReferenceException if the SKU is unknown
   */
  SkuHandle handle(Sku sku);

  /** Returns how {@link #availableToPromise} was computed for {@code sku} and {@code channel}. */
  AvailabilityExplanation explain(Sku sku, ChannelId channel);

  /** Returns the stock of {@code sku} at {@code node}. */
  Position position(Sku sku, NodeId node);

  /** Returns the reservation's current state, if the pool issued it. */
  Optional<Reservation> reservation(ReservationId reservation);

  /** Returns the transfer's current state, if the pool issued it. */
  Optional<Transfer> transfer(TransferId transfer);

  /**
   * Returns a consistent snapshot of {@code skus} for routing: all of them as they stood at one
   * instant. Unknown SKUs are left out (they have nothing to give).
   */
  AvailabilitySnapshot snapshot(Collection<Sku> skus);

  /** Returns every SKU the pool knows, bundles included. */
  Set<Sku> skus();

  /** Returns the pool's nodes, in the order they were given to the builder. */
  java.util.List<Node> nodes();

  /** Returns the pool's channels, in the order they were given to the builder. */
  java.util.List<ChannelId> channels();

  /** Returns the policy of {@code channel}. */
  AllocationPolicy policy(ChannelId channel);

  /**
   * Applies every hold expiry that is due now, emitting its movements and availability events, and
   * returns how many holds expired. Optional: expired holds stop counting whether or not this runs.
   */
  int expireHolds();

  /**
   * Returns findings about the configuration against the current stock: ring-fences above the stock
   * they fence, cut-offs not ordered by priority. An empty list means nothing to report.
   */
  java.util.List<String> policyReport();
}
