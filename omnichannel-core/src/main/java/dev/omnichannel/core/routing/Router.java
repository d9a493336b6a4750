package dev.omnichannel.core.routing;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.IdempotencyKey;
import dev.omnichannel.core.Sku;
import dev.omnichannel.core.inventory.AvailabilitySnapshot;
import dev.omnichannel.core.inventory.Outcome;
import dev.omnichannel.core.inventory.RejectionReason;
import dev.omnichannel.core.inventory.Reservation;
import dev.omnichannel.core.inventory.ReservationLine;
import dev.omnichannel.core.inventory.ReserveRequest;
import dev.omnichannel.core.order.OrderLine;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Routes orders over a {@link FulfillmentNetwork}: chooses which nodes ship which lines and
 * explains why.
 *
 * <p>{@link #route} is a pure function of the request, the network and the clock's instant: the
 * same inputs always give the same plan. Plans that serve more lines always win; among those the
 * profile's strategy decides (cost, rules in order, or scored criteria), and node ids break the
 * last ties. The exact optimiser (branch and bound, seeded by the heuristic) runs within the
 * profile's search budget; beyond it the heuristic's plan is returned and says so.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class Router {
  private final FulfillmentNetwork network;
  private final Clock clock;
  private final RoutingNodes nodes;

  private Router(FulfillmentNetwork network, Clock clock) {
    this.network = network;
    this.clock = clock;
    this.nodes = new RoutingNodes(network);
  }

  /**
   * Returns a router over {@code network} that reads the time (for cut-offs) from {@code clock}.
   */
  public static Router create(FulfillmentNetwork network, Clock clock) {
    return new Router(checkNotNull(network, "network"), checkNotNull(clock, "clock"));
  }

  /** Returns the network. */
  public FulfillmentNetwork network() {
    return network;
  }

  /** Returns the clock. */
  public Clock clock() {
    return clock;
  }

  /**
   * Returns the plan for {@code request}.
   *
   * @throws RoutingException if a plugged-in cost model or criterion misbehaves, or prices and the
   *     split threshold are in different currencies
   */
  public FulfillmentPlan route(RoutingRequest request) {
    checkNotNull(request, "request");
    Workspace ws = Workspace.acquire();
    try {
      return route(request, ws);
    } finally {
      ws.release();
    }
  }

  private FulfillmentPlan route(RoutingRequest request, Workspace ws) {
    Problem p = new Problem(request, network, nodes, clock.instant(), ws);
    Search search = new Search(p, ws);
    List<String> notes = new ArrayList<>();
    Search.Result result;
    SearchMethod method;
    boolean blockedBySkuCompleteness = false;
    if (p.servableItems() == 0) {
      result = new Search.Result(empty(p), unservedKey(p, search), 0, true);
      method = SearchMethod.NONE;
    } else if (p.shipComplete && p.servableItems() < p.itemCount) {
      result = new Search.Result(empty(p), unservedKey(p, search), 0, true);
      method = SearchMethod.NONE;
      blockedBySkuCompleteness = true;
      notes.add("ship complete: a line no node can serve holds the whole order");
    } else {
      Search.Result heuristic = search.heuristic();
      long budget = request.profile().exactSearchBudget();
      if (budget == 0) {
        result = heuristic;
        method = SearchMethod.HEURISTIC;
        notes.add("exact search disabled by the profile (budget 0)");
      } else {
        Search.Result exact = search.exact(heuristic, budget);
        if (exact.complete()) {
          result = exact;
          method = SearchMethod.EXACT;
        } else {
          result = heuristic;
          method = SearchMethod.HEURISTIC;
          notes.add("exact search stopped at its budget of " + budget + " steps");
        }
        result = new Search.Result(result.assign(), result.key(), exact.steps(), true);
      }
    }
    return PlanAssembler.assemble(p, search, result, method, blockedBySkuCompleteness, notes, ws);
  }

  /**
   * Returns the best plan by enumerating every assignment of lines (kits whole) to nodes, or empty
   * when there are more than {@code maxAssignments}. Exponential: meant as the reference the
   * optimiser is checked against, not for production.
   *
   * @throws IllegalArgumentException if {@code maxAssignments} is below 1
   */
  public Optional<FulfillmentPlan> routeByEnumeration(RoutingRequest request, long maxAssignments) {
    checkNotNull(request, "request");
    checkArgument(maxAssignments >= 1, "maxAssignments must be at least 1: %s", maxAssignments);
    Workspace ws = Workspace.acquire();
    try {
      return routeByEnumeration(request, maxAssignments, ws);
    } finally {
      ws.release();
    }
  }

  private Optional<FulfillmentPlan> routeByEnumeration(
      RoutingRequest request, long maxAssignments, Workspace ws) {
    Problem p = new Problem(request, network, nodes, clock.instant(), ws);
    Search search = new Search(p, ws);
    if (p.shipComplete && p.servableItems() < p.itemCount) {
      return Optional.of(
          PlanAssembler.assemble(
              p,
              search,
              new Search.Result(empty(p), unservedKey(p, search), 0, true),
              SearchMethod.NONE,
              true,
              new ArrayList<>(),
              ws));
    }
    Search.@Nullable Result result = search.bruteForce(maxAssignments);
    if (result == null) {
      return Optional.empty();
    }
    List<String> notes = new ArrayList<>();
    notes.add("found by enumerating " + result.steps() + " assignments");
    return Optional.of(
        PlanAssembler.assemble(
            p,
            search,
            result,
            p.servableItems() == 0 ? SearchMethod.NONE : SearchMethod.EXACT,
            false,
            notes,
            ws));
  }

  /**
   * Routes {@code request} and reserves the plan in the pool, all lines at their nodes in one
   * all-or-nothing request. When the pool says a concurrent order won the stock ({@link
   * RejectionReason#INSUFFICIENT_STOCK}), routes again on a fresh snapshot, up to {@code
   * maxAttempts} plans in all. A rejected request holds nothing, so no partial hold is ever left
   * behind.
   *
   * <p>The first attempt plans on the request's snapshot and uses {@code key}; attempt {@code n}
   * uses {@code key + "~" + n}, since a different plan is a different command.
   *
   * @throws IllegalArgumentException if {@code maxAttempts} is below 1 or {@code key} is longer
   *     than 120 characters
   */
  public CommitResult commit(
      RoutingRequest request,
      SnapshotSource snapshots,
      Reserver reserver,
      IdempotencyKey key,
      int maxAttempts) {
    checkNotNull(request, "request");
    checkNotNull(snapshots, "snapshots");
    checkNotNull(reserver, "reserver");
    checkNotNull(key, "key");
    checkArgument(maxAttempts >= 1, "maxAttempts must be at least 1: %s", maxAttempts);
    checkArgument(
        key.value().length() <= 120,
        "key must be at most 120 characters to leave room for retries: %s",
        key.value().length());
    List<FulfillmentPlan> tried = new ArrayList<>();
    Outcome.Rejected<Reservation> last = null;
    RoutingRequest current = request;
    FulfillmentPlan plan = null;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      if (attempt > 1) {
        current = request.withSnapshot(snapshots.snapshot(skus(request)));
      }
      plan = route(current);
      tried.add(plan);
      if (plan.shipments().isEmpty()) {
        return new CommitResult(
            CommitResult.Status.NOTHING_TO_RESERVE,
            plan,
            Optional.empty(),
            ImmutableList.copyOf(tried),
            Optional.ofNullable(last));
      }
      IdempotencyKey attemptKey =
          attempt == 1 ? key : IdempotencyKey.of(key.value() + "~" + attempt);
      Outcome<Reservation> outcome =
          reserver.reserve(
              ReserveRequest.firm(attemptKey, request.order().channel(), reservationLines(plan)));
      if (outcome instanceof Outcome.Applied<Reservation> applied) {
        return new CommitResult(
            CommitResult.Status.COMMITTED,
            plan,
            Optional.of(applied.value()),
            ImmutableList.copyOf(tried),
            Optional.ofNullable(last));
      }
      last = outcome.rejection().orElseThrow();
      if (last.reason() != RejectionReason.INSUFFICIENT_STOCK) {
        return new CommitResult(
            CommitResult.Status.REJECTED,
            plan,
            Optional.empty(),
            ImmutableList.copyOf(tried),
            Optional.of(last));
      }
    }
    return new CommitResult(
        CommitResult.Status.RETRIES_EXHAUSTED,
        checkNotNull(plan, "plan"),
        Optional.empty(),
        ImmutableList.copyOf(tried),
        Optional.ofNullable(last));
  }

  /** Returns the reservation lines of {@code plan}: one per SKU and node. */
  static ImmutableList<ReservationLine> reservationLines(FulfillmentPlan plan) {
    ImmutableList.Builder<ReservationLine> out = ImmutableList.builder();
    for (Shipment s : plan.shipments()) {
      Map<Sku, Long> bySku = new LinkedHashMap<>();
      for (PlannedLine l : s.lines()) {
        bySku.merge(l.sku(), l.quantity(), Long::sum);
      }
      bySku.forEach((sku, qty) -> out.add(ReservationLine.at(sku, s.node(), qty)));
    }
    return out.build();
  }

  private static List<Sku> skus(RoutingRequest request) {
    Set<Sku> skus = new LinkedHashSet<>();
    for (OrderLine line : request.order().lines()) {
      skus.add(line.sku());
    }
    return new ArrayList<>(skus);
  }

  /**
   * Routes a batch of orders together on their one shared snapshot, so that scarce stock goes where
   * it saves the most, and reports the result against routing them one by one in the order given.
   *
   * <p>The joint search is greedy by regret: in each round every order still open is routed on what
   * is left, and again as if its preferred stock were gone; the order that would lose the most
   * (first in lines served, then in cost) gets its plan first. When that does not beat the
   * one-by-one plans, the one-by-one plans are returned. Nothing is reserved. Quadratic in the
   * batch size: meant for batches of tens to a few hundred orders.
   *
   * @throws IllegalArgumentException if the requests do not share one snapshot instance
   */
  public BatchResult routeBatch(List<RoutingRequest> requests) {
    checkNotNull(requests, "requests");
    if (requests.isEmpty()) {
      return new BatchResult(ImmutableList.of(), 0, 0, 0, 0, false);
    }
    AvailabilitySnapshot snapshot = requests.get(0).snapshot();
    Set<ChannelId> channels = new LinkedHashSet<>();
    Set<Sku> skus = new LinkedHashSet<>();
    for (RoutingRequest r : requests) {
      checkArgument(
          r.snapshot() == snapshot,
          "every request of a batch must plan on the same snapshot; order %s does not",
          r.order().orderId());
      channels.add(r.order().channel());
      skus.addAll(skus(r));
    }
    Residual oneByOne = new Residual(snapshot, channels, skus);
    List<FulfillmentPlan> sequential = new ArrayList<>();
    for (RoutingRequest r : requests) {
      FulfillmentPlan plan = route(r.withSnapshot(oneByOne.snapshot(Optional.empty())));
      oneByOne.take(plan);
      sequential.add(plan);
    }
    Residual joint = new Residual(snapshot, channels, skus);
    FulfillmentPlan[] chosen = new FulfillmentPlan[requests.size()];
    List<Integer> open = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      open.add(i);
    }
    while (!open.isEmpty()) {
      AvailabilitySnapshot left = joint.snapshot(Optional.empty());
      int bestAt = -1;
      long bestLines = Long.MIN_VALUE;
      long bestCost = Long.MIN_VALUE;
      FulfillmentPlan bestPlan = null;
      for (int x = 0; x < open.size(); x++) {
        RoutingRequest r = requests.get(open.get(x));
        FulfillmentPlan plan = route(r.withSnapshot(left));
        long lostLines = 0;
        long lostCost = 0;
        if (!plan.shipments().isEmpty() && open.size() > 1) {
          FulfillmentPlan alternative = route(r.withSnapshot(joint.snapshot(Optional.of(plan))));
          lostLines = (long) plan.servedLines() - alternative.servedLines();
          lostCost = alternative.cost().total() - plan.cost().total();
        }
        if (lostLines > bestLines || (lostLines == bestLines && lostCost > bestCost)) {
          bestAt = x;
          bestLines = lostLines;
          bestCost = lostCost;
          bestPlan = plan;
        }
      }
      FulfillmentPlan plan = checkNotNull(bestPlan, "plan");
      joint.take(plan);
      chosen[open.remove(bestAt)] = plan;
    }
    long seqCost = 0;
    long seqUnserved = 0;
    for (FulfillmentPlan p : sequential) {
      seqCost += p.cost().total();
      seqUnserved += p.unfulfilled().size();
    }
    long jointCost = 0;
    long jointUnserved = 0;
    for (FulfillmentPlan p : chosen) {
      jointCost += p.cost().total();
      jointUnserved += p.unfulfilled().size();
    }
    boolean jointBetter =
        jointUnserved < seqUnserved || (jointUnserved == seqUnserved && jointCost < seqCost);
    if (!jointBetter) {
      return new BatchResult(
          ImmutableList.copyOf(sequential), seqCost, seqUnserved, seqCost, seqUnserved, true);
    }
    return new BatchResult(
        ImmutableList.copyOf(chosen), jointCost, jointUnserved, seqCost, seqUnserved, false);
  }

  /**
   * Routes every request under its own profile and under the newest profile {@code shadow} holds
   * for its channel, and reports the differences in cost, shipments and delivery dates. Nothing is
   * reserved. Requests whose channel has no shadow profile are listed as skipped.
   */
  public ShadowReport shadow(List<RoutingRequest> requests, RoutingProfileRegistry shadow) {
    checkNotNull(requests, "requests");
    checkNotNull(shadow, "shadow");
    ImmutableList.Builder<ShadowReport.Comparison> out = ImmutableList.builder();
    ImmutableList.Builder<String> skipped = ImmutableList.builder();
    for (RoutingRequest r : requests) {
      Optional<RoutingProfile> other = shadow.current(r.order().channel());
      if (other.isEmpty()) {
        skipped.add(r.order().orderId());
        continue;
      }
      out.add(
          new ShadowReport.Comparison(
              r.order().orderId(), route(r), route(r.withProfile(other.get()))));
    }
    return new ShadowReport(out.build(), skipped.build());
  }

  private static int[] empty(Problem p) {
    int[] plan = new int[p.itemCount];
    Arrays.fill(plan, -1);
    return plan;
  }

  private static long[] unservedKey(Problem p, Search search) {
    long[] key = search.evaluate(empty(p));
    if (key == null) {
      throw new AssertionError("the empty plan is always feasible");
    }
    return key;
  }

  /** Builds the public plan from a search result. */
  static final class PlanAssembler {
    private PlanAssembler() {}

    static FulfillmentPlan assemble(
        Problem p,
        Search search,
        Search.Result result,
        SearchMethod method,
        boolean shipCompleteBlocked,
        List<String> notes,
        Workspace ws) {
      int[] plan = result.assign();
      RoutingProfile profile = p.profile;
      long shipping = 0;
      long picking = 0;
      int served = 0;
      boolean[] opened = new boolean[p.k];
      int shipmentCount = 0;
      for (int j : plan) {
        if (j >= 0 && !opened[j]) {
          opened[j] = true;
          shipmentCount++;
        }
      }
      ImmutableList.Builder<Shipment> shipments =
          ImmutableList.builderWithExpectedSize(shipmentCount);
      // The lines of the shipment being listed; cleared again as they are listed.
      boolean[] lineIn = new boolean[p.lines.size()];
      for (int j = 0; j < p.k; j++) {
        if (!opened[j]) {
          continue;
        }
        long weight = 0;
        long units = 0;
        int lineCount = 0;
        for (int i = 0; i < p.itemCount; i++) {
          if (plan[i] == j) {
            weight += p.itemWeight[i];
            units += p.itemUnits[i];
            for (int li : p.itemLines[i]) {
              lineIn[li] = true;
              lineCount++;
            }
          }
        }
        if (lineCount == 0) {
          continue;
        }
        // In line order, which for kits differs from item order.
        ImmutableList.Builder<PlannedLine> lines = ImmutableList.builderWithExpectedSize(lineCount);
        for (int li = 0; li < lineIn.length; li++) {
          if (lineIn[li]) {
            lineIn[li] = false;
            OrderLine line = p.lines.get(li);
            lines.add(new PlannedLine(line.lineId(), line.sku(), line.quantity()));
          }
        }
        served++;
        long ship = p.laneCost(j, weight);
        long pick = p.pickOrder[j] + p.pickUnit[j] * units;
        shipping += ship;
        picking += pick;
        shipments.add(
            new Shipment(
                p.node(j).id(),
                lines.build(),
                weight,
                p.distance(j),
                ship,
                pick,
                p.shipDate[j],
                p.shipDate[j].plusDays(p.lane[j].transitDays())));
      }
      CostBreakdown cost =
          new CostBreakdown(shipping, picking, p.splitPenalty * Math.max(0, served - 1));
      ImmutableList.Builder<UnfulfilledLine> unfulfilled = ImmutableList.builder();
      UnfulfilledLine[] byLine = new UnfulfilledLine[p.lines.size()];
      for (int i = 0; i < p.itemCount; i++) {
        if (plan[i] >= 0) {
          continue;
        }
        UnfulfillableReason reason;
        if (p.itemCand[i].length == 0) {
          reason = p.noCandReason[i];
        } else if (shipCompleteBlocked) {
          reason = UnfulfillableReason.SHIP_COMPLETE;
        } else {
          reason = UnfulfillableReason.CONSTRAINTS;
        }
        for (int li : p.itemLines[i]) {
          OrderLine line = p.lines.get(li);
          byLine[li] =
              new UnfulfilledLine(
                  line.lineId(),
                  line.sku(),
                  line.quantity(),
                  reason,
                  profile.unfulfillablePolicy());
        }
      }
      for (UnfulfilledLine u : byLine) {
        if (u != null) {
          unfulfilled.add(u);
        }
      }
      int unservedServable = (int) result.key()[0] - search.baseUnserved();
      boolean servesAny = served > 0;
      long lowerBound = search.costLowerBound(unservedServable == 0, servesAny);
      if (p.servableItems() == 0 || !servesAny) {
        lowerBound = 0;
      }
      return FulfillmentPlan.builder()
          .orderId(p.order.orderId())
          .channel(p.order.channel())
          .profile(profile.label())
          .method(method)
          .shipments(shipments.build())
          .unfulfilled(unfulfilled.build())
          .cost(cost)
          .currency(p.network.currency())
          .costLowerBound(Math.min(lowerBound, cost.total()))
          .explanation(explain(p, search, result, notes, ws))
          .build();
    }

    private static Explanation explain(
        Problem p, Search search, Search.Result result, List<String> notes, Workspace ws) {
      int n = p.all.length;
      int[] assign = result.assign();
      // A node's shipment on its own is the plan itself only when the plan ships every item it
      // serves from that one node and exactly the items the node holds on its own.
      int planNode = -1;
      int planItems = 0;
      for (int j : assign) {
        if (j >= 0) {
          planNode = planItems == 0 || j == planNode ? j : -2;
          planItems++;
        }
      }
      long[] bestAltKey = null;
      long[] key = new long[p.comps + 1];
      int bestAlt = -1;
      // The candidates that hold something on their own (holders), each with its network index,
      // what it holds and its cost alone, for the node assessments made when the explanation is
      // read: the items as bits, or for orders of too many items for that, the line ids.
      boolean itemSets = p.itemCount <= AssessedNodes.ITEMS_IN_A_SET;
      int holders = 0;
      int[] holder = new int[p.k];
      long[] standalone = new long[p.k];
      long[] heldSets = itemSets ? new long[p.k] : null;
      // Generic arrays cannot be made; this one only ever holds ImmutableList<String>.
      @SuppressWarnings({"unchecked", "rawtypes"})
      ImmutableList<String>[] heldLists = itemSets ? null : new ImmutableList[p.k];
      int[] alone = ws.explainAlone.sized(p.itemCount);
      long unservedAll = (long) search.baseUnserved() + search.servableLines();
      // Then the candidates, in network order: whether each is the best alternative.
      for (int j = 0; j < p.k; j++) {
        if (p.excluded[j]) {
          continue;
        }
        // Most nodes ship alone every item they are a candidate of: then what they hold is added
        // up already, and the items themselves are only listed when needed.
        boolean whole = search.shipsAllAlone(j);
        boolean listed = !whole;
        int count;
        long weight = 0;
        long units = 0;
        int lines = 0;
        if (whole) {
          count = search.candidateCount(j);
          weight = search.candidateWeight(j);
          units = search.candidateUnits(j);
          lines = search.candidateLines(j);
        } else {
          count = search.alone(j, alone);
          for (int x = 0; x < count; x++) {
            int i = alone[x];
            weight += p.itemWeight[i];
            units += p.itemUnits[i];
            lines += p.itemLineCount[i];
          }
        }
        if (count == 0) {
          continue;
        }
        // Candidates are in network order, so holders are listed ascending.
        holder[holders] = p.toAll[j];
        if (heldSets != null) {
          heldSets[holders] = whole ? search.candidateItems(j) : itemSet(alone, count);
        } else if (heldLists != null) {
          if (!listed) {
            search.alone(j, alone);
            listed = true;
          }
          heldLists[holders] = AssessedNodes.lineIds(p.lines, p.itemLines, alone, count, lines);
        }
        long lane = p.laneCost(j, weight);
        standalone[holders] = p.pickOrder[j] + p.pickUnit[j] * units + lane;
        holders++;
        long unserved = unservedAll - lines;
        // The key starts with the unserved lines and, for a node shipping all its candidate items,
        // goes on with a first component known without listing them: a node behind the best
        // alternative in either cannot be the best alternative, so its full key is not needed.
        if (bestAltKey != null
            && (unserved > bestAltKey[0]
                || (whole
                    && p.comps > 0
                    && unserved == bestAltKey[0]
                    && search.candidatePrimary(j, lane) > bestAltKey[1]))) {
          continue;
        }
        if (!listed) {
          search.alone(j, alone);
        }
        boolean same = j == planNode && count == planItems;
        for (int x = 0; same && x < count; x++) {
          same = assign[alone[x]] == j;
        }
        if (!same
            && search.aloneKey(j, alone, count, lane, key)
            && (bestAltKey == null || Search.compare(key, bestAltKey) < 0)) {
          long[] swap = bestAltKey == null ? new long[key.length] : bestAltKey;
          bestAltKey = key;
          key = swap;
          bestAlt = j;
        }
      }
      short[] exclusions = new short[n];
      for (int a = 0; a < n; a++) {
        exclusions[a] = (short) p.exclusions[a];
      }
      AssessedNodes facts =
          new AssessedNodes(
              p.all,
              exclusions,
              Arrays.copyOf(p.allDistance, n),
              holders,
              holder,
              standalone,
              heldSets,
              heldLists,
              p.lines,
              p.itemLines,
              p.scores());
      ImmutableList<String> objective = p.objective;
      long[] planKey = result.key().clone();
      String decidedBy;
      Optional<String> runnerUp;
      long[] runnerUpKey;
      if (bestAltKey == null) {
        decidedBy = "ONLY_OPTION";
        runnerUp = Optional.empty();
        runnerUpKey = new long[0];
      } else {
        runnerUp = Optional.of("everything " + p.node(bestAlt).id() + " holds, from it alone");
        runnerUpKey = bestAltKey;
        decidedBy = "NODE_ID";
        for (int x = 0; x < planKey.length; x++) {
          if (planKey[x] != bestAltKey[x]) {
            decidedBy = objective.get(x);
            break;
          }
        }
      }
      return new Explanation(
          facts,
          null,
          objective,
          planKey,
          runnerUp,
          runnerUpKey,
          decidedBy,
          result.steps(),
          ImmutableList.copyOf(notes));
    }

    /** Returns the first {@code count} of {@code items} as bits by item. */
    private static long itemSet(int[] items, int count) {
      long set = 0;
      for (int x = 0; x < count; x++) {
        set |= 1L << items[x];
      }
      return set;
    }
  }
}
