package dev.omnichannel.core.routing;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import dev.omnichannel.core.NodeId;
import dev.omnichannel.core.Sku;
import dev.omnichannel.core.inventory.AvailabilitySnapshot;
import dev.omnichannel.core.order.GeoPoint;
import dev.omnichannel.core.order.Money;
import dev.omnichannel.core.order.Order;
import dev.omnichannel.core.order.OrderLine;
import dev.omnichannel.core.order.PostalAddress;
import dev.omnichannel.core.order.ServiceLevel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * One order turned into arrays for the search: candidate nodes, items (a line or a whole kit),
 * stock by component, and the objective's per-shipment and per-item penalties. Built once per route
 * call; not thread-safe, never shared.
 */
@SuppressWarnings("EnumOrdinal") // reasons and capabilities as bits by ordinal, in memory only
final class Problem {
  /** Score shortfalls are counted in millionths. */
  static final long SCORE_SCALE = 1_000_000;

  private static final int[] NO_INTS = new int[0];

  /**
   * Shared arrays {@code {i}} for small {@code i}, for the line groups of single lines and the
   * stock keys of lines that are no bundle: read by the search, never written.
   */
  private static final int[][] SINGLES = new int[64][];

  static {
    for (int i = 0; i < SINGLES.length; i++) {
      SINGLES[i] = new int[] {i};
    }
  }

  private static final long[] NO_LONGS = new long[0];

  final RoutingRequest request;
  final RoutingProfile profile;
  final FulfillmentNetwork network;
  final Order order;
  final Instant now;
  final ImmutableList<OrderLine> lines;

  // Every network node, by id, with why it was excluded (empty for candidates).
  final NodeProfile[] all;

  /** Per network node, the bits (by ordinal) of the reasons it was excluded for. */
  final int[] exclusions;

  final double[] allDistance;

  /** Per network node, its score; null for profiles that do not score, whose nodes have none. */
  private final OptionalDouble @Nullable [] allScore;

  // Candidates: nodes past the static checks that can ship some item on their own, indexed 0..k-1
  // in network order; excluded[j] marks those a criterion later dropped.
  final int k;
  final int[] toAll;

  final boolean[] excluded;
  final ShippingCostModel.Lane[] lane;
  final LocalDate[] shipDate;
  final long[] pickOrder;
  final long[] pickUnit;
  final long[] unitsLeft;

  // Stock keys (component SKUs) and what each candidate may give of them. The per-node and
  // per-candidate arrays and tables come from a Workspace and may be longer than n, k or keyCount:
  // entries past those mean nothing.
  final int keyCount;
  final long[][] avail;

  // Items: a line, or a kit kept together.
  final int itemCount;
  final int[][] itemLines;
  final int[] itemLineCount;
  final long[] itemUnits;
  final long[] itemWeight;
  final long[] itemValue;
  final int[][] itemDemandKey;
  final long[][] itemDemandQty;
  final int[][] itemCand;
  final UnfulfillableReason[] noCandReason;
  final @Nullable UnfulfillableReason globalReason;

  // Objective: components after the unserved-lines count.
  final int comps;

  /** The names of the plan key's components: {@code UNSERVED_LINES}, then the objective's. */
  final ImmutableList<String> objective;

  final int costComp;
  final long[][] shipPen;
  final long[][][] itemPen;
  final long[][] openCost;

  /**
   * Whether no shipment of this order gets a negative lane cost at any candidate, so that a search
   * may leave out lane costs that cannot change its choice without missing a misbehaving cost
   * model: every candidate's lane is a {@link RateCard}, whose price never falls below zero unless
   * its arithmetic overflows, and it does not overflow at the weight of the whole order.
   */
  final boolean lanesNeverNegative;

  final long splitPenalty;
  final int maxShipments;
  final boolean shipComplete;
  final long minSplitValue;

