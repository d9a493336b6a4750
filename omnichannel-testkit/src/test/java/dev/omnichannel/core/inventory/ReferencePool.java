package dev.omnichannel.core.inventory;

import com.google.common.collect.ImmutableMap;
import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.IdempotencyKey;
import dev.omnichannel.core.NodeId;
import dev.omnichannel.core.Sku;
import dev.omnichannel.testkit.inventory.PoolCommand;
import dev.omnichannel.testkit.inventory.PoolConfig;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The reference model of the pool: the same rules written as plainly as possible, with eager
 * expiry, maps and lists. Property tests run it side by side with the real pool.
 */
final class ReferencePool {

  /** What the model expects of a command: applied, or rejected for a reason; null = no outcome. */
  record Expected(boolean applied, @Nullable RejectionReason reason) {
    static final Expected APPLIED = new Expected(true, null);

    static Expected rejected(RejectionReason reason) {
      return new Expected(false, reason);
    }
  }

  static final class Alloc {
    final Sku sku;
    final int node;
    final long quantity;
    long fulfilled;
    boolean settled;

    Alloc(Sku sku, int node, long quantity) {
      this.sku = sku;
      this.node = node;
      this.quantity = quantity;
    }
  }

  static final class Res {
    final int channel;
    ReservationKind kind;
    final long expiresAt;
    final List<Alloc> allocs;
    ReservationState state = ReservationState.ACTIVE;

    Res(int channel, ReservationKind kind, long expiresAt, List<Alloc> allocs) {
      this.channel = channel;
      this.kind = kind;
      this.expiresAt = expiresAt;
      this.allocs = allocs;
    }
  }

  static final class Xfer {
    final Sku sku;
    final int from;
    final int to;
    final long quantity;
    long received;

    Xfer(Sku sku, int from, int to, long quantity) {
      this.sku = sku;
      this.from = from;
      this.to = to;
      this.quantity = quantity;
    }
  }

  final PoolConfig config;
  final List<NodeId> nodes;
  final List<ChannelId> channels;
  final List<AllocationPolicy> policies;
  long now;
  final Map<Sku, long[]> onHand = new HashMap<>();
  final Map<Sku, long[]> reserved = new HashMap<>();
  final Map<Sku, long[]> quarantined = new HashMap<>();
  final Map<Sku, long[]> inTransit = new HashMap<>();
  final List<Res> reservations = new ArrayList<>();
  final List<Xfer> transfers = new ArrayList<>();
  final Map<IdempotencyKey, Map.Entry<PoolCommand, Expected>> keys = new HashMap<>();
  final List<Map.Entry<IdempotencyKey, PoolCommand>> history = new ArrayList<>();

  ReferencePool(PoolConfig config, long now) {
    this.config = config;
    this.now = now;
    this.nodes = config.nodes().stream().map(Node::id).toList();
    this.channels = config.channels().keySet().asList();
    this.policies = config.channels().values().asList();
    for (Sku sku : config.skus()) {
      onHand.put(sku, new long[nodes.size()]);
      reserved.put(sku, new long[nodes.size()]);
      quarantined.put(sku, new long[nodes.size()]);
      inTransit.put(sku, new long[nodes.size()]);
    }
  }

  static long[] at(Map<Sku, long[]> bucket, Sku sku) {
    return Objects.requireNonNull(bucket.get(sku), "unknown SKU in the model");
  }

  // ---- availability

  boolean eligible(int channel, int node) {
    List<NodeId> e = policies.get(channel).eligibleNodes();
    return e.isEmpty() || e.contains(nodes.get(node));
  }

  List<Integer> eligibleOrder(int channel) {
    List<NodeId> e = policies.get(channel).eligibleNodes();
    List<Integer> order = new ArrayList<>();
    for (NodeId n : e.isEmpty() ? nodes : e) {
      order.add(nodes.indexOf(n));
    }
    return order;
  }

  long fence(int channel, int node) {
    return policies.get(channel).ringFences().getOrDefault(nodes.get(node), 0L);
  }

