package dev.omnichannel.examples;

import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.IdempotencyKey;
import dev.omnichannel.core.NodeId;
import dev.omnichannel.core.Sku;
import dev.omnichannel.core.inventory.AllocationPolicy;
import dev.omnichannel.core.inventory.AvailabilityEvent;
import dev.omnichannel.core.inventory.DriftCheck;
import dev.omnichannel.core.inventory.InMemoryJournal;
import dev.omnichannel.core.inventory.InventoryPool;
import dev.omnichannel.core.inventory.InventoryPoolBuilder;
import dev.omnichannel.core.inventory.Movement;
import dev.omnichannel.core.inventory.MovementType;
import dev.omnichannel.core.inventory.Node;
import dev.omnichannel.core.inventory.Outcome;
import dev.omnichannel.core.inventory.Position;
import dev.omnichannel.core.inventory.Reservation;
import dev.omnichannel.core.inventory.ReservationLine;
import dev.omnichannel.core.inventory.ReserveRequest;
import dev.omnichannel.core.inventory.SafetyBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A flash sale on embedded defaults: one hot SKU held at two warehouses and an FBA node, four
 * channels with different allocation policies, thousands of concurrent shoppers whose cart holds
 * expire unless they check out, and at the end what each channel sold, what it was shown over time,
 * and the proof that nothing was oversold.
 *
 * <p>Run it with {@code ./mvnw -B -q -pl examples -am compile exec:java}.
 */
public final class FlashSale {
  static final Sku SNEAKER = Sku.of("SNEAKER-LTD-42");
  static final NodeId EAST = NodeId.of("DC-EAST");
  static final NodeId WEST = NodeId.of("DC-WEST");
  static final NodeId FBA = NodeId.of("FBA-US");
  static final ChannelId WEB = ChannelId.of("web");
  static final ChannelId AMAZON = ChannelId.of("amazon");
  static final ChannelId TIKTOK = ChannelId.of("tiktok");
  static final ChannelId WHOLESALE = ChannelId.of("wholesale");
  static final List<ChannelId> CHANNELS = List.of(WEB, AMAZON, TIKTOK, WHOLESALE);

  static final int SHOPPERS = 6_000;
  static final int THREADS = 8;

  private FlashSale() {}

