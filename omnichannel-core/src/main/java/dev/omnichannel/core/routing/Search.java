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
  @SuppressWarnings("ArrayRecordComponent") // read by its accessors only, never compared or hashed
  record Result(int[] assign, long[] key, long steps, boolean complete) {}

  private static final int[] NONE = new int[0];
  private static final long[][] NO_ROWS = new long[0][];
  private static final long[] NO_PENALTIES = new long[0];

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
  private final int servableLines;
  private final long[][] minItem;
  private final long[][] minOpen;
  private long[][] suffixMinItem = NO_ROWS;
  private final boolean[] boundsReady;
  private boolean exactReady;
  private final int[][] sortedCand;
  private final long[] scratchForced;
  private final long[][] scratchUsed;
  private final long[][] candBits;

  // The items each node is a candidate of, ascending: those of node j from nodeItemStart[j] to
  // nodeItemStart[j + 1] in nodeItemList.
  private final int[] nodeItemStart;
  private final int[] nodeItemList;

  /** Whether two items draw on one stock key (kits, or bundles sharing a component). */
  private final boolean keysShared;

  /**
   * Per node, what the items it is a candidate of add up to: units, weight, lines, item penalties
   * of the first component, and the items as bits (meaningful for at most 64 items).
   */
  private final long[] candidateUnits;

  private final long[] candidateWeight;
  private final long[] candidateLines;
  private final long[] candidatePrimary;
  private final long[] candidateItems;

  /** Per node, whether it can ship all the items it is a candidate of together; see takesAll. */
  private final boolean[] takesAllAt;

  private final long[] scratchMask;
  private final int words;
  private final Workspace ws;
  private final long[] localUsed;
  private final long[] scratchWeight;
  private final long[] scratchUnits;
  private final long[] scratchValue;
  private final int[] scratchItems;
  private final int[] @Nullable [] aloneCache;

  // The heuristic's incumbent plan by node (weight, units, lane cost), for moves evaluated by
  // their change to the incumbent's key; see movedKey and shipmentMovedKey.
  private final long[] planWeight;
  private final long[] planUnits;
  private final long[] planLane;

  /** The nodes the incumbent ships from, ascending: planOpened of them. */
  private final int[] planNodes;

  private int planOpened;
  private int planUnserved;

  /**
   * Whether a move's key may be worked out from its change to the incumbent's key: stock is checked
   * per item (no shared keys) and there is no split value threshold, so feasibility depends only on
   * the nodes a move touches; and there is a cost component, so the incumbent's lane costs are
   * known.
   */
  private final boolean incremental;

  private long steps;
  private long budget;
  private boolean aborted;
  private long @Nullable [] best;
  private int @Nullable [] bestAssign;

  Search(Problem p, Workspace ws) {
    this.p = p;
    this.ws = ws;
    this.comps = p.comps;
    int k = p.k;
    int items = p.itemCount;
    assign = new int[items];
    Arrays.fill(assign, -1);
    nodeUnits = ws.nodeUnits.zeroed(k);
    nodeWeight = ws.nodeWeight.zeroed(k);
    nodeValue = ws.nodeValue.zeroed(k);
    nodeLane = ws.nodeLane.zeroed(k);
    nodeItems = ws.nodeItems.zeroed(k);
    partial = new long[comps];
    scratchForced = new long[comps];

    int servable = 0;
    int unservable = 0;
    int servableLineCount = 0;
    for (int i = 0; i < items; i++) {
      if (p.itemCand[i].length > 0) {
        servable++;
        servableLineCount += p.itemLineCount[i];
      } else {
        unservable += p.itemLineCount[i];
      }
    }
    baseUnserved = unservable;
    servableLines = servableLineCount;
    order = new int[servable];
    int s = 0;
    for (int i = 0; i < items; i++) {
      if (p.itemCand[i].length > 0) {
        order[s++] = i;
      }
    }
    // Most constrained items first; the item index keeps the order total (insertion sort is
    // stable and the arrays are tiny).
    for (int x = 1; x < servable; x++) {
      int v = order[x];
      int y = x - 1;
      while (y >= 0 && p.itemCand[order[y]].length > p.itemCand[v].length) {
        order[y + 1] = order[y];
        y--;
      }
      order[y + 1] = v;
    }
    // Worked out when first needed: the heuristic alone reads only the cost component's.
    minItem = ws.minItem.sized(comps, items);
    minOpen = ws.minOpen.sized(comps, items);
    boundsReady = ws.boundsReady.cleared(comps);
    localUsed = ws.localUsed.zeroed(p.keyCount);
    scratchWeight = ws.scratchWeight.zeroed(k);
    scratchUnits = ws.scratchUnits.zeroed(k);
    scratchValue = ws.scratchValue.zeroed(k);
    scratchItems = ws.scratchItems.zeroed(k);
    aloneCache = ws.aloneCache.filled(k, null);
    // Written in full by tally before they are read.
    planWeight = ws.planWeight.sized(k);
    planUnits = ws.planUnits.sized(k);
    planLane = ws.planLane.sized(k);
    planNodes = ws.planNodes.sized(k);
    words = (k + 63) >>> 6;
    candBits = ws.candBits.zeroed(items, words);
    scratchMask = ws.scratchMask.zeroed(words);
    nodeItemStart = ws.nodeItemStart.zeroed(k + 1);
    for (int i = 0; i < items; i++) {
      for (int j : p.itemCand[i]) {
        candBits[i][j >>> 6] |= 1L << j;
        nodeItemStart[j + 1]++;
      }
    }
    for (int j = 0; j < k; j++) {
      nodeItemStart[j + 1] += nodeItemStart[j];
    }
    nodeItemList = ws.nodeItemList.sized(nodeItemStart[k]);
    int[] fill = scratchItems;
    boolean sharing = false;
    int[] keyUses = ws.keyUses.zeroed(p.keyCount);
    candidateUnits = ws.candidateUnits.zeroed(k);
    candidateWeight = ws.candidateWeight.zeroed(k);
    candidateLines = ws.candidateLines.zeroed(k);
    candidatePrimary = ws.candidatePrimary.zeroed(k);
    candidateItems = ws.candidateItems.zeroed(k);
    for (int i = 0; i < items; i++) {
      long[] primary = comps > 0 ? p.itemPen[0][i] : NO_PENALTIES;
      for (int j : p.itemCand[i]) {
        nodeItemList[nodeItemStart[j] + fill[j]++] = i;
        candidateUnits[j] += p.itemUnits[i];
        candidateWeight[j] += p.itemWeight[i];
        candidateLines[j] += p.itemLineCount[i];
        candidateItems[j] |= 1L << i;
        if (comps > 0) {
          candidatePrimary[j] += primary[j];
        }
      }
      for (int key : p.itemDemandKey[i]) {
        sharing |= keyUses[key]++ > 0;
      }
    }
    Arrays.fill(fill, 0, k, 0);
    keysShared = sharing;
    takesAllAt = ws.takesAllAt.cleared(k);
    for (int j = 0; j < k; j++) {
      takesAllAt[j] = !sharing && candidateUnits[j] <= p.unitsLeft[j];
    }
    incremental = !sharing && p.minSplitValue < 0 && p.costComp >= 0;
    // Stock used per key and node is only tracked when items share keys.
    used = sharing ? ws.used.zeroed(p.keyCount, k) : new long[0][];
    scratchUsed = sharing ? ws.scratchUsed.zeroed(p.keyCount, k) : new long[0][];
    sortedCand = new int[items][];
    for (int i = 0; i < items; i++) {
      int m = p.itemCand[i].length;
      sortedCand[i] = byOpening(i, p.itemCand[i], ws.candCost.sized(m), ws.candRank.sized(m));
    }
  }

  /**
   * Returns item {@code i}'s candidates {@code cand} by their opening cost, ties by node. Each
   * lands at its rank, counted without branching on the (close to random) comparisons: a sorting
   * loop would mispredict on most of them. {@code cost} and {@code rank} are scratch space.
   */
  private int[] byOpening(int i, int[] cand, long[] cost, int[] rank) {
    int m = cand.length;
    for (int x = 0; x < m; x++) {
      cost[x] = primaryOpening(i, cand[x]);
      rank[x] = 0;
    }
    // Each pair is compared once: the earlier candidate comes first when its cost is at most the
    // later one's, and the later one first otherwise; whichever comes second has its rank raised.
    for (int x = 1; x < m; x++) {
      long c = cost[x];
      int before = 0;
      for (int y = 0; y < x; y++) {
        int first = cost[y] <= c ? 1 : 0;
        before += first;
        rank[y] += 1 - first;
      }
      rank[x] += before;
    }
    int[] sorted = new int[m];
    for (int x = 0; x < m; x++) {
      sorted[rank[x]] = cand[x];
    }
    return sorted;
  }

  /** Works out, once, the least penalty and opening of every item in component {@code c}. */
  private void prepareBounds(int c) {
    if (boundsReady[c]) {
      return;
    }
    boundsReady[c] = true;
    long[] ship = p.shipPen[c];
    for (int i = 0; i < p.itemCount; i++) {
      int[] cand = p.itemCand[i];
      long[] pen = p.itemPen[c][i];
      long[] opening = c == p.costComp ? p.openCost[i] : null;
      long mi = Long.MAX_VALUE;
      long mo = Long.MAX_VALUE;
      for (int j : cand) {
        mi = Math.min(mi, pen[j]);
        long o = opening == null ? ship[j] : ship[j] + opening[j];
        mo = Math.min(mo, o);
      }
      minItem[c][i] = mi == Long.MAX_VALUE ? 0 : mi;
      minOpen[c][i] = mo == Long.MAX_VALUE ? 0 : mo;
    }
  }

  /** Works out, once, what the exact search's bounds read. */
  private void prepareExact() {
    if (exactReady) {
      return;
    }
    exactReady = true;
    suffixMinItem = ws.suffixMinItem.zeroed(comps, order.length + 1);
    for (int c = 0; c < comps; c++) {
      prepareBounds(c);
      for (int r = order.length - 1; r >= 0; r--) {
        suffixMinItem[c][r] = suffixMinItem[c][r + 1] + minItem[c][order[r]];
      }
    }
  }

  private long primaryOpening(int i, int j) {
    if (comps == 0) {
      return 0;
    }
    return p.shipPen[0][j] + p.itemPen[0][i][j] + (p.costComp == 0 ? p.openCost[i][j] : 0);
  }

  /** Returns whether node {@code j} is a candidate of item {@code i}. */
  private boolean isCandidate(int i, int j) {
    return (candBits[i][j >>> 6] & (1L << j)) != 0;
  }

  // ---- state ----

  private boolean canAdd(int i, int j) {
    if (nodeItems[j] == 0 && open >= p.maxShipments) {
      return false;
    }
    if (nodeUnits[j] + p.itemUnits[i] > p.unitsLeft[j]) {
      return false;
    }
    if (!keysShared) {
      // Only candidates are ever added, and a candidate's stock is its own.
      return true;
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
    if (keysShared) {
      int[] keys = p.itemDemandKey[i];
      long[] qty = p.itemDemandQty[i];
      for (int x = 0; x < keys.length; x++) {
        used[keys[x]][j] += qty[x];
      }
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
    if (keysShared) {
      int[] keys = p.itemDemandKey[i];
      long[] qty = p.itemDemandQty[i];
      for (int x = 0; x < keys.length; x++) {
        used[keys[x]][j] -= qty[x];
      }
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
    key[0] = (long) baseUnserved + unservedLines;
    for (int c = 0; c < comps; c++) {
      key[c + 1] = current(c);
    }
    return key;
  }

  /** Writes into {@code out} a key no completion of the state at depth {@code d} can beat. */
  private void bound(long[] out, int d) {
    out[0] = (long) baseUnserved + unservedLines;
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

  /**
   * Returns the key of {@code plan}, or null when it is infeasible. Works on scratch arrays and
   * leaves the search state alone.
   */
  long @Nullable [] evaluate(int[] plan) {
    long[] key = new long[comps + 1];
    return evaluate(plan, key) ? key : null;
  }

  /**
   * Writes the key of {@code plan} into {@code key} and returns true, or returns false when the
   * plan is infeasible. Works on scratch arrays and leaves the search state alone.
   */
  private boolean evaluate(int[] plan, long[] key) {
    long[] w = scratchWeight;
    long[] u = scratchUnits;
    long[] v = scratchValue;
    int[] n = scratchItems;
    long[][] taken = scratchUsed;
    int unserved = 0;
    int opened = 0;
    boolean ok = true;
    for (int i = 0; i < plan.length; i++) {
      int j = plan[i];
      if (j < 0) {
        unserved += p.itemCand[i].length > 0 ? p.itemLineCount[i] : 0;
        continue;
      }
      if (!isCandidate(i, j)) {
        ok = false;
        break;
      }
      if (n[j]++ == 0) {
        opened++;
      }
      u[j] += p.itemUnits[i];
      w[j] += p.itemWeight[i];
      v[j] += p.itemValue[i];
      if (u[j] > p.unitsLeft[j]) {
        ok = false;
        break;
      }
      if (!keysShared) {
        // A candidate's stock is its own (isCandidate said it fits).
        continue;
      }
      // What the items so far take of each key at j; quantities are positive, so a total past
      // the stock is caught at the last item that adds to it.
      int[] keys = p.itemDemandKey[i];
      long[] qty = p.itemDemandQty[i];
      for (int x = 0; x < keys.length; x++) {
        long need = taken[keys[x]][j] += qty[x];
        if (need > p.avail[keys[x]][j]) {
          ok = false;
        }
      }
      if (!ok) {
        break;
      }
    }
    ok =
        ok
            && opened <= p.maxShipments
            && !(p.shipComplete && unserved > 0 && opened > 0)
            && splitValuesHold(plan, opened);
    if (ok) {
      Arrays.fill(key, 0);
      key[0] = (long) baseUnserved + unserved;
      for (int i = 0; i < plan.length; i++) {
        int j = plan[i];
        if (j < 0) {
          continue;
        }
        for (int c = 0; c < comps; c++) {
          key[c + 1] += p.itemPen[c][i][j];
        }
        if (n[j] > 0) {
          // First time this node is met: add its shipment once.
          for (int c = 0; c < comps; c++) {
            key[c + 1] += p.shipPen[c][j] + (c == p.costComp ? p.laneCost(j, w[j]) : 0);
          }
          n[j] = -n[j];
        }
      }
      if (p.costComp >= 0) {
        key[p.costComp + 1] += p.splitPenalty * Math.max(0, opened - 1);
      }
    }
    for (int i = 0; i < plan.length; i++) {
      int j = plan[i];
      if (j >= 0) {
        w[j] = 0;
        u[j] = 0;
        v[j] = 0;
        n[j] = 0;
        if (keysShared) {
          for (int key0 : p.itemDemandKey[i]) {
            taken[key0][j] = 0;
          }
        }
      }
    }
    return ok;
  }

  private boolean splitValuesHold(int[] plan, int opened) {
    if (p.minSplitValue < 0 || opened <= 1) {
      return true;
    }
    for (int j : plan) {
      if (j >= 0 && scratchValue[j] < p.minSplitValue) {
        return false;
      }
    }
    return true;
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
    prepareExact();
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

  /**
   * Builds two plans greedily (widest coverage first; cheapest insertion item by item), keeps the
   * better, then improves it by local moves: moving one item, and moving a whole shipment to
   * another node that holds all of it (closing it into an open node or swapping its node).
   */
  Result heuristic() {
    int[] plan = widestCoverage();
    long[] key = evaluate(plan);
    int[] other = cheapestInsertion();
    long[] otherKey = evaluate(other);
    if (otherKey != null && (key == null || compare(otherKey, key) < 0)) {
      plan = other;
      key = otherKey;
    }
    if (key == null) {
      // Ship complete or the split value threshold refused both greedy plans.
      plan = emptyPlan();
      key = evaluate(plan);
      if (key == null) {
        throw new AssertionError("the empty plan is always feasible");
      }
    }
    long evaluations = 2;
    int[] trial = plan.clone();
    int[] rebuilt = new int[plan.length];
    // Trial keys are written here; an accepted one swaps places with the incumbent key.
    long[] k2 = new long[comps + 1];
    int[] uses = ws.uses.zeroed(p.k);
    int[] targets = ws.targets.sized(p.k);
    int[] moving = ws.moving.sized(p.itemCount);
    tally(plan, uses);
    for (int pass = 0; pass < 4; pass++) {
      boolean improved = false;
      // Move one item to another candidate: open nodes, then the cheapest few new ones.
      for (int i = 0; i < p.itemCount; i++) {
        int[] cand = sortedCand[i];
        for (int x = 0; x < cand.length; x++) {
          int j = cand[x];
          if (j == plan[i] || (x >= 4 && uses[j] == 0)) {
            continue;
          }
          boolean feasible;
          if (incremental) {
            feasible = movedKey(plan, uses, i, j, key, k2);
          } else {
            System.arraycopy(plan, 0, trial, 0, plan.length);
            trial[i] = j;
            feasible = evaluate(trial, k2);
          }
          evaluations++;
          if (feasible && compare(k2, key) < 0) {
            long[] swap = key;
            key = k2;
            k2 = swap;
            plan[i] = j;
            tally(plan, uses);
            improved = true;
          }
        }
      }
      // Move a whole shipment to any other node that holds all of it.
      for (int from = nextOpen(-1); from >= 0; from = nextOpen(from)) {
        // The shipment's items, listed once for the first component at every target.
        int count = itemsAt(plan, from, from, moving);
        // A single item's holders are its candidates.
        int[] to1 = count == 1 ? p.itemCand[moving[0]] : targets;
        int holders = count == 1 ? to1.length : holders(plan, from, from, targets);
        // The shipment's node holds all of it (items only go to candidates): with no other
        // holder there is nowhere to move it.
        if (holders < 2) {
          continue;
        }
        long weight = weightOf(moving, count);
        long current = shipmentAt(moving, count, weight, from);
        for (int t = 0; t < holders; t++) {
          int to = to1[t];
          if (to == from
              || p.excluded[to]
              || (uses[to] == 0 && shipmentAt(moving, count, weight, to) > current)) {
            // A new node whose shipment alone would cost more in the first component cannot win.
            continue;
          }
          boolean feasible;
          if (incremental) {
            feasible = shipmentMovedKey(plan, uses, from, -1, moving, count, to, key, k2);
          } else {
            moveShipments(plan, from, -1, to, trial);
            feasible = evaluate(trial, k2);
          }
          evaluations++;
          if (feasible && compare(k2, key) < 0) {
            long[] swap = key;
            key = k2;
            k2 = swap;
            moveShipments(plan, from, -1, to, plan);
            tally(plan, uses);
            improved = true;
            break;
          }
        }
      }
      // Merge two shipments into one node (open or not) that holds both.
      for (int a = nextOpen(-1); a >= 0 && !improved; a = nextOpen(a)) {
        for (int b = nextOpen(a); b >= 0 && !improved; b = nextOpen(b)) {
          int holders = holders(plan, a, b, targets);
          if (holders == 0) {
            continue;
          }
          // The incumbent's lanes were priced when it was evaluated, so pricing them again here
          // cannot fail where it did not before.
          long current = shipmentPrimary(plan, a, a) + shipmentPrimary(plan, b, b);
          int count = itemsAt(plan, a, b, moving);
          long weight = weightOf(moving, count);
          for (int t = 0; t < holders; t++) {
            int to = targets[t];
            if (p.excluded[to] || primaryAt(moving, count, weight, to) > current) {
              continue;
            }
            boolean feasible;
            if (incremental) {
              feasible = shipmentMovedKey(plan, uses, a, b, moving, count, to, key, k2);
            } else {
              moveShipments(plan, a, b, to, trial);
              feasible = evaluate(trial, k2);
            }
            evaluations++;
            if (feasible && compare(k2, key) < 0) {
              long[] swap = key;
              key = k2;
              k2 = swap;
              moveShipments(plan, a, b, to, plan);
              tally(plan, uses);
              improved = true;
              break;
            }
          }
        }
      }
      // Drop a shipment and insert its items again, each where it adds the least.
      for (int from = nextOpen(-1); from >= 0; from = nextOpen(from)) {
        boolean feasible;
        if (incremental) {
          feasible = reinsertKey(plan, from, uses, key, rebuilt, k2);
        } else if (reinsert(plan, from, rebuilt)) {
          feasible = evaluate(rebuilt, k2);
        } else {
          // What the plan keeps elsewhere did not fit: the plan stays as it is.
          continue;
        }
        evaluations++;
        if (feasible && compare(k2, key) < 0) {
          long[] swap = key;
          key = k2;
          k2 = swap;
          System.arraycopy(rebuilt, 0, plan, 0, plan.length);
          tally(plan, uses);
          improved = true;
        }
      }
      if (!improved) {
        break;
      }
    }
    return new Result(plan, key, evaluations, true);
  }

  /**
   * Writes into {@code uses} how many items {@code plan} places at each node and, when moves are
   * evaluated incrementally, what the incumbent ships from each node.
   */
  private void tally(int[] plan, int[] uses) {
    Arrays.fill(uses, 0, p.k, 0);
    if (!incremental) {
      for (int j : plan) {
        if (j >= 0) {
          uses[j]++;
        }
      }
      listOpen(uses);
      return;
    }
    Arrays.fill(planWeight, 0, p.k, 0);
    Arrays.fill(planUnits, 0, p.k, 0);
    int unserved = 0;
    for (int i = 0; i < plan.length; i++) {
      int j = plan[i];
      if (j < 0) {
        unserved += p.itemCand[i].length > 0 ? p.itemLineCount[i] : 0;
        continue;
      }
      uses[j]++;
      planWeight[j] += p.itemWeight[i];
      planUnits[j] += p.itemUnits[i];
    }
    for (int j = 0; j < p.k; j++) {
      // The incumbent was evaluated, so its lane costs are known not to be negative.
      planLane[j] = uses[j] > 0 ? p.laneCost(j, planWeight[j]) : 0;
    }
    listOpen(uses);
    planUnserved = unserved;
  }

  /** Lists in {@link #planNodes} the nodes the incumbent ships from ({@code uses} above 0). */
  private void listOpen(int[] uses) {
    int x = 0;
    for (int j = 0; j < p.k; j++) {
      if (uses[j] > 0) {
        planNodes[x++] = j;
      }
    }
    planOpened = x;
  }

  /**
   * Returns the first node after {@code j} that the incumbent ships from, or -1: the nodes whose
   * use the heuristic's moves count above 0, as last tallied.
   */
  private int nextOpen(int j) {
    for (int x = 0; x < planOpened; x++) {
      if (planNodes[x] > j) {
        return planNodes[x];
      }
    }
    return -1;
  }

  /**
   * Writes into {@code out} the key of the incumbent {@code plan} (key {@code current}) with item
   * {@code i} moved to its candidate {@code to} and returns true, or returns false when that plan
   * is infeasible: the same answer as {@link #evaluate(int[], long[])} on the moved plan, worked
   * out from what changes at the two nodes involved. Keys are sums of longs, so adding the changes
   * to the incumbent's key gives the very same values (wrapping included) as summing afresh.
   */
  private boolean movedKey(int[] plan, int[] uses, int i, int to, long[] current, long[] out) {
    int from = plan[i];
    if (!isCandidate(i, to) || planUnits[to] + p.itemUnits[i] > p.unitsLeft[to]) {
      return false;
    }
    boolean closes = from >= 0 && uses[from] == 1;
    boolean opens = uses[to] == 0;
    int opened = planOpened - (closes ? 1 : 0) + (opens ? 1 : 0);
    int unserved = planUnserved - (from < 0 ? p.itemLineCount[i] : 0);
    if (opened > p.maxShipments || (p.shipComplete && unserved > 0 && opened > 0)) {
      return false;
    }
    long laneChange = 0;
    if (p.costComp >= 0) {
      long toLane = p.lane[to].cost(planWeight[to] + p.itemWeight[i]);
      long fromLane =
          (from < 0 || closes) ? 0 : p.lane[from].cost(planWeight[from] - p.itemWeight[i]);
      if (toLane < 0 || fromLane < 0) {
        // Let the full evaluation report the misbehaving cost model, as it always has.
        int[] trial = plan.clone();
        trial[i] = to;
        return evaluate(trial, out);
      }
      laneChange = toLane - planLane[to] + (from < 0 ? 0 : fromLane - planLane[from]);
      laneChange +=
          p.splitPenalty * Math.max(0, opened - 1) - p.splitPenalty * Math.max(0, planOpened - 1);
    }
    out[0] = (long) baseUnserved + unserved;
    for (int c = 0; c < comps; c++) {
      long v = current[c + 1] + p.itemPen[c][i][to];
      if (opens) {
        v += p.shipPen[c][to];
      }
      if (from >= 0) {
        v -= p.itemPen[c][i][from];
        if (closes) {
          v -= p.shipPen[c][from];
        }
      }
      if (c == p.costComp) {
        v += laneChange;
      }
      out[c + 1] = v;
    }
    return true;
  }

  /**
   * Writes into {@code out} the key of the incumbent {@code plan} (key {@code current}) with the
   * items it places at {@code a} and at {@code b} (-1 for none), the first {@code count} of {@code
   * items}, all moved to {@code to}, and returns true, or returns false when that plan is
   * infeasible; the same answer as {@link #evaluate(int[], long[])} on the moved plan (see {@link
   * #movedKey}).
   */
  private boolean shipmentMovedKey(
      int[] plan,
      int[] uses,
      int a,
      int b,
      int[] items,
      int count,
      int to,
      long[] current,
      long[] out) {
    boolean toIsSource = to == a || to == b;
    long weight = (toIsSource ? 0 : planWeight[to]) + planWeight[a] + (b >= 0 ? planWeight[b] : 0);
    long units = (toIsSource ? 0 : planUnits[to]) + planUnits[a] + (b >= 0 ? planUnits[b] : 0);
    if (units > p.unitsLeft[to]) {
      return false;
    }
    for (int x = 0; x < count; x++) {
      if (!isCandidate(items[x], to)) {
        return false;
      }
    }
    boolean opens = !toIsSource && uses[to] == 0;
    int closed = (to == a ? 0 : 1) + (b >= 0 && to != b ? 1 : 0);
    int opened = planOpened - closed + (opens ? 1 : 0);
    if (opened > p.maxShipments || (p.shipComplete && planUnserved > 0 && opened > 0)) {
      return false;
    }
    long laneChange = 0;
    if (p.costComp >= 0) {
      long toLane = p.lane[to].cost(weight);
      if (toLane < 0) {
        // Let the full evaluation report the misbehaving cost model, as it always has.
        int[] trial = new int[plan.length];
        moveShipments(plan, a, b, to, trial);
        return evaluate(trial, out);
      }
      laneChange = toLane - planLane[to];
      if (to != a) {
        laneChange -= planLane[a];
      }
      if (b >= 0 && to != b) {
        laneChange -= planLane[b];
      }
      laneChange +=
          p.splitPenalty * Math.max(0, opened - 1) - p.splitPenalty * Math.max(0, planOpened - 1);
    }
    out[0] = (long) baseUnserved + planUnserved;
    for (int c = 0; c < comps; c++) {
      long v = current[c + 1];
      if (opens) {
        v += p.shipPen[c][to];
      }
      if (to != a) {
        v -= p.shipPen[c][a];
      }
      if (b >= 0 && to != b) {
        v -= p.shipPen[c][b];
      }
      long[][] pen = p.itemPen[c];
      for (int x = 0; x < count; x++) {
        int i = items[x];
        int j = plan[i];
        if (j != to) {
          v += pen[i][to] - pen[i][j];
        }
      }
      if (c == p.costComp) {
        v += laneChange;
      }
      out[c + 1] = v;
    }
    return true;
  }

  /**
   * Writes into {@code out} {@code plan} with the items at {@code a} and {@code b} moved to {@code
   * to}.
   */
  private static void moveShipments(int[] plan, int a, int b, int to, int[] out) {
    for (int i = 0; i < plan.length; i++) {
      int j = plan[i];
      out[i] = (j >= 0 && (j == a || j == b)) ? to : j;
    }
  }

  /**
   * Writes into {@code out}, ascending, the nodes that are candidates of every item {@code plan}
   * places at {@code a} or {@code b}; returns how many.
   */
  private int holders(int[] plan, int a, int b, int[] out) {
    long[] mask = scratchMask;
    Arrays.fill(mask, 0, words, -1L);
    for (int i = 0; i < p.itemCount; i++) {
      if (plan[i] == a || plan[i] == b) {
        long[] bits = candBits[i];
        for (int w = 0; w < words; w++) {
          mask[w] &= bits[w];
        }
      }
    }
    int n = 0;
    for (int w = 0; w < words; w++) {
      long m = mask[w];
      while (m != 0) {
        out[n++] = (w << 6) + Long.numberOfTrailingZeros(m);
        m &= m - 1;
      }
    }
    return n;
  }

  /** Returns the first objective component of shipping {@code from}'s items from {@code at}. */
  private long shipmentPrimary(int[] plan, int from, int at) {
    if (comps == 0) {
      return 0;
    }
    long v = p.shipPen[0][at];
    long weight = 0;
    for (int i = 0; i < p.itemCount; i++) {
      if (plan[i] == from) {
        v += p.itemPen[0][i][at];
        weight += p.itemWeight[i];
      }
    }
    return p.costComp == 0 ? v + p.laneCost(at, weight) : v;
  }

  /**
   * Opens, one after another, the node that can take the most lines; ties go to the cheapest.
   *
   * <p>Most nodes can take every item they are a candidate of at once (no stock key is shared and
   * all of it fits their units left). What such a node takes is then simply its candidate items not
   * yet placed, so its lines, weight and first-component penalty are kept up to date as items are
   * placed instead of being filled again every round; only the other nodes are refilled.
   */
  private int[] widestCoverage() {
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
    int k = p.k;
    // Per node: its unplaced candidate items' count and, for nodes that take them all, their
    // lines, weight and summed item penalty of the first component.
    int[] open = ws.coverOpen.sized(k);
    int[] lines = ws.coverLines.zeroed(k);
    long[] weight = ws.coverWeight.zeroed(k);
    long[] pen = ws.coverPen.zeroed(k);
    boolean[] all = ws.coverAll.cleared(k);
    for (int j = 0; j < k; j++) {
      all[j] = takesAll(j);
      open[j] = nodeItemStart[j + 1] - nodeItemStart[j];
      if (all[j]) {
        lines[j] = (int) candidateLines[j];
        weight[j] = candidateWeight[j];
        pen[j] = candidatePrimary[j];
      }
    }
    int shipments = 0;
    boolean[] taken = new boolean[p.itemCount];
    boolean[] bestTaken = new boolean[p.itemCount];
    boolean[] isOpen = ws.coverIsOpen.cleared(k);
    // A node taking fewer lines than the best so far cannot win the round; it is passed over
    // unless its lane cost must still be worked out because the cost model might refuse it.
    boolean skipsFewer = p.costComp != 0 || p.lanesNeverNegative;
    while (remaining > 0 && shipments < p.maxShipments) {
      int bestNode = -1;
      int bestLines = 0;
      long bestInc = Long.MAX_VALUE;
      boolean bestAll = false;
      for (int j = 0; j < k; j++) {
        // A node without unplaced candidate items can take no lines.
        if (isOpen[j] || p.excluded[j] || open[j] == 0) {
          continue;
        }
        int took;
        long inc = comps == 0 ? 0 : p.shipPen[0][j];
        long w;
        if (all[j]) {
          took = lines[j];
          if (took < bestLines && skipsFewer) {
            continue;
          }
          inc += pen[j];
          w = weight[j];
        } else {
          // Only this node's items are read back, so only they are cleared.
          for (int x = nodeItemStart[j]; x < nodeItemStart[j + 1]; x++) {
            taken[nodeItemList[x]] = false;
          }
          took = fillAlone(j, placed, taken);
          if (shipments == 0) {
            aloneCache[j] = took > 0 ? takenItems(j, taken) : NONE;
          }
          if (took == 0 || (took < bestLines && skipsFewer)) {
            continue;
          }
          w = 0;
          for (int x = nodeItemStart[j]; x < nodeItemStart[j + 1]; x++) {
            int i = nodeItemList[x];
            if (taken[i]) {
              w += p.itemWeight[i];
              if (comps > 0) {
                inc += p.itemPen[0][i][j];
              }
            }
          }
        }
        if (p.costComp == 0) {
          inc += p.laneCost(j, w);
        }
        if (took > bestLines || (took == bestLines && inc < bestInc)) {
          bestNode = j;
          bestLines = took;
          bestInc = inc;
          bestAll = all[j];
          if (!bestAll) {
            System.arraycopy(taken, 0, bestTaken, 0, taken.length);
          }
        }
      }
      if (bestNode < 0) {
        break;
      }
      isOpen[bestNode] = true;
      shipments++;
      for (int x = nodeItemStart[bestNode]; x < nodeItemStart[bestNode + 1]; x++) {
        int i = nodeItemList[x];
        if (placed[i] || !(bestAll || bestTaken[i])) {
          continue;
        }
        plan[i] = bestNode;
        placed[i] = true;
        remaining--;
        for (int j : p.itemCand[i]) {
          open[j]--;
          if (all[j]) {
            lines[j] -= p.itemLineCount[i];
            weight[j] -= p.itemWeight[i];
            if (comps > 0) {
              pen[j] -= p.itemPen[0][i][j];
            }
          }
        }
      }
    }
    return plan;
  }

  /**
   * Returns whether node {@code j} can ship all the items it is a candidate of together: no stock
   * key is shared and their units fit its units left. Then {@link #fillAlone} takes every one of
   * them that it does not skip.
   */
  private boolean takesAll(int j) {
    return takesAllAt[j];
  }

  /**
   * Writes into {@code out}, ascending, the items {@code plan} places at {@code a} or at {@code b}
   * (both nodes); returns how many.
   */
  private int itemsAt(int[] plan, int a, int b, int[] out) {
    int n = 0;
    for (int i = 0; i < plan.length; i++) {
      if (plan[i] == a || plan[i] == b) {
        out[n++] = i;
      }
    }
    return n;
  }

  /** Returns the weight of the first {@code count} of {@code items}. */
  private long weightOf(int[] items, int count) {
    long weight = 0;
    for (int x = 0; x < count; x++) {
      weight += p.itemWeight[items[x]];
    }
    return weight;
  }

  /**
   * Returns the first objective component of shipping the first {@code count} of {@code items},
   * {@code weight} grams in all, from {@code at} in one shipment; the same as {@link
   * #shipmentPrimary} for the items of a shipment.
   */
  private long primaryAt(int[] items, int count, long weight, int at) {
    if (comps == 0) {
      return 0;
    }
    long v = p.shipPen[0][at];
    long[][] pen = p.itemPen[0];
    for (int x = 0; x < count; x++) {
      v += pen[items[x]][at];
    }
    return p.costComp == 0 ? v + p.laneCost(at, weight) : v;
  }

  /**
   * Returns what {@link #primaryAt} does. A single item's shipment at one of its candidates is what
   * opening the node for it costs, worked out already: no lane needs pricing.
   */
  private long shipmentAt(int[] items, int count, long weight, int at) {
    return count == 1 ? primaryOpening(items[0], at) : primaryAt(items, count, weight, at);
  }

  /**
   * Writes into {@code out} {@code plan} (the incumbent) with the items of {@code from} inserted
   * again, never at {@code from}, and returns true, or returns false when what the plan keeps
   * elsewhere does not fit the state (then {@code out} means nothing).
   */
  private boolean reinsert(int[] plan, int from, int[] out) {
    System.arraycopy(plan, 0, out, 0, plan.length);
    for (int i = 0; i < p.itemCount; i++) {
      if (plan[i] >= 0 && plan[i] != from) {
        if (!canAdd(i, plan[i])) {
          clearState();
          return false;
        }
        add(i, plan[i]);
      } else if (plan[i] == from) {
        out[i] = -1;
      }
    }
    reinsertFrom(plan, from, out);
    clearState();
    return true;
  }

  /**
   * Writes into {@code out} the incumbent {@code plan} (key {@code current}, its items counted by
   * node in {@code uses}) with the items of {@code from} inserted again, never at {@code from}, and
   * into {@code key} that plan's key; returns whether the plan is feasible. Only for {@link
   * #incremental} searches: the same answer as {@link #evaluate(int[], long[])} on {@code out},
   * worked out from what changes (see {@link #movedKey}). Items are placed with {@link #add} after
   * {@link #canAdd}, which checks units and the shipment count, and only at candidates, whose stock
   * is their own; so the plan can only break the ship-complete rule.
   */
  private boolean reinsertKey(
      int[] plan, int from, int[] uses, long[] current, int[] out, long[] key) {
    System.arraycopy(plan, 0, out, 0, plan.length);
    // The incumbent is feasible, so what it keeps elsewhere fits: load it node by node instead of
    // item by item. Only what cheapestPlace and add read is set, and it is cleared again below.
    for (int x = 0; x < planOpened; x++) {
      int j = planNodes[x];
      if (j != from) {
        nodeItems[j] = uses[j];
        nodeUnits[j] = planUnits[j];
        nodeWeight[j] = planWeight[j];
        nodeLane[j] = planLane[j];
        open++;
      }
    }
    // The items moved, ascending, listed once.
    int[] moved = ws.moving.sized(p.itemCount);
    int count = itemsAt(plan, from, from, moved);
    for (int x = 0; x < count; x++) {
      out[moved[x]] = -1;
    }
    reinsertFrom(plan, from, out);

    int unserved = planUnserved;
    int opened = planOpened - 1;
    long laneChange = -planLane[from];
    for (int c = 0; c < comps; c++) {
      key[c + 1] = current[c + 1] - p.shipPen[c][from];
    }
    for (int x = 0; x < count; x++) {
      int i = moved[x];
      int j = out[i];
      for (int c = 0; c < comps; c++) {
        key[c + 1] -= p.itemPen[c][i][from];
      }
      if (j < 0) {
        unserved += p.itemLineCount[i];
        continue;
      }
      for (int c = 0; c < comps; c++) {
        key[c + 1] += p.itemPen[c][i][j];
      }
      if (firstAt(moved, x, out, j)) {
        // A node's shipment changes once, whatever it takes: its lane cost is now nodeLane[j].
        laneChange += nodeLane[j] - planLane[j];
        if (uses[j] == 0) {
          opened++;
          for (int c = 0; c < comps; c++) {
            key[c + 1] += p.shipPen[c][j];
          }
        }
      }
    }
    laneChange +=
        p.splitPenalty * Math.max(0, opened - 1) - p.splitPenalty * Math.max(0, planOpened - 1);
    key[0] = (long) baseUnserved + unserved;
    key[p.costComp + 1] += laneChange;

    // Clear what was loaded and added.
    for (int x = 0; x < planOpened; x++) {
      clearNode(planNodes[x]);
    }
    for (int x = 0; x < count; x++) {
      int i = moved[x];
      if (out[i] >= 0) {
        assign[i] = -1;
        clearNode(out[i]);
      }
    }
    Arrays.fill(partial, 0);
    open = 0;
    laneSum = 0;
    return !(p.shipComplete && unserved > 0 && opened > 0);
  }

  /**
   * Returns whether the {@code x}-th of the items {@code moved} (ascending), which {@code out}
   * places at {@code j}, is the first of them that {@code out} places there.
   */
  private static boolean firstAt(int[] moved, int x, int[] out, int j) {
    for (int y = 0; y < x; y++) {
      if (out[moved[y]] == j) {
        return false;
      }
    }
    return true;
  }

  /** Clears what the state holds at node {@code j}. */
  private void clearNode(int j) {
    nodeItems[j] = 0;
    nodeUnits[j] = 0;
    nodeWeight[j] = 0;
    nodeValue[j] = 0;
    nodeLane[j] = 0;
  }

  /**
   * Places every item {@code plan} had at {@code from} where it adds least, elsewhere, into out.
   */
  private void reinsertFrom(int[] plan, int from, int[] out) {
    for (int i : order) {
      if (plan[i] == from) {
        int j = cheapestPlace(i, from);
        if (j >= 0) {
          add(i, j);
          out[i] = j;
        }
      }
    }
  }

  /** Removes every placed item from the state. */
  private void clearState() {
    for (int i = 0; i < p.itemCount; i++) {
      if (assign[i] >= 0) {
        remove(i, assign[i]);
      }
    }
  }

  /**
   * Returns the node other than {@code avoid} where item {@code i} adds the least to the first
   * component, ties to the lowest node, or -1 when none can take it. Of the nodes not shipping yet
   * only the first that can take it in {@link #sortedCand} order is looked at: opening any of them
   * adds its opening cost and the same split penalty, so that one adds the least of them, unless
   * adding the penalty overflows for some of them; then every candidate is looked at.
   */
  private int cheapestPlace(int i, int avoid) {
    long penalty = comps > 0 && p.costComp == 0 && open > 0 ? p.splitPenalty : 0;
    int[] sorted = sortedCand[i];
    if (sorted.length == 0) {
      return -1;
    }
    if (penalty != 0
        && (overflows(primaryOpening(i, sorted[0]), penalty)
            || overflows(primaryOpening(i, sorted[sorted.length - 1]), penalty))) {
      return cheapestPlaceOfAll(i, avoid);
    }
    int bestNode = -1;
    long bestInc = Long.MAX_VALUE;
    // Nodes shipping already, by node.
    for (int j : p.itemCand[i]) {
      if (nodeItems[j] == 0 || j == avoid || !canAdd(i, j)) {
        continue;
      }
      long inc = 0;
      if (comps > 0) {
        inc = p.itemPen[0][i][j];
        if (p.costComp == 0) {
          inc += p.laneCost(j, nodeWeight[j] + p.itemWeight[i]) - nodeLane[j];
        }
      }
      if (inc < bestInc) {
        bestInc = inc;
        bestNode = j;
      }
    }
    // The cheapest node to open that can take the item.
    for (int j : sorted) {
      if (nodeItems[j] > 0 || j == avoid || !canAdd(i, j)) {
        continue;
      }
      long inc = primaryOpening(i, j) + penalty;
      if (inc < bestInc || (inc == bestInc && j < bestNode)) {
        bestNode = j;
      }
      break;
    }
    return bestNode;
  }

  /** Returns whether {@code a + b} overflows. */
  private static boolean overflows(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0;
  }

  /** Returns what {@link #cheapestPlace} does, looking at every candidate. */
  private int cheapestPlaceOfAll(int i, int avoid) {
    int bestNode = -1;
    long bestInc = Long.MAX_VALUE;
    for (int j : p.itemCand[i]) {
      if (j == avoid || !canAdd(i, j)) {
        continue;
      }
      long inc;
      if (comps == 0) {
        inc = 0;
      } else if (nodeItems[j] > 0) {
        inc = p.itemPen[0][i][j];
        if (p.costComp == 0) {
          inc += p.laneCost(j, nodeWeight[j] + p.itemWeight[i]) - nodeLane[j];
        }
      } else {
        inc = primaryOpening(i, j) + (p.costComp == 0 && open > 0 ? p.splitPenalty : 0);
      }
      if (inc < bestInc) {
        bestInc = inc;
        bestNode = j;
      }
    }
    return bestNode;
  }

  /**
   * Places items, most constrained first, each where it adds the least to the objective's first
   * component: into an open shipment or a new one.
   */
  private int[] cheapestInsertion() {
    int[] plan = emptyPlan();
    for (int i : order) {
      int bestNode = cheapestPlace(i, -1);
      if (bestNode >= 0) {
        add(i, bestNode);
        plan[i] = bestNode;
      }
    }
    for (int i = 0; i < p.itemCount; i++) {
      if (plan[i] >= 0) {
        remove(i, plan[i]);
      }
    }
    return plan;
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
    prepareBounds(c);
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

  /**
   * Marks in {@code taken} the items node {@code j} can ship together on its own, in item order,
   * skipping those in {@code skip}; returns the lines taken.
   */
  private int fillAlone(int j, boolean @Nullable [] skip, boolean[] taken) {
    if (keysShared) {
      Arrays.fill(localUsed, 0, p.keyCount, 0);
    }
    long units = 0;
    int lines = 0;
    for (int x = nodeItemStart[j]; x < nodeItemStart[j + 1]; x++) {
      int i = nodeItemList[x];
      if ((skip != null && skip[i]) || units + p.itemUnits[i] > p.unitsLeft[j]) {
        continue;
      }
      if (keysShared) {
        // Without shared keys every candidate item fits the node's stock on its own.
        int[] keys = p.itemDemandKey[i];
        long[] qty = p.itemDemandQty[i];
        boolean fits = true;
        for (int y = 0; y < keys.length; y++) {
          if (localUsed[keys[y]] + qty[y] > p.avail[keys[y]][j]) {
            fits = false;
            break;
          }
        }
        if (!fits) {
          continue;
        }
        for (int y = 0; y < keys.length; y++) {
          localUsed[keys[y]] += qty[y];
        }
      }
      units += p.itemUnits[i];
      taken[i] = true;
      lines += p.itemLineCount[i];
    }
    return lines;
  }

  /**
   * Writes into {@code out}, ascending, the items node {@code j} would ship on its own (every item
   * it can take) and returns how many there are.
   */
  int alone(int j, int[] out) {
    int[] items = aloneCache[j];
    if (items == null) {
      if (takesAll(j)) {
        int n = nodeItemStart[j + 1] - nodeItemStart[j];
        System.arraycopy(nodeItemList, nodeItemStart[j], out, 0, n);
        return n;
      }
      boolean[] taken = new boolean[p.itemCount];
      items = fillAlone(j, null, taken) > 0 ? takenItems(j, taken) : NONE;
      aloneCache[j] = items;
    }
    System.arraycopy(items, 0, out, 0, items.length);
    return items.length;
  }

  /**
   * Returns whether node {@code j} ships on its own every item it is a candidate of, so that what
   * it holds alone is what {@link #candidateWeight} and the like add up.
   */
  boolean shipsAllAlone(int j) {
    return takesAll(j);
  }

  /** Returns how many items node {@code j} is a candidate of. */
  int candidateCount(int j) {
    return nodeItemStart[j + 1] - nodeItemStart[j];
  }

  /** Returns the units of the items node {@code j} is a candidate of. */
  long candidateUnits(int j) {
    return candidateUnits[j];
  }

  /** Returns the weight of the items node {@code j} is a candidate of. */
  long candidateWeight(int j) {
    return candidateWeight[j];
  }

  /** Returns the lines of the items node {@code j} is a candidate of. */
  int candidateLines(int j) {
    return (int) candidateLines[j];
  }

  /**
   * Returns the items node {@code j} is a candidate of, as bits by item; meaningful only for
   * problems of at most 64 items.
   */
  long candidateItems(int j) {
    return candidateItems[j];
  }

  /**
   * Returns the first objective component of shipping every item node {@code j} is a candidate of
   * from it alone at lane cost {@code lane}: the first component of {@link #aloneKey}'s key.
   */
  long candidatePrimary(int j, long lane) {
    return p.shipPen[0][j] + candidatePrimary[j] + (p.costComp == 0 ? lane : 0);
  }

  /** Returns, ascending, the items of node {@code j} marked in {@code taken}. */
  private int[] takenItems(int j, boolean[] taken) {
    int n = 0;
    for (int x = nodeItemStart[j]; x < nodeItemStart[j + 1]; x++) {
      if (taken[nodeItemList[x]]) {
        n++;
      }
    }
    int[] out = new int[n];
    n = 0;
    for (int x = nodeItemStart[j]; x < nodeItemStart[j + 1]; x++) {
      if (taken[nodeItemList[x]]) {
        out[n++] = nodeItemList[x];
      }
    }
    return out;
  }

  /**
   * Writes into {@code key} the key of the plan shipping the first {@code count} of {@code items}
   * (all candidates of {@code j}, none twice) from node {@code j} alone, at lane cost {@code lane},
   * and returns true, or returns false when the profile's ship-complete rule refuses it.
   */
  boolean aloneKey(int j, int[] items, int count, long lane, long[] key) {
    // A plan's key only ever sums longs, so the order of the terms does not change the value.
    int lines = 0;
    for (int c = 0; c < comps; c++) {
      key[c + 1] = p.shipPen[c][j];
    }
    for (int x = 0; x < count; x++) {
      int i = items[x];
      lines += p.itemLineCount[i];
      for (int c = 0; c < comps; c++) {
        key[c + 1] += p.itemPen[c][i][j];
      }
    }
    if (count < order.length && p.shipComplete) {
      return false;
    }
    key[0] = (long) baseUnserved + servableLines - lines;
    if (p.costComp >= 0) {
      key[p.costComp + 1] += lane;
    }
    return true;
  }

  /** Returns the lines of the items some node can ship. */
  int servableLines() {
    return servableLines;
  }
}