  long give(Sku sku, int channel, int node) {
    long others = 0;
    for (int c = 0; c < channels.size(); c++) {
      if (c != channel) {
        others += fence(c, node);
      }
    }
    long free = ReferencePool.at(onHand, sku)[node] - ReferencePool.at(reserved, sku)[node];
    return Math.max(0, free - others);
  }

  long takeable(Sku sku, int channel) {
    long sum = 0;
    for (int n : eligibleOrder(channel)) {
      sum += give(sku, channel, n);
    }
    return sum < policies.get(channel).scarcityCutoff() ? 0 : sum;
  }

  long published(Sku sku, int channel) {
    ImmutableMap<Sku, Integer> components = config.bundles().get(sku);
    if (components != null) {
      long min = Long.MAX_VALUE;
      for (Map.Entry<Sku, Integer> e : components.entrySet()) {
        min = Math.min(min, published(e.getKey(), channel) / e.getValue());
      }
      return min;
    }
    AllocationPolicy p = policies.get(channel);
    long t = takeable(sku, channel);
    long v;
    if (p.safetyBuffer().percent() > 0) {
      v =
          new BigDecimal(t)
              .multiply(BigDecimal.valueOf(100 - p.safetyBuffer().percent()))
              .divide(BigDecimal.valueOf(100), 0, p.bufferRounding())
              .longValue();
      v = Math.max(0, Math.min(t, v));
    } else {
      v = Math.max(0, t - p.safetyBuffer().units());
    }
    if (p.exposureCap().isPresent()) {
      v = Math.min(v, p.exposureCap().getAsLong());
    }
    return v - v % p.lotSize();
  }

  // ---- time

  void expireDue() {
    for (Res r : reservations) {
      if (r.state == ReservationState.ACTIVE
          && r.kind == ReservationKind.HOLD
          && r.expiresAt <= now) {
        for (Alloc a : r.allocs) {
          if (!a.settled) {
            ReferencePool.at(reserved, a.sku)[a.node] -= a.quantity - a.fulfilled;
            a.settled = true;
          }
        }
        r.state = ReservationState.EXPIRED;
      }
    }
  }

  // ---- commands

  /** Applies {@code command} under {@code key}; returns what the pool must answer, or null. */
  @Nullable Expected apply(PoolCommand command, IdempotencyKey key) {
    if (command instanceof PoolCommand.Repeat r) {
      Map.Entry<IdempotencyKey, PoolCommand> prior = history.get(r.keyIndex());
      return apply(r.sameCommand() ? prior.getValue() : r.other(), prior.getKey());
    }
    if (command instanceof PoolCommand.Advance a) {
      now += a.millis();
      expireDue();
      return null;
    }
    if (command instanceof PoolCommand.ExpireHolds) {
      expireDue();
      return null;
    }
    if (command instanceof PoolCommand.ReservePublished p) {
      expireDue();
      long shown = published(p.sku(), channels.indexOf(p.channel()));
      if (shown == 0) {
        return null;
      }
      // The pool turns it into a plain reservation of the published quantity under this key.
      command =
          new PoolCommand.Reserve(
              p.channel(),
              ReservationKind.FIRM,
              0,
              com.google.common.collect.ImmutableList.of(ReservationLine.of(p.sku(), shown)));
    }
    Map.Entry<PoolCommand, Expected> seen = keys.get(key);
    if (seen != null) {
      return Objects.equals(seen.getKey(), command)
          ? seen.getValue()
          : Expected.rejected(RejectionReason.IDEMPOTENCY_KEY_REUSED);
    }
    expireDue();
    Expected result = run(command);
    keys.put(key, Map.entry(command, result));
    return result;
  }

