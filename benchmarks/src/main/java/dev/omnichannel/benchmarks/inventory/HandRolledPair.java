package dev.omnichannel.benchmarks.inventory;

import com.google.common.collect.ImmutableList;
import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.IdempotencyKey;
import dev.omnichannel.core.NodeId;
import dev.omnichannel.core.Sku;
import dev.omnichannel.core.inventory.Allocation;
import dev.omnichannel.core.inventory.AllocationPolicy;
import dev.omnichannel.core.inventory.AvailabilityEvent;
import dev.omnichannel.core.inventory.InventoryPool;
import dev.omnichannel.core.inventory.Movement;
import dev.omnichannel.core.inventory.MovementType;
import dev.omnichannel.core.inventory.Node;
import dev.omnichannel.core.inventory.Reservation;
import dev.omnichannel.core.inventory.ReservationId;
import dev.omnichannel.core.inventory.ReservationKind;
import dev.omnichannel.core.inventory.ReservationState;
import dev.omnichannel.core.inventory.spi.AvailabilityListener;
import dev.omnichannel.core.inventory.spi.InventoryJournal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * (f) Reserve and release written by hand, as a team writes them without a library: a {@code
 * HashMap} from SKU to counters, a lock per SKU, a {@code ConcurrentHashMap} of open reservations,
 * bounded memories of idempotency keys and settled reservations kept as objects, and the same
 * journal and listener the pool is measured with. It reads its nodes, channels and policies from a
 * pool and publishes the same numbers (checked by its test).
 *
 * <p>It does only what a firm one-line reservation and its release need: no holds or expiry, no
 * bundles, no multi-line reservations, no lock-free reads, no replay; a key reused for another
 * command is told apart by the commands' {@code equals}, and its memories count keys, not time. It
 * remembers as many keys and settled reservations as the pool promises at the least (half and a
 * quarter of the pool's capacity). Not a pool: a measure of what the pool's design costs over the
 * least a pair must do, and of what the machine allows that least to reach.
 *
 * <p>A SKU's counters are guarded by its lock and each memory by its own, but a key is looked up
 * and remembered under separate locks: two threads sending the same key at once could both apply
 * it, where the pool makes the second wait for the first's outcome; and its movements and
 * reservations are numbered by plain counters. The benchmarks run it on one thread.
 */
final class HandRolledPair {
  private final NodeId[] nodes;
  private final ChannelId[] channels;
  private final int[][] eligible;
  private final long[][] fence;
  private final long[] totalFence;
  private final long[] bufferUnits;
  private final long[] keepBasisPoints;
  private final RoundingMode[] rounding;
  private final long[] cap;
  private final long[] lot;
  private final long[] cutoff;

  private final Map<Sku, Stock> stock = new HashMap<>();
  private final ConcurrentHashMap<ReservationId, Held> open = new ConcurrentHashMap<>();
  private final Memory keys;
  private final Memory settled;
  private final InventoryJournal journal;
  private final AvailabilityListener listener;
  private final Clock clock;
  private long movements;
  private long reservations;

  /** Counters of one SKU, guarded by the object's monitor. */
  private static final class Stock {
    final Sku sku;
    final long[] onHand;
    final long[] reserved;
    final long[] published;
    final long[] sequence;

    Stock(Sku sku, int nodes, int channels) {
      this.sku = sku;
      onHand = new long[nodes];
      reserved = new long[nodes];
      published = new long[channels];
      sequence = new long[channels];
    }
  }

  /** An open reservation: one SKU at one node. */
  private record Held(
      ReservationId id, IdempotencyKey key, int channel, Stock stock, int node, long quantity) {
    Reservation view(ChannelId channel, NodeId node, ReservationState state) {
      return new Reservation(
          id,
          key,
          channel,
          ReservationKind.FIRM,
          null,
          state,
          ImmutableList.of(new Allocation(stock.sku, node, quantity, 0)));
    }
  }

  /** What a release is remembered as, to tell a repeated key from a reused one. */
  private record Release(ReservationId id) {}

  /** What a key's first command returned. */
  sealed interface Result permits Taken, Refused {}

  /** A reservation made or released. */
  record Taken(Reservation reservation) implements Result {}

  /** A reservation refused: not enough stock, or a key reused for another command. */
  record Refused(String why) implements Result {}

  /**
   * Takes the nodes, channels and policies of {@code template} (not its stock); journals to {@code
   * journal}, tells {@code listener}, remembers {@code capacity / 2} keys and {@code capacity / 4}
   * settled reservations.
   */
  HandRolledPair(
      InventoryPool template,
      InventoryJournal journal,
      AvailabilityListener listener,
      Clock clock,
      int capacity) {
    List<Node> nodeList = template.nodes();
    List<ChannelId> channelList = template.channels();
    int n = nodeList.size();
    int c = channelList.size();
    nodes = new NodeId[n];
    for (int i = 0; i < n; i++) {
      nodes[i] = nodeList.get(i).id();
    }
    channels = channelList.toArray(new ChannelId[0]);
    eligible = new int[c][];
    fence = new long[c][n];
    totalFence = new long[n];
    bufferUnits = new long[c];
    keepBasisPoints = new long[c];
    rounding = new RoundingMode[c];
    cap = new long[c];
    lot = new long[c];
    cutoff = new long[c];
    for (int ch = 0; ch < c; ch++) {
      AllocationPolicy p = template.policy(channels[ch]);
      List<NodeId> from = p.eligibleNodes().isEmpty() ? List.of(nodes) : p.eligibleNodes();
      eligible[ch] = from.stream().mapToInt(this::node).toArray();
      for (Map.Entry<NodeId, Long> f : p.ringFences().entrySet()) {
        int at = node(f.getKey());
        fence[ch][at] = f.getValue();
        totalFence[at] += f.getValue();
      }
      bufferUnits[ch] = p.safetyBuffer().units();
      keepBasisPoints[ch] = 10_000 - Math.round(p.safetyBuffer().percent() * 100);
      rounding[ch] = p.bufferRounding();
      cap[ch] = p.exposureCap().orElse(Long.MAX_VALUE);
      lot[ch] = p.lotSize();
      cutoff[ch] = p.scarcityCutoff();
    }
    this.journal = journal;
    this.listener = listener;
    this.clock = clock;
    keys = new Memory(Math.max(1, capacity / 2));
    settled = new Memory(Math.max(1, capacity / 4));
  }

  /** Sets the units of {@code sku} on hand at every node, before any reservation. */
  void stock(Sku sku, long units) {
    Stock s = new Stock(sku, nodes.length, channels.length);
    Arrays.fill(s.onHand, units);
    for (int c = 0; c < channels.length; c++) {
      s.published[c] = published(s, c);
    }
    stock.put(sku, s);
  }

  /** Returns what {@code channel} may be shown of {@code sku}. */
  long availableToPromise(Sku sku, int channel) {
    Stock s = stockOf(sku);
    synchronized (s) {
      return s.published[channel];
    }
  }

  private int node(NodeId id) {
    int i = Arrays.asList(nodes).indexOf(id);
    if (i < 0) {
      throw new IllegalArgumentException("unknown node " + id);
    }
    return i;
  }

  /** Returns the channel's number in this pair's order, which is the template pool's. */
  int channel(ChannelId id) {
    for (int c = 0; c < channels.length; c++) {
      if (channels[c].equals(id)) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown channel " + id);
  }

  /** Reserves {@code quantity} of {@code sku} for {@code channel}, the pool choosing the node. */
  Result reserve(IdempotencyKey key, int channel, Sku sku, long quantity) {
    Command command = new Command(channels[channel], sku, quantity);
    Remembered first = keys.get(key);
    if (first != null) {
      return first.command.equals(command) ? first.result : refusedReuse(key);
    }
    Stock s = stockOf(sku);
    Result result;
    synchronized (s) {
      if (takeable(s, channel) < quantity) {
        result = new Refused(channels[channel] + " may not take " + quantity + " of " + sku);
      } else {
        long left = quantity;
        Held held = null;
        for (int n : eligible[channel]) {
          long give = give(s, channel, n);
          if (give >= left) {
            s.reserved[n] += left;
            held = new Held(ReservationId.of("R-" + ++reservations), key, channel, s, n, quantity);
            break;
          }
        }
        if (held == null) {
          // Spread over nodes is the pool's work; a one-line hand-written pair refuses instead.
          result = new Refused("no single node holds " + quantity + " of " + sku);
        } else {
          open.put(held.id, held);
          result = moved(MovementType.RESERVED, key, held, ReservationState.ACTIVE);
        }
      }
    }
    keys.put(key, new Remembered(command, result));
    return result;
  }

  /** Releases reservation {@code id}; releasing a released one returns it again. */
  Result release(IdempotencyKey key, ReservationId id) {
    Release command = new Release(id);
    Remembered first = keys.get(key);
    if (first != null) {
      return first.command.equals(command) ? first.result : refusedReuse(key);
    }
    Held held = open.get(id);
    Result result;
    if (held == null) {
      Remembered done = settled.get(id);
      result = done == null ? new Refused("unknown reservation " + id) : done.result;
    } else {
      Stock s = held.stock;
      synchronized (s) {
        s.reserved[held.node] -= held.quantity;
        result = moved(MovementType.RELEASED, key, held, ReservationState.RELEASED);
      }
      settled.put(id, new Remembered(command, result));
      open.remove(id, held);
    }
    keys.put(key, new Remembered(command, result));
    return result;
  }

  /**
   * Journals the movement {@code key} made on {@code held}'s SKU (locked by the caller), publishes
   * the SKU's channels and returns the reservation's view.
   */
  private Taken moved(MovementType type, IdempotencyKey key, Held held, ReservationState state) {
    Instant at = Instant.ofEpochMilli(clock.millis());
    long m = ++movements;
    journal.append(
        new Movement(
            m,
            m,
            type,
            at,
            key,
            held.stock.sku,
            nodes[held.node],
            held.quantity,
            channels[held.channel],
            held.id,
            type == MovementType.RESERVED ? ReservationKind.FIRM : null,
            null,
            null,
            null,
            null));
    publish(held.stock, at);
    return new Taken(held.view(channels[held.channel], nodes[held.node], state));
  }

  private static Refused refusedReuse(IdempotencyKey key) {
    return new Refused("key " + key + " was used for a different command");
  }

  private Stock stockOf(Sku sku) {
    Stock s = stock.get(sku);
    if (s == null) {
      throw new IllegalArgumentException("unknown SKU " + sku);
    }
    return s;
  }

  private long give(Stock s, int channel, int n) {
    long give = s.onHand[n] - s.reserved[n] - (totalFence[n] - fence[channel][n]);
    return give > 0 ? give : 0;
  }

  private long takeable(Stock s, int channel) {
    long sum = 0;
    for (int n : eligible[channel]) {
      sum += give(s, channel, n);
    }
    return sum < cutoff[channel] ? 0 : sum;
  }

  private long published(Stock s, int channel) {
    long takeable = takeable(s, channel);
    long value;
    if (takeable <= 0) {
      value = 0;
    } else if (keepBasisPoints[channel] < 10_000) {
      long product = takeable * keepBasisPoints[channel];
      value = product / 10_000;
      long remainder = product % 10_000;
      boolean up =
          switch (rounding[channel]) {
            case UP, CEILING -> remainder != 0;
            case HALF_UP -> remainder >= 5_000;
            case HALF_DOWN -> remainder > 5_000;
            case HALF_EVEN -> remainder > 5_000 || (remainder == 5_000 && (value & 1) == 1);
            default -> false;
          };
      if (up) {
        value++;
      }
    } else {
      value = Math.max(0, takeable - bufferUnits[channel]);
    }
    if (value > cap[channel]) {
      value = cap[channel];
    }
    return value - value % lot[channel];
  }

  private void publish(Stock s, Instant at) {
    for (int c = 0; c < channels.length; c++) {
      long previous = s.published[c];
      long current = published(s, c);
      if (current != previous) {
        s.published[c] = current;
        listener.onAvailabilityChanged(
            new AvailabilityEvent(s.sku, channels[c], ++s.sequence[c], current, previous, at));
      }
    }
  }

  /** A reservation request as remembered under its key. */
  private record Command(ChannelId channel, Sku sku, long quantity) {}

  /** A key's command and first result. */
  private record Remembered(Object command, Result result) {}

  /**
   * The last {@code capacity} keys put, with what was put under them: open addressing with
   * backward-shift deletion, the oldest key dropped when full. One lock.
   */
  private static final class Memory {
    private final Object[] keys;
    private final Remembered[] values;
    private final Object[] order;
    private final int mask;
    private int next;
    private int size;

    Memory(int capacity) {
      int slots = Integer.highestOneBit(capacity * 4 - 1);
      keys = new Object[slots];
      values = new Remembered[slots];
      order = new Object[capacity];
      mask = slots - 1;
    }

    private int home(Object key) {
      int h = key.hashCode() * 0x9E3779B9;
      return (h ^ (h >>> 16)) & mask;
    }

    private int slot(Object key) {
      int i = home(key);
      while (keys[i] != null && !keys[i].equals(key)) {
        i = (i + 1) & mask;
      }
      return i;
    }

    synchronized @Nullable Remembered get(Object key) {
      return values[slot(key)];
    }

    synchronized void put(Object key, Remembered value) {
      if (size == order.length) {
        remove(order[next]);
        size--;
      }
      int i = slot(key);
      if (keys[i] == null) {
        keys[i] = key;
        order[next] = key;
        next = next + 1 == order.length ? 0 : next + 1;
        size++;
      }
      values[i] = value;
    }

    private void remove(Object key) {
      int i = slot(key);
      if (keys[i] == null) {
        return;
      }
      keys[i] = null;
      values[i] = null;
      for (int j = (i + 1) & mask; keys[j] != null; j = (j + 1) & mask) {
        int home = home(keys[j]);
        // Move the entry back into the gap unless its home lies between the gap and it.
        if (((j - home) & mask) >= ((j - i) & mask)) {
          keys[i] = keys[j];
          values[i] = values[j];
          keys[j] = null;
          values[j] = null;
          i = j;
        }
      }
    }
  }
}
