package dev.omnichannel.core.routing;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The searches over a {@link Problem}: exact branch and bound, brute-force enumeration (the
 * reference the exact search is tested against), and the greedy heuristic with local improvement.
 *
 * <p>A plan is an assignment of every item to a pre-candidate node or to -1 (unserved). Its key is
 * the unserved line count followed by the objective's components; keys compare lexicographically,
 * smaller is better, and among equal keys the first plan found in the (deterministic) search order
 * wins. Not thread-safe: one instance per route call.
 */
final class Search {
  /** The outcome of a search. */
  record Result(int[] assign, long[] key, long steps, boolean complete) {}

  private final Problem p;
  private final int comps;
  private final int[] assign;
  private final long[] nodeUnits;
  private final long[] nodeWeight;
  private final long[] nodeValue;
  private final long[] nodeLane;
  private final int[] nodeItems;
  private final long[][] used;
  private final long[] partial;
  private int open;
  private long laneSum;
  private int unservedLines;

  private final int[] order;
  private final int baseUnserved;
  private final long[][] minItem;
  private final long[][] minOpen;
  private final long[][] suffixMinItem;
  private final int[][] sortedCand;
  private final long[] scratchForced;

  private long steps;
  private long budget;
  private boolean aborted;
  private long @Nullable [] best;
  private int @Nullable [] bestAssign;

  Search(Problem p) {
    this.p = p;
    this.comps = p.comps;
    int k = p.k;
    int items = p.itemCount;
    assign = new int[items];
    Arrays.fill(assign, -1);
    nodeUnits = new long[k];
    nodeWeight = new long[k];
    nodeValue = new long[k];
    nodeLane = new long[k];
    nodeItems = new int[k];
    used = new long[p.avail.length][k];
    partial = new long[comps];
    scratchForced = new long[comps];

    int servable = 0;
    int unservable = 0;
    for (int i = 0; i < items; i++) {
      if (p.itemCand[i].length > 0) {
        servable++;
      } else {
        unservable += p.itemLineCount[i];
      }
    }
    baseUnserved = unservable;
    Integer[] boxed = new Integer[servable];
    int s = 0;
    for (int i = 0; i < items; i++) {
      if (p.itemCand[i].length > 0) {
        boxed[s++] = i;
      }
    }
    // Most constrained items first; the item index keeps the order total.
    Arrays.sort(
        boxed,
        (a, b) ->
            p.itemCand[a].length != p.itemCand[b].length
                ? Integer.compare(p.itemCand[a].length, p.itemCand[b].length)
                : Integer.compare(a, b));
    order = new int[servable];
    for (int r = 0; r < servable; r++) {
      order[r] = boxed[r];
    }
    minItem = new long[comps][items];
    minOpen = new long[comps][items];
    for (int c = 0; c < comps; c++) {
      for (int i = 0; i < items; i++) {
        long mi = Long.MAX_VALUE;
        long mo = Long.MAX_VALUE;
        for (int j : p.itemCand[i]) {
          mi = Math.min(mi, p.itemPen[c][i][j]);
          long o = p.shipPen[c][j] + (c == p.costComp ? p.openCost[i][j] : 0);
          mo = Math.min(mo, o);
        }
        minItem[c][i] = mi == Long.MAX_VALUE ? 0 : mi;
        minOpen[c][i] = mo == Long.MAX_VALUE ? 0 : mo;
      }
    }
    suffixMinItem = new long[comps][servable + 1];
    for (int c = 0; c < comps; c++) {
      for (int r = servable - 1; r >= 0; r--) {
        suffixMinItem[c][r] = suffixMinItem[c][r + 1] + minItem[c][order[r]];
      }
    }
    sortedCand = new int[items][];
    for (int i = 0; i < items; i++) {
      final int item = i;
      Integer[] cand = new Integer[p.itemCand[i].length];
      for (int x = 0; x < cand.length; x++) {
        cand[x] = p.itemCand[i][x];
      }
      Arrays.sort(
          cand,
          (a, b) -> {
            int cmp = Long.compare(primaryOpening(item, a), primaryOpening(item, b));
            return cmp != 0 ? cmp : Integer.compare(a, b);
          });
      sortedCand[i] = new int[cand.length];
      for (int x = 0; x < cand.length; x++) {
        sortedCand[i][x] = cand[x];
      }
    }
  }

