package dev.omnichannel.core.inventory;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.IdempotencyKey;
import dev.omnichannel.core.NodeId;
import dev.omnichannel.core.Sku;
import dev.omnichannel.testkit.inventory.InventoryInvariants;
import dev.omnichannel.testkit.inventory.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Hammers one hot SKU from eight threads with every kind of command while the clock runs and holds
 * expire, and checks the pool's invariants with zero tolerance.
 *
 * <p>Some invariants can only be checked while the pool is quiet: a published number read by one
 * thread may be taken by another before the first asks for it. So the threads work in rounds and
 * all wait at a barrier between rounds; at each such checkpoint the test moves the clock so that
 * some holds fall due unswept, then checks that the lock-free published numbers and the positions
 * equal the arithmetic of the channel policies over the journal (with due holds not counting), runs
 * the {@link InventoryInvariants} oracle and its honour probe, probes every channel's ring-fences
 * and cut-offs by reserving one unit more and exactly what the arithmetic allows, and compares the
 * pool with its rebuild from the journal.
 *
 * <p>What holds under every interleaving is checked while the threads run: a fresh key is never
 * refused as reused, a repeated key returns the first outcome, the same key with another command is
 * refused, a release is never refused, a reservation takes only from the channel's nodes, and a
 * published number read and reserved at once is refused, if at all, only for want of stock. At the
 * end the journal is audited movement by movement in the order the pool applied them: no oversell
 * and no negative bucket at any instant, no reservation beyond what the channel could take (its
 * ring-fences and cut-off) at that instant, no hold counted past its expiry when a command was
 * decided, and each key applied once.
 *
 * <p>The commands are drawn from a fixed seed per thread; the interleavings vary from run to run,
 * and every assertion holds under each of them.
 */
class HotSkuConcurrencyProperties {
  private static final long SEED = 0x5EED_2611L;
  private static final int THREADS = 8;
  private static final int ROUNDS = 6;
  private static final int OPS_PER_ROUND = 500;
  private static final Instant START = Instant.parse("2026-11-27T00:00:00Z");

  static final NodeId A = NodeId.of("A");
  static final NodeId B = NodeId.of("B");
  static final NodeId FBA = NodeId.of("FBA");
  static final ImmutableList<NodeId> NODES = ImmutableList.of(A, B, FBA);
  static final ChannelId WEB = ChannelId.of("web");
  static final ChannelId AMAZON = ChannelId.of("amazon");
  static final ChannelId RETAIL = ChannelId.of("retail");
  static final ChannelId WHOLESALE = ChannelId.of("wholesale");
  static final Sku HOT = Sku.of("HOT");
  static final Sku SIDE = Sku.of("SIDE");
  static final Sku KIT = Sku.of("KIT");
  static final ImmutableList<Sku> STOCKED = ImmutableList.of(HOT, SIDE);
  static final ImmutableMap<Sku, Integer> KIT_PARTS = ImmutableMap.of(HOT, 2, SIDE, 1);
  static final int KIT_UNITS = 3;

  /** The channels in pool order; between them every policy feature bears on the hot SKU. */
  static final ImmutableMap<ChannelId, AllocationPolicy> POLICIES =
      ImmutableMap.of(
          WEB,
          AllocationPolicy.builder()
              .addEligibleNodes(A, B, FBA)
              .safetyBuffer(SafetyBuffer.percent(10))
              .build(),
          AMAZON,
          AllocationPolicy.builder()
              .addEligibleNodes(FBA, A)
              .putRingFence(FBA, 15L)
              .exposureCap(40)
              .lotSize(2)
              .build(),
          RETAIL,
          AllocationPolicy.builder()
              .addEligibleNodes(B, A)
              .putRingFence(A, 20L)
              .putRingFence(B, 5L)
              .scarcityCutoff(4)
              .build(),
          WHOLESALE,
          AllocationPolicy.builder()
              .addEligibleNodes(A)
              .safetyBuffer(SafetyBuffer.units(3))
              .lotSize(6)
              .scarcityCutoff(10)
              .build());

  static final ImmutableList<ChannelId> CHANNELS = POLICIES.keySet().asList();

  static InventoryPoolBuilder builder(MutableClock clock) {
    InventoryPoolBuilder builder =
        InventoryPool.builder()
            .node(Node.warehouse("A"))
            .node(Node.store("B"))
            .node(Node.marketplace("FBA"));
    POLICIES.forEach(builder::channel);
    return builder.bundle(KIT, KIT_PARTS).clock(clock);
  }