  private Expected run(PoolCommand command) {
    if (command instanceof PoolCommand.Receive c) {
      ReferencePool.at(onHand, c.sku())[nodes.indexOf(c.node())] += c.quantity();
      return Expected.APPLIED;
    }
    if (command instanceof PoolCommand.Adjust c) {
      int n = nodes.indexOf(c.node());
      long target = c.absolute() ? c.value() : ReferencePool.at(onHand, c.sku())[n] + c.value();
      if (target < ReferencePool.at(reserved, c.sku())[n]) {
        return Expected.rejected(RejectionReason.BELOW_RESERVED);
      }
      ReferencePool.at(onHand, c.sku())[n] = target;
      return Expected.APPLIED;
    }
    if (command instanceof PoolCommand.Reserve c) {
      return reserve(c);
    }
    if (command instanceof PoolCommand.Confirm c) {
      Res r = reservations.get(c.index());
      if (r.state == ReservationState.EXPIRED) {
        return Expected.rejected(RejectionReason.HOLD_EXPIRED);
      }
      if (r.state != ReservationState.ACTIVE) {
        return Expected.rejected(RejectionReason.RESERVATION_NOT_ACTIVE);
      }
      r.kind = ReservationKind.FIRM;
      return Expected.APPLIED;
    }
    if (command instanceof PoolCommand.Release c) {
      Res r = reservations.get(c.index());
      if (r.state == ReservationState.ACTIVE) {
        for (Alloc a : r.allocs) {
          if (!a.settled) {
            ReferencePool.at(reserved, a.sku)[a.node] -= a.quantity - a.fulfilled;
            a.settled = true;
          }
        }
        r.state = ReservationState.RELEASED;
      }
      return Expected.APPLIED;
    }
    if (command instanceof PoolCommand.FulfilAll c) {
      Res r = reservations.get(c.index());
      if (r.state != ReservationState.ACTIVE || r.kind == ReservationKind.HOLD) {
        return Expected.rejected(RejectionReason.RESERVATION_NOT_ACTIVE);
      }
      for (Alloc a : r.allocs) {
        if (!a.settled) {
          long q = a.quantity - a.fulfilled;
          ReferencePool.at(onHand, a.sku)[a.node] -= q;
          ReferencePool.at(reserved, a.sku)[a.node] -= q;
          a.fulfilled = a.quantity;
          a.settled = true;
        }
      }
      r.state = ReservationState.FULFILLED;
      return Expected.APPLIED;
    }
    if (command instanceof PoolCommand.FulfilPart c) {
      Res r = reservations.get(c.index());
      if (r.state != ReservationState.ACTIVE || r.kind == ReservationKind.HOLD) {
        return Expected.rejected(RejectionReason.RESERVATION_NOT_ACTIVE);
      }
      int n = nodes.indexOf(c.node());
      for (Alloc a : r.allocs) {
        if (a.sku.equals(c.sku()) && a.node == n && !a.settled) {
          if (a.quantity - a.fulfilled < c.quantity()) {
            return Expected.rejected(RejectionReason.EXCEEDS_RESERVED);
          }
          ReferencePool.at(onHand, a.sku)[n] -= c.quantity();
          ReferencePool.at(reserved, a.sku)[n] -= c.quantity();
          a.fulfilled += c.quantity();
          if (a.fulfilled == a.quantity) {
            a.settled = true;
            if (r.allocs.stream().allMatch(x -> x.settled)) {
              r.state = ReservationState.FULFILLED;
            }
          }
          return Expected.APPLIED;
        }
      }
      return Expected.rejected(RejectionReason.EXCEEDS_RESERVED);
    }
    if (command instanceof PoolCommand.ShipTransfer c) {
      int f = nodes.indexOf(c.from());
      int t = nodes.indexOf(c.to());
      if (ReferencePool.at(onHand, c.sku())[f] - ReferencePool.at(reserved, c.sku())[f]
          < c.quantity()) {
        return Expected.rejected(RejectionReason.EXCEEDS_BUCKET);
      }
      ReferencePool.at(onHand, c.sku())[f] -= c.quantity();
      ReferencePool.at(inTransit, c.sku())[t] += c.quantity();
      transfers.add(new Xfer(c.sku(), f, t, c.quantity()));
      return Expected.APPLIED;
    }
    if (command instanceof PoolCommand.ReceiveTransfer c) {
      Xfer x = transfers.get(c.index());
      if (x.quantity - x.received < c.quantity()) {
        return Expected.rejected(RejectionReason.EXCEEDS_BUCKET);
      }
      ReferencePool.at(inTransit, x.sku)[x.to] -= c.quantity();
      ReferencePool.at(onHand, x.sku)[x.to] += c.quantity();
      x.received += c.quantity();
      return Expected.APPLIED;
    }
    if (command instanceof PoolCommand.Quarantine c) {
      int n = nodes.indexOf(c.node());
      if (c.fromOnHand()) {
        if (ReferencePool.at(onHand, c.sku())[n] - ReferencePool.at(reserved, c.sku())[n]
            < c.quantity()) {
          return Expected.rejected(RejectionReason.EXCEEDS_BUCKET);
        }
        ReferencePool.at(onHand, c.sku())[n] -= c.quantity();
      }
      ReferencePool.at(quarantined, c.sku())[n] += c.quantity();
      return Expected.APPLIED;
    }
    if (command instanceof PoolCommand.Restock c) {
      int n = nodes.indexOf(c.node());
      if (ReferencePool.at(quarantined, c.sku())[n] < c.quantity()) {
        return Expected.rejected(RejectionReason.EXCEEDS_BUCKET);
      }
      ReferencePool.at(quarantined, c.sku())[n] -= c.quantity();
      ReferencePool.at(onHand, c.sku())[n] += c.quantity();
      return Expected.APPLIED;
    }
    if (command instanceof PoolCommand.WriteOff c) {
      int n = nodes.indexOf(c.node());
      if (ReferencePool.at(quarantined, c.sku())[n] < c.quantity()) {
        return Expected.rejected(RejectionReason.EXCEEDS_BUCKET);
      }
      ReferencePool.at(quarantined, c.sku())[n] -= c.quantity();
      return Expected.APPLIED;
    }
    throw new AssertionError("unknown command " + command);
  }