  @SuppressWarnings("unchecked")
  Problem(
      RoutingRequest request,
      FulfillmentNetwork network,
      RoutingNodes nodes,
      Instant now,
      Workspace ws) {
    this.request = request;
    this.profile = request.profile();
    this.network = network;
    this.order = request.order();
    this.now = now;
    this.lines = order.lines();
    this.splitPenalty = profile.splitPenalty();
    this.maxShipments = profile.maxShipments();
    this.shipComplete = profile.shipComplete();
    this.minSplitValue = minSplitValue(profile);
    AvailabilitySnapshot snapshot = request.snapshot();
    PostalAddress shipTo = order.shipTo();
    Optional<GeoPoint> destination = shipTo.location();
    String country = shipTo.countryCode();
    ServiceLevel level = order.serviceLevel();

    all = nodes.sorted;
    int n = all.length;
    exclusions = ws.exclusions.sized(n);
    allScore =
        profile.strategy() == RoutingStrategy.SCORED
            ? ws.allScore.filled(n, OptionalDouble.empty())
            : null;
    if (destination.isPresent()) {
      allDistance = ws.allDistance.sized(n);
      nodes.distancesKm(destination.get(), allDistance);
    } else {
      allDistance = ws.allDistance.filled(n, Double.NaN);
    }
    int[] pre = ws.pre.sized(n);
    ShippingCostModel.Lane[] lanes = ws.lanes.sized(n);
    LocalDate[] dates = ws.dates.sized(n);
    RoutingNodes.CountryScreen screen = nodes.country(country);
    int count = screen(nodes, screen, shipTo, destination.isPresent(), level, pre, lanes, dates);
    // Pre-candidates: past the static checks, by network index. Those holding nothing an item
    // needs are dropped below, so that the search only ever sees nodes that can ship something.
    long[] preUnits = ws.preUnits.sized(count);
    int[] allToPre = ws.allToPre.filled(n, -1);
    for (int jp = 0; jp < count; jp++) {
      preUnits[jp] = nodes.capacityLeftUnits[pre[jp]];
      allToPre[pre[jp]] = jp;
    }

    if (n == 0) {
      globalReason = UnfulfillableReason.NO_NODES;
    } else if (destination.isEmpty()) {
      globalReason = UnfulfillableReason.DESTINATION_NOT_GEOCODED;
    } else if (!screen.anyServes) {
      globalReason = UnfulfillableReason.DESTINATION_NOT_SERVED;
    } else {
      globalReason = null;
    }

    // Stock keys: each line's SKU, or its components for a bundle.
    // An order has a few keys, so they are found by a linear scan, in the order first met.
    int lineCount = lines.size();
    Sku[] keys = ws.keys.filled(lineCount, null);
    int keyCount = 0;
    int[][] lineKeys = new int[lineCount][];
    long[][] lineQty = new long[lineCount][];
    boolean[] unknown = new boolean[lineCount];
    for (int li = 0; li < lineCount; li++) {
      OrderLine line = lines.get(li);
      Sku sku = line.sku();
      if (!snapshot.contains(sku)) {
        unknown[li] = true;
        lineKeys[li] = NO_INTS;
        lineQty[li] = NO_LONGS;
        continue;
      }
      Optional<ImmutableMap<Sku, Integer>> parts = snapshot.bundleComponents(sku);
      if (parts.isPresent()) {
        int m = parts.get().size();
        lineKeys[li] = new int[m];
        lineQty[li] = new long[m];
        if (keys.length < keyCount + m) {
          keys = ws.keys.grow(keyCount + m);
        }
        int p = 0;
        for (Map.Entry<Sku, Integer> e : parts.get().entrySet()) {
          int key = keyOf(keys, keyCount, e.getKey());
          if (key == keyCount) {
            keys[keyCount++] = e.getKey();
          }
          lineKeys[li][p] = key;
          lineQty[li][p] = Math.multiplyExact(line.quantity(), (long) e.getValue());
          p++;
        }
      } else {
        if (keys.length < keyCount + 1) {
          keys = ws.keys.grow(keyCount + 1);
        }
        int key = keyOf(keys, keyCount, sku);
        if (key == keyCount) {
          keys[keyCount++] = sku;
        }
        lineKeys[li] = single(key);
        lineQty[li] = new long[] {line.quantity()};
      }
    }
    this.keyCount = keyCount;
    long[][] preAvail = ws.avail.zeroed(keyCount, count);
    // Per stock key, the pre-candidates holding any of it, ascending: stockedCount[key] of them.
    int[][] stocked = ws.stocked.sized(keyCount, count);
    int[] stockedCount = ws.stockedCount.sized(keyCount);
    int[] snapshotToAll = nodes.snapshotNodeIndex(snapshot);
    int[] heldAt = ws.heldAt.sized(snapshotToAll.length);
    long[] heldUnits = ws.heldUnits.sized(snapshotToAll.length);
    for (int key = 0; key < keyCount; key++) {
      long[] row = preAvail[key];
      int[] holders = stocked[key];
      int h = 0;
      int entries = snapshot.availableByNode(keys[key], order.channel(), heldAt, heldUnits);
      for (int x = 0; x < entries; x++) {
        int at = snapshotToAll[heldAt[x]];
        if (at >= 0 && allToPre[at] >= 0 && heldUnits[x] > 0) {
          row[allToPre[at]] = heldUnits[x];
          holders[h++] = allToPre[at];
        }
      }
      Arrays.sort(holders, 0, h);
      stockedCount[key] = h;
    }

    // Items: kits kept together, then single lines, in the order of their first line.
    List<int[]> groups = new ArrayList<>(lineCount);
    boolean[] grouped = new boolean[lineCount];
    boolean kitted = profile.keepKitsTogether() && !request.kits().isEmpty();
    if (kitted) {
      Map<String, Integer> lineIndex = new HashMap<>();
      for (int li = 0; li < lineCount; li++) {
        lineIndex.put(lines.get(li).lineId(), li);
      }
      for (ImmutableSet<String> kit : request.kits()) {
        int[] g = new int[kit.size()];
        int p = 0;
        for (String id : kit) {
          Integer li = lineIndex.get(id);
          if (li == null) {
            throw new RoutingException("kit names unknown line " + id);
          }
          g[p++] = li;
          grouped[li] = true;
        }
        Arrays.sort(g);
        groups.add(g);
      }
    }
    for (int li = 0; li < lineCount; li++) {
      if (!grouped[li]) {
        groups.add(single(li));
      }
    }
    if (kitted) {
      // Without kits the single lines are already in line order.
      groups.sort(Comparator.comparingInt(g -> g[0]));
    }
    itemCount = groups.size();
    itemLines = groups.toArray(new int[0][]);
    itemLineCount = new int[itemCount];
    itemUnits = new long[itemCount];
    itemWeight = new long[itemCount];
    itemValue = new long[itemCount];
    itemDemandKey = new int[itemCount][];
    itemDemandQty = new long[itemCount][];
    itemCand = new int[itemCount][];
    noCandReason = new UnfulfillableReason[itemCount];
    boolean[] holdsAny = ws.holdsAny.cleared(count);
    describeItems(lineKeys, lineQty, unknown, stocked, stockedCount, preUnits, preAvail, holdsAny);

    // Candidates: the pre-candidates that hold something, in network order. Which of them do is
    // close to random, so the mapping is worked out without branching on it.
    int[] preToK = ws.preToK.sized(count);
    int[] kToPre = ws.kToPre.sized(count);
    int kept = 0;
    for (int jp = 0; jp < count; jp++) {
      int holds = holdsAny[jp] ? 1 : 0;
      // -1 for a pre-candidate that holds nothing.
      preToK[jp] = kept | (holds - 1);
      kToPre[kept] = jp;
      kept += holds;
      exclusions[pre[jp]] |= (1 - holds) << ExclusionReason.NO_STOCK.ordinal();
    }
    k = kept;
    toAll = ws.toAll.sized(k);
    lane = ws.lane.sized(k);
    shipDate = ws.shipDate.sized(k);
    excluded = ws.excluded.cleared(k);
    pickOrder = ws.pickOrder.sized(k);
    pickUnit = ws.pickUnit.sized(k);
    unitsLeft = ws.unitsLeft.sized(k);
    for (int j = 0; j < k; j++) {
      int jp = kToPre[j];
      int a = pre[jp];
      toAll[j] = a;
      lane[j] = lanes[jp];
      shipDate[j] = dates[jp];
      pickOrder[j] = nodes.pickCostPerOrder[a];
      pickUnit[j] = nodes.pickCostPerUnit[a];
      unitsLeft[j] = preUnits[jp];
    }
    // Candidate indices never exceed pre-candidate ones (the mapping keeps the order and only
    // drops), so each row is compacted in place; entries past k are left over and never read.
    for (int key = 0; key < keyCount; key++) {
      long[] row = preAvail[key];
      for (int j = 0; j < k; j++) {
        row[j] = row[kToPre[j]];
      }
    }
    avail = preAvail;
    for (int[] cand : itemCand) {
      // The mapping keeps the order, so the lists stay ascending.
      for (int x = 0; x < cand.length; x++) {
        cand[x] = preToK[cand[x]];
      }
    }

    // Objective components.
    Objective objective = Objective.of(profile);
    Object[] kinds = objective.kinds;
    comps = kinds.length;
    shipPen = ws.shipPen.zeroed(comps, k);
    itemPen = new long[comps][][];
    // Components without a per-item penalty share one table of zeros whose rows are one array;
    // nothing writes to it. The others write every entry of theirs.
    long[][] zeros = null;
    for (int c = 0; c < comps; c++) {
      Object kind = kinds[c];
      if ("COST".equals(kind) || kind == RoutingRule.HIGHEST_STOCK) {
        itemPen[c] = ws.itemPen.table(c).sized(itemCount, k);
      } else {
        if (zeros == null) {
          zeros = new long[itemCount][];
          Arrays.fill(zeros, ws.zeros.zeroed(k));
        }
        itemPen[c] = zeros;
      }
    }
    openCost = ws.openCost.zeroed(itemCount, k);
    costComp = penalties(kinds, country);
    this.objective = objective.names;
    lanesNeverNegative = lanesNeverNegative(openCosts());
    // Nodes a criterion excluded leave the item candidate lists.
    if (profile.strategy() == RoutingStrategy.SCORED) {
      for (int i = 0; i < itemCount; i++) {
        int[] cand = itemCand[i];
        int c = 0;
        for (int j : cand) {
          if (!excluded[j]) {
            cand[c++] = j;
          }
        }
        itemCand[i] = Arrays.copyOf(cand, c);
      }
    }
  }

