package dev.omnichannel.core.routing;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.NodeId;
import dev.omnichannel.core.OmnichannelStyle;
import dev.omnichannel.core.order.Money;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * How one channel's orders are routed: the node capabilities the channel needs, the strategy and
 * its rules or scored criteria, and the constraints every plan must respect. A profile is one
 * immutable version; a {@link RoutingProfileRegistry} keeps the versions per channel.
 *
 * <p>The builder rejects contradictory profiles with an {@link IllegalArgumentException} naming the
 * contradiction. Immutable and thread-safe; build with {@link #builder()}.
 *
 * @since 0.1.0
 */
@Value.Immutable
@OmnichannelStyle
public abstract class RoutingProfile {
  /** The tie-breakers used when a profile lists no rules: fewest shipments, then closest. */
  public static final ImmutableList<RoutingRule> DEFAULT_RULES =
      ImmutableList.of(RoutingRule.FEWEST_SHIPMENTS, RoutingRule.CLOSEST_NODE);

  RoutingProfile() {}

  /** Returns a new builder. */
  public static ImmutableRoutingProfile.Builder builder() {
    return ImmutableRoutingProfile.builder();
  }

  /** Returns the profile's name. */
  public abstract String name();

  /** Returns the profile's version, from 1. */
  @Value.Default
  public int version() {
    return 1;
  }

  /** Returns the channel the profile routes for. */
  public abstract ChannelId channel();

  /** Returns the capabilities a node needs to serve the channel. */
  public abstract ImmutableSet<Capability> requiredCapabilities();

  /** Returns how plans are chosen; defaults to {@link RoutingStrategy#OPTIMISE_COST}. */
  @Value.Default
  public RoutingStrategy strategy() {
    return RoutingStrategy.OPTIMISE_COST;
  }

  /**
   * Returns the rules in order, each a tie-breaker for the one before; empty means {@link
   * #DEFAULT_RULES}.
   */
  public abstract ImmutableList<RoutingRule> rules();

  /** Returns the weighted criteria of the {@link RoutingStrategy#SCORED} strategy. */
  public abstract ImmutableList<WeightedCriterion> criteria();

  /** Returns the most shipments a plan may have; defaults to no limit. */
  @Value.Default
  public int maxShipments() {
    return Integer.MAX_VALUE;
  }

  /** Returns whether the order ships complete or not at all. */
  @Value.Default
  public boolean shipComplete() {
    return false;
  }

  /** Returns whether the lines of a kit always ship together from one node; defaults to true. */
  @Value.Default
  public boolean keepKitsTogether() {
    return true;
  }

  /**
   * Returns the least value a shipment of a split order must carry, if the profile avoids low-value
   * splits. Lines without a price count as worth nothing.
   */
  public abstract Optional<Money> minSplitShipmentValue();

  /** Returns whether nodes that cannot deliver by the requested delivery date are excluded. */
  @Value.Default
  public boolean respectPromiseDate() {
    return false;
  }

  /** Returns the cost added for each shipment beyond the first, in minor units; default 0. */
  @Value.Default
  public long splitPenalty() {
    return 0;
  }

  /** Returns what happens to lines no plan serves; defaults to backorder. */
  @Value.Default
  public UnfulfillablePolicy unfulfillablePolicy() {
    return UnfulfillablePolicy.BACKORDER;
  }

  /**
   * Returns how many search steps the exact optimiser may take before the heuristic takes over; 0
   * always uses the heuristic.
   */
  @Value.Default
  public long exactSearchBudget() {
    return 100_000;
  }

  /** Returns nodes in order of preference, for {@link RoutingRule#RANKED_NODES}. */
  public abstract ImmutableList<NodeId> rankedNodes();

  /** Returns nodes this profile never routes to. */
  public abstract ImmutableSet<NodeId> excludedNodes();

  /** Returns {@link #rules()}, or {@link #DEFAULT_RULES} when it is empty. */
  public final ImmutableList<RoutingRule> effectiveRules() {
    return rules().isEmpty() ? DEFAULT_RULES : rules();
  }

  /**
   * Returns "name v version", as plans and reports show the profile. Made once, on the first call,
   * since every plan carries it.
   */
  @Value.Lazy
  public String label() {
    return name() + " v" + version();
  }

  @Value.Check
  void check() {
    require(!name().isBlank(), "name must not be blank");
    require(version() >= 1, "version must be at least 1: " + version());
    require(maxShipments() >= 1, "maxShipments must be at least 1: " + maxShipments());
    require(splitPenalty() >= 0, "splitPenalty must not be negative: " + splitPenalty());
    require(
        exactSearchBudget() >= 0, "exactSearchBudget must not be negative: " + exactSearchBudget());
    minSplitShipmentValue()
        .ifPresent(
            v ->
                require(
                    v.amount().compareTo(BigDecimal.ZERO) >= 0,
                    "minSplitShipmentValue must not be negative: " + v));
    Set<RoutingRule> rules = EnumSet.noneOf(RoutingRule.class);
    for (RoutingRule rule : rules()) {
      require(rules.add(rule), "rule " + rule + " is listed twice");
    }
    require(
        !effectiveRules().contains(RoutingRule.RANKED_NODES) || !rankedNodes().isEmpty(),
        "rule RANKED_NODES needs rankedNodes");
    require(
        ImmutableSet.copyOf(rankedNodes()).size() == rankedNodes().size(),
        "rankedNodes lists a node twice: " + rankedNodes());
    Set<NodeId> both = Sets.intersection(ImmutableSet.copyOf(rankedNodes()), excludedNodes());
    require(both.isEmpty(), "nodes are both ranked and excluded: " + both);
    if (strategy() == RoutingStrategy.SCORED) {
      require(!criteria().isEmpty(), "strategy SCORED needs at least one criterion");
      double total = 0;
      Set<String> names = new HashSet<>();
      for (WeightedCriterion c : criteria()) {
        total += c.weight();
        require(names.add(c.criterion().name()), "criterion " + c.criterion().name() + " twice");
      }
      require(total > 0, "strategy SCORED needs a criterion with a positive weight");
    } else {
      require(criteria().isEmpty(), "criteria are only used by strategy SCORED, not " + strategy());
    }
  }

  private void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException("routing profile " + name() + ": " + message);
    }
  }
}
