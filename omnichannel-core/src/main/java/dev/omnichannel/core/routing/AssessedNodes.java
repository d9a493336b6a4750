package dev.omnichannel.core.routing;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.omnichannel.core.order.OrderLine;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * What an explanation says of every node of the network, kept in arrays until its {@link
 * NodeAssessment}s are asked for. A route call works out everything here; only the assessment
 * objects and the lists of line ids are made later, by {@link #assess}, since many plans are acted
 * on without their explanation ever being read.
 *
 * <p>Holds its own copies of whatever the route call kept in reused arrays, and only arrays that
 * nothing writes after the call: immutable once built, and {@link #assess} may be called from any
 * thread, any number of times.
 */
final class AssessedNodes {
  /** Orders with at most this many items have the items a node holds told by the bits of a long. */
  static final int ITEMS_IN_A_SET = 64;

  static {
    // Exclusion reasons are kept as the bits of a short.
    if (ExclusionReason.values().length > Short.SIZE) {
      throw new AssertionError("more exclusion reasons than bits in a short");
    }
  }

  private final NodeProfile[] nodes;
  private final short[] exclusions;
  private final double[] distanceKm;
  private final int holders;
  private final int[] holder;
  private final long[] standaloneCost;
  private final long @Nullable [] heldSets;
  private final @Nullable ImmutableList<String> @Nullable [] heldLists;
  private final ImmutableList<OrderLine> lines;
  private final int[][] itemLines;
  private final OptionalDouble @Nullable [] scores;

  /**
   * Creates the facts, taking ownership of every array but {@code nodes} and {@code itemLines},
   * which are only read. The nodes that hold something on their own are the first {@code holders}
   * of {@code holder}, ascending; the other arrays of holders are indexed alike.
   *
   * @param nodes the network's nodes in network order
   * @param exclusions per node, the bits (by ordinal) of the reasons it was excluded for
   * @param distanceKm per node, its distance to the ship-to address, {@code NaN} when unknown
   * @param holders how many nodes hold something on their own
   * @param holder per holder, its network index
   * @param standaloneCost per holder, the cost of shipping what it holds from it alone
   * @param heldSets per holder, the bits of the items it holds on its own; null for orders of more
   *     than {@link #ITEMS_IN_A_SET} items, whose holders have {@code heldLists}
   * @param heldLists per holder, the line ids it holds on its own; null for orders of up to {@link
   *     #ITEMS_IN_A_SET} items
   * @param lines the order's lines
   * @param itemLines per item, its lines (indices into {@code lines})
   * @param scores per node, its score; null for profiles that do not score
   */
  AssessedNodes(
      NodeProfile[] nodes,
      short[] exclusions,
      double[] distanceKm,
      int holders,
      int[] holder,
      long[] standaloneCost,
      long @Nullable [] heldSets,
      @Nullable ImmutableList<String> @Nullable [] heldLists,
      ImmutableList<OrderLine> lines,
      int[][] itemLines,
      OptionalDouble @Nullable [] scores) {
    if ((heldSets == null) == (heldLists == null)) {
      throw new IllegalArgumentException("exactly one of heldSets and heldLists");
    }
    this.nodes = nodes;
    this.exclusions = exclusions;
    this.distanceKm = distanceKm;
    this.holders = holders;
    this.holder = holder;
    this.standaloneCost = standaloneCost;
    this.heldSets = heldSets;
    this.heldLists = heldLists;
    this.lines = lines;
    this.itemLines = itemLines;
    this.scores = scores;
  }

  /**
   * Returns every node's assessment, in network order. Nodes holding the same items share one list
   * of their line ids.
   */
  ImmutableList<NodeAssessment> assess() {
    int n = exclusions.length;
    ImmutableList.Builder<NodeAssessment> out = ImmutableList.builderWithExpectedSize(n);
    ImmutableList<String> none = ImmutableList.of();
    long[] sets = heldSets;
    // The lists made so far, by item set, open addressed: a power of two over twice the holders.
    int mask = sets == null ? 0 : Integer.highestOneBit(Math.max(4, holders) * 2 - 1) * 2 - 1;
    long[] madeSets = new long[mask + 1];
    // Generic arrays cannot be made; this one only ever holds ImmutableList<String>.
    @SuppressWarnings({"unchecked", "rawtypes"})
    ImmutableList<String>[] made = new ImmutableList[mask + 1];
    OptionalDouble[] s = scores;
    int q = 0;
    for (int a = 0; a < n; a++) {
      ImmutableList<String> held = none;
      OptionalLong cost = OptionalLong.empty();
      if (q < holders && holder[q] == a) {
        if (sets != null) {
          long set = sets[q];
          // The empty set is never looked up, so 0 marks a free slot.
          int at = (int) ((set * 0x9E3779B97F4A7C15L) >>> 40) & mask;
          while (madeSets[at] != 0 && madeSets[at] != set) {
            at = (at + 1) & mask;
          }
          if (madeSets[at] == 0) {
            madeSets[at] = set;
            made[at] = lineIds(set);
          }
          held = made[at];
        } else {
          held = checkNotNull(heldLists)[q];
        }
        cost = OptionalLong.of(standaloneCost[q]);
        q++;
      }
      out.add(
          new NodeAssessment(
              nodes[a].id(),
              Problem.exclusionSet(exclusions[a] & 0xFFFF),
              held,
              distanceKm[a],
              cost,
              s == null ? OptionalDouble.empty() : s[a]));
    }
    return out.build();
  }

  /** Returns the ids of the lines of the items {@code set}, in item order. */
  private ImmutableList<String> lineIds(long set) {
    int count = 0;
    for (long rest = set; rest != 0; rest &= rest - 1) {
      count += itemLines[Long.numberOfTrailingZeros(rest)].length;
    }
    if (count == 1) {
      return ImmutableList.of(lines.get(itemLines[Long.numberOfTrailingZeros(set)][0]).lineId());
    }
    ImmutableList.Builder<String> ids = ImmutableList.builderWithExpectedSize(count);
    for (long rest = set; rest != 0; rest &= rest - 1) {
      for (int li : itemLines[Long.numberOfTrailingZeros(rest)]) {
        ids.add(lines.get(li).lineId());
      }
    }
    return ids.build();
  }

  /**
   * Returns the ids of the lines of the first {@code count} of {@code items} (ascending), {@code
   * lines} in all, in item order: the held lines of a node of an order too large for item sets.
   */
  static ImmutableList<String> lineIds(
      ImmutableList<OrderLine> orderLines, int[][] itemLines, int[] items, int count, int lines) {
    ImmutableList.Builder<String> ids = ImmutableList.builderWithExpectedSize(lines);
    for (int x = 0; x < count; x++) {
      for (int li : itemLines[items[x]]) {
        ids.add(orderLines.get(li).lineId());
      }
    }
    return ids.build();
  }
}