  /**
   * Works out each item's units, weight, value, demand and candidates, the pre-candidates that can
   * ship it on its own, marking those in {@code holdsAny}. A method of its own, like the other
   * phases of the constructor, so that the compiler inlines what each calls per item and node
   * instead of giving up on one very large constructor.
   */
  private void describeItems(
      int[][] lineKeys,
      long[][] lineQty,
      boolean[] unknown,
      int[][] stocked,
      int[] stockedCount,
      long[] preUnits,
      long[][] preAvail,
      boolean[] holdsAny) {
    for (int i = 0; i < itemCount; i++) {
      int[] g = itemLines[i];
      itemLineCount[i] = g.length;
      boolean anyUnknown = false;
      for (int li : g) {
        OrderLine line = lines.get(li);
        itemUnits[i] = Math.addExact(itemUnits[i], line.quantity());
        itemWeight[i] =
            Math.addExact(
                itemWeight[i],
                Math.multiplyExact(line.quantity(), network.unitWeightGrams(line.sku())));
        itemValue[i] = Math.addExact(itemValue[i], lineValue(line));
        anyUnknown |= unknown[li];
      }
      demand(i, g, lineKeys, lineQty);
      if (anyUnknown) {
        itemCand[i] = NO_INTS;
        noCandReason[i] = UnfulfillableReason.UNKNOWN_SKU;
        continue;
      }
      // A node that can ship the item holds some of its first component: look only there.
      int firstKey = itemDemandKey[i].length == 0 ? -1 : itemDemandKey[i][0];
      int[] first = firstKey < 0 ? NO_INTS : stocked[firstKey];
      int held = firstKey < 0 ? 0 : stockedCount[firstKey];
      int[] cand = new int[held];
      int c = 0;
      for (int x = 0; x < held; x++) {
        int j = first[x];
        if (fitsAlone(i, j, preUnits, preAvail)) {
          cand[c++] = j;
          holdsAny[j] = true;
        }
      }
      itemCand[i] = c == cand.length ? cand : Arrays.copyOf(cand, c);
      noCandReason[i] =
          globalReason != null ? globalReason : UnfulfillableReason.INSUFFICIENT_STOCK;
    }
  }

