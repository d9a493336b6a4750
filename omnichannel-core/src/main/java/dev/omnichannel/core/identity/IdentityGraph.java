package dev.omnichannel.core.identity;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * The identity graph: customer records from every channel linked into customers with stable ids.
 *
 * <p>Adding a record normalises it, finds candidates through its identifiers and blocking keys,
 * scores each candidate pair (a deterministic rule on a shared strong identifier, otherwise the
 * Fellegi–Sunter {@link MatchModel}) and re-clusters only the connected part of the graph the
 * record touches. Clusters are built from the linked pairs, strongest first, under merge
 * protection: manual cannot-links are never violated, clusters stay within {@link
 * IdentityConfig#maxClusterSize()}, two clusters with different loyalty ids are not joined
 * automatically, and an identifier carried by more than {@link
 * IdentityConfig#maxRecordsPerIdentifier()} records links nothing. Manual must-links always hold.
 * Limits count over the whole set: when an identifier or blocking key passes its limit, the pairs
 * it brought together are scored again, and when a correction brings it back under, they are
 * candidates again. So for a fixed model and rules the clusters depend only on the set of records,
 * not on the order they arrived in.
 *
 * <p>Customer ids are stable: when clusters merge the oldest id survives and the others are
 * recorded as merged into it; when a retracted link or a corrected record splits a cluster, each
 * part keeps or regains the oldest id first issued to one of its records, and a part without one
 * gets a new id. {@link #resolve(CustomerId)} turns any id ever issued into the current one.
 *
 * <p>Thread-safe: every method locks the graph. Time comes from the injected {@link Clock} only.
 *
 * @since 0.1.0
 */
public final class IdentityGraph {
  private static final byte RULE = 0;
  private static final byte LINK = 1;
  private static final byte REVIEW = 2;
  private static final long[] NO_IDS = new long[0];

  /** One record in the graph. */
  private static final class Node {
    final int index;
    final RecordKey key;
    CustomerRecord record;
    NormalizedRecord norm;
    long[] strong;
    long[] blocks;
    final ArrayList<Edge> edges = new ArrayList<>(2);
    long customer;
    long[] anchored = NO_IDS;

    Node(int index, CustomerRecord record, NormalizedRecord norm) {
      this.index = index;
      this.key = norm.key;
      this.record = record;
      this.norm = norm;
      this.strong = norm.strongKeys;
      this.blocks = norm.blockKeys;
    }

    @Nullable Edge edgeTo(int other) {
      for (Edge e : edges) {
        if (e.other == other) {
          return e;
        }
      }
      return null;
    }
  }

  /** A scored pair worth keeping: a link or a pair for review. */
  private static final class Edge {
    final int other;
    final double weight;
    final byte kind;

    Edge(int other, double weight, byte kind) {
      this.other = other;
      this.weight = weight;
      this.kind = kind;
    }

    boolean links() {
      return kind != REVIEW;
    }
  }

  private final IdentityConfig config;
  private MatchModel model;
  private final Clock clock;
  private final Normalizer normalizer;
  private final double linkWeight;
  private final double reviewWeight;
  private final ArrayList<Node> nodes = new ArrayList<>();
  private final Map<RecordKey, Integer> byKey = new HashMap<>();
  private final KeyIndex index = new KeyIndex();
  private final Map<Long, int[]> live = new HashMap<>();
  private final Map<Long, Integer> anchorOf = new HashMap<>();
  private final Map<Long, Long> mergedInto = new HashMap<>();
  private final List<IdentityChange> history = new ArrayList<>();
  private final Map<Integer, Set<Integer>> mustLink = new HashMap<>();
  private final Map<Integer, Set<Integer>> cannotLink = new HashMap<>();
  private long nextId = 1;

  private IdentityGraph(IdentityConfig config, MatchModel model, Clock clock) {
    this.config = config;
    this.model = model;
    this.clock = clock;
    this.normalizer = new Normalizer(config);
    this.linkWeight = MatchModel.weightOf(config.linkProbability());
    this.reviewWeight = MatchModel.weightOf(config.reviewProbability());
  }

  /** Returns a builder for an empty graph. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Resolves a batch: estimates the match model from the records themselves by
   * expectation-maximisation (no labels), then links them all. Records with a key seen before in
   * the batch are corrections of it. Uses the common fork-join pool for the parallel parts; the
   * result does not depend on it.
   *
   * @return a graph holding the records, ready for incremental adds with the estimated model
   */
  public static IdentityGraph batch(
      Collection<CustomerRecord> records, IdentityConfig config, Clock clock) {
    checkNotNull(records, "records must not be null");
    checkNotNull(config, "config must not be null");
    checkNotNull(clock, "clock must not be null");
    List<CustomerRecord> list = List.copyOf(records);
    IdentityGraph graph = new IdentityGraph(config, MatchModel.defaults(), clock);
    NormalizedRecord[] norms = normalizeAll(graph.normalizer, list);
    List<Integer> corrections = graph.insertAll(list, norms);
    graph.model = graph.estimateModel();
    graph.linkAll();
    for (int r : corrections) {
      graph.add(list.get(r));
    }
    return graph;
  }

  /**
   * Estimates a match model from records by expectation-maximisation over their blocked candidate
   * pairs, without labels. Deterministic for a given config (its seed picks the sample when there
   * are more than {@link IdentityConfig#emMaxPairs()} candidate pairs).
   */
  public static MatchModel estimate(Collection<CustomerRecord> records, IdentityConfig config) {
    List<CustomerRecord> list = List.copyOf(records);
    IdentityGraph probe = new IdentityGraph(config, MatchModel.defaults(), Clock.systemUTC());
    probe.insertAll(list, normalizeAll(probe.normalizer, list));
    return probe.estimateModel();
  }

  private static NormalizedRecord[] normalizeAll(Normalizer normalizer, List<CustomerRecord> list) {
    NormalizedRecord[] norms = new NormalizedRecord[list.size()];
    IntStream.range(0, list.size())
        .parallel()
        .forEach(i -> norms[i] = normalizer.normalize(list.get(i)));
    return norms;
  }

  /** Estimates the model from this graph's candidate pairs (before any linking). */
  private MatchModel estimateModel() {
    int n = nodes.size();
    // Visit records in a seeded random order until enough candidate pairs are collected.
    int[] order = IntStream.range(0, n).toArray();
    java.util.Random random = new java.util.Random(config.seed());
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int max = config.emMaxPairs();
    int[] left = new int[max];
    int[] right = new int[max];
    int count = 0;
    Set<Long> seenPairs = new HashSet<>();
    // Candidates are looked up in parallel chunks and taken in the seeded order: deterministic.
    int chunk = 4096;
    for (int start = 0; start < n && count < max; start += chunk) {
      int from = start;
      int[][] found = new int[Math.min(n, start + chunk) - start][];
      IntStream.range(0, found.length)
          .parallel()
          .forEach(k -> found[k] = candidates(order[from + k], false));
      for (int k = 0; k < found.length && count < max; k++) {
        int i = order[from + k];
        for (int c : found[k]) {
          if (count == max) {
            break;
          }
          int j = c >>> 1;
          long pair = i < j ? ((long) i << 32) | j : ((long) j << 32) | i;
          if (seenPairs.add(pair)) {
            left[count] = i;
            right[count] = j;
            count++;
          }
        }
      }
    }
    long[] vectors = new long[count];
    IntStream.range(0, count)
        .parallel()
        .forEach(
            k ->
                vectors[k] = Comparison.compare(nodes.get(left[k]).norm, nodes.get(right[k]).norm));
    return MatchModel.estimate(vectors, config.emIterations());
  }

  /** Returns the rules the graph links by. */
  public IdentityConfig config() {
    return config;
  }

  /** Returns the match model the graph scores pairs with. */
  public synchronized MatchModel model() {
    return model;
  }

  /** Returns the number of records in the graph. */
  public synchronized int size() {
    return nodes.size();
  }

  /** Returns the number of customers (clusters) in the graph. */
  public synchronized int customerCount() {
    return live.size();
  }

  // ---------------------------------------------------------------- adding and correcting

  /**
   * Adds a record, or corrects the record with the same key, and links it into the graph without
   * re-running the batch. A correction that removes the evidence of a link splits the cluster.
   *
   * @return the customer the record belongs to now and the customers merged into it
   */
  public synchronized Resolution add(CustomerRecord record) {
    checkNotNull(record, "record must not be null");
    NormalizedRecord norm = normalizer.normalize(record);
    Integer existing = byKey.get(record.key());
    TreeSet<Integer> seeds = new TreeSet<>();
    Set<Long> before;
    int i;
    if (existing != null) {
      i = existing;
      Node node = nodes.get(i);
      before = liveIdsAround(List.of(i));
      detach(node, seeds);
      node.record = record;
      node.norm = norm;
      node.strong = norm.strongKeys;
      node.blocks = norm.blockKeys;
      indexKeys(node, seeds);
    } else {
      before = Set.of();
      i = insertNode(record.key(), record, norm);
      indexKeys(nodes.get(i), seeds);
    }
    seeds.add(i);
    for (int c : candidates(i, false)) {
      int j = c >>> 1;
      Edge e = score(j, norm, nodes.get(j).norm, (c & 1) != 0);
      if (e != null) {
        putEdge(i, j, e.weight, e.kind);
        seeds.add(j);
      }
    }
    Set<Long> touched = new TreeSet<>(before);
    for (int s : seeds) {
      if (nodes.get(s).customer != 0) {
        touched.add(nodes.get(s).customer);
      }
    }
    recluster(seeds);
    long customer = nodes.get(i).customer;
    ImmutableList.Builder<CustomerId> merged = ImmutableList.builder();
    for (long id : touched) {
      if (id != customer
          && !live.containsKey(id)
          && Long.valueOf(customer).equals(mergedInto.get(id))) {
        merged.add(CustomerId.of(id));
      }
    }
    return new Resolution(record.key(), CustomerId.of(customer), merged.build());
  }

  /**
   * Adds many records. On an empty graph this is the batch path (parallel scoring, one clustering
   * pass) and gives the same clusters as adding the records one by one.
   */
  public synchronized void addAll(Collection<CustomerRecord> records) {
    checkNotNull(records, "records must not be null");
    List<CustomerRecord> list = List.copyOf(records);
    if (nodes.isEmpty()) {
      List<Integer> corrections = insertAll(list, normalizeAll(normalizer, list));
      linkAll();
      for (int r : corrections) {
        add(list.get(r));
      }
    } else {
      for (CustomerRecord r : list) {
        add(r);
      }
    }
  }

  private Set<Long> liveIdsAround(List<Integer> records) {
    Set<Long> ids = new TreeSet<>();
    for (int r : records) {
      ids.add(nodes.get(r).customer);
    }
    return ids;
  }

  private int insertNode(RecordKey key, CustomerRecord record, NormalizedRecord norm) {
    int i = nodes.size();
    nodes.add(new Node(i, record, norm));
    byKey.put(key, i);
    return i;
  }

  /** Indexes the node's keys; a key growing past its limit re-evaluates the pairs it brought. */
  private void indexKeys(Node node, Set<Integer> seeds) {
    for (long k : node.strong) {
      int b = index.add(k, true, node.index);
      if (index.size(b) == limit(b) + 1) {
        onSaturated(b, k, node.index, seeds);
      }
    }
    for (long k : node.blocks) {
      int b = index.add(k, false, node.index);
      if (index.size(b) == limit(b) + 1) {
        onSaturated(b, k, node.index, seeds);
      }
    }
  }

  /** Removes the node's edges and keys, keeping it in the graph (for a correction). */
  private void detach(Node node, Set<Integer> seeds) {
    for (Edge e : List.copyOf(node.edges)) {
      removeEdge(node.index, e.other);
      seeds.add(e.other);
    }
    for (long k : node.strong) {
      int b = index.remove(k, node.index);
      if (b >= 0 && index.size(b) == limit(b)) {
        onUnsaturated(b, seeds);
      }
    }
    for (long k : node.blocks) {
      int b = index.remove(k, node.index);
      if (b >= 0 && index.size(b) == limit(b)) {
        onUnsaturated(b, seeds);
      }
    }
  }

  private int limit(int bucket) {
    return index.strong(bucket) ? config.maxRecordsPerIdentifier() : config.maxBlockSize();
  }

  private boolean isSaturated(int bucket) {
    return bucket < 0 || index.size(bucket) > limit(bucket);
  }

  /** A key just went past its limit: pairs that were linked through it are scored again. */
  private void onSaturated(int bucket, long key, int newcomer, Set<Integer> seeds) {
    for (int x : index.members(bucket)) {
      if (x == newcomer) {
        continue;
      }
      for (Edge e : List.copyOf(nodes.get(x).edges)) {
        int y = e.other;
        if (y > x && y != newcomer && carries(nodes.get(y), key)) {
          rescore(x, y, seeds);
        }
      }
    }
  }

  /** A key came back under its limit: its pairs are candidates again. */
  private void onUnsaturated(int bucket, Set<Integer> seeds) {
    int[] members = index.members(bucket);
    for (int p = 0; p < members.length; p++) {
      for (int q = p + 1; q < members.length; q++) {
        rescore(members[p], members[q], seeds);
      }
    }
  }

  private void rescore(int x, int y, Set<Integer> seeds) {
    Edge old = nodes.get(x).edgeTo(y);
    Edge now = evaluate(x, y);
    if (old == null && now == null) {
      return;
    }
    if (old != null) {
      removeEdge(x, y);
    }
    if (now != null) {
      putEdge(x, y, now.weight, now.kind);
    }
    seeds.add(x);
    seeds.add(y);
  }

  private static boolean carries(Node node, long key) {
    return Arrays.binarySearch(node.strong, key) >= 0 || Arrays.binarySearch(node.blocks, key) >= 0;
  }

  private void putEdge(int x, int y, double weight, byte kind) {
    nodes.get(x).edges.add(new Edge(y, weight, kind));
    nodes.get(y).edges.add(new Edge(x, weight, kind));
  }

  private void removeEdge(int x, int y) {
    nodes.get(x).edges.removeIf(e -> e.other == y);
    nodes.get(y).edges.removeIf(e -> e.other == x);
  }

  /**
   * Returns the records sharing an active key with record {@code i}, sorted, without repeats, each
   * as {@code j << 1}, plus one when a shared active key is a strong identifier: then a rule may
   * fire, and the pair needs no second look at the keys.
   */
  private int[] candidates(int i, boolean greaterOnly) {
    Node node = nodes.get(i);
    int[] out = new int[16];
    int n = 0;
    for (int pass = 0; pass < 2; pass++) {
      for (long k : pass == 0 ? node.strong : node.blocks) {
        int b = index.bucket(k);
        if (isSaturated(b)) {
          continue;
        }
        int size = index.size(b);
        for (int m = 0; m < size; m++) {
          int j = index.member(b, m);
          if (j != i && (!greaterOnly || j > i)) {
            if (n == out.length) {
              out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = (j << 1) | (1 - pass);
          }
        }
      }
    }
    Arrays.sort(out, 0, n);
    int unique = 0;
    for (int p = 0; p < n; p++) {
      if (unique == 0 || out[unique - 1] >>> 1 != out[p] >>> 1) {
        out[unique++] = out[p];
      } else {
        out[unique - 1] |= out[p];
      }
    }
    return Arrays.copyOf(out, unique);
  }

  private boolean sharesActiveKey(Node x, Node y) {
    return sharesActiveKey(x.strong, y.strong) || sharesActiveKey(x.blocks, y.blocks);
  }

  private boolean sharesActiveKey(long[] a, long[] b) {
    int p = 0;
    int q = 0;
    while (p < a.length && q < b.length) {
      if (a[p] < b[q]) {
        p++;
      } else if (a[p] > b[q]) {
        q++;
      } else {
        if (!isSaturated(index.bucket(a[p]))) {
          return true;
        }
        p++;
        q++;
      }
    }
    return false;
  }

  /** Returns the deterministic rule linking two records, if one fires. */
  private @Nullable String rule(NormalizedRecord a, NormalizedRecord b) {
    if (sharedActive(a.emails, b.emails, "E|")) {
      return "same email";
    }
    if (sharedActive(a.phones, b.phones, "P|")) {
      return "same phone";
    }
    if (sharedActive(a.loyaltyIds, b.loyaltyIds, "L|")) {
      return "same loyalty id";
    }
    if (sharedActive(a.scopedIds, b.scopedIds, "S|")) {
      return "same channel-scoped id";
    }
    return null;
  }

  private boolean sharedActive(String[] a, String[] b, String kind) {
    if (a.length == 0 || b.length == 0) {
      return false;
    }
    for (String v : a) {
      if (Arrays.binarySearch(b, v) >= 0
          && !isSaturated(index.bucket(KeyIndex.fingerprint(kind + v)))) {
        return true;
      }
    }
    return false;
  }

  /** Scores a pair; returns the edge to keep, or null when the pair stays apart. */
  private @Nullable Edge evaluate(int i, int j) {
    Node x = nodes.get(i);
    Node y = nodes.get(j);
    // Only a shared strong key can fire a rule: check the fingerprints before the values.
    boolean strongShared = sharesActiveKey(x.strong, y.strong);
    if (!strongShared && !sharesActiveKey(x.blocks, y.blocks)) {
      return null;
    }
    return score(j, x.norm, y.norm, strongShared);
  }

  /**
   * Scores a pair that shares an active key; {@code strongKey} says whether one of the shared keys
   * is a strong identifier (otherwise no rule can fire). Returns the edge to keep, towards {@code
   * j}, or null when the pair stays apart.
   */
  private @Nullable Edge score(int j, NormalizedRecord x, NormalizedRecord y, boolean strongKey) {
    String rule = strongKey ? rule(x, y) : null;
    if (rule != null) {
      return new Edge(j, model.score(Comparison.compare(x, y)), RULE);
    }
    // Without a rule only a pair scoring at least the review bar is kept: stop comparing as soon
    // as it cannot get there.
    long vector = Comparison.compareAtLeast(x, y, model, reviewWeight);
    if (vector == Comparison.BELOW) {
      return null;
    }
    double weight = model.score(vector);
    if (weight >= linkWeight) {
      return new Edge(j, weight, LINK);
    }
    if (weight >= reviewWeight) {
      return new Edge(j, weight, REVIEW);
    }
    return null;
  }

  // ---------------------------------------------------------------- batch

  /**
   * Inserts and indexes the records of a batch into the empty graph, without linking; returns the
   * positions of records whose key came earlier in the batch (corrections, added afterwards).
   */
  private List<Integer> insertAll(List<CustomerRecord> list, NormalizedRecord[] norms) {
    checkArgument(nodes.isEmpty(), "the batch path needs an empty graph");
    List<Integer> corrections = new ArrayList<>();
    for (int r = 0; r < list.size(); r++) {
      RecordKey key = list.get(r).key();
      if (byKey.containsKey(key)) {
        corrections.add(r);
      } else {
        insertNode(key, list.get(r), norms[r]);
      }
    }
    indexAll();
    return corrections;
  }

  /** Links the inserted batch: parallel scoring, then one clustering pass per component. */
  private void linkAll() {
    int n = nodes.size();
    // The normalised records side by side: scoring reads nothing else of a candidate.
    NormalizedRecord[] norms = new NormalizedRecord[n];
    for (int i = 0; i < n; i++) {
      norms[i] = nodes.get(i).norm;
    }
    Edge[][] found = new Edge[n][];
    IntStream.range(0, n)
        .parallel()
        .forEach(
            i -> {
              int[] cands = candidates(i, true);
              Edge[] edges = new Edge[cands.length];
              int k = 0;
              for (int c : cands) {
                int j = c >>> 1;
                Edge e = score(j, norms[i], norms[j], (c & 1) != 0);
                if (e != null) {
                  edges[k++] = e;
                }
              }
              found[i] = Arrays.copyOf(edges, k);
            });
    int[] parent = IntStream.range(0, n).toArray();
    for (int i = 0; i < n; i++) {
      for (Edge e : found[i]) {
        putEdge(i, e.other, e.weight, e.kind);
        if (e.links()) {
          union(parent, i, e.other);
        }
      }
    }
    // Components in order of their first record; each clustered on its own.
    Map<Integer, List<Integer>> components = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      components.computeIfAbsent(find(parent, i), r -> new ArrayList<>()).add(i);
    }
    List<List<Integer>> comps = new ArrayList<>(components.values());
    List<List<List<Integer>>> parts = new ArrayList<>(comps.size());
    for (int c = 0; c < comps.size(); c++) {
      parts.add(List.of());
    }
    IntStream.range(0, comps.size()).parallel().forEach(c -> parts.set(c, greedy(comps.get(c))));
    for (List<List<Integer>> componentParts : parts) {
      assignIds(componentParts);
    }
  }

  private void indexAll() {
    for (Node node : nodes) {
      for (long k : node.strong) {
        index.add(k, true, node.index);
      }
      for (long k : node.blocks) {
        index.add(k, false, node.index);
      }
    }
  }

  private static int find(int[] parent, int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }

  // ---------------------------------------------------------------- clustering

  /** Re-clusters the connected parts of the graph that hold the seeds. */
  private void recluster(Set<Integer> seeds) {
    Set<Integer> visited = new HashSet<>();
    for (int seed : seeds) {
      if (visited.contains(seed)) {
        continue;
      }
      List<Integer> component = new ArrayList<>();
      ArrayDeque<Integer> queue = new ArrayDeque<>();
      queue.add(seed);
      visited.add(seed);
      while (!queue.isEmpty()) {
        int x = queue.poll();
        component.add(x);
        for (Edge e : nodes.get(x).edges) {
          if (e.links() && visited.add(e.other)) {
            queue.add(e.other);
          }
        }
        for (int y : mustLink.getOrDefault(x, Set.of())) {
          if (visited.add(y)) {
            queue.add(y);
          }
        }
      }
      component.sort(null);
      assignIds(greedy(component));
    }
  }

  /**
   * Clusters one connected component: must-links first, then deterministic links, then
   * probabilistic links by falling weight (ties by record key), each accepted unless it breaks
   * merge protection. Depends only on the component's records, edges and assertions.
   */
  private List<List<Integer>> greedy(List<Integer> component) {
    if (component.size() == 1) {
      return List.of(component);
    }
    return greedy(component, null);
  }

  /**
   * Clusters one component as described above; when {@code accepted} is given, also collects the
   * pairs (record indexes) whose link joined two clusters.
   */
  private List<List<Integer>> greedy(List<Integer> component, @Nullable List<int[]> accepted) {
    int size = component.size();
    Map<Integer, Integer> local = new HashMap<>(size * 2);
    for (int p = 0; p < size; p++) {
      local.put(component.get(p), p);
    }
    List<long[]> edges = new ArrayList<>();
    List<double[]> weights = new ArrayList<>();
    for (int p = 0; p < size; p++) {
      int x = component.get(p);
      Node nx = nodes.get(x);
      for (Edge e : nx.edges) {
        if (e.links() && nx.key.compareTo(nodes.get(e.other).key) < 0) {
          Integer q = local.get(e.other);
          if (q != null) {
            edges.add(new long[] {e.kind == RULE ? 1 : 2, p, q});
            weights.add(new double[] {e.weight});
          }
        }
      }
      for (int y : mustLink.getOrDefault(x, Set.of())) {
        Integer q = local.get(y);
        if (q != null && nx.key.compareTo(nodes.get(y).key) < 0) {
          edges.add(new long[] {0, p, q});
          weights.add(new double[] {Double.POSITIVE_INFINITY});
        }
      }
    }
    Integer[] order = new Integer[edges.size()];
    for (int k = 0; k < order.length; k++) {
      order[k] = k;
    }
    Arrays.sort(
        order,
        (a, b) -> {
          long[] ea = edges.get(a);
          long[] eb = edges.get(b);
          int c = Long.compare(ea[0], eb[0]);
          if (c != 0) {
            return c;
          }
          c = Double.compare(weights.get(b)[0], weights.get(a)[0]);
          if (c != 0) {
            return c;
          }
          c = key(component, ea[1]).compareTo(key(component, eb[1]));
          return c != 0 ? c : key(component, ea[2]).compareTo(key(component, eb[2]));
        });
    int[] parent = new int[size];
    List<List<Integer>> members = new ArrayList<>(size);
    List<TreeSet<String>> loyalty = new ArrayList<>(size);
    for (int p = 0; p < size; p++) {
      parent[p] = p;
      members.add(new ArrayList<>(List.of(p)));
      loyalty.add(new TreeSet<>(Arrays.asList(nodes.get(component.get(p)).norm.loyaltyIds)));
    }
    for (Integer k : order) {
      long[] e = edges.get(k);
      int ra = find(parent, (int) e[1]);
      int rb = find(parent, (int) e[2]);
      if (ra == rb) {
        continue;
      }
      if (e[0] != 0) {
        if (members.get(ra).size() + members.get(rb).size() > config.maxClusterSize()) {
          continue;
        }
        if (!loyalty.get(ra).isEmpty()
            && !loyalty.get(rb).isEmpty()
            && disjoint(loyalty.get(ra), loyalty.get(rb))) {
          continue;
        }
        if (cannotLinkBetween(component, local, parent, members.get(ra), rb)
            || cannotLinkBetween(component, local, parent, members.get(rb), ra)) {
          continue;
        }
      }
      int keep = members.get(ra).size() >= members.get(rb).size() ? ra : rb;
      int gone = keep == ra ? rb : ra;
      parent[gone] = keep;
      if (accepted != null) {
        accepted.add(new int[] {component.get((int) e[1]), component.get((int) e[2])});
      }
      members.get(keep).addAll(members.get(gone));
      members.set(gone, List.of());
      loyalty.get(keep).addAll(loyalty.get(gone));
      loyalty.set(gone, new TreeSet<>());
    }
    List<List<Integer>> parts = new ArrayList<>();
    for (int p = 0; p < size; p++) {
      if (parent[p] == p) {
        List<Integer> part = new ArrayList<>();
        for (int q : members.get(p)) {
          part.add(component.get(q));
        }
        part.sort(null);
        parts.add(part);
      }
    }
    return parts;
  }

  private RecordKey key(List<Integer> component, long local) {
    return nodes.get(component.get((int) local)).key;
  }

  private static boolean disjoint(Set<String> a, Set<String> b) {
    for (String s : a) {
      if (b.contains(s)) {
        return false;
      }
    }
    return true;
  }

  private boolean cannotLinkBetween(
      List<Integer> component,
      Map<Integer, Integer> local,
      int[] parent,
      List<Integer> side,
      int otherRoot) {
    for (int p : side) {
      for (int y : cannotLink.getOrDefault(component.get(p), Set.of())) {
        Integer q = local.get(y);
        if (q != null && find(parent, q) == otherRoot) {
          return true;
        }
      }
    }
    return false;
  }

  /** Gives every part of a re-clustered component its customer id; see the class comment. */
  private void assignIds(List<List<Integer>> parts) {
    if (parts.size() == 1 && parts.get(0).size() == 1) {
      Node only = nodes.get(parts.get(0).get(0));
      if (only.anchored.length == 0) {
        // A record on its own that never had an id: the common case of a batch.
        long id = nextId++;
        only.anchored = new long[] {id};
        only.customer = id;
        anchorOf.put(id, only.index);
        live.put(id, new int[] {only.index});
        return;
      }
    }
    Map<Long, Boolean> wasLive = new TreeMap<>();
    for (List<Integer> part : parts) {
      for (int x : part) {
        for (long id : nodes.get(x).anchored) {
          wasLive.put(id, live.containsKey(id));
        }
      }
    }
    for (List<Integer> part : parts) {
      long survivor = Long.MAX_VALUE;
      for (int x : part) {
        for (long id : nodes.get(x).anchored) {
          survivor = Math.min(survivor, id);
        }
      }
      if (survivor == Long.MAX_VALUE) {
        int anchor = part.get(0);
        for (int x : part) {
          if (nodes.get(x).key.compareTo(nodes.get(anchor).key) < 0) {
            anchor = x;
          }
        }
        survivor = nextId++;
        Node a = nodes.get(anchor);
        a.anchored = Arrays.copyOf(a.anchored, a.anchored.length + 1);
        a.anchored[a.anchored.length - 1] = survivor;
        anchorOf.put(survivor, anchor);
        wasLive.put(survivor, true);
      } else if (!wasLive.getOrDefault(survivor, true)) {
        Long from = mergedInto.remove(survivor);
        if (from != null) {
          history.add(
              new IdentityChange(
                  IdentityChange.Kind.SPLIT,
                  CustomerId.of(survivor),
                  CustomerId.of(from),
                  clock.instant()));
        }
      }
      int[] sorted = new int[part.size()];
      for (int k = 0; k < sorted.length; k++) {
        sorted[k] = part.get(k);
        nodes.get(sorted[k]).customer = survivor;
      }
      live.put(survivor, sorted);
      for (int x : part) {
        for (long id : nodes.get(x).anchored) {
          if (id != survivor) {
            live.remove(id);
            mergedInto.put(id, survivor);
            if (wasLive.getOrDefault(id, false)) {
              history.add(
                  new IdentityChange(
                      IdentityChange.Kind.MERGED,
                      CustomerId.of(id),
                      CustomerId.of(survivor),
                      clock.instant()));
            }
          }
        }
      }
    }
  }

  // ---------------------------------------------------------------- manual assertions

  /**
   * Asserts that two records are the same customer. The must-link holds from now on, whatever the
   * matching says, until withdrawn.
   *
   * @return accepted, or rejected when it would join records asserted to be different
   * @throws IllegalArgumentException if a record is not in the graph
   */
  public synchronized AssertionResult assertSame(RecordKey a, RecordKey b) {
    int x = indexOf(a);
    int y = indexOf(b);
    if (x == y) {
      return AssertionResult.ok();
    }
    Set<Integer> group = mustLinkGroup(x);
    group.addAll(mustLinkGroup(y));
    for (int g : group) {
      for (int c : cannotLink.getOrDefault(g, Set.of())) {
        if (group.contains(c)) {
          return AssertionResult.rejected(
              "must-link "
                  + a
                  + " = "
                  + b
                  + " would join "
                  + nodes.get(g).key
                  + " and "
                  + nodes.get(c).key
                  + ", asserted to be different");
        }
      }
    }
    mustLink.computeIfAbsent(x, k -> new HashSet<>()).add(y);
    mustLink.computeIfAbsent(y, k -> new HashSet<>()).add(x);
    recluster(new TreeSet<>(List.of(x, y)));
    return AssertionResult.ok();
  }

  /**
   * Asserts that two records are different customers; this is also how a wrong link is retracted.
   * The cannot-link holds from now on, until withdrawn, and splits their cluster if needed.
   *
   * @return accepted, or rejected when the records are the same record or must-linked
   * @throws IllegalArgumentException if a record is not in the graph
   */
  public synchronized AssertionResult assertDifferent(RecordKey a, RecordKey b) {
    int x = indexOf(a);
    int y = indexOf(b);
    if (x == y) {
      return AssertionResult.rejected("a record cannot differ from itself: " + a);
    }
    if (mustLinkGroup(x).contains(y)) {
      return AssertionResult.rejected(
          "cannot-link " + a + " != " + b + " contradicts must-links between them");
    }
    cannotLink.computeIfAbsent(x, k -> new HashSet<>()).add(y);
    cannotLink.computeIfAbsent(y, k -> new HashSet<>()).add(x);
    recluster(new TreeSet<>(List.of(x, y)));
    return AssertionResult.ok();
  }

  /**
   * Withdraws a must-link or cannot-link between two records, leaving them to the matching again.
   *
   * @return whether there was an assertion to withdraw
   */
  public synchronized boolean withdrawAssertion(RecordKey a, RecordKey b) {
    int x = indexOf(a);
    int y = indexOf(b);
    // Both kinds are withdrawn: no short circuit.
    boolean removedMustLink = removeAssertion(mustLink, x, y);
    boolean removedCannotLink = removeAssertion(cannotLink, x, y);
    if (removedMustLink || removedCannotLink) {
      recluster(new TreeSet<>(List.of(x, y)));
    }
    return removedMustLink || removedCannotLink;
  }

  private static boolean removeAssertion(Map<Integer, Set<Integer>> map, int x, int y) {
    Set<Integer> sx = map.get(x);
    Set<Integer> sy = map.get(y);
    boolean removed = sx != null && sx.remove(y);
    if (sy != null) {
      sy.remove(x);
    }
    return removed;
  }

  private Set<Integer> mustLinkGroup(int x) {
    Set<Integer> group = new HashSet<>();
    ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(x));
    group.add(x);
    while (!queue.isEmpty()) {
      for (int y : mustLink.getOrDefault(queue.poll(), Set.of())) {
        if (group.add(y)) {
          queue.add(y);
        }
      }
    }
    return group;
  }

  private int indexOf(RecordKey key) {
    checkNotNull(key, "key must not be null");
    Integer i = byKey.get(key);
    checkArgument(i != null, "no record %s in the graph", key);
    return i;
  }

  // ---------------------------------------------------------------- queries

  /** Returns the customer the record belongs to, or empty if the record is unknown. */
  public synchronized Optional<CustomerId> customerOf(RecordKey key) {
    Integer i = byKey.get(key);
    return i == null ? Optional.empty() : Optional.of(CustomerId.of(nodes.get(i).customer));
  }

  /**
   * Returns the current id of a customer id ever issued by this graph: itself while it is a
   * customer of its own, otherwise the customer its first record belongs to now (after a merge, the
   * survivor). Empty only for ids this graph never issued.
   */
  public synchronized Optional<CustomerId> resolve(CustomerId id) {
    if (live.containsKey(id.value())) {
      return Optional.of(id);
    }
    Integer anchor = anchorOf.get(id.value());
    return anchor == null
        ? Optional.empty()
        : Optional.of(CustomerId.of(nodes.get(anchor).customer));
  }

  /** Returns the id a merged customer id was merged into, if it was. */
  public synchronized Optional<CustomerId> mergedInto(CustomerId id) {
    Long survivor = mergedInto.get(id.value());
    return survivor == null ? Optional.empty() : Optional.of(CustomerId.of(survivor));
  }

  /** Returns the records of the customer (after resolving the id), sorted by key. */
  public synchronized ImmutableList<RecordKey> records(CustomerId id) {
    Optional<CustomerId> current = resolve(id);
    if (current.isEmpty()) {
      return ImmutableList.of();
    }
    return keysOf(live.getOrDefault(current.get().value(), new int[0]));
  }

  private ImmutableList<RecordKey> keysOf(int[] members) {
    List<RecordKey> keys = new ArrayList<>(members.length);
    for (int m : members) {
      keys.add(nodes.get(m).key);
    }
    keys.sort(null);
    return ImmutableList.copyOf(keys);
  }

  /** Returns the ids of all current customers, in increasing order. */
  public synchronized ImmutableSortedSet<CustomerId> customers() {
    ImmutableSortedSet.Builder<CustomerId> ids = ImmutableSortedSet.naturalOrder();
    for (long id : live.keySet()) {
      ids.add(CustomerId.of(id));
    }
    return ids.build();
  }

  /**
   * Returns the clusters as sets of record keys, ordered by their smallest key: the graph's
   * partition without its ids, for comparing graphs.
   */
  public synchronized ImmutableList<ImmutableSortedSet<RecordKey>> clusters() {
    List<ImmutableSortedSet<RecordKey>> out = new ArrayList<>(live.size());
    for (int[] members : live.values()) {
      out.add(ImmutableSortedSet.copyOf(keysOf(members)));
    }
    out.sort((a, b) -> a.first().compareTo(b.first()));
    return ImmutableList.copyOf(out);
  }

  /** Returns the record stored under {@code key}, if any. */
  public synchronized Optional<CustomerRecord> record(RecordKey key) {
    Integer i = byKey.get(key);
    return i == null ? Optional.empty() : Optional.of(nodes.get(i).record);
  }

  /** Returns the history of merges and splits, oldest first. */
  public synchronized ImmutableList<IdentityChange> history() {
    return ImmutableList.copyOf(history);
  }

  /**
   * Explains how two records compare: the rule that fires, or the field weights and the total.
   *
   * @throws IllegalArgumentException if a record is not in the graph
   */
  public synchronized LinkExplanation explain(RecordKey a, RecordKey b) {
    int x = indexOf(a);
    int y = indexOf(b);
    return explain(x, y);
  }

  private LinkExplanation explain(int x, int y) {
    Node nx = nodes.get(x);
    Node ny = nodes.get(y);
    long vector = Comparison.compare(nx.norm, ny.norm);
    ImmutableList.Builder<FieldWeight> fields = ImmutableList.builder();
    for (Field f : Field.ALL) {
      AgreementLevel level = AgreementLevel.ofCode(Comparison.level(vector, f));
      fields.add(new FieldWeight(f, level, model.weight(f, level)));
    }
    double score = model.score(vector);
    String rule = x == y ? null : rule(nx.norm, ny.norm);
    boolean compared = rule != null || sharesActiveKey(nx, ny);
    if (mustLinkGroup(x).contains(y) && x != y) {
      rule = "manual must-link";
    }
    MatchDecision decision;
    if (rule != null) {
      decision = MatchDecision.LINK;
    } else if (!compared || score < reviewWeight) {
      decision = MatchDecision.APART;
    } else {
      decision = score >= linkWeight ? MatchDecision.LINK : MatchDecision.REVIEW;
    }
    if (cannotLink.getOrDefault(x, Set.of()).contains(y)) {
      decision = MatchDecision.APART;
      rule = "manual cannot-link";
    }
    return new LinkExplanation(
        nx.key,
        ny.key,
        decision,
        Optional.ofNullable(rule),
        fields.build(),
        model.priorWeight(),
        score,
        MatchModel.probability(score),
        compared);
  }

  /**
   * Returns the links that hold the customer's records together, each explained, strongest first:
   * the spanning links the clustering accepted.
   */
  public synchronized ImmutableList<LinkExplanation> links(CustomerId id) {
    Optional<CustomerId> current = resolve(id);
    if (current.isEmpty()) {
      return ImmutableList.of();
    }
    int[] members = live.getOrDefault(current.get().value(), new int[0]);
    List<Integer> cluster = new ArrayList<>();
    for (int m : members) {
      cluster.add(m);
    }
    // Re-running the clustering on the cluster alone accepts exactly the links it accepted.
    ImmutableList.Builder<LinkExplanation> out = ImmutableList.builder();
    for (int[] pair : acceptedLinks(cluster)) {
      out.add(explain(pair[0], pair[1]));
    }
    return out.build();
  }

  private List<int[]> acceptedLinks(List<Integer> cluster) {
    List<int[]> accepted = new ArrayList<>();
    List<Integer> sorted = new ArrayList<>(cluster);
    sorted.sort(null);
    greedy(sorted, accepted);
    return accepted;
  }

  /**
   * Returns the pairs waiting for clerical review: scored between the review and the link bar, or
   * linked by the matching but kept apart by merge protection, and not in one customer. Ordered by
   * record keys.
   */
  public synchronized ImmutableList<LinkExplanation> reviewQueue() {
    List<int[]> pairs = new ArrayList<>();
    for (Node x : nodes) {
      for (Edge e : x.edges) {
        Node y = nodes.get(e.other);
        if (x.key.compareTo(y.key) < 0
            && x.customer != y.customer
            && !cannotLink.getOrDefault(x.index, Set.of()).contains(y.index)) {
          pairs.add(new int[] {x.index, y.index});
        }
      }
    }
    pairs.sort(
        (a, b) -> {
          int c = nodes.get(a[0]).key.compareTo(nodes.get(b[0]).key);
          return c != 0 ? c : nodes.get(a[1]).key.compareTo(nodes.get(b[1]).key);
        });
    ImmutableList.Builder<LinkExplanation> out = ImmutableList.builder();
    for (int[] p : pairs) {
      out.add(explain(p[0], p[1]));
    }
    return out.build();
  }

  /** Returns the golden record of the customer (after resolving the id), if it exists. */
  public synchronized Optional<GoldenRecord> goldenRecord(CustomerId id) {
    Optional<CustomerId> current = resolve(id);
    if (current.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        Survivor.golden(current.get(), recordsOf(current.get()), normalizer, config));
  }

  /** Returns the cross-channel view of the customer (after resolving the id), if it exists. */
  public synchronized Optional<CustomerView> view(CustomerId id) {
    Optional<CustomerId> current = resolve(id);
    if (current.isEmpty()) {
      return Optional.empty();
    }
    List<CustomerRecord> records = recordsOf(current.get());
    return Optional.of(
        Survivor.view(Survivor.golden(current.get(), records, normalizer, config), records));
  }

  private List<CustomerRecord> recordsOf(CustomerId id) {
    List<CustomerRecord> out = new ArrayList<>();
    for (int m : live.getOrDefault(id.value(), new int[0])) {
      out.add(nodes.get(m).record);
    }
    out.sort((a, b) -> a.key().compareTo(b.key()));
    return out;
  }

  /**
   * Builds an {@link IdentityGraph}.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private IdentityConfig config = IdentityConfig.defaults();
    private MatchModel model = MatchModel.defaults();
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Sets the rules; default {@link IdentityConfig#defaults()}. */
    public Builder config(IdentityConfig config) {
      this.config = checkNotNull(config, "config must not be null");
      return this;
    }

    /**
     * Sets the match model; default {@link MatchModel#defaults()}. Use one {@linkplain
     * IdentityGraph#estimate estimated} from representative records.
     */
    public Builder model(MatchModel model) {
      this.model = checkNotNull(model, "model must not be null");
      return this;
    }

    /** Sets the clock that stamps the history; default the UTC system clock. */
    public Builder clock(Clock clock) {
      this.clock = checkNotNull(clock, "clock must not be null");
      return this;
    }

    /** Returns the empty graph. */
    public IdentityGraph build() {
      return new IdentityGraph(config, model, clock);
    }
  }
}
