package dev.omnichannel.benchmarks.inventory;

import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.IdempotencyKey;
import dev.omnichannel.core.NodeId;
import dev.omnichannel.core.Sku;
import dev.omnichannel.core.inventory.AllocationPolicy;
import dev.omnichannel.core.inventory.InventoryPool;
import dev.omnichannel.core.inventory.InventoryPoolBuilder;
import dev.omnichannel.core.inventory.Movement;
import dev.omnichannel.core.inventory.Node;
import dev.omnichannel.core.inventory.NodeType;
import dev.omnichannel.core.inventory.SafetyBuffer;
import dev.omnichannel.core.inventory.spi.AvailabilityListener;
import dev.omnichannel.core.inventory.spi.InventoryJournal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/** The pool every inventory benchmark measures: 10 nodes, 5 channels with real policies. */
final class BenchmarkPools {
  static final int NODES = 10;
  static final ChannelId[] CHANNELS = {
    ChannelId.of("web"),
    ChannelId.of("amazon"),
    ChannelId.of("walmart"),
    ChannelId.of("tiktok"),
    ChannelId.of("wholesale")
  };

  private BenchmarkPools() {}

  static NodeId node(int i) {
    return NodeId.of("N" + i);
  }

  static Sku sku(int i) {
    return Sku.of("SKU-" + i);
  }

  /**
   * Returns a builder, with {@code listeners} (none: events off), of 10 nodes (8 warehouses and
   * stores, 2 marketplace-held) and 5 channels: web (warehouses and stores, 5% buffer), amazon
   * (marketplace nodes and two warehouses), walmart (warehouses, 2-unit buffer, cap 500), tiktok
   * (warehouses, ring-fence of 2 at N0), wholesale (N0 and N1, lot size 6, scarcity cut-off 12).
   */
  static InventoryPoolBuilder builder(
      Clock clock, InventoryJournal journal, AvailabilityListener... listeners) {
    InventoryPoolBuilder b =
        InventoryPool.builder()
            .clock(clock)
            .journal(journal)
            .idempotency(Duration.ofHours(24), idempotencyKeys());
    for (AvailabilityListener l : listeners) {
      b.listener(l);
    }
    for (int i = 0; i < NODES; i++) {
      b.node(
          new Node(
              node(i),
              i >= 8 ? NodeType.MARKETPLACE : i >= 5 ? NodeType.STORE : NodeType.WAREHOUSE));
    }
    b.channel(
        CHANNELS[0],
        AllocationPolicy.builder()
            .addEligibleNodes(
                node(0), node(1), node(2), node(3), node(4), node(5), node(6), node(7))
            .safetyBuffer(SafetyBuffer.percent(5))
            .build());
    b.channel(
        CHANNELS[1],
        AllocationPolicy.builder().addEligibleNodes(node(8), node(9), node(0), node(1)).build());
    b.channel(
        CHANNELS[2],
        AllocationPolicy.builder()
            .addEligibleNodes(node(0), node(1), node(2), node(3), node(4))
            .safetyBuffer(SafetyBuffer.units(2))
            .exposureCap(500)
            .build());
    b.channel(
        CHANNELS[3],
        AllocationPolicy.builder()
            .addEligibleNodes(node(0), node(1), node(2))
            .putRingFence(node(0), 2L)
            .build());
    b.channel(
        CHANNELS[4],
        AllocationPolicy.builder()
            .addEligibleNodes(node(0), node(1))
            .lotSize(6)
            .scarcityCutoff(12)
            .build());
    return b;
  }

  /**
   * Returns how many idempotency keys the pool remembers: the pool's default (200,000) unless the
   * system property {@code omnichannel.bench.idempotencyKeys} says otherwise, to measure what the
   * size of that memory costs.
   */
  static int idempotencyKeys() {
    return Integer.getInteger("omnichannel.bench.idempotencyKeys", 200_000);
  }

  /** Receives {@code units} of every SKU at every node. */
  static void stock(InventoryPool pool, int skus, long units) {
    for (int s = 0; s < skus; s++) {
      Sku sku = sku(s);
      for (int n = 0; n < NODES; n++) {
        pool.receive(IdempotencyKey.of("stock-" + s + "-" + n), sku, node(n), units).orThrow();
      }
    }
  }

  /**
   * A journal that encodes every movement into a binary log buffer, the work a host's log writer
   * does before handing bytes to a file or a database; the buffer wraps when full.
   */
  static final class EncodingJournal implements InventoryJournal {
    private final ByteBuffer log = ByteBuffer.allocateDirect(64 << 20);
    final LongAdder movements = new LongAdder();

    @Override
    @SuppressWarnings("EnumOrdinal") // a stand-in for a host's log: written, never read back
    public synchronized void append(Movement m) {
      if (log.remaining() < 512) {
        log.clear();
      }
      log.putLong(m.sequence());
      log.putLong(m.command());
      log.put((byte) m.type().ordinal());
      log.putLong(m.at().toEpochMilli());
      putString(m.key().value());
      putString(m.sku().value());
      putString(m.node().value());
      log.putLong(m.quantity());
      var channel = m.channel();
      putString(channel == null ? "" : channel.value());
      var reservation = m.reservation();
      putString(reservation == null ? "" : reservation.value());
      movements.increment();
    }

    private void putString(String s) {
      byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
      log.putShort((short) bytes.length);
      log.put(bytes);
    }

    @Override
    public void replay(Consumer<? super Movement> sink) {
      throw new UnsupportedOperationException("benchmark journal keeps no history");
    }
  }

  /**
   * A journal that discards every movement: with no listener, a pool that does only its own work,
   * to show what the host's journal and event work add to a command.
   */
  static final class DiscardingJournal implements InventoryJournal {
    @Override
    public void append(Movement m) {}

    @Override
    public void replay(Consumer<? super Movement> sink) {
      throw new UnsupportedOperationException("discarding journal keeps no history");
    }
  }

  /** A listener that counts events and keeps the last one, as a push queue's producer would. */
  static final class CountingListener implements AvailabilityListener {
    final LongAdder events = new LongAdder();
    volatile long lastAvailable;

    @Override
    public void onAvailabilityChanged(dev.omnichannel.core.inventory.AvailabilityEvent event) {
      events.increment();
      lastAvailable = event.available();
    }
  }
}