  /**
   * Fills the objective's per-shipment and per-item penalties of the components {@code kinds} and
   * returns the index of the cost component, or -1.
   */
  private int penalties(Object[] kinds, String country) {
    int costIndex = -1;
    Map<NodeId, Integer> rank =
        profile.rankedNodes().isEmpty() ? ImmutableMap.of() : new HashMap<>();
    for (NodeId id : profile.rankedNodes()) {
      rank.putIfAbsent(id, rank.size());
    }
    for (int c = 0; c < comps; c++) {
      Object kind = kinds[c];
      if ("COST".equals(kind)) {
        costIndex = c;
        System.arraycopy(pickOrder, 0, shipPen[c], 0, k);
        for (int i = 0; i < itemCount; i++) {
          long[] row = itemPen[c][i];
          long units = itemUnits[i];
          for (int j = 0; j < k; j++) {
            row[j] = Math.multiplyExact(pickUnit[j], units);
          }
        }
      } else if ("SCORE".equals(kind)) {
        scorePenalties(shipPen[c], destinationCountry(), rank);
      } else {
        rulePenalties((RoutingRule) kind, shipPen[c], itemPen[c], country, rank);
      }
    }
    return costIndex;
  }

  /**
   * Fills {@link #openCost} and returns at least what any set of the order's items weighs: the
   * positive weights summed, saturated.
   */
  private long openCosts() {
    long orderWeight = 0;
    for (int i = 0; i < itemCount; i++) {
      for (int j : itemCand[i]) {
        openCost[i][j] = laneCost(j, itemWeight[i]);
      }
      // Any shipment weighs at most the positive weights summed; saturated, since past the limit
      // the lanes are not known to be safe anyway.
      long w = Math.max(0, itemWeight[i]);
      orderWeight = orderWeight + w < 0 ? Long.MAX_VALUE : orderWeight + w;
    }
    return orderWeight;
  }