  int keyLength() {
    return comps + 1;
  }

  int[] searchOrder() {
    return order;
  }

  private long primaryOpening(int i, int j) {
    if (comps == 0) {
      return 0;
    }
    return p.shipPen[0][j] + p.itemPen[0][i][j] + (p.costComp == 0 ? p.openCost[i][j] : 0);
  }

  // ---- state ----

  private boolean canAdd(int i, int j) {
    if (nodeItems[j] == 0 && open >= p.maxShipments) {
      return false;
    }
    if (nodeUnits[j] + p.itemUnits[i] > p.unitsLeft[j]) {
      return false;
    }
    int[] keys = p.itemDemandKey[i];
    long[] qty = p.itemDemandQty[i];
    for (int x = 0; x < keys.length; x++) {
      if (used[keys[x]][j] + qty[x] > p.avail[keys[x]][j]) {
        return false;
      }
    }
    return true;
  }

  private void add(int i, int j) {
    assign[i] = j;
    if (nodeItems[j]++ == 0) {
      open++;
      for (int c = 0; c < comps; c++) {
        partial[c] += p.shipPen[c][j];
      }
    }
    for (int c = 0; c < comps; c++) {
      partial[c] += p.itemPen[c][i][j];
    }
    nodeUnits[j] += p.itemUnits[i];
    nodeWeight[j] += p.itemWeight[i];
    nodeValue[j] += p.itemValue[i];
    long lane = p.laneCost(j, nodeWeight[j]);
    laneSum += lane - nodeLane[j];
    nodeLane[j] = lane;
    int[] keys = p.itemDemandKey[i];
    long[] qty = p.itemDemandQty[i];
    for (int x = 0; x < keys.length; x++) {
      used[keys[x]][j] += qty[x];
    }
  }

  private void remove(int i, int j) {
    assign[i] = -1;
    for (int c = 0; c < comps; c++) {
      partial[c] -= p.itemPen[c][i][j];
    }
    nodeUnits[j] -= p.itemUnits[i];
    nodeWeight[j] -= p.itemWeight[i];
    nodeValue[j] -= p.itemValue[i];
    int[] keys = p.itemDemandKey[i];
    long[] qty = p.itemDemandQty[i];
    for (int x = 0; x < keys.length; x++) {
      used[keys[x]][j] -= qty[x];
    }
    if (--nodeItems[j] == 0) {
      open--;
      for (int c = 0; c < comps; c++) {
        partial[c] -= p.shipPen[c][j];
      }
      laneSum -= nodeLane[j];
      nodeLane[j] = 0;
    } else {
      long lane = p.laneCost(j, nodeWeight[j]);
      laneSum += lane - nodeLane[j];
      nodeLane[j] = lane;
    }
  }

  private boolean leafFeasible() {
    if (p.shipComplete && unservedLines > 0 && open > 0) {
      return false;
    }
    if (p.minSplitValue >= 0 && open > 1) {
      for (int j = 0; j < p.k; j++) {
        if (nodeItems[j] > 0 && nodeValue[j] < p.minSplitValue) {
          return false;
        }
      }
    }
    return true;
  }

  private long current(int c) {
    long v = partial[c];
    if (c == p.costComp) {
      v += laneSum + p.splitPenalty * Math.max(0, open - 1);
    }
    return v;
  }

  private long[] key() {
    long[] key = new long[comps + 1];
    key[0] = baseUnserved + unservedLines;
    for (int c = 0; c < comps; c++) {
      key[c + 1] = current(c);
    }
    return key;
  }

  /** Writes into {@code out} a key no completion of the state at depth {@code d} can beat. */
  private void bound(long[] out, int d) {
    out[0] = baseUnserved + unservedLines;
    long[] forced = scratchForced;
    Arrays.fill(forced, 0);
    for (int c = 0; c < comps; c++) {
      out[c + 1] = current(c);
    }
    for (int r = d; r < order.length; r++) {
      int i = order[r];
      boolean reachable = false;
      for (int j : p.itemCand[i]) {
        if (nodeItems[j] > 0) {
          reachable = true;
          break;
        }
      }
      if (!reachable && open >= p.maxShipments) {
        out[0] += p.itemLineCount[i];
        continue;
      }
      for (int c = 0; c < comps; c++) {
        out[c + 1] += minItem[c][i];
        if (!reachable) {
          long o = minOpen[c][i] + (c == p.costComp && open >= 1 ? p.splitPenalty : 0);
          if (o > forced[c]) {
            forced[c] = o;
          }
        }
      }
    }
    for (int c = 0; c < comps; c++) {
      out[c + 1] += forced[c];
    }
  }

