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
import dev.omnichannel.core.inventory.RejectionReason;
import dev.omnichannel.core.inventory.Reservation;
import dev.omnichannel.core.inventory.ReservationId;
import dev.omnichannel.core.inventory.ReservationLine;
import dev.omnichannel.core.inventory.ReserveRequest;
import dev.omnichannel.core.inventory.SafetyBuffer;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
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
 * expire unless they check out in time, and at the end what each channel sold, what it was shown
 * over time, and the proof that nothing was oversold.
 *
 * <p>The sale runs on its own clock ({@link SaleClock}), an hour of sale time that the shoppers
 * move forward as they arrive, so that it takes well under a second of real time and yet carts
 * abandoned early expire while the sale goes on and their pairs go back on sale, and shoppers who
 * take longer than the cart's ten minutes to check out find their hold expired.
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
  static final long STOCK = 1_250;

  static final int SHOPPERS = 6_000;
  static final int THREADS = 8;

  /** How long the sale lets shoppers in, in sale time. */
  static final Duration SALE = Duration.ofHours(1);

  /** How long a cart holds its pairs. */
  static final Duration CART_HOLD = Duration.ofMinutes(10);

  /**
   * Shoppers who check out take 1 to this many minutes; those above ten find their cart expired.
   */
  static final int MAX_THINK_MINUTES = 12;

  private FlashSale() {}

  /**
   * The sale's clock: minutes of sale time since the doors opened, moved forward by shoppers as
   * they arrive and never back. Thread-safe.
   */
  static final class SaleClock extends Clock {
    private final Instant opening;
    private final AtomicLong elapsed = new AtomicLong();

    SaleClock(Instant opening) {
      this.opening = opening;
    }

    /** Moves the clock to {@code sinceOpening} after the opening, unless it is already later. */
    void advanceTo(Duration sinceOpening) {
      elapsed.accumulateAndGet(sinceOpening.toMillis(), Math::max);
    }

    @Override
    public long millis() {
      return opening.toEpochMilli() + elapsed.get();
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("the sale clock runs in UTC");
    }
  }

  /**
   * What the sale came to.
   *
   * @param sold pairs sold per channel
   * @param refused shoppers per channel whose cart or late checkout was refused
   * @param abandoned carts left to expire
   * @param expiredDuringSale holds that expired before the doors closed, their pairs back on sale
   * @param lateCheckouts checkouts refused because the cart had expired
   * @param shipped pairs the journal shows shipped
   * @param left pairs on hand at the end, over the three nodes
   * @param oversold whether any node ever showed more reserved than on hand at the end, or more
   *     shipped than received
   * @param drift what a pool rebuilt from the journal disagrees on; empty if nothing
   */
  record Result(
      Map<ChannelId, Long> sold,
      Map<ChannelId, Long> refused,
      long abandoned,
      long expiredDuringSale,
      long lateCheckouts,
      long shipped,
      long left,
      boolean oversold,
      List<String> drift) {}

  /** Runs the sale and prints the report; exits with 1 if anything was oversold or drifted. */
  public static void main(String[] args) throws Exception {
    Result result = run(System.out);
    if (result.oversold() || !result.drift().isEmpty()) {
      System.exit(1);
    }
  }

  /** Runs the sale, printing the report to {@code out}. */
  static Result run(PrintStream out) throws Exception {
    InMemoryJournal journal = new InMemoryJournal();
    Instant opening = Instant.parse("2026-11-27T17:00:00Z");
    SaleClock clock = new SaleClock(opening);
    Map<ChannelId, ConcurrentLinkedQueue<AvailabilityEvent>> published = new ConcurrentHashMap<>();
    long start = System.nanoTime();
    InventoryPool pool =
        config(journal, clock)
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
    out.println("Flash sale of " + SNEAKER + ": 1,250 pairs at DC-EAST, DC-WEST and FBA-US");
    for (ChannelId channel : CHANNELS) {
      out.printf(
          "  %-10s opens at %4d   (%s)%n",
          channel, pool.availableToPromise(SNEAKER, channel), describe(pool, channel));
    }
    out.println();

    Counts counts = new Counts();
    ExecutorService shoppers = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      done.add(
          shoppers.submit(
              () -> {
                shopperLine(pool, clock, thread, counts);
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get(2, TimeUnit.MINUTES);
    }
    shoppers.shutdown();
    Instant closing = opening.plus(SALE);
    // After the last checkout window, every cart still held has expired; the sweep announces it.
    clock.advanceTo(SALE.plus(CART_HOLD).plusMinutes(MAX_THINK_MINUTES));
    pool.expireHolds();
    double seconds = (System.nanoTime() - start) / 1e9;

    // Holds by the instant they expired at, whichever command swept them.
    Set<ReservationId> expiredDuringSale = new HashSet<>();
    Set<ReservationId> expiredAfter = new HashSet<>();
    long shipped = 0;
    for (Movement m : journal.movements()) {
      if (m.type() == MovementType.EXPIRED) {
        (m.at().isBefore(closing) ? expiredDuringSale : expiredAfter)
            .add(Objects.requireNonNull(m.reservation()));
      } else if (m.type() == MovementType.FULFILLED) {
        shipped += m.quantity();
      }
    }
    out.printf(
        "%,d shoppers on %d threads over %d minutes of sale time (%.2f s of real time)%n",
        SHOPPERS, THREADS, SALE.toMinutes(), seconds);
    out.printf(
        "%,d carts abandoned and %,d checkouts refused because their cart had expired;"
            + " %,d holds expired during the sale and their pairs went back on sale, %,d after"
            + " closing%n%n",
        counts.abandoned.sum(), counts.late.sum(), expiredDuringSale.size(), expiredAfter.size());
    out.println("channel     sold  refused  shown over time (first -> ... -> last)");
    for (ChannelId channel : CHANNELS) {
      out.printf(
          "%-10s %5d  %7d  %s%n",
          channel,
          sum(counts.sold, channel),
          sum(counts.refused, channel),
          timeline(published.getOrDefault(channel, new ConcurrentLinkedQueue<>())));
    }
    out.println();

    boolean oversold = false;
    long left = 0;
    for (NodeId node : List.of(EAST, WEST, FBA)) {
      Position p = pool.position(SNEAKER, node);
      oversold |= p.reserved() > p.onHand() || p.onHand() < 0;
      left += p.onHand();
      out.printf("%-8s on hand %4d  reserved %3d%n", node, p.onHand(), p.reserved());
    }
    oversold |= shipped > STOCK;
    InventoryPool rebuilt = config(new InMemoryJournal(), clock).rebuild(journal.movements());
    List<String> drift = DriftCheck.compare(pool, rebuilt);
    out.printf(
        "%nshipped %d of 1,250 pairs; oversold: %s; journal of %,d movements replays with %s%n",
        shipped,
        oversold ? "YES" : "no",
        journal.size(),
        drift.isEmpty() ? "no drift" : "DRIFT " + drift);
    Map<ChannelId, Long> sold = new LinkedHashMap<>();
    Map<ChannelId, Long> refused = new LinkedHashMap<>();
    for (ChannelId channel : CHANNELS) {
      sold.put(channel, sum(counts.sold, channel));
      refused.put(channel, sum(counts.refused, channel));
    }
    return new Result(
        sold,
        refused,
        counts.abandoned.sum(),
        expiredDuringSale.size(),
        counts.late.sum(),
        shipped,
        left,
        oversold,
        drift);
  }

  /** What the shoppers did, counted from every thread. */
  private static final class Counts {
    final Map<ChannelId, LongAdder> sold = new ConcurrentHashMap<>();
    final Map<ChannelId, LongAdder> refused = new ConcurrentHashMap<>();
    final LongAdder abandoned = new LongAdder();
    final LongAdder late = new LongAdder();
  }

  /** A checkout a shopper will attempt at {@code due}, sale time since the opening. */
  private record Checkout(
      Duration due, long shopper, ChannelId channel, long pairs, Reservation cart)
      implements Comparable<Checkout> {
    @Override
    public int compareTo(Checkout other) {
      return due.compareTo(other.due);
    }
  }

  /**
   * One thread's share of the shoppers, in order of arrival (one every {@code SALE / SHOPPERS}):
   * each puts pairs in a cart (a hold), then walks away or checks out after thinking it over;
   * checkouts fall due in between later arrivals.
   */
  private static void shopperLine(InventoryPool pool, SaleClock clock, int thread, Counts counts) {
    SplittableRandom random = new SplittableRandom(42 + thread);
    PriorityQueue<Checkout> pending = new PriorityQueue<>();
    long gapMillis = SALE.toMillis() / SHOPPERS;
    for (int i = thread; i < SHOPPERS; i += THREADS) {
      Duration arrival = Duration.ofMillis(i * gapMillis);
      while (!pending.isEmpty() && pending.peek().due().compareTo(arrival) <= 0) {
        checkOut(pool, clock, pending.poll(), counts);
      }
      clock.advanceTo(arrival);
      ChannelId channel = pickChannel(random);
      long pairs = channel.equals(WHOLESALE) ? 12 : 1 + random.nextInt(2);
      Outcome<Reservation> cart =
          pool.reserve(
              ReserveRequest.hold(
                  IdempotencyKey.of("cart-" + i),
                  channel,
                  CART_HOLD,
                  ReservationLine.of(SNEAKER, pairs)));
      if (!(cart instanceof Outcome.Applied<Reservation> held)) {
        counts.refused.computeIfAbsent(channel, c -> new LongAdder()).increment();
      } else if (random.nextInt(100) < 30) {
        counts.abandoned.increment(); // the hold expires on its own
      } else {
        Duration think = Duration.ofSeconds(60 + random.nextInt(60 * (MAX_THINK_MINUTES - 1)));
        pending.add(new Checkout(arrival.plus(think), i, channel, pairs, held.value()));
      }
    }
    while (!pending.isEmpty()) {
      checkOut(pool, clock, pending.poll(), counts);
    }
  }

  /** Confirms and ships a cart, unless it expired while the shopper was thinking. */
  private static void checkOut(InventoryPool pool, SaleClock clock, Checkout c, Counts counts) {
    clock.advanceTo(c.due());
    IdempotencyKey key = IdempotencyKey.of("checkout-" + c.shopper());
    Outcome<Reservation> confirmed = pool.confirm(key, c.cart().id());
    // A retried checkout call (same key) answers the same and confirms nothing twice.
    Outcome<Reservation> retried = pool.confirm(key, c.cart().id());
    if (retried.isApplied() != confirmed.isApplied()) {
      throw new IllegalStateException("a retried checkout answered differently: " + retried);
    }
    if (confirmed.isApplied()) {
      pool.fulfil(IdempotencyKey.of("ship-" + c.shopper()), c.cart().id()).orThrow();
      counts.sold.computeIfAbsent(c.channel(), ch -> new LongAdder()).add(c.pairs());
    } else {
      if (confirmed instanceof Outcome.Rejected<Reservation> r
          && r.reason() == RejectionReason.HOLD_EXPIRED) {
        counts.late.increment();
      }
      counts.refused.computeIfAbsent(c.channel(), ch -> new LongAdder()).increment();
    }
  }

  static InventoryPoolBuilder config(InMemoryJournal journal, Clock clock) {
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
        .clock(clock)
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