  /**
   * Screens every node by the profile, the destination, the node's calendar and the cost model, in
   * network order; sets each node's exclusions and writes the nodes past every check (the
   * pre-candidates), their lanes and ship dates into {@code pre}, {@code lanes} and {@code dates}.
   * Returns how many there are.
   */
  private int screen(
      RoutingNodes nodes,
      RoutingNodes.CountryScreen screen,
      PostalAddress shipTo,
      boolean located,
      ServiceLevel level,
      int[] pre,
      ShippingCostModel.Lane[] lanes,
      LocalDate[] dates) {
    int needed = RoutingNodes.capabilityBits(profile.requiredCapabilities());
    if (level == ServiceLevel.PICKUP) {
      needed |= 1 << Capability.STORE_PICKUP.ordinal();
    }
    Optional<LocalDate> promise =
        profile.respectPromiseDate() ? order.requestedDeliveryDate() : Optional.empty();
    ImmutableSet<NodeId> excludedNodes = profile.excludedNodes();
    boolean anyExcluded = !excludedNodes.isEmpty();
    ShippingCostModel costModel = network.shippingCostModel();
    ShipDates shipDates = nodes.shipDates;
    int[] staticWhy = screen.exclusions;
    int count = 0;
    for (int a = 0; a < all.length; a++) {
      NodeProfile node = all[a];
      int why = staticWhy[a];
      if (anyExcluded && excludedNodes.contains(node.id())) {
        why |= 1 << ExclusionReason.EXCLUDED_BY_PROFILE.ordinal();
      }
      if (needed != 0 && !nodes.hasCapabilities(a, needed)) {
        why |= 1 << ExclusionReason.MISSING_CAPABILITY.ordinal();
      }
      if (!located) {
        exclusions[a] = why | 1 << ExclusionReason.NO_LANE.ordinal();
        continue;
      }
      if (why != 0) {
        exclusions[a] = why;
        continue;
      }
      Optional<ShippingCostModel.Lane> found = costModel.lane(node, shipTo, allDistance[a], level);
      if (found.isEmpty()) {
        exclusions[a] = 1 << ExclusionReason.NO_LANE.ordinal();
        continue;
      }
      ShippingCostModel.Lane l = found.get();
      if (l.transitDays() < 0) {
        throw new RoutingException(
            "shipping cost model gave negative transit days "
                + l.transitDays()
                + " from "
                + node.id());
      }
      Optional<LocalDate> ship = shipDates.shipDate(a, now);
      if (ship.isEmpty()) {
        exclusions[a] = 1 << ExclusionReason.NO_WORKING_DAY.ordinal();
        continue;
      }
      if (promise.isPresent() && ship.get().plusDays(l.transitDays()).isAfter(promise.get())) {
        exclusions[a] = 1 << ExclusionReason.MISSES_PROMISE_DATE.ordinal();
        continue;
      }
      exclusions[a] = 0;
      dates[count] = ship.get();
      pre[count] = a;
      lanes[count] = l;
      count++;
    }
    return count;
  }

