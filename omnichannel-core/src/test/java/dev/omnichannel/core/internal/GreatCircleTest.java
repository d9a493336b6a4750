package dev.omnichannel.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The arcsine behind every distance: close to {@link StrictMath#asin} and never decreasing. */
class GreatCircleTest {
  private static long ulps(double a, double b) {
    return Math.abs(Double.doubleToLongBits(a) - Double.doubleToLongBits(b));
  }

  /** Uniform on [0, 1], on [0, 1/2], small by powers of two, and just below 1. */
  private static double sample(SplittableRandom random, int i) {
    return switch (i % 4) {
      case 0 -> random.nextDouble();
      case 1 -> random.nextDouble() * 0.5;
      case 2 -> Math.scalb(random.nextDouble(), -random.nextInt(60));
      default -> 1 - Math.scalb(random.nextDouble(), -random.nextInt(50));
    };
  }

  @Test
  void arcsineIsWithinTwoUnitsInTheLastPlaceOfStrictMath() {
    SplittableRandom random = new SplittableRandom(2026);
    long exact = 0;
    int n = 2_000_000;
    for (int i = 0; i < n; i++) {
      double x = sample(random, i);
      long u = ulps(GreatCircle.asin(x), StrictMath.asin(x));
      assertThat(u).as("asin(%s)", x).isLessThanOrEqualTo(2);
      exact += u == 0 ? 1 : 0;
    }
    // Most results are the correctly rounded ones.
    assertThat(exact).isGreaterThan(n * 9L / 10);
    double[] edges = {
      0,
      Double.MIN_VALUE,
      1e-300,
      1e-8,
      Math.nextDown(0.5),
      0.5,
      Math.nextUp(0.5),
      0.75,
      Math.nextDown(1.0),
      1
    };
    for (double x : edges) {
      assertThat(ulps(GreatCircle.asin(x), StrictMath.asin(x)))
          .as("asin(%s)", x)
          .isLessThanOrEqualTo(2);
    }
    assertThat(GreatCircle.asin(0)).isZero();
    assertThat(GreatCircle.asin(1)).isEqualTo(Math.PI / 2);
  }

  @Test
  void arcsineNeverDecreases() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 1_000_000; i++) {
      double x = sample(random, i);
      double next = Math.nextUp(x);
      if (next <= 1) {
        assertThat(GreatCircle.asin(next))
            .as("asin at %s and just above", x)
            .isGreaterThanOrEqualTo(GreatCircle.asin(x));
      }
    }
    // Across the seam between the two ways it is worked out, step by step.
    double x = 0.5 - 1000 * Math.ulp(0.5);
    double previous = GreatCircle.asin(x);
    for (int i = 0; i < 3000; i++) {
      x = Math.nextUp(x);
      double now = GreatCircle.asin(x);
      assertThat(now).as("asin(%s)", x).isGreaterThanOrEqualTo(previous);
      previous = now;
    }
  }

  @Test
  void arcsOfKnownChords() {
    assertThat(GreatCircle.arcKm(0)).isZero();
    assertThat(GreatCircle.arcKm(4)).isEqualTo(Math.PI * GreatCircle.EARTH_RADIUS_KM);
    assertThat(GreatCircle.arcKm(5)).isEqualTo(Math.PI * GreatCircle.EARTH_RADIUS_KM);
    // A chord of length 1 spans 60 degrees.
    assertThat(GreatCircle.arcKm(1))
        .isCloseTo(
            Math.PI / 3 * GreatCircle.EARTH_RADIUS_KM,
            org.assertj.core.api.Assertions.within(1e-9));
  }
}