  @Test
  void hotSkuUnderContentionKeepsEveryInvariant() throws Exception {
    MutableClock clock = MutableClock.at(START);
    InMemoryJournal journal = new InMemoryJournal();
    Map<String, AtomicLong> lastSequence = new ConcurrentHashMap<>();
    AtomicBoolean sequenceBroken = new AtomicBoolean();
    AtomicBoolean negative = new AtomicBoolean();
    InventoryPool pool =
        builder(clock)
            .journal(journal)
            .listener(
                e -> {
                  long previous =
                      lastSequence
                          .computeIfAbsent(e.sku() + "/" + e.channel(), k -> new AtomicLong())
                          .getAndSet(e.sequence());
                  if (e.sequence() != previous + 1) {
                    sequenceBroken.set(true);
                  }
                  if (e.available() < 0) {
                    negative.set(true);
                  }
                })
            .build();
    pool.receive(IdempotencyKey.of("seed-a"), HOT, A, 200).orThrow();
    pool.receive(IdempotencyKey.of("seed-b"), HOT, B, 40).orThrow();
    pool.receive(IdempotencyKey.of("seed-f"), HOT, FBA, 90).orThrow();
    pool.receive(IdempotencyKey.of("seed-sa"), SIDE, A, 200).orThrow();
    pool.receive(IdempotencyKey.of("seed-sb"), SIDE, B, 60).orThrow();
    Run run = new Run(pool, clock, journal);

    CyclicBarrier barrier = new CyclicBarrier(THREADS + 1);
    ExecutorService executor = Executors.newFixedThreadPool(THREADS);
    List<Future<Worker>> futures = new ArrayList<>();
    try {
      for (int t = 0; t < THREADS; t++) {
        Worker worker = new Worker(run, t);
        futures.add(
            executor.submit(
                () -> {
                  for (int round = 0; round < ROUNDS; round++) {
                    worker.round(round);
                    barrier.await(1, TimeUnit.MINUTES); // quiet: the checkpoint runs
                    barrier.await(1, TimeUnit.MINUTES); // and back to work
                  }
                  return worker;
                }));
      }
      for (int round = 0; round < ROUNDS; round++) {
        barrier.await(1, TimeUnit.MINUTES);
        checkpoint(run, "after round " + round);
        barrier.await(1, TimeUnit.MINUTES);
      }
      for (Future<Worker> f : futures) {
        f.get(1, TimeUnit.MINUTES);
      }
    } finally {
      executor.shutdownNow();
    }

    // Every hold is now past its expiry; nobody has swept them.
    clock.advance(Duration.ofMinutes(1));
    long now = clock.millis();
    Ledger ledger = Ledger.of(journal.movements());
    for (ChannelId channel : CHANNELS) {
      for (Sku sku : List.of(HOT, KIT, SIDE)) {
        long shown = pool.availableToPromise(sku, channel);
        run.check(
            shown == ledger.published(sku, channel, now),
            "at the end, %s shown %s of %s; the policies over the journal, holds expired, say %s",
            channel,
            shown,
            sku,
            ledger.published(sku, channel, now));
      }
    }
    for (Sku sku : STOCKED) {
      for (int n = 0; n < NODES.size(); n++) {
        Position p = pool.position(sku, NODES.get(n));
        run.check(
            p.reserved() == ledger.firmRemaining(sku, n),
            "at the end %s counts %s reserved; firm reservations hold %s, expired holds nothing",
            p,
            p.reserved(),
            ledger.firmRemaining(sku, n));
      }
    }
    checkpoint(run, "at the end");
    List<Movement> movements = journal.movements();
    audit(movements, run);

    // The run did what it set out to: it exercised what the checks are about.
    long expired = movements.stream().filter(m -> m.type() == MovementType.EXPIRED).count();
    run.check(expired > 0, "no hold expired");
    run.check(run.repeats.get() > 0, "no key was repeated");
    run.check(run.reusedRefused.get() > 0, "no key was reused for another command");
    run.check(!run.shared.isEmpty(), "no key was shared between threads");
    run.check(!sequenceBroken.get(), "an availability sequence skipped or repeated a number");
    run.check(!negative.get(), "a negative number published");
    assertThat(run.problems).as("seed %s", SEED).isEmpty();
  }

  /** With every worker waiting at the barrier: checks everything that needs a quiet pool. */
  private static void checkpoint(Run run, String when) {
    try {
      checkQuiet(run, when);
    } catch (RuntimeException e) {
      run.problem(when + ": " + e);
    }
  }