  static int compare(long[] a, long[] b) {
    for (int x = 0; x < a.length; x++) {
      if (a[x] != b[x]) {
        return a[x] < b[x] ? -1 : 1;
      }
    }
    return 0;
  }

  /** Returns the key of {@code plan}, or null when it is infeasible. Leaves the state empty. */
  long @Nullable [] evaluate(int[] plan) {
    int added = 0;
    int[] done = new int[plan.length];
    boolean ok = true;
    for (int i = 0; i < plan.length; i++) {
      int j = plan[i];
      if (j < 0) {
        unservedLines += p.itemCand[i].length > 0 ? p.itemLineCount[i] : 0;
        continue;
      }
      if (!contains(p.itemCand[i], j) || !canAdd(i, j)) {
        ok = false;
        break;
      }
      add(i, j);
      done[added++] = i;
    }
    long[] key = ok && leafFeasible() ? key() : null;
    for (int x = added - 1; x >= 0; x--) {
      remove(done[x], plan[done[x]]);
    }
    unservedLines = 0;
    return key;
  }

  private static boolean contains(int[] a, int v) {
    for (int x : a) {
      if (x == v) {
        return true;
      }
    }
    return false;
  }

  private int[] emptyPlan() {
    int[] plan = new int[p.itemCount];
    Arrays.fill(plan, -1);
    return plan;
  }

  // ---- exact: branch and bound ----

  /**
   * Runs branch and bound from {@code incumbent}; returns the best plan, {@code complete} false
   * when the budget ran out first.
   */
  Result exact(Result incumbent, long budget) {
    this.budget = budget;
    this.steps = 0;
    this.aborted = false;
    this.best = incumbent.key();
    this.bestAssign = incumbent.assign();
    long[] scratch = new long[comps + 1];
    dfs(0, scratch);
    long[] key = best;
    int[] plan = bestAssign;
    return new Result(
        plan == null ? emptyPlan() : plan, key == null ? key() : key, steps, !aborted);
  }

  private void dfs(int d, long[] scratch) {
    if (++steps > budget) {
      aborted = true;
      return;
    }
    long[] incumbent = best;
    if (d == order.length) {
      if (leafFeasible()) {
        long[] key = key();
        if (incumbent == null || compare(key, incumbent) < 0) {
          best = key;
          bestAssign = assign.clone();
        }
      }
      return;
    }
    if (incumbent != null) {
      bound(scratch, d);
      if (compare(scratch, incumbent) >= 0) {
        return;
      }
    }
    int i = order[d];
    long[] childScratch = new long[comps + 1];
    for (int j : p.itemCand[i]) {
      if (nodeItems[j] > 0 && canAdd(i, j)) {
        add(i, j);
        dfs(d + 1, childScratch);
        remove(i, j);
        if (aborted) {
          return;
        }
      }
    }
    if (open < p.maxShipments) {
      long base = comps == 0 ? 0 : current(0) + suffixMinItem[0][d + 1];
      if (p.costComp == 0 && open >= 1) {
        base += p.splitPenalty;
      }
      for (int j : sortedCand[i]) {
        if (nodeItems[j] > 0) {
          continue;
        }
        long[] now = best;
        if (comps > 0
            && now != null
            && now[0] == baseUnserved + unservedLines
            && base + primaryOpening(i, j) > now[1]) {
          break;
        }
        if (canAdd(i, j)) {
          add(i, j);
          dfs(d + 1, childScratch);
          remove(i, j);
          if (aborted) {
            return;
          }
        }
      }
    }
    if (!p.shipComplete) {
      unservedLines += p.itemLineCount[i];
      dfs(d + 1, childScratch);
      unservedLines -= p.itemLineCount[i];
    }
  }

  // ---- brute force ----