  /**
   * The components of a profile's objective after the unserved lines: {@code "COST"}, {@code
   * "SCORE"} or a {@link RoutingRule}, and the names of all of them. Immutable.
   */
  private static final class Objective {
    // The objectives of the profiles without rules of their own, worked out once.
    private static final Objective DEFAULT_COST =
        build(RoutingStrategy.OPTIMISE_COST, RoutingProfile.DEFAULT_RULES);
    private static final Objective DEFAULT_RULES =
        build(RoutingStrategy.RULES, RoutingProfile.DEFAULT_RULES);
    private static final Objective SCORED = build(RoutingStrategy.SCORED, ImmutableList.of());

    final Object[] kinds;
    final ImmutableList<String> names;

    private Objective(Object[] kinds, ImmutableList<String> names) {
      this.kinds = kinds;
      this.names = names;
    }

    @SuppressWarnings("ReferenceEquality") // the default rules are one list
    static Objective of(RoutingProfile profile) {
      ImmutableList<RoutingRule> rules = profile.effectiveRules();
      return switch (profile.strategy()) {
        case OPTIMISE_COST ->
            rules == RoutingProfile.DEFAULT_RULES
                ? DEFAULT_COST
                : build(RoutingStrategy.OPTIMISE_COST, rules);
        case RULES ->
            rules == RoutingProfile.DEFAULT_RULES
                ? DEFAULT_RULES
                : build(RoutingStrategy.RULES, rules);
        case SCORED -> SCORED;
      };
    }

    private static Objective build(RoutingStrategy strategy, ImmutableList<RoutingRule> rules) {
      List<Object> kinds = new ArrayList<>();
      switch (strategy) {
        case OPTIMISE_COST -> {
          kinds.add("COST");
          kinds.addAll(rules);
        }
        case RULES -> {
          kinds.addAll(rules);
          kinds.add("COST");
        }
        case SCORED -> {
          kinds.add("SCORE");
          kinds.add("COST");
        }
      }
      ImmutableList.Builder<String> names = ImmutableList.builderWithExpectedSize(kinds.size() + 1);
      names.add("UNSERVED_LINES");
      for (Object kind : kinds) {
        names.add(kind.toString());
      }
      return new Objective(kinds.toArray(), names.build());
    }
  }

  /**
   * Returns a copy of every network node's score, by network index; null for profiles that do not
   * score.
   */
  OptionalDouble @Nullable [] scores() {
    OptionalDouble[] scores = allScore;
    return scores == null ? null : Arrays.copyOf(scores, all.length);
  }

  /** Returns the exclusion reasons whose bits (by ordinal) are {@code bits}. */
  static ImmutableSet<ExclusionReason> exclusionSet(int bits) {
    return EXCLUSION_SETS.get(bits);
  }

  /** Every set of exclusion reasons, indexed by its bits (by ordinal). */
  private static final ImmutableList<ImmutableSet<ExclusionReason>> EXCLUSION_SETS =
      exclusionSets();

  private static ImmutableList<ImmutableSet<ExclusionReason>> exclusionSets() {
    ExclusionReason[] reasons = ExclusionReason.values();
    ImmutableList.Builder<ImmutableSet<ExclusionReason>> sets =
        ImmutableList.builderWithExpectedSize(1 << reasons.length);
    for (int bits = 0; bits < 1 << reasons.length; bits++) {
      EnumSet<ExclusionReason> set = EnumSet.noneOf(ExclusionReason.class);
      for (ExclusionReason r : reasons) {
        if ((bits & (1 << r.ordinal())) != 0) {
          set.add(r);
        }
      }
      sets.add(Sets.immutableEnumSet(set));
    }
    return sets.build();
  }

  private String destinationCountry() {
    return order.shipTo().countryCode();
  }