  private static void checkQuiet(Run run, String when) {
    InventoryPool pool = run.pool;
    // Some holds fall due and nobody sweeps them: the reads below must not count them.
    run.clock.advanceMillis(25);
    long now = run.clock.millis();
    Ledger ledger = Ledger.of(run.journal.movements());
    List<Sku> all = List.of(HOT, SIDE, KIT);
    for (ChannelId channel : CHANNELS) {
      // Lock-free reads first, each of the three ways; the first of them applies the expiries.
      long single = pool.availableToPromise(HOT, channel);
      long handle = pool.handle(KIT).availableToPromise(channel);
      long[] batch = pool.availableToPromise(all, channel);
      run.check(
          single == ledger.published(HOT, channel, now),
          "%s: %s shown %s of HOT, the policies over the journal say %s",
          when,
          channel,
          single,
          ledger.published(HOT, channel, now));
      run.check(
          handle == ledger.published(KIT, channel, now),
          "%s: %s shown %s of KIT through a handle, the policies say %s",
          when,
          channel,
          handle,
          ledger.published(KIT, channel, now));
      for (int i = 0; i < all.size(); i++) {
        run.check(
            batch[i] == ledger.published(all.get(i), channel, now),
            "%s: %s shown %s of %s in a batch, the policies say %s",
            when,
            channel,
            batch[i],
            all.get(i),
            ledger.published(all.get(i), channel, now));
      }
    }
    for (Sku sku : STOCKED) {
      for (int n = 0; n < NODES.size(); n++) {
        Position p = pool.position(sku, NODES.get(n));
        Position expected = ledger.position(sku, n, now);
        run.check(p.equals(expected), "%s: %s, the journal says %s", when, p, expected);
      }
    }
    for (String v : InventoryInvariants.violations(pool)) {
      run.problem(when + ": " + v);
    }
    for (Sku sku : all) {
      for (String v : InventoryInvariants.probeHonourable(pool, sku)) {
        run.problem(when + ": " + v);
      }
    }
    for (ChannelId channel : CHANNELS) {
      for (Sku sku : STOCKED) {
        probeFences(run, when, channel, sku);
      }
    }
    pool.expireHolds();
    InventoryPool rebuilt =
        builder(run.clock).journal(new InMemoryJournal()).rebuild(run.journal.movements());
    for (String drift : DriftCheck.compare(pool, rebuilt)) {
      run.problem(when + ", rebuilt from the journal: " + drift);
    }
  }

  /**
   * Reserves, for {@code channel}, one unit more than its policy lets it take at each node and in
   * all (refused), then exactly that much (accepted, and every node it took from still covers the
   * other channels' ring-fences), releasing what it took; and one unit at a node it may not sell
   * from (refused). The policy's arithmetic is worked from the positions here, not by the pool.
   */
  private static void probeFences(Run run, String when, ChannelId channel, Sku sku) {
    InventoryPool pool = run.pool;
    AllocationPolicy policy = requireNonNull(POLICIES.get(channel));
    long[] free = new long[NODES.size()];
    for (int n = 0; n < NODES.size(); n++) {
      free[n] = pool.position(sku, NODES.get(n)).free();
    }
    long takeable = takeable(channel, free);
    for (int n = 0; n < NODES.size(); n++) {
      NodeId node = NODES.get(n);
      if (!policy.eligibleNodes().contains(node)) {
        expect(
            run,
            when,
            ReserveRequest.firm(run.probeKey(), channel, ReservationLine.at(sku, node, 1)),
            RejectionReason.NODE_NOT_ELIGIBLE);
        continue;
      }
      long give = takeable == 0 ? 0 : give(channel, n, free[n]);
      expect(
          run,
          when,
          ReserveRequest.firm(run.probeKey(), channel, ReservationLine.at(sku, node, give + 1)),
          RejectionReason.INSUFFICIENT_STOCK);
      if (give > 0) {
        takeAndGiveBack(
            run,
            when,
            ReserveRequest.firm(run.probeKey(), channel, ReservationLine.at(sku, node, give)));
      }
    }
    expect(
        run,
        when,
        ReserveRequest.firm(run.probeKey(), channel, ReservationLine.of(sku, takeable + 1)),
        RejectionReason.INSUFFICIENT_STOCK);
    if (takeable > 0) {
      takeAndGiveBack(
          run,
          when,
          ReserveRequest.firm(run.probeKey(), channel, ReservationLine.of(sku, takeable)));
    }
  }