  private Expected reserve(PoolCommand.Reserve c) {
    int channel = channels.indexOf(c.channel());
    // Expand bundles into component lines.
    List<Object[]> lines = new ArrayList<>();
    for (ReservationLine line : c.lines()) {
      ImmutableMap<Sku, Integer> components = config.bundles().get(line.sku());
      int n = line.node() == null ? -1 : nodes.indexOf(line.node());
      if (components == null) {
        lines.add(new Object[] {line.sku(), n, line.quantity()});
      } else {
        components.forEach(
            (sku, units) -> lines.add(new Object[] {sku, n, line.quantity() * units}));
      }
    }
    List<Alloc> taken = new ArrayList<>();
    for (Object[] line : lines) {
      Sku sku = (Sku) line[0];
      int n = (Integer) line[1];
      long q = (Long) line[2];
      RejectionReason miss = null;
      if (n >= 0) {
        if (!eligible(channel, n)) {
          miss = RejectionReason.NODE_NOT_ELIGIBLE;
        } else if ((takeable(sku, channel) == 0 ? 0 : give(sku, channel, n)) < q) {
          miss = RejectionReason.INSUFFICIENT_STOCK;
        } else {
          ReferencePool.at(reserved, sku)[n] += q;
          taken.add(new Alloc(sku, n, q));
        }
      } else if (takeable(sku, channel) < q) {
        miss = RejectionReason.INSUFFICIENT_STOCK;
      } else {
        long left = q;
        for (int node : eligibleOrder(channel)) {
          long g = Math.min(give(sku, channel, node), left);
          if (g > 0) {
            ReferencePool.at(reserved, sku)[node] += g;
            taken.add(new Alloc(sku, node, g));
            left -= g;
          }
        }
      }
      if (miss != null) {
        for (Alloc a : taken) {
          ReferencePool.at(reserved, a.sku)[a.node] -= a.quantity;
        }
        return Expected.rejected(miss);
      }
    }
    // Merge allocations of the same SKU and node.
    Map<String, Alloc> merged = new LinkedHashMap<>();
    for (Alloc a : taken) {
      merged.merge(
          a.sku + "@" + a.node, a, (x, y) -> new Alloc(x.sku, x.node, x.quantity + y.quantity));
    }
    long expiresAt = c.kind() == ReservationKind.HOLD ? now + c.holdMillis() : Long.MAX_VALUE;
    reservations.add(new Res(channel, c.kind(), expiresAt, new ArrayList<>(merged.values())));
    return Expected.APPLIED;
  }
}