  /** Returns the array {@code {i}}, shared for small {@code i}: never write to it. */
  private static int[] single(int i) {
    return i < SINGLES.length ? SINGLES[i] : new int[] {i};
  }

  /** Returns the index of {@code sku} among the first {@code count} keys, or {@code count}. */
  private static int keyOf(Sku[] keys, int count, Sku sku) {
    for (int x = 0; x < count; x++) {
      if (keys[x].equals(sku)) {
        return x;
      }
    }
    return count;
  }

  /** Returns whether pre-candidate {@code j} can ship item {@code i} on its own. */
  private boolean fitsAlone(int i, int j, long[] unitsLeft, long[][] avail) {
    if (itemUnits[i] > unitsLeft[j]) {
      return false;
    }
    for (int p = 0; p < itemDemandKey[i].length; p++) {
      if (avail[itemDemandKey[i][p]][j] < itemDemandQty[i][p]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Sets the demand of item {@code i} (lines {@code g}): the stock keys in the order they are first
   * met, each with the quantity all its lines need.
   */
  private void demand(int i, int[] g, int[][] lineKeys, long[][] lineQty) {
    if (g.length == 1) {
      // A line's own keys are distinct (a SKU, or the components of one bundle).
      itemDemandKey[i] = lineKeys[g[0]];
      itemDemandQty[i] = lineQty[g[0]];
      return;
    }
    int total = 0;
    for (int li : g) {
      total += lineKeys[li].length;
    }
    int[] keys = new int[total];
    long[] qty = new long[total];
    int m = 0;
    for (int li : g) {
      for (int p = 0; p < lineKeys[li].length; p++) {
        int key = lineKeys[li][p];
        int at = 0;
        while (at < m && keys[at] != key) {
          at++;
        }
        if (at == m) {
          keys[m] = key;
          qty[m++] = lineQty[li][p];
        } else {
          qty[at] = Math.addExact(qty[at], lineQty[li][p]);
        }
      }
    }
    itemDemandKey[i] = m == total ? keys : Arrays.copyOf(keys, m);
    itemDemandQty[i] = m == total ? qty : Arrays.copyOf(qty, m);
  }

  /**
   * See {@link #lanesNeverNegative}; {@code orderWeight} is at least what any set of the order's
   * items weighs.
   */
  private boolean lanesNeverNegative(long orderWeight) {
    if (orderWeight > Long.MAX_VALUE - 999) {
      return false;
    }
    long kilos = (orderWeight + 999) / 1000;
    ShippingCostModel.Lane last = null;
    for (int j = 0; j < k; j++) {
      // Candidates mostly share a few lanes.
      if (lane[j] == last) {
        continue;
      }
      if (!(lane[j] instanceof RateCard rate)) {
        return false;
      }
      // No shipment weighs more than orderWeight, and a price grows with the weight.
      long perKilos = kilos * rate.costPerKg();
      if (Math.multiplyHigh(kilos, rate.costPerKg()) != 0
          || perKilos < 0
          || perKilos > Long.MAX_VALUE - rate.baseCost()) {
        return false;
      }
      last = rate;
    }
    return true;
  }

  /** Returns the lane cost of a shipment of {@code weight} grams from {@code j}. */
  long laneCost(int j, long weight) {
    long cost = lane[j].cost(weight);
    if (cost < 0) {
      throw new RoutingException(
          "shipping cost model gave negative cost "
              + cost
              + " from "
              + all[toAll[j]].id()
              + " for "
              + weight
              + " g");
    }
    return cost;
  }

  NodeProfile node(int j) {
    return all[toAll[j]];
  }

  double distance(int j) {
    return allDistance[toAll[j]];
  }

  int servableItems() {
    int n = 0;
    for (int[] c : itemCand) {
      if (c.length > 0) {
        n++;
      }
    }
    return n;
  }

  private void rulePenalties(
      RoutingRule rule, long[] ship, long[][] item, String country, Map<NodeId, Integer> rank) {
    if (rule == RoutingRule.HIGHEST_STOCK) {
      for (int i = 0; i < itemCount; i++) {
        long most = 0;
        for (int jj : itemCand[i]) {
          most = Math.max(most, stockDepth(i, jj));
        }
        for (int j = 0; j < k; j++) {
          item[i][j] = Math.max(0, most - stockDepth(i, j));
        }
      }
      return;
    }
    for (int j = 0; j < k; j++) {
      NodeProfile node = node(j);
      switch (rule) {
        case FEWEST_SHIPMENTS -> ship[j] = 1;
        case STAY_IN_MARKET -> ship[j] = node.countryCode().equals(country) ? 0 : 1;
        case CLOSEST_NODE -> ship[j] = Math.round(distance(j));
        case RANKED_NODES -> ship[j] = rank.getOrDefault(node.id(), rank.size());
        case CAPACITY_LEFT -> ship[j] = 1000 - Math.round(1000 * capacityLeftRatio(node));
        case HIGHEST_STOCK -> throw new AssertionError(rule);
      }
    }
  }

  /** Returns how many units the node holds of the item's scarcest component. */
  long stockDepth(int i, int j) {
    long min = Long.MAX_VALUE;
    for (int p = 0; p < itemDemandKey[i].length; p++) {
      min = Math.min(min, avail[itemDemandKey[i][p]][j]);
    }
    return min == Long.MAX_VALUE ? 0 : min;
  }

  static double capacityLeftRatio(NodeProfile node) {
    if (node.dailyCapacityUnits().isEmpty()) {
      return 1;
    }
    long daily = node.dailyCapacityUnits().getAsLong();
    if (daily == 0) {
      return 0;
    }
    return Math.max(0, Math.min(1, (double) node.capacityLeftUnits() / daily));
  }

  private void scorePenalties(long[] ship, String country, Map<NodeId, Integer> rank) {
    OptionalDouble[] scores = checkNotNull(allScore, "scores");
    double total = 0;
    for (WeightedCriterion w : profile.criteria()) {
      total += w.weight();
    }
    int[] heldLines = new int[k];
    for (int i = 0; i < itemCount; i++) {
      for (int jj : itemCand[i]) {
        heldLines[jj] += itemLineCount[i];
      }
    }
    for (int j = 0; j < k; j++) {
      if (excluded[j]) {
        continue;
      }
      NodeProfile node = node(j);
      int held = heldLines[j];
      NodeView view =
          new NodeView(
              node,
              distance(j),
              node.countryCode().equals(country),
              rank.getOrDefault(node.id(), -1),
              rank.size(),
              held,
              lines.size(),
              capacityLeftRatio(node));
      double shortfall = 0;
      boolean out = false;
      for (WeightedCriterion w : profile.criteria()) {
        OptionalDouble s = w.criterion().score(view);
        if (s.isEmpty()) {
          out = true;
          break;
        }
        double v = s.getAsDouble();
        if (!(v >= 0 && v <= 1)) {
          throw new RoutingException(
              "criterion "
                  + w.criterion().name()
                  + " scored node "
                  + node.id()
                  + " "
                  + v
                  + ", outside [0, 1]");
        }
        shortfall += w.weight() * (1 - v);
      }
      if (out) {
        excluded[j] = true;
        exclusions[toAll[j]] |= 1 << ExclusionReason.EXCLUDED_BY_CRITERION.ordinal();
        continue;
      }
      scores[toAll[j]] = OptionalDouble.of(1 - shortfall / total);
      ship[j] = Math.round(SCORE_SCALE * shortfall / total);
    }
  }

  private static long minSplitValue(RoutingProfile profile) {
    Optional<Money> threshold = profile.minSplitShipmentValue();
    return threshold.isPresent() ? minor(threshold.get()) : -1;
  }

  private long lineValue(OrderLine line) {
    Optional<Money> threshold = profile.minSplitShipmentValue();
    if (threshold.isEmpty() || line.unitPrice().isEmpty()) {
      return 0;
    }
    Money price = line.unitPrice().get();
    if (!price.currency().equals(threshold.get().currency())) {
      throw new RoutingException(
          "line "
              + line.lineId()
              + " is priced in "
              + price.currency()
              + " but the split threshold of profile "
              + profile.label()
              + " is in "
              + threshold.get().currency());
    }
    return Math.multiplyExact(minor(price), line.quantity());
  }

  private static long minor(Money money) {
    int digits = Math.max(0, money.currency().getDefaultFractionDigits());
    BigDecimal scaled = money.amount().movePointRight(digits).setScale(0, RoundingMode.HALF_UP);
    return scaled.longValueExact();
  }
}