  private static void expect(Run run, String when, ReserveRequest request, RejectionReason reason) {
    Outcome<Reservation> o = run.pool.reserve(request);
    run.check(
        o.rejection().map(r -> r.reason() == reason).orElse(false),
        "%s: %s gave %s, not %s",
        when,
        request,
        o,
        reason);
    o.asOptional().ifPresent(r -> run.pool.release(run.probeKey(), r.id()).orThrow());
  }

  private static void takeAndGiveBack(Run run, String when, ReserveRequest request) {
    Outcome<Reservation> o = run.pool.reserve(request);
    run.check(o.isApplied(), "%s: %s, within the policy, gave %s", when, request, o);
    o.asOptional()
        .ifPresent(
            r -> {
              for (Allocation a : r.allocations()) {
                long fence = othersFence(request.channel(), NODES.indexOf(a.node()));
                Position p = run.pool.position(a.sku(), a.node());
                run.check(
                    p.free() >= fence,
                    "%s: %s took %s at %s, leaving %s of the %s fenced for other channels",
                    when,
                    request.channel(),
                    a.quantity(),
                    a.node(),
                    p.free(),
                    fence);
              }
              run.pool.release(run.probeKey(), r.id()).orThrow();
            });
  }

  // -----------------------------------------------------------------------------------------
  // The policies' arithmetic, worked independently of the pool

  static long othersFence(ChannelId channel, int n) {
    long sum = 0;
    for (Map.Entry<ChannelId, AllocationPolicy> e : POLICIES.entrySet()) {
      if (!e.getKey().equals(channel)) {
        sum += e.getValue().ringFences().getOrDefault(NODES.get(n), 0L);
      }
    }
    return sum;
  }

  /**
   * What {@code channel} may take at node {@code n} with {@code free} units there, cut-off aside.
   */
  static long give(ChannelId channel, int n, long free) {
    AllocationPolicy policy = requireNonNull(POLICIES.get(channel));
    if (!policy.eligibleNodes().contains(NODES.get(n))) {
      return 0;
    }
    return Math.max(0, free - othersFence(channel, n));
  }

  /**
   * What {@code channel} may take in all, given the free units per node; zero under its cut-off.
   */
  static long takeable(ChannelId channel, long[] free) {
    long sum = 0;
    for (int n = 0; n < free.length; n++) {
      sum += give(channel, n, free[n]);
    }
    return sum < requireNonNull(POLICIES.get(channel)).scarcityCutoff() ? 0 : sum;
  }

  static long published(ChannelId channel, long[] free) {
    AllocationPolicy policy = requireNonNull(POLICIES.get(channel));
    long value = policy.safetyBuffer().apply(takeable(channel, free), policy.bufferRounding());
    if (policy.exposureCap().isPresent()) {
      value = Math.min(value, policy.exposureCap().getAsLong());
    }
    return value - value % policy.lotSize();
  }

  // -----------------------------------------------------------------------------------------
  // The journal, folded

  /** Positions and reservations folded from movements in the order the pool applied them. */
  static final class Ledger {
    static final int ON_HAND = 0;
    static final int RESERVED = 1;
    static final int QUARANTINED = 2;
    static final int IN_TRANSIT = 3;

    /** Per SKU: [bucket][node]. */
    final Map<Sku, long[][]> buckets = new HashMap<>();

    final Map<ReservationId, Held> reservations = new HashMap<>();

    /** What one reservation still holds, by SKU and node. */
    static final class Held {
      boolean hold;
      final long expiresAt;
      final Map<Sku, long[]> remaining = new HashMap<>();

      Held(boolean hold, long expiresAt) {
        this.hold = hold;
        this.expiresAt = expiresAt;
      }

      long[] at(Sku sku) {
        return remaining.computeIfAbsent(sku, k -> new long[NODES.size()]);
      }
    }

    static List<Movement> inOrder(List<Movement> movements) {
      List<Movement> sorted = new ArrayList<>(movements);
      sorted.sort(Comparator.comparingLong(Movement::sequence));
      return sorted;
    }

    static Ledger of(List<Movement> movements) {
      Ledger ledger = new Ledger();
      for (Movement m : inOrder(movements)) {
        ledger.apply(m);
      }
      return ledger;
    }

    long[][] of(Sku sku) {
      return buckets.computeIfAbsent(sku, k -> new long[4][NODES.size()]);
    }