  /**
   * Enumerates every assignment (each item to each candidate node or unserved); returns null when
   * there are more than {@code maxLeaves}.
   */
  @Nullable Result bruteForce(long maxLeaves) {
    this.budget = maxLeaves;
    this.steps = 0;
    this.aborted = false;
    this.best = null;
    this.bestAssign = null;
    enumerate(0);
    long[] key = best;
    int[] plan = bestAssign;
    if (aborted || key == null || plan == null) {
      return null;
    }
    return new Result(plan, key, steps, true);
  }

  private void enumerate(int i) {
    if (aborted) {
      return;
    }
    if (i == p.itemCount) {
      if (++steps > budget) {
        aborted = true;
        return;
      }
      if (leafFeasible()) {
        long[] key = key();
        long[] incumbent = best;
        if (incumbent == null || compare(key, incumbent) < 0) {
          best = key;
          bestAssign = assign.clone();
        }
      }
      return;
    }
    for (int j : p.itemCand[i]) {
      if (canAdd(i, j)) {
        add(i, j);
        enumerate(i + 1);
        remove(i, j);
      }
    }
    int lost = p.itemCand[i].length > 0 ? p.itemLineCount[i] : 0;
    unservedLines += lost;
    enumerate(i + 1);
    unservedLines -= lost;
  }

  // ---- heuristic ----

  /** Builds a plan greedily (widest coverage first), then improves it by local moves. */
  Result heuristic() {
    int[] plan = emptyPlan();
    boolean[] placed = new boolean[p.itemCount];
    int remaining = 0;
    for (int i = 0; i < p.itemCount; i++) {
      if (p.itemCand[i].length == 0) {
        placed[i] = true;
      } else {
        remaining++;
      }
    }
    int shipments = 0;
    boolean[] taken = new boolean[p.itemCount];
    boolean[] bestTaken = new boolean[p.itemCount];
    boolean[] isOpen = new boolean[p.k];
    while (remaining > 0 && shipments < p.maxShipments) {
      int bestNode = -1;
      int bestLines = 0;
      long bestInc = Long.MAX_VALUE;
      for (int j = 0; j < p.k; j++) {
        if (isOpen[j] || p.excluded[j]) {
          continue;
        }
        int lines = 0;
        long units = 0;
        long weight = 0;
        long inc = comps == 0 ? 0 : p.shipPen[0][j];
        Arrays.fill(taken, false);
        for (int i = 0; i < p.itemCount; i++) {
          if (placed[i] || !p.fitsAlone(i, j) || !contains(p.itemCand[i], j)) {
            continue;
          }
          if (units + p.itemUnits[i] > p.unitsLeft[j] || !fitsWith(taken, i, j)) {
            continue;
          }
          taken[i] = true;
          units += p.itemUnits[i];
          weight += p.itemWeight[i];
          lines += p.itemLineCount[i];
          if (comps > 0) {
            inc += p.itemPen[0][i][j];
          }
        }
        if (lines == 0) {
          continue;
        }
        if (p.costComp == 0) {
          inc += p.laneCost(j, weight);
        }
        if (lines > bestLines || (lines == bestLines && inc < bestInc)) {
          bestNode = j;
          bestLines = lines;
          bestInc = inc;
          System.arraycopy(taken, 0, bestTaken, 0, taken.length);
        }
      }
      if (bestNode < 0) {
        break;
      }
      isOpen[bestNode] = true;
      shipments++;
      for (int i = 0; i < p.itemCount; i++) {
        if (bestTaken[i]) {
          plan[i] = bestNode;
          placed[i] = true;
          remaining--;
        }
      }
    }
    long[] key = evaluate(plan);
    if (key == null) {
      // Ship complete or the split value threshold refused the greedy plan.
      plan = emptyPlan();
      key = evaluate(plan);
    }
    long evaluations = 1;
    int[] trial = plan.clone();
    for (int pass = 0; pass < 3; pass++) {
      boolean improved = false;
      // Move one item to another candidate: open nodes first, then the cheapest few new ones.
      for (int i = 0; i < p.itemCount; i++) {
        int[] cand = sortedCand[i];
        for (int x = 0; x < cand.length; x++) {
          int j = cand[x];
          if (j == plan[i] || (x >= 4 && !usedIn(plan, j))) {
            continue;
          }
          System.arraycopy(plan, 0, trial, 0, plan.length);
          trial[i] = j;
          long[] k2 = evaluate(trial);
          evaluations++;
          if (k2 != null && (key == null || compare(k2, key) < 0)) {
            key = k2;
            System.arraycopy(trial, 0, plan, 0, plan.length);
            improved = true;
          }
        }
      }
      // Close a shipment: move all its items to another node that holds them.
      for (int from = 0; from < p.k; from++) {
        if (!usedIn(plan, from)) {
          continue;
        }
        int first = -1;
        for (int i = 0; i < p.itemCount && first < 0; i++) {
          if (plan[i] == from) {
            first = i;
          }
        }
        int[] targets = closeTargets(plan, from, first);
        for (int to : targets) {
          System.arraycopy(plan, 0, trial, 0, plan.length);
          boolean possible = true;
          for (int i = 0; i < p.itemCount; i++) {
            if (trial[i] == from) {
              if (!contains(p.itemCand[i], to)) {
                possible = false;
                break;
              }
              trial[i] = to;
            }
          }
          if (!possible) {
            continue;
          }
          long[] k2 = evaluate(trial);
          evaluations++;
          if (k2 != null && (key == null || compare(k2, key) < 0)) {
            key = k2;
            System.arraycopy(trial, 0, plan, 0, plan.length);
            improved = true;
          }
        }
      }
      if (!improved) {
        break;
      }
    }
    if (key == null) {
      throw new AssertionError("the empty plan is always feasible");
    }
    return new Result(plan, key, evaluations, true);
  }

