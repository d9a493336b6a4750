package dev.omnichannel.core.routing;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.omnichannel.core.order.OrderLine;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
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
  private final NodeProfile[] sortedNodes;

  private Router(FulfillmentNetwork network, Clock clock) {
    this.network = network;
    this.clock = clock;
    NodeProfile[] nodes = network.nodes().toArray(new NodeProfile[0]);
    Arrays.sort(nodes, Comparator.comparing(NodeProfile::id));
    this.sortedNodes = nodes;
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
    Problem p = new Problem(request, network, sortedNodes, clock.instant());
    Search search = new Search(p);
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
    return PlanAssembler.assemble(p, search, result, method, blockedBySkuCompleteness, notes);
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
    Problem p = new Problem(request, network, sortedNodes, clock.instant());
    Search search = new Search(p);
    if (p.shipComplete && p.servableItems() < p.itemCount) {
      return Optional.of(
          PlanAssembler.assemble(
              p,
              search,
              new Search.Result(empty(p), unservedKey(p, search), 0, true),
              SearchMethod.NONE,
              true,
              new ArrayList<>()));
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
            notes));
  }

  Instant now() {
    return clock.instant();
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
        List<String> notes) {
      int[] plan = result.assign();
      RoutingProfile profile = p.profile;
      List<Shipment> shipments = new ArrayList<>();
      long shipping = 0;
      long picking = 0;
      int served = 0;
      for (int j = 0; j < p.k; j++) {
        List<PlannedLine> lines = new ArrayList<>();
        long weight = 0;
        long units = 0;
        boolean[] lineIn = new boolean[p.lines.size()];
        for (int i = 0; i < p.itemCount; i++) {
          if (plan[i] == j) {
            weight += p.itemWeight[i];
            units += p.itemUnits[i];
            for (int li : p.itemLines[i]) {
              lineIn[li] = true;
            }
          }
        }
        for (int li = 0; li < lineIn.length; li++) {
          if (lineIn[li]) {
            OrderLine line = p.lines.get(li);
            lines.add(new PlannedLine(line.lineId(), line.sku(), line.quantity()));
          }
        }
        if (lines.isEmpty()) {
          continue;
        }
        served++;
        long ship = p.laneCost(j, weight);
        long pick = p.pickOrder[j] + p.pickUnit[j] * units;
        shipping += ship;
        picking += pick;
        shipments.add(
            new Shipment(
                p.node(j).id(),
                ImmutableList.copyOf(lines),
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
          .shipments(shipments)
          .unfulfilled(unfulfilled.build())
          .cost(cost)
          .currency(p.network.currency())
          .costLowerBound(Math.min(lowerBound, cost.total()))
          .explanation(explain(p, search, result, notes))
          .build();
    }

    private static Explanation explain(
        Problem p, Search search, Search.Result result, List<String> notes) {
      ImmutableList.Builder<NodeAssessment> nodes = ImmutableList.builder();
      int[] pre = new int[p.all.length];
      Arrays.fill(pre, -1);
      for (int j = 0; j < p.k; j++) {
        pre[p.toAll[j]] = j;
      }
      long[] bestAltKey = null;
      int bestAlt = -1;
      for (int a = 0; a < p.all.length; a++) {
        int j = pre[a];
        List<String> held = new ArrayList<>();
        OptionalLong standalone = OptionalLong.empty();
        if (j >= 0 && !p.excluded[j]) {
          int[] alone = search.alone(j);
          if (alone != null) {
            long weight = 0;
            long units = 0;
            for (int i = 0; i < p.itemCount; i++) {
              if (alone[i] == j) {
                weight += p.itemWeight[i];
                units += p.itemUnits[i];
                for (int li : p.itemLines[i]) {
                  held.add(p.lines.get(li).lineId());
                }
              }
            }
            standalone =
                OptionalLong.of(p.pickOrder[j] + p.pickUnit[j] * units + p.laneCost(j, weight));
            if (!Arrays.equals(alone, result.assign())) {
              long[] key = search.evaluate(alone);
              if (key != null && (bestAltKey == null || Search.compare(key, bestAltKey) < 0)) {
                bestAltKey = key;
                bestAlt = j;
              }
            }
          }
        }
        OptionalDouble score = p.allScore[a];
        nodes.add(
            new NodeAssessment(
                p.all[a].id(),
                ImmutableSet.copyOf(p.exclusions.get(a)),
                ImmutableList.copyOf(held),
                p.allDistance[a],
                standalone,
                score));
      }
      List<String> objective = new ArrayList<>();
      objective.add("UNSERVED_LINES");
      objective.addAll(p.compNames);
      long[] key = result.key();
      String decidedBy;
      Optional<String> runnerUp;
      ImmutableList<Long> runnerUpKey;
      if (bestAltKey == null) {
        decidedBy = "ONLY_OPTION";
        runnerUp = Optional.empty();
        runnerUpKey = ImmutableList.of();
      } else {
        runnerUp = Optional.of("everything " + p.node(bestAlt).id() + " holds, from it alone");
        runnerUpKey = ImmutableList.copyOf(box(bestAltKey));
        decidedBy = "NODE_ID";
        for (int x = 0; x < key.length; x++) {
          if (key[x] != bestAltKey[x]) {
            decidedBy = objective.get(x);
            break;
          }
        }
      }
      return new Explanation(
          nodes.build(),
          ImmutableList.copyOf(objective),
          ImmutableList.copyOf(box(key)),
          runnerUp,
          runnerUpKey,
          decidedBy,
          result.steps(),
          ImmutableList.copyOf(notes));
    }

    private static Long[] box(long[] key) {
      Long[] out = new Long[key.length];
      for (int x = 0; x < key.length; x++) {
        out[x] = key[x];
      }
      return out;
    }
  }
}