    void apply(Movement m) {
      long[][] b = of(m.sku());
      int n = NODES.indexOf(m.node());
      long q = m.quantity();
      switch (m.type()) {
        case RECEIVED, ADJUSTED -> b[ON_HAND][n] += q;
        case RESERVED -> {
          b[RESERVED][n] += q;
          Instant expiresAt = m.expiresAt();
          reservations.computeIfAbsent(
                      requireNonNull(m.reservation()),
                      id ->
                          new Held(
                              m.reservationKind() == ReservationKind.HOLD,
                              expiresAt == null ? Long.MAX_VALUE : expiresAt.toEpochMilli()))
                  .at(m.sku())[n] +=
              q;
        }
        case CONFIRMED -> held(m).hold = false;
        case RELEASED, EXPIRED -> {
          b[RESERVED][n] -= q;
          held(m).at(m.sku())[n] -= q;
        }
        case FULFILLED -> {
          b[RESERVED][n] -= q;
          b[ON_HAND][n] -= q;
          held(m).at(m.sku())[n] -= q;
        }
        case TRANSFER_SHIPPED -> {
          b[ON_HAND][n] -= q;
          b[IN_TRANSIT][NODES.indexOf(requireNonNull(m.otherNode()))] += q;
        }
        case TRANSFER_RECEIVED -> {
          b[IN_TRANSIT][n] -= q;
          b[ON_HAND][n] += q;
        }
        case QUARANTINED -> b[QUARANTINED][n] += q;
        case PULLED_TO_QUARANTINE -> {
          b[ON_HAND][n] -= q;
          b[QUARANTINED][n] += q;
        }
        case RESTOCKED -> {
          b[QUARANTINED][n] -= q;
          b[ON_HAND][n] += q;
        }
        case WRITTEN_OFF -> b[QUARANTINED][n] -= q;
      }
    }

    private Held held(Movement m) {
      return requireNonNull(reservations.get(requireNonNull(m.reservation())), m::toString);
    }

    /** Units of {@code sku} at node {@code n} still held by holds due at {@code now}. */
    long due(Sku sku, int n, long now) {
      long sum = 0;
      for (Held h : reservations.values()) {
        if (h.hold && h.expiresAt <= now) {
          long[] r = h.remaining.get(sku);
          sum += r == null ? 0 : r[n];
        }
      }
      return sum;
    }

    long firmRemaining(Sku sku, int n) {
      long sum = 0;
      for (Held h : reservations.values()) {
        if (!h.hold) {
          long[] r = h.remaining.get(sku);
          sum += r == null ? 0 : r[n];
        }
      }
      return sum;
    }

    Position position(Sku sku, int n, long now) {
      long[][] b = of(sku);
      return new Position(
          sku,
          NODES.get(n),
          b[ON_HAND][n],
          b[RESERVED][n] - due(sku, n, now),
          b[QUARANTINED][n],
          b[IN_TRANSIT][n]);
    }

    long[] free(Sku sku, long now) {
      long[] free = new long[NODES.size()];
      for (int n = 0; n < free.length; n++) {
        free[n] = position(sku, n, now).free();
      }
      return free;
    }

    long published(Sku sku, ChannelId channel, long now) {
      if (sku.equals(KIT)) {
        long min = Long.MAX_VALUE;
        for (Map.Entry<Sku, Integer> part : KIT_PARTS.entrySet()) {
          min = Math.min(min, published(part.getKey(), channel, now) / part.getValue());
        }
        return min;
      }
      return HotSkuConcurrencyProperties.published(channel, free(sku, now));
    }
  }

