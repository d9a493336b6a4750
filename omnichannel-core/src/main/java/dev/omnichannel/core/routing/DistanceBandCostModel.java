package dev.omnichannel.core.routing;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.omnichannel.core.order.PostalAddress;
import dev.omnichannel.core.order.ServiceLevel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A shipping cost model by distance band and service level: for each service level, bands of
 * increasing distance, each with its own {@link RateCard}. A distance beyond the last band, or a
 * service level without bands, has no lane.
 *
 * <p>Immutable and thread-safe; build with {@link #builder()}.
 *
 * @since 0.1.0
 */
public final class DistanceBandCostModel implements ShippingCostModel {
  private final ImmutableMap<ServiceLevel, ImmutableList<Band>> bands;

  // By service level ordinal, the bands' upper distances and their lanes, each already wrapped as
  // the Optional lane() returns: a lane is looked up for every node of every order.
  private final double[][] upToKm;
  private final Optional<Lane>[][] lanes;

  // Arrays of a generic type, which only ever hold such Optionals; indexed by service level
  // ordinal, in memory only, for a lookup on every node of every order.
  @SuppressWarnings({"unchecked", "EnumOrdinal"})
  private DistanceBandCostModel(Map<ServiceLevel, ImmutableList<Band>> bands) {
    this.bands = ImmutableMap.copyOf(bands);
    ServiceLevel[] levels = ServiceLevel.values();
    this.upToKm = new double[levels.length][];
    this.lanes = (Optional<Lane>[][]) new Optional<?>[levels.length][];
    for (ServiceLevel level : levels) {
      ImmutableList<Band> list = this.bands.getOrDefault(level, ImmutableList.of());
      double[] km = new double[list.size()];
      Optional<Lane>[] found = (Optional<Lane>[]) new Optional<?>[list.size()];
      for (int b = 0; b < km.length; b++) {
        km[b] = list.get(b).upToKm();
        found[b] = Optional.of(list.get(b).rate());
      }
      upToKm[level.ordinal()] = km;
      lanes[level.ordinal()] = found;
    }
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  @SuppressWarnings("EnumOrdinal") // the arrays are by service level ordinal, in memory only
  public Optional<Lane> lane(
      NodeProfile origin, PostalAddress destination, double distanceKm, ServiceLevel level) {
    if (Double.isNaN(distanceKm)) {
      return Optional.empty();
    }
    double[] km = upToKm[level.ordinal()];
    // The band is the first that reaches the distance: as the bands ascend, the number of those
    // that do not. Counted without branching, since the distances of one order's nodes fall into
    // the bands at random and a loop exiting at the band would mispredict for most of them.
    int band = 0;
    for (double upTo : km) {
      band += upTo < distanceKm ? 1 : 0;
    }
    return band < km.length ? lanes[level.ordinal()][band] : Optional.empty();
  }

  /** Returns the bands by service level, each list by increasing distance. */
  public ImmutableMap<ServiceLevel, ImmutableList<Band>> bands() {
    return bands;
  }

  @Override
  public String toString() {
    return "DistanceBandCostModel" + bands;
  }

  /**
   * One distance band: shipments up to {@code upToKm} kilometres (and beyond the previous band)
   * cost as {@code rate} says.
   *
   * @param upToKm the band's upper distance, inclusive
   * @param rate the lane price within the band
   * @since 0.1.0
   */
  public record Band(double upToKm, RateCard rate) {
    /** Creates the band. */
    public Band {
      checkArgument(upToKm > 0 && !Double.isNaN(upToKm), "upToKm must be positive: %s", upToKm);
      checkNotNull(rate, "rate");
    }
  }

  /**
   * Builds a {@link DistanceBandCostModel}. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final Map<ServiceLevel, List<Band>> bands = new EnumMap<>(ServiceLevel.class);

    private Builder() {}

    /**
     * Adds a band for {@code level}: shipments up to {@code upToKm} cost {@code rate}.
     *
     * @throws IllegalArgumentException if the level already has a band ending at {@code upToKm}
     */
    public Builder band(ServiceLevel level, double upToKm, RateCard rate) {
      Band band = new Band(upToKm, rate);
      List<Band> list = bands.computeIfAbsent(checkNotNull(level, "level"), k -> new ArrayList<>());
      for (Band b : list) {
        checkArgument(
            b.upToKm() != upToKm, "service level %s already has a band up to %s km", level, upToKm);
      }
      list.add(band);
      return this;
    }

    /** Returns the model. */
    public DistanceBandCostModel build() {
      Map<ServiceLevel, ImmutableList<Band>> sorted = new EnumMap<>(ServiceLevel.class);
      bands.forEach(
          (level, list) ->
              sorted.put(
                  level,
                  ImmutableList.sortedCopyOf(Comparator.comparingDouble(Band::upToKm), list)));
      return new DistanceBandCostModel(sorted);
    }
  }
}
