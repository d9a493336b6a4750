package dev.omnichannel.core.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Great-circle distances: the chord formula against the haversine formula, worked out here. */
class GeoPointTest {
  private static final double R = 6371.0088;

  /** The haversine formula, as a reference. */
  private static double haversineKm(GeoPoint a, GeoPoint b) {
    double lat1 = Math.toRadians(a.latitude());
    double lat2 = Math.toRadians(b.latitude());
    double dLat = lat2 - lat1;
    double dLon = Math.toRadians(b.longitude() - a.longitude());
    double h =
        Math.pow(Math.sin(dLat / 2), 2)
            + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * R * Math.asin(Math.min(1.0, Math.sqrt(h)));
  }

  private static GeoPoint point(SplittableRandom random) {
    return GeoPoint.of(random.nextDouble(-90, 90), random.nextDouble(-180, 180));
  }

  @Test
  void agreesWithTheHaversineFormulaToWithinAMicrometre() {
    SplittableRandom random = new SplittableRandom(2026);
    for (int n = 0; n < 200_000; n++) {
      GeoPoint a = point(random);
      // Far apart, then ever closer: down to a few millimetres.
      GeoPoint b =
          n % 2 == 0
              ? point(random)
              : GeoPoint.of(
                  Math.max(
                      -90,
                      Math.min(
                          90, a.latitude() + random.nextDouble(-1, 1) * 1e-2 / (1 + n % 7 * 1000))),
                  Math.max(
                      -180,
                      Math.min(
                          180,
                          a.longitude() + random.nextDouble(-1, 1) * 1e-2 / (1 + n % 7 * 1000))));
      double expected = haversineKm(a, b);
      double actual = a.distanceKm(b);
      // Near the antipode both formulas take the arcsine of nearly 1 and are certain to a metre
      // only; elsewhere they agree to a micrometre (1e-9 km).
      double tolerance = expected > 0.999 * Math.PI * R ? 1e-3 : 1e-9;
      assertThat(actual).as("%s to %s", a, b).isCloseTo(expected, within(tolerance));
      assertThat(b.distanceKm(a)).as("symmetric").isEqualTo(actual);
    }
  }

  @Test
  void aPointIsNowhereFromItselfAndHalfTheEarthFromItsAntipode() {
    SplittableRandom random = new SplittableRandom(7);
    for (int n = 0; n < 10_000; n++) {
      GeoPoint a = point(random);
      assertThat(a.distanceKm(a)).isZero();
      GeoPoint antipode =
          GeoPoint.of(-a.latitude(), a.longitude() > 0 ? a.longitude() - 180 : a.longitude() + 180);
      assertThat(a.distanceKm(antipode)).isCloseTo(Math.PI * R, within(1e-3));
    }
    assertThat(GeoPoint.of(90, 0).distanceKm(GeoPoint.of(-90, 123))).isEqualTo(Math.PI * R);
  }

  @Test
  void knownDistances() {
    // Berlin to Paris, and along the equator a degree of longitude.
    assertThat(GeoPoint.of(52.52, 13.405).distanceKm(GeoPoint.of(48.8566, 2.3522)))
        .isCloseTo(877.5, within(1.0));
    assertThat(GeoPoint.of(0, 0).distanceKm(GeoPoint.of(0, 1)))
        .isCloseTo(2 * Math.PI * R / 360, within(1e-9));
  }
}