  /**
   * Replays the journal in the order the pool applied it and checks every movement against the
   * state just before it: the pool decided each command under its SKUs' locks, so this state is
   * exactly what it saw.
   */
  private static void audit(List<Movement> movements, Run run) {
    Ledger ledger = new Ledger();
    Map<IdempotencyKey, Long> commandOfKey = new HashMap<>();
    Map<Sku, Long> group = new HashMap<>();
    Map<Sku, long[]> mayTake = new HashMap<>();
    Map<Sku, long[]> taken = new HashMap<>();
    for (Movement m : Ledger.inOrder(movements)) {
      int n = NODES.indexOf(m.node());
      if (m.type() != MovementType.EXPIRED) {
        // An expiry carries its hold's key; anything else under a key is the one command it named.
        Long first = commandOfKey.putIfAbsent(m.key(), m.command());
        run.check(
            first == null || first == m.command(),
            "key %s applied twice: commands %s and %s",
            m.key(),
            first,
            m.command());
      }
      Long current = group.get(m.sku());
      if (current == null || current != m.command()) {
        group.put(m.sku(), m.command());
        long at = m.at().toEpochMilli();
        if (m.type() != MovementType.EXPIRED) {
          for (int i = 0; i < NODES.size(); i++) {
            run.check(
                ledger.due(m.sku(), i, at) == 0,
                "%s decided with %s units of holds past their expiry still counted at %s",
                m,
                ledger.due(m.sku(), i, at),
                NODES.get(i));
          }
        }
        if (m.type() == MovementType.RESERVED) {
          ChannelId channel = requireNonNull(m.channel());
          long[] free = ledger.free(m.sku(), at);
          long takeable = takeable(channel, free);
          long[] limits = new long[NODES.size() + 1];
          for (int i = 0; i < NODES.size(); i++) {
            limits[i] = takeable == 0 ? 0 : give(channel, i, free[i]);
          }
          limits[NODES.size()] = takeable;
          mayTake.put(m.sku(), limits);
          taken.put(m.sku(), new long[NODES.size() + 1]);
        }
      }
      if (m.type() == MovementType.RESERVED) {
        long[] limits = requireNonNull(mayTake.get(m.sku()));
        long[] took = requireNonNull(taken.get(m.sku()));
        took[n] += m.quantity();
        took[NODES.size()] += m.quantity();
        run.check(
            took[n] <= limits[n] && took[NODES.size()] <= limits[NODES.size()],
            "%s: the channel could take %s there and %s in all (ring-fences, cut-off), took %s"
                + " and %s",
            m,
            limits[n],
            limits[NODES.size()],
            took[n],
            took[NODES.size()]);
      }
      ledger.apply(m);
      long[][] b = ledger.of(m.sku());
      run.check(
          b[Ledger.RESERVED][n] <= b[Ledger.ON_HAND][n],
          "oversold after %s: %s reserved of %s on hand",
          m,
          b[Ledger.RESERVED][n],
          b[Ledger.ON_HAND][n]);
      for (long[] bucket : b) {
        run.check(bucket[n] >= 0, "a bucket below zero after %s", m);
      }
    }
  }

  // -----------------------------------------------------------------------------------------
  // The run and its workers

  /** What the threads share: the pool, its clock and journal, and what they found. */
  static final class Run {
    final InventoryPool pool;
    final MutableClock clock;
    final InMemoryJournal journal;
    final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    final AtomicReferenceArray<@Nullable Reservation> recent = new AtomicReferenceArray<>(64);
    final AtomicInteger recentIndex = new AtomicInteger();
    final Map<IdempotencyKey, Outcome<?>> shared = new ConcurrentHashMap<>();
    final AtomicLong probes = new AtomicLong();
    final AtomicLong repeats = new AtomicLong();
    final AtomicLong reusedRefused = new AtomicLong();

    Run(InventoryPool pool, MutableClock clock, InMemoryJournal journal) {
      this.pool = pool;
      this.clock = clock;
      this.journal = journal;
    }

    IdempotencyKey probeKey() {
      return IdempotencyKey.of("check-" + probes.incrementAndGet());
    }

    void problem(String what) {
      if (problems.size() < 50) {
        problems.add(what);
      }
    }

    void check(boolean ok, String template, @Nullable Object... args) {
      if (!ok) {
        problem(String.format(Locale.ROOT, template, args));
      }
    }
  }

  /** A command sent under a fresh key, and what it answered then. */
  private record Sent(IdempotencyKey key, Supplier<Outcome<?>> command, Outcome<?> first) {}

  /** One thread's commands, from its own seed. */
  static final class Worker {
    private static final Set<RejectionReason> NEVER_FOR_A_FRESH_KEY =
        EnumSet.of(RejectionReason.IDEMPOTENCY_KEY_REUSED, RejectionReason.WOULD_OVERFLOW);

    final Run run;
    final InventoryPool pool;
    final int thread;
    final SplittableRandom random;
    final List<Reservation> mine = new ArrayList<>();
    final List<Transfer> transfers = new ArrayList<>();
    final List<Sent> sent = new ArrayList<>();

    Worker(Run run, int thread) {
      this.run = run;
      this.pool = run.pool;
      this.thread = thread;
      this.random = new SplittableRandom(SEED + thread);
    }