  private int[] closeTargets(int[] plan, int from, int firstItem) {
    int[] out = new int[p.itemCount + 4];
    int n = 0;
    for (int j : plan) {
      if (j >= 0 && j != from && !contains(Arrays.copyOf(out, n), j)) {
        out[n++] = j;
      }
    }
    int[] cheap = sortedCand[firstItem];
    for (int x = 0; x < cheap.length && x < 4; x++) {
      int j = cheap[x];
      if (j != from && !contains(Arrays.copyOf(out, n), j)) {
        out[n++] = j;
      }
    }
    return Arrays.copyOf(out, n);
  }

  /**
   * Returns a lower bound on the cost of any feasible plan serving every servable item ({@code
   * servesAll}) or at least one ({@code servesAny}).
   */
  long costLowerBound(boolean servesAll, boolean servesAny) {
    int c = p.costComp;
    if (!servesAny || order.length == 0) {
      return 0;
    }
    if (servesAll) {
      long sum = 0;
      long most = 0;
      for (int i : order) {
        sum += minItem[c][i];
        most = Math.max(most, minOpen[c][i]);
      }
      return sum + most;
    }
    long least = Long.MAX_VALUE;
    for (int i : order) {
      least = Math.min(least, minOpen[c][i]);
    }
    return least;
  }

  int baseUnserved() {
    return baseUnserved;
  }

  private boolean fitsWith(boolean[] taken, int item, int j) {
    int[] keys = p.itemDemandKey[item];
    long[] qty = p.itemDemandQty[item];
    for (int x = 0; x < keys.length; x++) {
      long need = qty[x];
      for (int i = 0; i < p.itemCount; i++) {
        if (!taken[i]) {
          continue;
        }
        int[] k2 = p.itemDemandKey[i];
        for (int y = 0; y < k2.length; y++) {
          if (k2[y] == keys[x]) {
            need += p.itemDemandQty[i][y];
          }
        }
      }
      if (need > p.avail[keys[x]][j]) {
        return false;
      }
    }
    return true;
  }

  private static boolean usedIn(int[] plan, int j) {
    for (int x : plan) {
      if (x == j) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns the plan of node {@code j} alone: every item it can take, in item order; null when it
   * can take none.
   */
  int @Nullable [] alone(int j) {
    int[] plan = emptyPlan();
    boolean[] taken = new boolean[p.itemCount];
    long units = 0;
    boolean any = false;
    for (int i = 0; i < p.itemCount; i++) {
      if (contains(p.itemCand[i], j)
          && units + p.itemUnits[i] <= p.unitsLeft[j]
          && fitsWith(taken, i, j)) {
        taken[i] = true;
        units += p.itemUnits[i];
        plan[i] = j;
        any = true;
      }
    }
    return any ? plan : null;
  }
}
