package dev.omnichannel.core.inventory;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.Verify;
import com.google.common.base.VerifyException;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.IdempotencyKey;
import dev.omnichannel.core.NodeId;
import dev.omnichannel.core.Sku;
import dev.omnichannel.core.inventory.spi.AvailabilityListener;
import dev.omnichannel.core.inventory.spi.InventoryJournal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory pool. State is partitioned by SKU: each {@link SkuState} has its own lock, commands
 * on several SKUs lock them in SKU order, and published numbers are read without locks. Every
 * command runs through {@link #execute}, which makes it idempotent.
 */
final class DefaultInventoryPool implements InventoryPool {
  private static final Logger LOG = LoggerFactory.getLogger(InventoryPool.class);
  private static final int MAX_REPORT_FINDINGS = 100;

  private final ImmutableList<Node> nodes;
  private final NodeId[] nodeIds;
  private final ImmutableMap<NodeId, Integer> nodeIndex;
  private final ImmutableList<ChannelId> channels;
  private final ImmutableMap<ChannelId, Integer> channelIndex;
  private final ChannelRule[] rules;
  private final long[] totalFence;
  private final SkuIndex skus;
  private final ImmutableMap<Sku, BundleState> bundles;
  private final ImmutableMap<Sku, ImmutableList<BundleState>> bundlesByComponent;

  /** Reservations that hold stock. */
  private final ConcurrentHashMap<ReservationId, ReservationRecord> reservations =
      new ConcurrentHashMap<>();

  /** Reservations that no longer hold stock, remembered as long as idempotency keys are. */
  private final SettledReservations settled;

  private final ChannelId[] channelArray;
  private final ConcurrentHashMap<TransferId, TransferRecord> transfers = new ConcurrentHashMap<>();
  private final IdempotencyStore idempotency;
  private final RecordCodec codec;
  private final AtomicLong movementSequence = new AtomicLong();
  private final AtomicLong reservationSequence = new AtomicLong();
  private final AtomicLong transferSequence = new AtomicLong();
  private final Clock clock;
  private final InventoryJournal journal;
  private final AvailabilityListener[] listeners;

  /** True only while {@link #replay} runs, single-threaded, before the pool is published. */
  private boolean replaying;

  DefaultInventoryPool(InventoryPoolBuilder builder) {
    this.nodes = builder.nodeList();
    this.nodeIds = new NodeId[nodes.size()];
    ImmutableMap.Builder<NodeId, Integer> index = ImmutableMap.builder();
    for (int i = 0; i < nodes.size(); i++) {
      nodeIds[i] = nodes.get(i).id();
      index.put(nodeIds[i], i);
    }
    this.nodeIndex = index.buildOrThrow();
    this.channels = ImmutableList.copyOf(builder.channels.keySet());
    ImmutableMap.Builder<ChannelId, Integer> cindex = ImmutableMap.builder();
    this.rules = new ChannelRule[channels.size()];
    List<NodeId> allNodes = Arrays.asList(nodeIds);
    for (int c = 0; c < channels.size(); c++) {
      ChannelId id = channels.get(c);
      cindex.put(id, c);
      AllocationPolicy policy = builder.channels.get(id);
      Verify.verifyNotNull(policy);
      rules[c] = new ChannelRule(c, id, policy, nodeIndex, allNodes);
    }
    this.channelIndex = cindex.buildOrThrow();
    this.totalFence = new long[nodeIds.length];
    for (ChannelRule rule : rules) {
      for (int n = 0; n < nodeIds.length; n++) {
        try {
          totalFence[n] = Math.addExact(totalFence[n], rule.fence[n]);
        } catch (ArithmeticException e) {
          throw new IllegalArgumentException(
              "ring-fences at node " + nodeIds[n] + " add up beyond " + Long.MAX_VALUE, e);
        }
      }
    }
    this.clock = builder.clock;
    this.journal = builder.journal;
    this.listeners = builder.listeners.toArray(new AvailabilityListener[0]);
    this.channelArray = channels.toArray(new ChannelId[0]);
    this.skus = new SkuIndex(channels.size(), builder.skus.size());
    SkuIndex skuIndex = skus;
    this.codec = new RecordCodec(nodeIds, channelArray, ordinal -> skuIndex.state(ordinal).sku);
    this.idempotency =
        new IdempotencyStore(
            builder.idempotencyRetention.toMillis(),
            builder.idempotencyCapacity,
            clock.millis(),
            codec);
    this.settled =
        new SettledReservations(
            builder.idempotencyRetention.toMillis(),
            Math.max(2, builder.idempotencyCapacity / 2),
            clock.millis(),
            codec);

    for (Sku sku : builder.skus) {
      checkArgument(!builder.bundles.containsKey(sku), "SKU %s is declared as a bundle", sku);
    }
    Map<Sku, List<BundleState>> byComponent = new LinkedHashMap<>();
    ImmutableMap.Builder<Sku, BundleState> bundleStates = ImmutableMap.builder();
    for (Map.Entry<Sku, ImmutableMap<Sku, Integer>> e : builder.bundles.entrySet()) {
      SkuState[] components = new SkuState[e.getValue().size()];
      long[] units = new long[components.length];
      int i = 0;
      for (Map.Entry<Sku, Integer> component : e.getValue().entrySet()) {
        components[i] = skus.computeIfAbsent(component.getKey(), this::newStateWithoutBundles);
        units[i] = component.getValue();
        i++;
      }
      BundleState bundle = new BundleState(e.getKey(), components, units, channels.size());
      bundleStates.put(e.getKey(), bundle);
      for (SkuState component : components) {
        byComponent.computeIfAbsent(component.sku, k -> new ArrayList<>()).add(bundle);
      }
    }
    this.bundles = bundleStates.buildOrThrow();
    ImmutableMap.Builder<Sku, ImmutableList<BundleState>> reverse = ImmutableMap.builder();
    byComponent.forEach((sku, list) -> reverse.put(sku, ImmutableList.copyOf(list)));
    this.bundlesByComponent = reverse.buildOrThrow();
    for (SkuState state : skus.values()) {
      state.bundles = bundlesOf(state.sku);
    }
    for (Sku sku : builder.skus) {
      skus.computeIfAbsent(sku, this::newState);
    }
  }

  private SkuState newStateWithoutBundles(Sku sku, int ordinal, long[] cells, int base) {
    return new SkuState(sku, nodeIds.length, channels.size(), ordinal, cells, base);
  }

  private SkuState newState(Sku sku, int ordinal, long[] cells, int base) {
    SkuState state = newStateWithoutBundles(sku, ordinal, cells, base);
    state.bundles = bundlesOf(sku);
    return state;
  }

  private BundleState[] bundlesOf(Sku sku) {
    ImmutableList<BundleState> list = bundlesByComponent.get(sku);
    return list == null ? SkuState.NO_BUNDLES : list.toArray(new BundleState[0]);
  }

  NodeId nodeId(int node) {
    return nodeIds[node];
  }

  // ---------------------------------------------------------------------------------------------
  // Commands

  /**
   * A command as the idempotency memory keeps it: written as words, so that a repeat is compared
   * word for word. Each kind starts with its own tag; {@link RecordCodec#writeRequest} is tag 1.
   */
  private interface Command {
    void writeTo(Words w);
  }

  private record ReceiveCommand(Sku sku, NodeId node, long quantity) implements Command {
    @Override
    public void writeTo(Words w) {
      w.put(2).putString(sku.value()).putString(node.value()).put(quantity);
    }
  }

  private record AdjustCommand(Sku sku, NodeId node, Adjustment adjustment) implements Command {
    @Override
    public void writeTo(Words w) {
      w.put(3).putString(sku.value()).putString(node.value());
      w.put(adjustment.absolute() ? 1 : 0).put(adjustment.value()).putString(adjustment.reason());
    }
  }

  private record ConfirmCommand(ReservationId reservation) implements Command {
    @Override
    public void writeTo(Words w) {
      w.put(4).putString(reservation.value());
    }
  }

  private record ReleaseCommand(ReservationId reservation) implements Command {
    @Override
    public void writeTo(Words w) {
      w.put(5).putString(reservation.value());
    }
  }

  private record FulfilAllCommand(ReservationId reservation) implements Command {
    @Override
    public void writeTo(Words w) {
      w.put(6).putString(reservation.value());
    }
  }

  private record FulfilCommand(ReservationId reservation, Sku sku, NodeId node, long quantity)
      implements Command {
    @Override
    public void writeTo(Words w) {
      w.put(7).putString(reservation.value()).putString(sku.value()).putString(node.value());
      w.put(quantity);
    }
  }

  private record ShipTransferCommand(Sku sku, NodeId from, NodeId to, long quantity)
      implements Command {
    @Override
    public void writeTo(Words w) {
      w.put(8).putString(sku.value()).putString(from.value()).putString(to.value()).put(quantity);
    }
  }

  private record ReceiveTransferCommand(TransferId transfer, long quantity) implements Command {
    @Override
    public void writeTo(Words w) {
      w.put(9).putString(transfer.value()).put(quantity);
    }
  }

  private record QuarantineCommand(
      Sku sku, NodeId node, long quantity, boolean fromOnHand, String reason) implements Command {
    @Override
    public void writeTo(Words w) {
      w.put(10).putString(sku.value()).putString(node.value()).put(quantity);
      w.put(fromOnHand ? 1 : 0).putString(reason);
    }
  }

  private record RestockCommand(Sku sku, NodeId node, long quantity) implements Command {
    @Override
    public void writeTo(Words w) {
      w.put(11).putString(sku.value()).putString(node.value()).put(quantity);
    }
  }

  private record WriteOffCommand(Sku sku, NodeId node, long quantity, String reason)
      implements Command {
    @Override
    public void writeTo(Words w) {
      w.put(12).putString(sku.value()).putString(node.value()).put(quantity).putString(reason);
    }
  }

  @Override
  public Outcome<Position> receive(IdempotencyKey key, Sku sku, NodeId node, long quantity) {
    checkNotNull(key, "key");
    checkNotNull(sku, "sku");
    checkQuantity(quantity);
    int n = node(node);
    checkNotBundle(sku, "receive");
    return execute(
        key,
        new ReceiveCommand(sku, node, quantity),
        () -> {
          SkuState s = skus.computeIfAbsent(sku, this::newState);
          s.lock();
          try {
            Tx tx = begin(key, s);
            if (s.onHand(n) > Long.MAX_VALUE - quantity) {
              return Outcome.rejected(
                  RejectionReason.WOULD_OVERFLOW,
                  "receiving " + quantity + " of " + sku + " at " + node + " would overflow");
            }
            s.addOnHand(n, quantity);
            tx.add(MovementType.RECEIVED, s, n, quantity);
            commit(tx);
            return Outcome.applied(position(s, n));
          } finally {
            s.unlock();
          }
        });
  }

  @Override
  public Outcome<Position> adjust(IdempotencyKey key, Sku sku, NodeId node, Adjustment adjustment) {
    checkNotNull(key, "key");
    checkNotNull(adjustment, "adjustment");
    int n = node(node);
    SkuState s = state(sku);
    return execute(
        key,
        new AdjustCommand(sku, node, adjustment),
        () -> {
          s.lock();
          try {
            Tx tx = begin(key, s);
            long target;
            if (adjustment.absolute()) {
              target = adjustment.value();
            } else {
              try {
                target = Math.addExact(s.onHand(n), adjustment.value());
              } catch (ArithmeticException e) {
                return Outcome.rejected(
                    RejectionReason.WOULD_OVERFLOW,
                    "adjusting "
                        + sku
                        + " at "
                        + node
                        + " by "
                        + adjustment.value()
                        + " overflows");
              }
            }
            if (target < s.reserved(n)) {
              return Outcome.rejected(
                  RejectionReason.BELOW_RESERVED,
                  "adjusting "
                      + sku
                      + " at "
                      + node
                      + " to "
                      + target
                      + " would leave less than the "
                      + s.reserved(n)
                      + " units reserved there");
            }
            long delta = target - s.onHand(n);
            s.setOnHand(n, target);
            tx.add(MovementType.ADJUSTED, s, n, delta, null, null, adjustment.reason());
            commit(tx);
            return Outcome.applied(position(s, n));
          } finally {
            s.unlock();
          }
        });
  }

  /** A reservation line resolved to a SKU state and node index ({@code -1}: pool chooses). */
  private record Line(SkuState state, int node, long quantity) {}

  @Override
  public Outcome<Reservation> reserve(ReserveRequest request) {
    checkNotNull(request, "request");
    int c = channel(request.channel());
    List<Line> lines = new ArrayList<>(request.lines().size());
    boolean overflow = false;
    for (ReservationLine line : request.lines()) {
      NodeId requested = line.node();
      int n = requested == null ? -1 : node(requested);
      BundleState bundle = bundles.get(line.sku());
      if (bundle != null) {
        for (int i = 0; i < bundle.components.length; i++) {
          long units = bundle.units[i];
          if (line.quantity() > Long.MAX_VALUE / units) {
            overflow = true;
          } else {
            lines.add(new Line(bundle.components[i], n, line.quantity() * units));
          }
        }
      } else {
        lines.add(new Line(state(line.sku()), n, line.quantity()));
      }
    }
    if (overflow) {
      return execute(
          request.key(),
          request,
          () ->
              Outcome.rejected(
                  RejectionReason.WOULD_OVERFLOW, "bundle quantities overflow: " + request));
    }
    return execute(request.key(), request, () -> doReserve(request, rules[c], lines));
  }

  private Outcome<Reservation> doReserve(
      ReserveRequest request, ChannelRule rule, List<Line> lines) {
    SkuState[] locks = lockOrder(lines);
    lockAll(locks);
    try {
      long now = clock.millis();
      for (SkuState s : locks) {
        sweep(s, now);
      }
      // Apply line by line so that later lines see what earlier ones took; undo all on a miss.
      List<Line> taken = new ArrayList<>(lines.size() + 2);
      for (Line line : lines) {
        SkuState s = line.state();
        Outcome<Reservation> miss = null;
        if (line.node() >= 0) {
          int n = line.node();
          if (!rule.isEligible[n]) {
            miss =
                Outcome.rejected(
                    RejectionReason.NODE_NOT_ELIGIBLE,
                    "channel " + rule.id + " may not sell from " + nodeIds[n]);
          } else {
            long give = takeable(s, rule) == 0 ? 0 : give(s, rule, n);
            if (give < line.quantity()) {
              miss = insufficient(rule, s, nodeIds[n], line.quantity(), give);
            } else {
              s.addReserved(n, line.quantity());
              taken.add(line);
            }
          }
        } else {
          long takeable = takeable(s, rule);
          if (takeable < line.quantity()) {
            miss = insufficient(rule, s, null, line.quantity(), takeable);
          } else {
            long left = line.quantity();
            for (int n : rule.eligible) {
              if (left == 0) {
                break;
              }
              long give = give(s, rule, n);
              if (give > 0) {
                long take = Math.min(give, left);
                s.addReserved(n, take);
                taken.add(new Line(s, n, take));
                left -= take;
              }
            }
            if (left != 0) {
              // Checked by hand: the three-argument form would box both numbers on every call.
              throw new VerifyException(
                  "takeable " + takeable + " but " + left + " left for " + s.sku);
            }
          }
        }
        if (miss != null) {
          for (Line undo : taken) {
            undo.state().addReserved(undo.node(), -undo.quantity());
          }
          return miss;
        }
      }
      ReservationRecord record = newRecord(request, rule, locks, merge(taken), now);
      reservations.put(record.id, record);
      Tx tx = begin(request.key(), now);
      for (int i = 0; i < record.states.length; i++) {
        if (record.kind == ReservationKind.HOLD) {
          // Several allocations of one SKU share a queue entry; duplicates are skipped on poll.
          if (i == 0 || record.states[i] != record.states[i - 1]) {
            record.states[i].addHold(record);
          }
        }
        tx.add(
            MovementType.RESERVED,
            record.states[i],
            record.nodes[i],
            record.quantity[i],
            record,
            null,
            null);
      }
      commit(tx);
      Reservation view = record.view(this, now);
      remember(view, record);
      return Outcome.applied(view);
    } finally {
      unlockAll(locks);
    }
  }

  private Outcome<Reservation> insufficient(
      ChannelRule rule, SkuState s, @Nullable NodeId node, long wanted, long possible) {
    return Outcome.rejected(
        RejectionReason.INSUFFICIENT_STOCK,
        "channel "
            + rule.id
            + " asked for "
            + wanted
            + " of "
            + s.sku
            + (node == null ? "" : " at " + node)
            + " but may take "
            + possible);
  }

  private ReservationRecord newRecord(
      ReserveRequest request, ChannelRule rule, SkuState[] locks, List<Line> taken, long now) {
    int size = taken.size();
    SkuState[] states = new SkuState[size];
    int[] nodeIdx = new int[size];
    long[] quantity = new long[size];
    for (int i = 0; i < size; i++) {
      Line line = taken.get(i);
      states[i] = line.state();
      nodeIdx[i] = line.node();
      quantity[i] = line.quantity();
    }
    long expiresAt = Long.MAX_VALUE;
    if (request.kind() == ReservationKind.HOLD) {
      long millis = checkNotNull(request.holdFor()).toMillis();
      expiresAt = now > Long.MAX_VALUE - millis ? Long.MAX_VALUE - 1 : now + millis;
    }
    return new ReservationRecord(
        ReservationId.of("R-" + reservationSequence.incrementAndGet()),
        request.key(),
        rule.index,
        rule.id,
        request.kind(),
        expiresAt,
        locks,
        states,
        nodeIdx,
        quantity);
  }

  /** Merges allocations of the same SKU and node, ordered by SKU then first appearance. */
  private static List<Line> merge(List<Line> taken) {
    if (taken.size() == 1) {
      return taken;
    }
    Map<SkuState, Map<Integer, Long>> merged = new LinkedHashMap<>();
    for (Line line : taken) {
      merged
          .computeIfAbsent(line.state(), k -> new LinkedHashMap<>())
          .merge(line.node(), line.quantity(), Long::sum);
    }
    List<SkuState> order = new ArrayList<>(merged.keySet());
    order.sort(null);
    List<Line> result = new ArrayList<>(taken.size());
    for (SkuState s : order) {
      Map<Integer, Long> byNode = merged.get(s);
      Verify.verifyNotNull(byNode);
      byNode.forEach((n, q) -> result.add(new Line(s, n, q)));
    }
    return result;
  }

  @Override
  public Outcome<Reservation> confirm(IdempotencyKey key, ReservationId reservation) {
    checkNotNull(key, "key");
    return onReservation(
        key,
        reservation,
        new ConfirmCommand(reservation),
        (r, now) -> {
          if (r.state == ReservationState.EXPIRED) {
            return Outcome.rejected(
                RejectionReason.HOLD_EXPIRED,
                "hold " + r.id + " expired at " + Instant.ofEpochMilli(r.expiresAtMillis));
          }
          if (r.state != ReservationState.ACTIVE) {
            return Outcome.rejected(
                RejectionReason.RESERVATION_NOT_ACTIVE,
                "reservation " + r.id + " is " + r.state + "; nothing to confirm");
          }
          if (r.kind == ReservationKind.FIRM) {
            return Outcome.applied(r.view(this, now));
          }
          r.kind = ReservationKind.FIRM;
          Tx tx = begin(key, now);
          for (int i = 0; i < r.states.length; i++) {
            tx.add(
                MovementType.CONFIRMED,
                r.states[i],
                r.nodes[i],
                r.quantity[i] - r.fulfilled[i],
                r,
                null,
                null);
          }
          commit(tx);
          return Outcome.applied(r.view(this, now));
        });
  }

  @Override
  public Outcome<Reservation> release(IdempotencyKey key, ReservationId reservation) {
    checkNotNull(key, "key");
    return onReservation(
        key,
        reservation,
        new ReleaseCommand(reservation),
        (r, now) -> {
          if (r.state != ReservationState.ACTIVE) {
            return Outcome.applied(r.view(this, now));
          }
          Tx tx = begin(key, now);
          for (int i = 0; i < r.states.length; i++) {
            if (!r.settled[i]) {
              long remaining = r.quantity[i] - r.fulfilled[i];
              r.states[i].addReserved(r.nodes[i], -remaining);
              tx.add(MovementType.RELEASED, r.states[i], r.nodes[i], remaining, r, null, null);
              settle(r, i, ReservationState.RELEASED);
            }
          }
          commit(tx);
          return Outcome.applied(outcomeView(r, now));
        });
  }

  @Override
  public Outcome<Reservation> fulfil(IdempotencyKey key, ReservationId reservation) {
    checkNotNull(key, "key");
    return onReservation(
        key,
        reservation,
        new FulfilAllCommand(reservation),
        (r, now) -> {
          Outcome<Reservation> inactive = checkFulfillable(r);
          if (inactive != null) {
            return inactive;
          }
          Tx tx = begin(key, now);
          for (int i = 0; i < r.states.length; i++) {
            if (!r.settled[i]) {
              ship(tx, r, i, r.quantity[i] - r.fulfilled[i]);
            }
          }
          commit(tx);
          return Outcome.applied(outcomeView(r, now));
        });
  }

  @Override
  public Outcome<Reservation> fulfil(
      IdempotencyKey key, ReservationId reservation, Sku sku, NodeId node, long quantity) {
    checkNotNull(key, "key");
    checkNotNull(sku, "sku");
    checkQuantity(quantity);
    int n = node(node);
    return onReservation(
        key,
        reservation,
        new FulfilCommand(reservation, sku, node, quantity),
        (r, now) -> {
          Outcome<Reservation> inactive = checkFulfillable(r);
          if (inactive != null) {
            return inactive;
          }
          long held = 0;
          int index = -1;
          for (int i = 0; i < r.states.length; i++) {
            if (r.states[i].sku.equals(sku) && r.nodes[i] == n && !r.settled[i]) {
              index = i;
              held = r.quantity[i] - r.fulfilled[i];
            }
          }
          if (index < 0 || held < quantity) {
            return Outcome.rejected(
                RejectionReason.EXCEEDS_RESERVED,
                "reservation "
                    + r.id
                    + " holds "
                    + held
                    + " of "
                    + sku
                    + " at "
                    + node
                    + "; cannot ship "
                    + quantity);
          }
          Tx tx = begin(key, now);
          ship(tx, r, index, quantity);
          commit(tx);
          return Outcome.applied(outcomeView(r, now));
        });
  }

  /** The body of a command on an active reservation, run with its SKUs locked and swept. */
  @FunctionalInterface
  private interface ReservationBody {
    Outcome<Reservation> apply(ReservationRecord r, long now);
  }

  /**
   * Runs {@code command} on a reservation: idempotently, with every SKU of the reservation locked
   * and its due expiries applied first; a retired (settled) reservation answers like a settled
   * active one.
   */
  private Outcome<Reservation> onReservation(
      IdempotencyKey key, ReservationId id, Object command, ReservationBody body) {
    ReservationRecord r = active(id);
    if (r == null) {
      Reservation done = settledView(id);
      return execute(key, command, () -> onSettled(done, command));
    }
    return execute(
        key,
        command,
        () -> {
          Outcome<Reservation> outcome;
          long now;
          boolean settledHere;
          lockAll(r.locks);
          try {
            now = clock.millis();
            for (SkuState s : r.locks) {
              sweep(s, now);
            }
            boolean wasActive = r.state == ReservationState.ACTIVE;
            outcome = body.apply(r, now);
            settledHere = wasActive && r.state != ReservationState.ACTIVE;
          } finally {
            unlockAll(r.locks);
          }
          if (settledHere) {
            // Retired once the SKUs are free, by the command that settled it: a settled record
            // changes no more, and on a hot SKU the settled reservations' memory and the active
            // map are work the SKU's other commands need not wait for. Until then lookups find
            // the record, settled, in the active map.
            retire(r, now, true);
          }
          return outcome;
        });
  }

  /**
   * Returns the view of {@code r}, which the running command settled or changed, as its outcome;
   * {@link #onReservation} retires it once the SKUs are unlocked if it holds nothing any more.
   */
  private Reservation outcomeView(ReservationRecord r, long now) {
    Reservation view = r.view(this, now);
    remember(view, r);
    return view;
  }

  /**
   * Moves {@code r}, if it holds nothing any more and is still in the active map, to the settled
   * reservations. Called by the command that settled it, with its SKUs locked or, once it has
   * unlocked them, from the thread that settled it. When the running command's outcome is {@code
   * r}'s view ({@code outcome}), the words it remembered for it serve both (written once);
   * otherwise, as for a hold that expired, they are written anew.
   */
  private void retire(ReservationRecord r, long now, boolean outcome) {
    if (r.state == ReservationState.ACTIVE || reservations.get(r.id) != r) {
      return;
    }
    LastView last = LAST_VIEW.get();
    Words words;
    if (outcome && last.record == r && last.view != null) {
      words = encoded(last);
    } else {
      words = SETTLED_SCRATCH.get().clear();
      codec.writeOutcome(r.view(this, now), r, words);
    }
    // Settled first, then out of the active map: a concurrent lookup always finds one of them.
    settled.add(r.id, words, now);
    reservations.remove(r.id, r);
  }

  /** Where a reservation settled outside a command's outcome is written; used within one call. */
  private static final ThreadLocal<Words> SETTLED_SCRATCH =
      ThreadLocal.withInitial(() -> new Words(64));

  /**
   * The reservation view the running command on this thread returns, with its record and, once
   * written, its outcome's words: {@link #execute} then has the outcome remembered from the record
   * (SKUs by number, cheaper than by value), and a settled reservation is written once for both the
   * settled reservations and the outcome.
   */
  private static final class LastView {
    @Nullable Reservation view;
    @Nullable ReservationRecord record;
    final Words words = new Words(64);
    boolean written;
  }

  private static final ThreadLocal<LastView> LAST_VIEW = ThreadLocal.withInitial(LastView::new);

  /** Remembers {@code view}, made from {@code record}, as the running command's outcome. */
  private static LastView remember(Reservation view, ReservationRecord record) {
    LastView last = LAST_VIEW.get();
    last.view = view;
    last.record = record;
    last.written = false;
    return last;
  }

  /** Returns the words of {@code Outcome.applied(last.view)}, writing them on first use. */
  private Words encoded(LastView last) {
    if (!last.written) {
      codec.writeOutcome(
          Verify.verifyNotNull(last.view), Verify.verifyNotNull(last.record), last.words.clear());
      last.written = true;
    }
    return last.words;
  }

  /**
   * Returns the words of {@code outcome} if it is the view the running command remembered, written
   * from its record; else null. Forgets the view either way: a command a listener started inside
   * this one has finished by now, and this one's view is used once.
   */
  private @Nullable Words encodedOutcome(Outcome<?> outcome) {
    if (!(outcome instanceof Outcome.Applied<?> applied)) {
      return null;
    }
    LastView last = LAST_VIEW.get();
    Reservation view = last.view;
    if (view == null) {
      return null;
    }
    Words words = applied.value() == view ? encoded(last) : null;
    last.view = null;
    last.record = null;
    return words;
  }

  private @Nullable Outcome<Reservation> checkFulfillable(ReservationRecord r) {
    if (r.state != ReservationState.ACTIVE) {
      return Outcome.rejected(
          RejectionReason.RESERVATION_NOT_ACTIVE,
          "reservation " + r.id + " is " + r.state + "; nothing to ship");
    }
    if (r.kind == ReservationKind.HOLD) {
      return Outcome.rejected(
          RejectionReason.RESERVATION_NOT_ACTIVE,
          "reservation " + r.id + " is a hold; confirm it before shipping");
    }
    return null;
  }

  private void ship(Tx tx, ReservationRecord r, int i, long quantity) {
    SkuState s = r.states[i];
    int n = r.nodes[i];
    s.addOnHand(n, -quantity);
    s.addReserved(n, -quantity);
    r.fulfilled[i] += quantity;
    tx.add(MovementType.FULFILLED, s, n, quantity, r, null, null);
    if (r.fulfilled[i] == r.quantity[i]) {
      settle(r, i, ReservationState.FULFILLED);
    }
  }

  /** Marks allocation {@code i} settled; the last settlement decides the reservation's state. */
  private static void settle(ReservationRecord r, int i, ReservationState how) {
    r.settled[i] = true;
    if (r.allSettled()) {
      r.state = how;
    }
  }

  @Override
  public Outcome<Transfer> shipTransfer(
      IdempotencyKey key, Sku sku, NodeId from, NodeId to, long quantity) {
    checkNotNull(key, "key");
    checkQuantity(quantity);
    int f = node(from);
    int t = node(to);
    checkArgument(f != t, "a transfer needs two different nodes: %s", from);
    SkuState s = state(sku);
    return execute(
        key,
        new ShipTransferCommand(sku, from, to, quantity),
        () -> {
          s.lock();
          try {
            Tx tx = begin(key, s);
            if (s.free(f) < quantity) {
              return Outcome.rejected(
                  RejectionReason.EXCEEDS_BUCKET,
                  "transfer of "
                      + quantity
                      + " "
                      + sku
                      + " from "
                      + from
                      + " but only "
                      + s.free(f)
                      + " are free there");
            }
            if (s.inTransit(t) > Long.MAX_VALUE - quantity) {
              return Outcome.rejected(
                  RejectionReason.WOULD_OVERFLOW, "in transit to " + to + " would overflow");
            }
            TransferRecord transfer =
                new TransferRecord(
                    TransferId.of("T-" + transferSequence.incrementAndGet()), s, f, t, quantity);
            s.addOnHand(f, -quantity);
            s.addInTransit(t, quantity);
            transfers.put(transfer.id, transfer);
            tx.add(MovementType.TRANSFER_SHIPPED, s, f, quantity, null, transfer, null);
            commit(tx);
            return Outcome.applied(view(transfer));
          } finally {
            s.unlock();
          }
        });
  }

  @Override
  public Outcome<Transfer> receiveTransfer(IdempotencyKey key, TransferId id, long quantity) {
    checkNotNull(key, "key");
    checkNotNull(id, "transfer");
    checkQuantity(quantity);
    TransferRecord transfer = transfers.get(id);
    if (transfer == null) {
      throw new UnknownReferenceException(UnknownReferenceException.Kind.TRANSFER, id.value());
    }
    SkuState s = transfer.state;
    return execute(
        key,
        new ReceiveTransferCommand(id, quantity),
        () -> {
          s.lock();
          try {
            Tx tx = begin(key, s);
            long inTransit = transfer.quantity - transfer.received;
            if (quantity > inTransit) {
              return Outcome.rejected(
                  RejectionReason.EXCEEDS_BUCKET,
                  "transfer "
                      + id
                      + " has "
                      + inTransit
                      + " in transit; cannot receive "
                      + quantity);
            }
            if (s.onHand(transfer.to) > Long.MAX_VALUE - quantity) {
              return Outcome.rejected(
                  RejectionReason.WOULD_OVERFLOW,
                  "on hand at " + nodeIds[transfer.to] + " would overflow");
            }
            s.addInTransit(transfer.to, -quantity);
            s.addOnHand(transfer.to, quantity);
            transfer.received += quantity;
            tx.add(MovementType.TRANSFER_RECEIVED, s, transfer.to, quantity, null, transfer, null);
            commit(tx);
            return Outcome.applied(view(transfer));
          } finally {
            s.unlock();
          }
        });
  }

  @Override
  public Outcome<Position> quarantine(
      IdempotencyKey key, Sku sku, NodeId node, long quantity, boolean fromOnHand, String reason) {
    checkNotNull(key, "key");
    checkNotNull(reason, "reason");
    checkQuantity(quantity);
    int n = node(node);
    checkNotBundle(sku, "quarantine");
    if (fromOnHand) {
      state(sku);
    }
    return execute(
        key,
        new QuarantineCommand(sku, node, quantity, fromOnHand, reason),
        () -> {
          SkuState s = skus.computeIfAbsent(sku, this::newState);
          s.lock();
          try {
            Tx tx = begin(key, s);
            if (fromOnHand && s.free(n) < quantity) {
              return Outcome.rejected(
                  RejectionReason.EXCEEDS_BUCKET,
                  "cannot pull "
                      + quantity
                      + " of "
                      + sku
                      + " at "
                      + node
                      + " into quarantine: "
                      + s.free(n)
                      + " are free");
            }
            if (s.quarantined(n) > Long.MAX_VALUE - quantity) {
              return Outcome.rejected(
                  RejectionReason.WOULD_OVERFLOW, "quarantine at " + node + " would overflow");
            }
            if (fromOnHand) {
              s.addOnHand(n, -quantity);
            }
            s.addQuarantined(n, quantity);
            tx.add(
                fromOnHand ? MovementType.PULLED_TO_QUARANTINE : MovementType.QUARANTINED,
                s,
                n,
                quantity,
                null,
                null,
                reason);
            commit(tx);
            return Outcome.applied(position(s, n));
          } finally {
            s.unlock();
          }
        });
  }

  @Override
  public Outcome<Position> restock(IdempotencyKey key, Sku sku, NodeId node, long quantity) {
    checkNotNull(key, "key");
    checkQuantity(quantity);
    int n = node(node);
    SkuState s = state(sku);
    return execute(
        key,
        new RestockCommand(sku, node, quantity),
        () -> fromQuarantine(key, s, n, quantity, MovementType.RESTOCKED, null));
  }

  @Override
  public Outcome<Position> writeOff(
      IdempotencyKey key, Sku sku, NodeId node, long quantity, String reason) {
    checkNotNull(key, "key");
    checkNotNull(reason, "reason");
    checkQuantity(quantity);
    int n = node(node);
    SkuState s = state(sku);
    return execute(
        key,
        new WriteOffCommand(sku, node, quantity, reason),
        () -> fromQuarantine(key, s, n, quantity, MovementType.WRITTEN_OFF, reason));
  }

  private Outcome<Position> fromQuarantine(
      IdempotencyKey key,
      SkuState s,
      int n,
      long quantity,
      MovementType type,
      @Nullable String reason) {
    s.lock();
    try {
      Tx tx = begin(key, s);
      if (s.quarantined(n) < quantity) {
        return Outcome.rejected(
            RejectionReason.EXCEEDS_BUCKET,
            s.quarantined(n)
                + " of "
                + s.sku
                + " are quarantined at "
                + nodeIds[n]
                + "; cannot take "
                + quantity);
      }
      if (type == MovementType.RESTOCKED && s.onHand(n) > Long.MAX_VALUE - quantity) {
        return Outcome.rejected(
            RejectionReason.WOULD_OVERFLOW, "on hand at " + nodeIds[n] + " would overflow");
      }
      s.addQuarantined(n, -quantity);
      if (type == MovementType.RESTOCKED) {
        s.addOnHand(n, quantity);
      }
      tx.add(type, s, n, quantity, null, null, reason);
      commit(tx);
      return Outcome.applied(position(s, n));
    } finally {
      s.unlock();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Queries

  @Override
  public long availableToPromise(Sku sku, ChannelId channel) {
    int c = channel(channel);
    // One entry of the index has the key and a copy of the published numbers: one miss at most.
    long value = skus.published(checkNotNull(sku, "sku"), c);
    if (value != SkuIndex.LOOK_FURTHER) {
      return value;
    }
    int ordinal = skus.find(sku);
    if (ordinal >= 0) {
      // A hold on the SKU may be due: to the SKU's row of cells, its next expiry and numbers.
      long[] cells = skus.cells(ordinal);
      int base = skus.base(ordinal);
      if (SkuIndex.read(cells, base) != Long.MAX_VALUE) {
        sweepIfDue(skus.state(ordinal));
      }
      return SkuIndex.read(cells, base + 1 + c);
    }
    BundleState bundle = bundles.get(sku);
    if (bundle == null) {
      throw new UnknownReferenceException(UnknownReferenceException.Kind.SKU, sku.value());
    }
    for (SkuState component : bundle.components) {
      if (component.nextExpiry() != Long.MAX_VALUE) {
        sweepIfDue(component);
      }
    }
    return bundle.published.get(c);
  }

  @Override
  public long[] availableToPromise(List<Sku> skus, ChannelId channel) {
    int c = channel(channel);
    long[] out = new long[checkNotNull(skus, "skus").size()];
    this.skus.published(skus, c, out);
    for (int i = 0; i < out.length; i++) {
      if (out[i] == SkuIndex.LOOK_FURTHER) {
        // A bundle, an unknown SKU, or a hold that may be due: the single read handles each.
        out[i] = availableToPromise(skus.get(i), channel);
      }
    }
    return out;
  }

  @Override
  public SkuHandle handle(Sku sku) {
    int ordinal = skus.find(checkNotNull(sku, "sku"));
    if (ordinal >= 0) {
      return new StockHandle(skus.state(ordinal), skus.cells(ordinal), skus.base(ordinal));
    }
    BundleState bundle = bundles.get(sku);
    if (bundle == null) {
      throw new UnknownReferenceException(UnknownReferenceException.Kind.SKU, sku.value());
    }
    return new SkuHandle() {
      @Override
      public Sku sku() {
        return bundle.sku;
      }

      @Override
      public long availableToPromise(ChannelId channel) {
        return DefaultInventoryPool.this.availableToPromise(bundle.sku, channel);
      }

      @Override
      public String toString() {
        return bundle.sku.value();
      }
    };
  }

  /** A handle on a stocked SKU: reads its row of cells directly. */
  private final class StockHandle implements SkuHandle {
    private final SkuState state;
    private final long[] cells;
    private final int base;

    StockHandle(SkuState state, long[] cells, int base) {
      this.state = state;
      this.cells = cells;
      this.base = base;
    }

    @Override
    public Sku sku() {
      return state.sku;
    }

    @Override
    public long availableToPromise(ChannelId channel) {
      int c = channel(channel);
      if (SkuIndex.read(cells, base) != Long.MAX_VALUE) {
        sweepIfDue(state);
      }
      return SkuIndex.read(cells, base + 1 + c);
    }

    @Override
    public String toString() {
      return state.sku.value();
    }
  }

  private void sweepIfDue(SkuState s) {
    long now = clock.millis();
    if (now >= s.nextExpiry()) {
      s.lock();
      try {
        sweep(s, now);
      } finally {
        s.unlock();
      }
    }
  }

  @Override
  public AvailabilityExplanation explain(Sku sku, ChannelId channel) {
    int c = channel(channel);
    ChannelRule rule = rules[c];
    BundleState bundle = bundles.get(checkNotNull(sku, "sku"));
    if (bundle != null) {
      ImmutableList.Builder<String> notes = ImmutableList.builder();
      long published = availableToPromise(sku, channel);
      for (int i = 0; i < bundle.components.length; i++) {
        SkuState component = bundle.components[i];
        notes.add(
            "component "
                + component.sku
                + " x"
                + bundle.units[i]
                + ": published "
                + component.published(c)
                + " -> "
                + component.published(c) / bundle.units[i]
                + " bundles");
      }
      notes.add("a bundle publishes the minimum over its components");
      return new AvailabilityExplanation(
          sku,
          channel,
          rule.policy,
          ImmutableList.of(),
          published,
          false,
          published,
          published,
          published,
          notes.build());
    }
    SkuState s = state(sku);
    s.lock();
    try {
      sweep(s, clock.millis());
      ImmutableList.Builder<AvailabilityExplanation.NodeLine> lines = ImmutableList.builder();
      ImmutableList.Builder<String> notes = ImmutableList.builder();
      long raw = 0;
      for (int n = 0; n < nodeIds.length; n++) {
        long others = totalFence[n] - rule.fence[n];
        long contributes = rule.isEligible[n] ? Math.max(0, s.free(n) - others) : 0;
        if (rule.isEligible[n]) {
          raw = saturatedAdd(raw, contributes);
        }
        lines.add(
            new AvailabilityExplanation.NodeLine(
                nodeIds[n], rule.isEligible[n], s.free(n), others, rule.fence[n], contributes));
        if (rule.fence[n] > 0 && rule.fence[n] > s.free(n)) {
          notes.add(
              "ring-fence of "
                  + rule.fence[n]
                  + " at "
                  + nodeIds[n]
                  + " is above the "
                  + s.free(n)
                  + " free units there");
        }
      }
      boolean cutOff = raw > 0 && raw < rule.cutoff;
      long takeable = cutOff ? 0 : raw;
      if (cutOff) {
        notes.add("below the scarcity cut-off of " + rule.cutoff + " units");
      }
      long afterBuffer = rule.buffer.apply(takeable, rule.rounding);
      long afterCap = Math.min(afterBuffer, rule.cap);
      long published = afterCap - afterCap % rule.lot;
      Verify.verify(published == s.published(c), "explanation disagrees with published");
      return new AvailabilityExplanation(
          sku,
          channel,
          rule.policy,
          lines.build(),
          raw,
          cutOff,
          afterBuffer,
          afterCap,
          published,
          notes.build());
    } finally {
      s.unlock();
    }
  }

  @Override
  public Position position(Sku sku, NodeId node) {
    int n = node(node);
    SkuState s = state(sku);
    s.lock();
    try {
      sweep(s, clock.millis());
      return position(s, n);
    } finally {
      s.unlock();
    }
  }

  private Position position(SkuState s, int n) {
    return new Position(
        s.sku, nodeIds[n], s.onHand(n), s.reserved(n), s.quarantined(n), s.inTransit(n));
  }

  @Override
  public Optional<Reservation> reservation(ReservationId id) {
    ReservationRecord r = reservations.get(checkNotNull(id, "reservation"));
    if (r == null) {
      return Optional.ofNullable(settled.get(id));
    }
    lockAll(r.locks);
    try {
      long now = clock.millis();
      for (SkuState s : r.locks) {
        sweep(s, now);
      }
      return Optional.of(r.view(this, now));
    } finally {
      unlockAll(r.locks);
    }
  }

  @Override
  public Optional<Transfer> transfer(TransferId id) {
    TransferRecord t = transfers.get(checkNotNull(id, "transfer"));
    if (t == null) {
      return Optional.empty();
    }
    t.state.lock();
    try {
      return Optional.of(view(t));
    } finally {
      t.state.unlock();
    }
  }

  private Transfer view(TransferRecord t) {
    return new Transfer(t.id, t.state.sku, nodeIds[t.from], nodeIds[t.to], t.quantity, t.received);
  }

  @Override
  public AvailabilitySnapshot snapshot(Collection<Sku> requested) {
    checkNotNull(requested, "skus");
    TreeSet<SkuState> states = new TreeSet<>();
    List<BundleState> wantedBundles = new ArrayList<>();
    for (Sku sku : requested) {
      SkuState s = skus.get(checkNotNull(sku, "sku"));
      if (s != null) {
        states.add(s);
      } else {
        BundleState bundle = bundles.get(sku);
        if (bundle != null) {
          wantedBundles.add(bundle);
          states.addAll(Arrays.asList(bundle.components));
        }
      }
    }
    SkuState[] locks = states.toArray(new SkuState[0]);
    lockAll(locks);
    try {
      long now = clock.millis();
      AvailabilitySnapshot.Builder builder =
          AvailabilitySnapshot.builder(Instant.ofEpochMilli(now));
      for (SkuState s : locks) {
        sweep(s, now);
        for (ChannelRule rule : rules) {
          boolean none = takeable(s, rule) == 0;
          for (int n : rule.eligible) {
            builder.available(s.sku, nodeIds[n], rule.id, none ? 0 : give(s, rule, n));
          }
          builder.published(s.sku, rule.id, s.published(rule.index));
        }
      }
      for (BundleState bundle : wantedBundles) {
        Map<Sku, Integer> components = new LinkedHashMap<>();
        for (int i = 0; i < bundle.components.length; i++) {
          components.put(bundle.components[i].sku, (int) bundle.units[i]);
        }
        builder.bundle(bundle.sku, components);
      }
      return builder.build();
    } finally {
      unlockAll(locks);
    }
  }

  private List<Sku> skuKeys() {
    List<SkuState> states = skus.values();
    List<Sku> keys = new ArrayList<>(states.size());
    for (SkuState s : states) {
      keys.add(s.sku);
    }
    return keys;
  }

  @Override
  public Set<Sku> skus() {
    return ImmutableSet.<Sku>builder().addAll(skuKeys()).addAll(bundles.keySet()).build();
  }

  @Override
  public List<Node> nodes() {
    return nodes;
  }

  @Override
  public List<ChannelId> channels() {
    return channels;
  }

  @Override
  public AllocationPolicy policy(ChannelId channel) {
    return rules[channel(channel)].policy;
  }

  @Override
  public int expireHolds() {
    long now = clock.millis();
    int expired = 0;
    for (SkuState s : skus.values()) {
      if (now >= s.nextExpiry()) {
        s.lock();
        try {
          expired += sweep(s, now);
        } finally {
          s.unlock();
        }
      }
    }
    return expired;
  }

  @Override
  public List<String> policyReport() {
    List<String> findings = new ArrayList<>();
    for (ChannelRule a : rules) {
      for (ChannelRule b : rules) {
        if (a.policy.priority() > b.policy.priority() && a.cutoff > b.cutoff) {
          findings.add(
              "channel "
                  + a.id
                  + " has priority "
                  + a.policy.priority()
                  + " over "
                  + b.id
                  + " but is cut off sooner ("
                  + a.cutoff
                  + " > "
                  + b.cutoff
                  + " units)");
        }
      }
    }
    TreeSet<SkuState> sorted = new TreeSet<SkuState>(skus.values());
    outer:
    for (SkuState s : sorted) {
      s.lock();
      try {
        for (int n = 0; n < nodeIds.length; n++) {
          if (totalFence[n] > 0 && totalFence[n] > s.free(n)) {
            findings.add(
                "ring-fences of "
                    + totalFence[n]
                    + " units at "
                    + nodeIds[n]
                    + " are above the "
                    + s.free(n)
                    + " free units of "
                    + s.sku);
            if (findings.size() >= MAX_REPORT_FINDINGS) {
              findings.add("(more findings left out)");
              break outer;
            }
          }
        }
      } finally {
        s.unlock();
      }
    }
    return ImmutableList.copyOf(findings);
  }

  // ---------------------------------------------------------------------------------------------
  // Availability

  private long give(SkuState s, ChannelRule rule, int n) {
    long give = s.free(n) - (totalFence[n] - rule.fence[n]);
    return give > 0 ? give : 0;
  }

  private long takeable(SkuState s, ChannelRule rule) {
    long sum = 0;
    for (int n : rule.eligible) {
      long give = s.free(n) - (totalFence[n] - rule.fence[n]);
      if (give > 0) {
        sum = saturatedAdd(sum, give);
      }
    }
    return sum < rule.cutoff ? 0 : sum;
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }

  private long published(SkuState s, ChannelRule rule) {
    long value = rule.buffer.apply(takeable(s, rule), rule.rounding);
    if (value > rule.cap) {
      value = rule.cap;
    }
    return value - value % rule.lot;
  }

  /** Recomputes what every channel is shown for {@code s} and its bundles; emits the changes. */
  private void publish(SkuState s, long at, @Nullable Instant known) {
    @Nullable Instant instant = known;
    for (ChannelRule rule : rules) {
      int c = rule.index;
      long previous = s.published(c);
      long current = published(s, rule);
      if (current != previous) {
        s.publish(c, current);
        long sequence = s.nextSequence(c);
        if (!replaying && listeners.length > 0) {
          if (instant == null) {
            instant = Instant.ofEpochMilli(at);
          }
          notify(new AvailabilityEvent(s.sku, rule.id, sequence, current, previous, instant));
        }
      }
    }
    for (BundleState bundle : s.bundles) {
      publish(bundle, at, instant);
    }
  }

  private void publish(BundleState bundle, long at, @Nullable Instant known) {
    synchronized (bundle) {
      for (ChannelRule rule : rules) {
        int c = rule.index;
        long previous = bundle.published.get(c);
        long current = bundle.compute(c);
        if (current != previous) {
          bundle.published.set(c, current);
          long sequence = ++bundle.sequence[c];
          if (!replaying && listeners.length > 0) {
            notify(
                new AvailabilityEvent(
                    bundle.sku,
                    rule.id,
                    sequence,
                    current,
                    previous,
                    known != null ? known : Instant.ofEpochMilli(at)));
          }
        }
      }
    }
  }

  @SuppressWarnings("CatchingUnchecked")
  private void notify(AvailabilityEvent event) {
    for (AvailabilityListener listener : listeners) {
      try {
        listener.onAvailabilityChanged(event);
      } catch (RuntimeException e) {
        LOG.warn(
            "availability listener {} failed on {} for {}; the change stands",
            listener.getClass().getName(),
            event.sku(),
            event.channel(),
            e);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Expiry

  /**
   * Expires every hold on {@code s} due at {@code now}: their units at this SKU stop counting.
   * Called with the SKU's lock held, before anything else reads or changes it. Returns the number
   * of holds that became expired as a whole.
   */
  private int sweep(SkuState s, long now) {
    if (now < s.nextExpiry()) {
      return 0;
    }
    PriorityQueue<ReservationRecord> queue = s.holds;
    int expired = 0;
    if (queue != null) {
      ReservationRecord head;
      while ((head = queue.peek()) != null && head.expiresAtMillis <= now) {
        queue.poll();
        if (head.kind != ReservationKind.HOLD || head.state != ReservationState.ACTIVE) {
          continue;
        }
        Tx tx = begin(head.key, head.expiresAtMillis);
        for (int i = 0; i < head.states.length; i++) {
          if (head.states[i] == s && !head.settled[i]) {
            long remaining = head.quantity[i] - head.fulfilled[i];
            s.addReserved(head.nodes[i], -remaining);
            tx.add(MovementType.EXPIRED, s, head.nodes[i], remaining, head, null, null);
            settle(head, i, ReservationState.EXPIRED);
          }
        }
        commit(tx);
        if (head.state == ReservationState.EXPIRED) {
          expired++;
          retire(head, now, false);
        }
      }
      s.nextExpiry(head == null ? Long.MAX_VALUE : head.expiresAtMillis);
    } else {
      s.nextExpiry(Long.MAX_VALUE);
    }
    return expired;
  }

  // ---------------------------------------------------------------------------------------------
  // Idempotency, transactions, locks

  /** Where a command is written for its claim. */
  private static final ThreadLocal<Words> COMMAND_SCRATCH =
      ThreadLocal.withInitial(() -> new Words(64));

  @SuppressWarnings("unchecked")
  private <T> Outcome<T> execute(IdempotencyKey key, Object command, Supplier<Outcome<T>> body) {
    // Needed only until the claim: a command a listener starts inside the body may reuse it.
    Words words = COMMAND_SCRATCH.get().clear();
    if (command instanceof ReserveRequest request) {
      RecordCodec.writeRequest(request, words);
    } else {
      ((Command) command).writeTo(words);
    }
    while (true) {
      IdempotencyStore.Pending mine = new IdempotencyStore.Pending();
      IdempotencyStore.Claim claim = idempotency.claim(key, words, mine, clock.millis());
      switch (claim.found()) {
        case NOTHING -> {}
        case REPLAYED -> {
          return Outcome.rejected(
              RejectionReason.IDEMPOTENCY_KEY_REUSED,
              "key "
                  + key
                  + " was applied before the pool was rebuilt from its journal; its movements are"
                  + " there");
        }
        case DIFFERENT -> {
          return Outcome.rejected(
              RejectionReason.IDEMPOTENCY_KEY_REUSED,
              "key " + key + " was used for a different command");
        }
        case DONE -> {
          return (Outcome<T>) Verify.verifyNotNull(claim.outcome());
        }
        case RUNNING -> {
          Outcome<?> first = Verify.verifyNotNull(claim.pending()).await();
          if (first != null) {
            return (Outcome<T>) first;
          }
          continue; // the first attempt failed with an exception: run again
        }
      }
      Outcome<T> outcome;
      try {
        outcome = body.get();
      } catch (RuntimeException | Error e) {
        idempotency.release(key, mine);
        throw e;
      }
      idempotency.complete(key, mine, outcome, encodedOutcome(outcome));
      return outcome;
    }
  }

  /** The movements of one command, journaled and published together on {@link #commit}. */
  private final class Tx {
    final IdempotencyKey key;
    final long at;
    @Nullable Instant instant;
    long command;
    // Most commands move one SKU once: the first movement and SKU in fields, arrays only for more.
    @Nullable Movement first;
    Movement @Nullable [] more;
    int movementCount;
    @Nullable SkuState firstTouched;
    SkuState @Nullable [] moreTouched;
    int touchedCount;

    Tx(IdempotencyKey key, long at) {
      this.key = key;
      this.at = at;
    }

    void add(MovementType type, SkuState s, int node, long quantity) {
      add(type, s, node, quantity, null, null, null);
    }

    void add(
        MovementType type,
        SkuState s,
        int node,
        long quantity,
        @Nullable ReservationRecord reservation,
        @Nullable TransferRecord transfer,
        @Nullable String reason) {
      long sequence = movementSequence.incrementAndGet();
      if (command == 0) {
        // A command is numbered by its first movement: one counter, in the order applied.
        command = sequence;
        instant = Instant.ofEpochMilli(at);
      }
      NodeId other = null;
      if (transfer != null) {
        other = nodeIds[type == MovementType.TRANSFER_SHIPPED ? transfer.to : transfer.from];
      }
      Movement movement =
          new Movement(
              sequence,
              command,
              type,
              Verify.verifyNotNull(instant),
              key,
              s.sku,
              nodeIds[node],
              quantity,
              reservation == null ? null : reservation.channelId,
              reservation == null ? null : reservation.id,
              type == MovementType.RESERVED && reservation != null ? reservation.kind : null,
              type == MovementType.RESERVED
                      && reservation != null
                      && reservation.kind == ReservationKind.HOLD
                  ? Instant.ofEpochMilli(reservation.expiresAtMillis)
                  : null,
              transfer == null ? null : transfer.id,
              other,
              reason);
      if (movementCount == 0) {
        first = movement;
      } else {
        Movement[] array = more;
        if (array == null) {
          array = new Movement[4];
          array[0] = first;
        } else if (movementCount == array.length) {
          array = Arrays.copyOf(array, movementCount * 2);
        }
        array[movementCount] = movement;
        more = array;
      }
      movementCount++;
      touch(s);
    }

    private void touch(SkuState s) {
      if (s == firstTouched) {
        return;
      }
      if (touchedCount == 0) {
        firstTouched = s;
        touchedCount = 1;
        return;
      }
      SkuState[] array = moreTouched;
      if (array == null) {
        array = new SkuState[4];
        array[0] = firstTouched;
      }
      for (int i = 0; i < touchedCount; i++) {
        if (array[i] == s) {
          return;
        }
      }
      if (touchedCount == array.length) {
        array = Arrays.copyOf(array, touchedCount * 2);
      }
      array[touchedCount++] = s;
      moreTouched = array;
    }

    Movement movement(int i) {
      Movement[] array = more;
      return Verify.verifyNotNull(array == null ? first : array[i]);
    }

    SkuState touched(int i) {
      SkuState[] array = moreTouched;
      return Verify.verifyNotNull(array == null ? firstTouched : array[i]);
    }
  }

  private Tx begin(IdempotencyKey key, long now) {
    return new Tx(key, now);
  }

  /** Sweeps {@code s} (locked by the caller) and starts a command on it. */
  private Tx begin(IdempotencyKey key, SkuState s) {
    long now = clock.millis();
    sweep(s, now);
    return new Tx(key, now);
  }

  private void commit(Tx tx) {
    for (int i = 0; i < tx.movementCount; i++) {
      journal.append(tx.movement(i));
    }
    SkuState[] touched = tx.moreTouched;
    if (touched != null) {
      Arrays.sort(touched, 0, tx.touchedCount);
    }
    for (int i = 0; i < tx.touchedCount; i++) {
      publish(tx.touched(i), tx.at, tx.instant);
    }
  }

  private static SkuState[] lockOrder(List<Line> lines) {
    if (lines.size() == 1) {
      return new SkuState[] {lines.get(0).state()};
    }
    TreeSet<SkuState> set = new TreeSet<>();
    for (Line line : lines) {
      set.add(line.state());
    }
    return set.toArray(new SkuState[0]);
  }

  private static void lockAll(SkuState[] locks) {
    for (SkuState s : locks) {
      s.lock();
    }
  }

  private static void unlockAll(SkuState[] locks) {
    for (int i = locks.length - 1; i >= 0; i--) {
      locks[i].unlock();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Lookups and checks

  private int node(NodeId node) {
    return index(nodeIds, nodeIndex, node, UnknownReferenceException.Kind.NODE);
  }

  private int channel(ChannelId channel) {
    return index(channelArray, channelIndex, channel, UnknownReferenceException.Kind.CHANNEL);
  }

  /** Finds {@code id} among the few the pool was built with: by identity first, then by value. */
  private static <T> int index(
      T[] ids, ImmutableMap<T, Integer> byValue, T id, UnknownReferenceException.Kind kind) {
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] == id) {
        return i;
      }
    }
    Integer i = byValue.get(checkNotNull(id, kind.name().toLowerCase(Locale.ROOT)));
    if (i == null) {
      throw new UnknownReferenceException(kind, id.toString());
    }
    return i;
  }

  private SkuState state(Sku sku) {
    SkuState s = skus.get(checkNotNull(sku, "sku"));
    if (s == null) {
      if (bundles.containsKey(sku)) {
        throw new IllegalArgumentException(
            "bundle " + sku + " holds no stock of its own; use its components");
      }
      throw new UnknownReferenceException(UnknownReferenceException.Kind.SKU, sku.value());
    }
    return s;
  }

  /**
   * Returns the outcome of a command on a reservation that holds nothing any more and was retired:
   * a release returns it unchanged, anything else is rejected.
   */
  private Outcome<Reservation> onSettled(Reservation done, Object command) {
    if (command instanceof ReleaseCommand) {
      return Outcome.applied(done);
    }
    if (command instanceof ConfirmCommand && done.state() == ReservationState.EXPIRED) {
      return Outcome.rejected(
          RejectionReason.HOLD_EXPIRED, "hold " + done.id() + " expired at " + done.expiresAt());
    }
    return Outcome.rejected(
        RejectionReason.RESERVATION_NOT_ACTIVE,
        "reservation " + done.id() + " is " + done.state() + "; nothing to do");
  }

  /** Returns the active record, or null if the reservation settled and was retired. */
  private @Nullable ReservationRecord active(ReservationId id) {
    ReservationRecord r = reservations.get(checkNotNull(id, "reservation"));
    if (r == null && settled.get(id) == null) {
      throw new UnknownReferenceException(UnknownReferenceException.Kind.RESERVATION, id.value());
    }
    return r;
  }

  private Reservation settledView(ReservationId id) {
    Reservation done = settled.get(id);
    if (done == null) {
      throw new UnknownReferenceException(UnknownReferenceException.Kind.RESERVATION, id.value());
    }
    return done;
  }

  private void checkNotBundle(Sku sku, String what) {
    if (bundles.containsKey(sku)) {
      throw new IllegalArgumentException(
          "cannot "
              + what
              + " bundle "
              + sku
              + ": it holds no stock of its own; use its components");
    }
  }

  private static void checkQuantity(long quantity) {
    checkArgument(quantity >= 1, "quantity must be at least 1: %s", quantity);
  }

  // ---------------------------------------------------------------------------------------------
  // Replay

  /**
   * Folds {@code movements} into this fresh pool, command by command, without journaling or
   * notifying. Publishes after each command exactly as the live pool did, so availability sequence
   * numbers continue where the journaled pool left them.
   */
  void replay(Iterable<Movement> movements) {
    replaying = true;
    try {
      long command = -1;
      TreeSet<SkuState> touched = new TreeSet<>();
      Map<ReservationId, List<Movement>> pendingReservations = new LinkedHashMap<>();
      for (Movement m : movements) {
        checkNotNull(m, "movement");
        if (m.command() != command) {
          flushReplay(touched, pendingReservations);
          command = m.command();
        }
        touched.add(apply(m, pendingReservations));
        IdempotencyStore.Pending replayed = new IdempotencyStore.Pending();
        IdempotencyStore.Claim claim =
            idempotency.claim(m.key(), IdempotencyStore.REPLAYED, replayed, clock.millis());
        if (claim.found() == IdempotencyStore.Found.NOTHING) {
          idempotency.complete(
              m.key(),
              replayed,
              Outcome.rejected(
                  RejectionReason.IDEMPOTENCY_KEY_REUSED, "replayed from the journal"));
        }
        movementSequence.accumulateAndGet(m.sequence(), Math::max);
      }
      flushReplay(touched, pendingReservations);
      long now = clock.millis();
      for (ReservationRecord r : new ArrayList<>(reservations.values())) {
        retire(r, now, false);
      }
      for (ReservationRecord r : reservations.values()) {
        if (r.state == ReservationState.ACTIVE && r.kind == ReservationKind.HOLD) {
          for (SkuState s : r.locks) {
            s.addHold(r);
          }
        }
      }
    } finally {
      replaying = false;
    }
  }

  private void flushReplay(
      SortedSet<SkuState> touched, Map<ReservationId, List<Movement>> pendingReservations) {
    for (Map.Entry<ReservationId, List<Movement>> e : pendingReservations.entrySet()) {
      List<Movement> parts = e.getValue();
      Movement first = parts.get(0);
      ChannelId channelId = checkJournal(first.channel(), first, "channel");
      int c = channelIndexOrFail(channelId, first);
      TreeSet<SkuState> lockSet = new TreeSet<>();
      SkuState[] states = new SkuState[parts.size()];
      int[] nodeIdx = new int[parts.size()];
      long[] quantity = new long[parts.size()];
      for (int i = 0; i < parts.size(); i++) {
        Movement m = parts.get(i);
        states[i] = skus.computeIfAbsent(m.sku(), this::newState);
        nodeIdx[i] = nodeOrFail(m.node(), m);
        quantity[i] = m.quantity();
        lockSet.add(states[i]);
      }
      ReservationKind kind = checkJournal(first.reservationKind(), first, "reservation kind");
      Instant expires = first.expiresAt();
      ReservationRecord r =
          new ReservationRecord(
              e.getKey(),
              first.key(),
              c,
              channelId,
              kind,
              expires == null ? Long.MAX_VALUE : expires.toEpochMilli(),
              lockSet.toArray(new SkuState[0]),
              states,
              nodeIdx,
              quantity);
      reservations.put(r.id, r);
      reservationSequence.accumulateAndGet(number(r.id.value()), Math::max);
    }
    pendingReservations.clear();
    for (SkuState s : touched) {
      publish(s, 0, null);
    }
    touched.clear();
  }

  private SkuState apply(Movement m, Map<ReservationId, List<Movement>> pendingReservations) {
    int n = nodeOrFail(m.node(), m);
    long q = m.quantity();
    if (m.type() != MovementType.ADJUSTED) {
      journalCheck(q >= 1, m, "quantity below 1");
    }
    SkuState s = skus.computeIfAbsent(m.sku(), this::newState);
    switch (m.type()) {
      case RECEIVED -> {
        journalCheck(s.onHand(n) <= Long.MAX_VALUE - q, m, "on hand overflows");
        s.addOnHand(n, q);
      }
      case ADJUSTED -> {
        long target = s.onHand(n) + q;
        journalCheck(target >= s.reserved(n), m, "on hand below reserved");
        s.setOnHand(n, target);
      }
      case RESERVED -> {
        ReservationId id = checkJournal(m.reservation(), m, "reservation");
        journalCheck(!reservations.containsKey(id), m, "reservation reserved twice");
        journalCheck(s.free(n) >= q, m, "reserves more than is free");
        s.addReserved(n, q);
        pendingReservations.computeIfAbsent(id, k -> new ArrayList<>()).add(m);
      }
      case CONFIRMED -> replayRecord(m).kind = ReservationKind.FIRM;
      case RELEASED, EXPIRED, FULFILLED -> {
        ReservationRecord r = replayRecord(m);
        int i = allocation(r, s, n, m);
        long remaining = r.quantity[i] - r.fulfilled[i];
        journalCheck(q <= remaining, m, "settles more than the reservation holds");
        s.addReserved(n, -q);
        if (m.type() == MovementType.FULFILLED) {
          s.addOnHand(n, -q);
          r.fulfilled[i] += q;
          if (r.fulfilled[i] == r.quantity[i]) {
            settle(r, i, ReservationState.FULFILLED);
          }
        } else {
          journalCheck(q == remaining, m, "releases part of an allocation");
          settle(
              r,
              i,
              m.type() == MovementType.RELEASED
                  ? ReservationState.RELEASED
                  : ReservationState.EXPIRED);
        }
      }
      case TRANSFER_SHIPPED -> {
        TransferId id = checkJournal(m.transfer(), m, "transfer");
        int to = nodeOrFail(checkJournal(m.otherNode(), m, "destination"), m);
        journalCheck(s.free(n) >= q, m, "ships more than is free");
        s.addOnHand(n, -q);
        s.addInTransit(to, q);
        transfers.put(id, new TransferRecord(id, s, n, to, q));
        transferSequence.accumulateAndGet(number(id.value()), Math::max);
      }
      case TRANSFER_RECEIVED -> {
        TransferRecord t = transfers.get(checkJournal(m.transfer(), m, "transfer"));
        journalCheck(t != null && t.to == n && t.state == s, m, "unknown transfer");
        TransferRecord transfer = Verify.verifyNotNull(t);
        journalCheck(q <= transfer.quantity - transfer.received, m, "receives more than shipped");
        s.addInTransit(n, -q);
        s.addOnHand(n, q);
        transfer.received += q;
      }
      case QUARANTINED -> s.addQuarantined(n, q);
      case PULLED_TO_QUARANTINE -> {
        journalCheck(s.free(n) >= q, m, "pulls more than is free");
        s.addOnHand(n, -q);
        s.addQuarantined(n, q);
      }
      case RESTOCKED -> {
        journalCheck(s.quarantined(n) >= q, m, "restocks more than is quarantined");
        s.addQuarantined(n, -q);
        s.addOnHand(n, q);
      }
      case WRITTEN_OFF -> {
        journalCheck(s.quarantined(n) >= q, m, "writes off more than is quarantined");
        s.addQuarantined(n, -q);
      }
    }
    return s;
  }

  private ReservationRecord replayRecord(Movement m) {
    ReservationId id = checkJournal(m.reservation(), m, "reservation");
    ReservationRecord r = reservations.get(id);
    if (r == null) {
      throw new IllegalArgumentException(
          "journal movement " + m.sequence() + " names reservation " + id + " never reserved");
    }
    return r;
  }

  private static int allocation(ReservationRecord r, SkuState s, int n, Movement m) {
    for (int i = 0; i < r.states.length; i++) {
      if (r.states[i] == s && r.nodes[i] == n && !r.settled[i]) {
        return i;
      }
    }
    throw new IllegalArgumentException(
        "journal movement " + m.sequence() + " settles nothing held by " + r.id);
  }

  private int nodeOrFail(NodeId node, Movement m) {
    Integer n = nodeIndex.get(node);
    if (n == null) {
      throw new IllegalArgumentException(
          "journal movement " + m.sequence() + " names unknown node " + node);
    }
    return n;
  }

  private int channelIndexOrFail(ChannelId channel, Movement m) {
    Integer c = channelIndex.get(channel);
    if (c == null) {
      throw new IllegalArgumentException(
          "journal movement " + m.sequence() + " names unknown channel " + channel);
    }
    return c;
  }

  private static <T> T checkJournal(@Nullable T value, Movement m, String what) {
    if (value == null) {
      throw new IllegalArgumentException(
          "journal movement " + m.sequence() + " (" + m.type() + ") lacks its " + what);
    }
    return value;
  }

  private static void journalCheck(boolean ok, Movement m, String what) {
    if (!ok) {
      throw new IllegalArgumentException(
          "journal movement " + m.sequence() + " (" + m.type() + ") is corrupt: " + what);
    }
  }

  private static long number(String id) {
    int dash = id.lastIndexOf('-');
    try {
      return Long.parseLong(id.substring(dash + 1));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  @Override
  public String toString() {
    return "InventoryPool{nodes="
        + nodes.size()
        + ", channels="
        + channels
        + ", skus="
        + skus.size()
        + "}";
  }

  /** For the drift check: every reservation id, sorted. */
  List<ReservationId> reservationIds() {
    List<ReservationId> ids = new ArrayList<>(reservations.keySet());
    for (Reservation r : settled.values()) {
      ids.add(r.id());
    }
    ids.sort((x, y) -> Long.compare(number(x.value()), number(y.value())));
    return ids;
  }

  /** For the drift check: every (SKU, channel) sequence number. */
  Map<String, Long> sequences() {
    Map<String, Long> result = new HashMap<>();
    for (SkuState s : skus.values()) {
      s.lock();
      try {
        for (ChannelRule rule : rules) {
          result.put(s.sku + "/" + rule.id, s.sequence(rule.index));
        }
      } finally {
        s.unlock();
      }
    }
    return result;
  }
}