    void round(int round) {
      for (int i = 0; i < OPS_PER_ROUND; i++) {
        run.clock.advanceMillis(1);
        IdempotencyKey key = IdempotencyKey.of("t" + thread + "-" + round + "-" + i);
        try {
          step(key, round, i);
        } catch (RuntimeException e) {
          run.problem("thread " + thread + ", command " + key + ": " + e);
        }
      }
    }

    private NodeId anyNode() {
      return NODES.get(random.nextInt(NODES.size()));
    }

    private Duration shortHold() {
      return Duration.ofMillis(1 + random.nextInt(40));
    }

    private void step(IdempotencyKey key, int round, int i) {
      int roll = random.nextInt(100);
      ChannelId channel = CHANNELS.get(random.nextInt(CHANNELS.size()));
      if (roll < 22) {
        long q = 1L + random.nextInt(3);
        // A node the channel may not sell from is refused, and that is checked too.
        ReservationLine line =
            random.nextBoolean()
                ? ReservationLine.of(HOT, q)
                : ReservationLine.at(HOT, anyNode(), q);
        reserve(
            key,
            random.nextInt(10) < 6
                ? ReserveRequest.hold(key, channel, shortHold(), line)
                : ReserveRequest.firm(key, channel, line));
      } else if (roll < 28) {
        reserve(
            key,
            random.nextBoolean()
                ? ReserveRequest.firm(
                    key,
                    channel,
                    ReservationLine.of(HOT, 1),
                    ReservationLine.of(SIDE, 1 + random.nextInt(2)))
                : ReserveRequest.hold(key, channel, shortHold(), ReservationLine.of(KIT, 1)));
      } else if (roll < 34) {
        // What was shown may be gone by the time it is asked for, but only for want of stock.
        long shown = pool.availableToPromise(HOT, channel);
        if (shown > 0) {
          Outcome<Reservation> o =
              reserve(key, ReserveRequest.firm(key, channel, ReservationLine.of(HOT, shown)));
          o.rejection()
              .filter(r -> r.reason() != RejectionReason.INSUFFICIENT_STOCK)
              .ifPresent(r -> run.problem(channel + " reserving the " + shown + " shown: " + r));
          if (o.isApplied() && random.nextBoolean()) {
            // A shopper who looked and left: the units go back at once.
            Reservation r = o.asOptional().orElseThrow();
            mine.remove(r);
            IdempotencyKey back = IdempotencyKey.of(key.value() + "-back");
            send(back, () -> pool.release(back, r.id()));
          }
        }
      } else if (roll < 44) {
        Reservation r = pick();
        if (r != null) {
          mine.remove(r);
          Outcome<Reservation> o = send(key, () -> pool.release(key, r.id()));
          run.check(o.isApplied(), "releasing %s was refused: %s", r.id(), o);
        }
      } else if (roll < 50) {
        Reservation r = pick();
        if (r != null) {
          send(key, () -> pool.confirm(key, r.id()));
        }
      } else if (roll < 56) {
        if (!mine.isEmpty()) {
          Reservation r = mine.remove(random.nextInt(mine.size()));
          send(key, () -> pool.fulfil(key, r.id()));
        }
      } else if (roll < 60) {
        if (!mine.isEmpty()) {
          Reservation r = mine.get(random.nextInt(mine.size()));
          Allocation a = r.allocations().get(random.nextInt(r.allocations().size()));
          send(key, () -> pool.fulfil(key, r.id(), a.sku(), a.node(), 1));
        }
      } else if (roll < 67) {
        NodeId node = anyNode();
        // Plenty in even rounds, scarcity in odd ones: cut-offs and fences bite in both.
        long q = 1L + random.nextInt(round % 2 == 0 ? 12 : 3);
        Outcome<Position> o = send(key, () -> pool.receive(key, HOT, node, q));
        run.check(o.isApplied(), "receiving %s at %s was refused: %s", q, node, o);
      } else if (roll < 71) {
        NodeId node = anyNode();
        Adjustment adjustment =
            random.nextInt(3) == 0 ? Adjustment.delta(2, "found") : Adjustment.delta(-1, "shrink");
        send(key, () -> pool.adjust(key, HOT, node, adjustment));
      } else if (roll < 74) {
        NodeId from = anyNode();
        NodeId to = NODES.get((NODES.indexOf(from) + 1 + random.nextInt(2)) % NODES.size());
        long q = 1L + random.nextInt(3);
        send(key, () -> pool.shipTransfer(key, HOT, from, to, q))
            .asOptional()
            .ifPresent(transfers::add);
      } else if (roll < 78) {
        if (!transfers.isEmpty()) {
          int index = random.nextInt(transfers.size());
          Transfer t = transfers.get(index);
          long q = t.inTransit() > 1 && random.nextInt(3) == 0 ? 1 : t.inTransit();
          Outcome<Transfer> o = send(key, () -> pool.receiveTransfer(key, t.id(), q));
          run.check(o.isApplied(), "receiving %s of %s was refused: %s", q, t, o);
          Transfer after = o.asOptional().orElse(t);
          if (after.inTransit() == 0) {
            transfers.remove(index);
          } else {
            transfers.set(index, after);
          }
        }
      } else if (roll < 81) {
        NodeId node = anyNode();
        boolean fromOnHand = random.nextBoolean();
        send(
            key,
            () ->
                pool.quarantine(
                    key, HOT, node, 1, fromOnHand, fromOnHand ? "inspection" : "customer return"));
      } else if (roll < 84) {
        NodeId node = anyNode();
        if (random.nextInt(4) == 0) {
          send(key, () -> pool.writeOff(key, HOT, node, 1, "damaged"));
        } else {
          send(key, () -> pool.restock(key, HOT, node, 1));
        }
      } else if (roll < 90) {
        if (!sent.isEmpty()) {
          // The same command again under its key: the first outcome, and nothing changes.
          Sent s = sent.get(random.nextInt(sent.size()));
          Outcome<?> again = s.command().get();
          run.repeats.incrementAndGet();
          run.check(
              again.equals(s.first()),
              "%s repeated answered %s, first %s",
              s.key(),
              again,
              s.first());
        }
      } else if (roll < 93) {
        if (!sent.isEmpty()) {
          // The key of an earlier command with a command no thread ever sends otherwise.
          Sent s = sent.get(random.nextInt(sent.size()));
          Outcome<Position> o = pool.receive(s.key(), SIDE, B, 7);
          run.reusedRefused.incrementAndGet();
          run.check(
              o.rejection()
                  .map(r -> r.reason() == RejectionReason.IDEMPOTENCY_KEY_REUSED)
                  .orElse(false),
              "%s reused for another command answered %s",
              s.key(),
              o);
        }
      } else if (roll < 97) {
        // Every thread sends the same commands under the same keys: each applies once.
        IdempotencyKey common = IdempotencyKey.of("shared-" + round + "-" + i % 25);
        Outcome<Position> o = pool.receive(common, HOT, B, 1);
        Outcome<?> first = run.shared.putIfAbsent(common, o);
        run.check(o.isApplied(), "shared %s answered %s", common, o);
        run.check(
            first == null || first.equals(o), "shared %s answered %s and %s", common, first, o);
      } else {
        pool.expireHolds();
      }
    }

