package dev.omnichannel.core.routing;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.OptionalDouble;

/**
 * The built-in {@link ScoredCriterion scored criteria}.
 *
 * @since 0.1.0
 */
public final class Criteria {
  private Criteria() {}

  /**
   * Returns a criterion scoring 1 at the destination, falling linearly to 0 at {@code maxKm}, and
   * excluding nodes farther away.
   *
   * @throws IllegalArgumentException if {@code maxKm} is not positive
   */
  public static ScoredCriterion proximity(double maxKm) {
    checkArgument(maxKm > 0 && Double.isFinite(maxKm), "maxKm must be positive: %s", maxKm);
    return new Simple("proximity(" + maxKm + " km)") {
      @Override
      public OptionalDouble score(NodeView view) {
        if (view.distanceKm() > maxKm) {
          return OptionalDouble.empty();
        }
        return OptionalDouble.of(1 - view.distanceKm() / maxKm);
      }
    };
  }

  /** Returns a criterion scoring 1 for a node in the destination's country and 0 otherwise. */
  public static ScoredCriterion inMarket() {
    return new Simple("in-market") {
      @Override
      public OptionalDouble score(NodeView view) {
        return OptionalDouble.of(view.inMarket() ? 1 : 0);
      }
    };
  }

  /** Returns a criterion scoring the first ranked node 1, the last 1/n, and unranked nodes 0. */
  public static ScoredCriterion rank() {
    return new Simple("rank") {
      @Override
      public OptionalDouble score(NodeView view) {
        if (view.rank() < 0 || view.rankedCount() == 0) {
          return OptionalDouble.of(0);
        }
        return OptionalDouble.of(1 - (double) view.rank() / view.rankedCount());
      }
    };
  }

  /** Returns a criterion scoring the share of the order's lines the node holds in full. */
  public static ScoredCriterion lineCoverage() {
    return new Simple("line-coverage") {
      @Override
      public OptionalDouble score(NodeView view) {
        return OptionalDouble.of(
            view.linesTotal() == 0 ? 0 : (double) view.linesHeld() / view.linesTotal());
      }
    };
  }

  /** Returns a criterion scoring the share of the node's daily capacity still free. */
  public static ScoredCriterion capacityHeadroom() {
    return new Simple("capacity-headroom") {
      @Override
      public OptionalDouble score(NodeView view) {
        return OptionalDouble.of(view.capacityLeftRatio());
      }
    };
  }

  private abstract static class Simple implements ScoredCriterion {
    private final String name;

    Simple(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