  /** Runs the sale and prints the report. */
  public static void main(String[] args) throws Exception {
    InMemoryJournal journal = new InMemoryJournal();
    Map<ChannelId, ConcurrentLinkedQueue<AvailabilityEvent>> published = new ConcurrentHashMap<>();
    long start = System.nanoTime();
    InventoryPool pool =
        config(journal)
            .listener(
                e -> {
                  if (e.sku().equals(SNEAKER)) {
                    published
                        .computeIfAbsent(e.channel(), c -> new ConcurrentLinkedQueue<>())
                        .add(e);
                  }
                })
            .build();

    pool.receive(IdempotencyKey.of("asn-east"), SNEAKER, EAST, 600).orThrow();
    pool.receive(IdempotencyKey.of("asn-west"), SNEAKER, WEST, 400).orThrow();
    pool.receive(IdempotencyKey.of("fba-inbound"), SNEAKER, FBA, 250).orThrow();
    System.out.println("Flash sale of " + SNEAKER + ": 1,250 pairs at DC-EAST, DC-WEST and FBA-US");
    for (ChannelId channel : CHANNELS) {
      System.out.printf(
          "  %-10s opens at %4d   (%s)%n",
          channel, pool.availableToPromise(SNEAKER, channel), describe(pool, channel));
    }
    System.out.println();

    Map<ChannelId, LongAdder> sold = new ConcurrentHashMap<>();
    Map<ChannelId, LongAdder> refused = new ConcurrentHashMap<>();
    LongAdder abandoned = new LongAdder();
    AtomicLong keys = new AtomicLong();
    ExecutorService shoppers = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      done.add(
          shoppers.submit(
              () -> {
                SplittableRandom random = new SplittableRandom(42 + thread);
                for (int i = thread; i < SHOPPERS; i += THREADS) {
                  ChannelId channel = pickChannel(random);
                  long pairs = channel.equals(WHOLESALE) ? 12 : 1 + random.nextInt(2);
                  shop(pool, channel, pairs, random, keys, sold, refused, abandoned);
                }
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get(2, TimeUnit.MINUTES);
    }
    shoppers.shutdown();
    Thread.sleep(300); // let the last abandoned carts expire
    int expired = pool.expireHolds();
    double seconds = (System.nanoTime() - start) / 1e9;

    System.out.printf(
        "%,d shoppers on %d threads in %.1f s; %,d abandoned carts expired (%d by the last sweep)%n%n",
        SHOPPERS, THREADS, seconds, abandoned.sum(), expired);
    System.out.println("channel     sold  refused  shown over time (first -> ... -> last)");
    for (ChannelId channel : CHANNELS) {
      System.out.printf(
          "%-10s %5d  %7d  %s%n",
          channel,
          sum(sold, channel),
          sum(refused, channel),
          timeline(published.getOrDefault(channel, new ConcurrentLinkedQueue<>())));
    }
    System.out.println();

    long shipped = 0;
    boolean oversold = false;
    for (NodeId node : List.of(EAST, WEST, FBA)) {
      Position p = pool.position(SNEAKER, node);
      oversold |= p.reserved() > p.onHand() || p.onHand() < 0;
      System.out.printf("%-8s on hand %4d  reserved %3d%n", node, p.onHand(), p.reserved());
    }
    for (Movement m : journal.movements()) {
      if (m.type() == MovementType.FULFILLED) {
        shipped += m.quantity();
      }
    }
    InventoryPool rebuilt = config(new InMemoryJournal()).rebuild(journal.movements());
    List<String> drift = DriftCheck.compare(pool, rebuilt);
    System.out.printf(
        "%nshipped %d of 1,250 pairs; oversold: %s; journal of %,d movements replays with %s%n",
        shipped,
        oversold || shipped > 1_250 ? "YES" : "no",
        journal.size(),
        drift.isEmpty() ? "no drift" : "DRIFT " + drift);
    if (oversold || shipped > 1_250 || !drift.isEmpty()) {
      System.exit(1);
    }
  }

  static InventoryPoolBuilder config(InMemoryJournal journal) {
    return InventoryPool.builder()
        .node(Node.warehouse("DC-EAST"))
        .node(Node.warehouse("DC-WEST"))
        .node(Node.marketplace("FBA-US"))
        .channel(
            WEB,
            AllocationPolicy.builder()
                .addEligibleNodes(EAST, WEST)
                .safetyBuffer(SafetyBuffer.units(5))
                .priority(3)
                .build())
        .channel(
            AMAZON,
            AllocationPolicy.builder()
                .addEligibleNodes(FBA, WEST)
                .safetyBuffer(SafetyBuffer.percent(10))
                .priority(2)
                .build())
        .channel(
            TIKTOK,
            AllocationPolicy.builder()
                .addEligibleNodes(EAST, WEST)
                .exposureCap(40)
                .priority(1)
                .scarcityCutoff(30)
                .build())
        .channel(
            WHOLESALE,
            AllocationPolicy.builder()
                .addEligibleNodes(EAST)
                .putRingFence(EAST, 120L)
                .lotSize(12)
                .priority(0)
                .build())
        .clock(Clock.systemUTC())
        .journal(journal);
  }

  private static String describe(InventoryPool pool, ChannelId channel) {
    AllocationPolicy p = pool.policy(channel);
    StringBuilder sb = new StringBuilder("nodes ").append(p.eligibleNodes());
    if (p.safetyBuffer().units() > 0) {
      sb.append(", buffer ").append(p.safetyBuffer().units());
    }
    if (p.safetyBuffer().percent() > 0) {
      sb.append(", buffer ").append(p.safetyBuffer().percent()).append('%');
    }
    p.exposureCap().ifPresent(cap -> sb.append(", cap ").append(cap));
    if (!p.ringFences().isEmpty()) {
      sb.append(", ring-fence ").append(p.ringFences());
    }
    if (p.scarcityCutoff() > 0) {
      sb.append(", cut off below ").append(p.scarcityCutoff());
    }
    if (p.lotSize() > 1) {
      sb.append(", lots of ").append(p.lotSize());
    }
    return sb.toString();
  }

  private static ChannelId pickChannel(SplittableRandom random) {
    int roll = random.nextInt(100);
    return roll < 45 ? WEB : roll < 75 ? AMAZON : roll < 97 ? TIKTOK : WHOLESALE;
  }

  /** One shopper: a cart hold, then checkout (confirm and ship) or walking away. */
  private static void shop(
      InventoryPool pool,
      ChannelId channel,
      long pairs,
      SplittableRandom random,
      AtomicLong keys,
      Map<ChannelId, LongAdder> sold,
      Map<ChannelId, LongAdder> refused,
      LongAdder abandoned) {
    long k = keys.incrementAndGet();
    Outcome<Reservation> cart =
        pool.reserve(
            ReserveRequest.hold(
                IdempotencyKey.of("cart-" + k),
                channel,
                Duration.ofMillis(150),
                ReservationLine.of(SNEAKER, pairs)));
    if (!(cart instanceof Outcome.Applied<Reservation> held)) {
      refused.computeIfAbsent(channel, c -> new LongAdder()).increment();
      return;
    }
    if (random.nextInt(100) < 35) {
      abandoned.increment(); // the hold expires on its own
      return;
    }
    // A retried checkout call (same key) must not confirm twice.
    Outcome<Reservation> confirmed =
        pool.confirm(IdempotencyKey.of("checkout-" + k), held.value().id());
    pool.confirm(IdempotencyKey.of("checkout-" + k), held.value().id());
    if (confirmed.isApplied()) {
      pool.fulfil(IdempotencyKey.of("ship-" + k), held.value().id()).orThrow();
      sold.computeIfAbsent(channel, c -> new LongAdder()).add(pairs);
    } else {
      refused.computeIfAbsent(channel, c -> new LongAdder()).increment();
    }
  }

  private static long sum(Map<ChannelId, LongAdder> counts, ChannelId channel) {
    LongAdder adder = counts.get(channel);
    return adder == null ? 0 : adder.sum();
  }

  private static String timeline(ConcurrentLinkedQueue<AvailabilityEvent> events) {
    List<AvailabilityEvent> all = new ArrayList<>(events);
    all.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
    if (all.isEmpty()) {
      return "(no change)";
    }
    Map<Long, Long> samples = new LinkedHashMap<>();
    int step = Math.max(1, all.size() / 8);
    for (int i = 0; i < all.size(); i += step) {
      samples.put(all.get(i).sequence(), all.get(i).available());
    }
    AvailabilityEvent last = all.get(all.size() - 1);
    samples.put(last.sequence(), last.available());
    StringBuilder sb = new StringBuilder();
    samples.values().forEach(v -> sb.append(sb.length() == 0 ? "" : " -> ").append(v));
    return sb.append("  (").append(all.size()).append(" pushes)").toString();
  }
}