    private @Nullable Reservation pick() {
      if (random.nextInt(10) < 3) {
        return run.recent.get(random.nextInt(run.recent.length()));
      }
      return mine.isEmpty() ? null : mine.get(random.nextInt(mine.size()));
    }

    private Outcome<Reservation> reserve(IdempotencyKey key, ReserveRequest request) {
      Outcome<Reservation> o = send(key, () -> pool.reserve(request));
      if (o instanceof Outcome.Applied<Reservation> applied) {
        Reservation r = applied.value();
        AllocationPolicy policy = requireNonNull(POLICIES.get(request.channel()));
        long wanted = 0;
        for (ReservationLine line : request.lines()) {
          wanted += line.sku().equals(KIT) ? line.quantity() * KIT_UNITS : line.quantity();
        }
        run.check(r.quantity() == wanted, "%s reserved %s of %s", request, r.quantity(), wanted);
        for (Allocation a : r.allocations()) {
          run.check(
              policy.eligibleNodes().contains(a.node()),
              "%s took from %s, where it may not sell",
              request.channel(),
              a.node());
        }
        mine.add(r);
        run.recent.set(run.recentIndex.getAndIncrement() & (run.recent.length() - 1), r);
      }
      return o;
    }

    /** Sends a command under a fresh key, and remembers it to repeat. */
    private <T> Outcome<T> send(IdempotencyKey key, Supplier<Outcome<T>> command) {
      Outcome<T> o = command.get();
      o.rejection()
          .filter(r -> NEVER_FOR_A_FRESH_KEY.contains(r.reason()))
          .ifPresent(r -> run.problem("fresh key " + key + " answered " + r));
      sent.add(new Sent(key, command::get, o));
      return o;
    }
  }
}
