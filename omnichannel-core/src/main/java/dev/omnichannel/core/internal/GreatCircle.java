package dev.omnichannel.core.internal;

/**
 * Great-circle arithmetic shared by {@link dev.omnichannel.core.order.GeoPoint} and routing, so
 * that both give the same bits. Internal: not part of the API, and not exported by the module.
 */
public final class GreatCircle {
  /** The mean earth radius in kilometres. */
  public static final double EARTH_RADIUS_KM = 6371.0088;

  // asin(x) = x + x t p(t) with t = x * x on [0, 1/2]: p is a Chebyshev fit of degree 12 on
  // [0, 1/4] to (asin(sqrt t) - sqrt t) / (t sqrt t), whose error (1.5e-17) is far below a unit in
  // the last place of the result.
  private static final double C0 = 0.16666666666666669;
  private static final double C1 = 0.07499999999998433;
  private static final double C2 = 0.04464285714635543;
  private static final double C3 = 0.030381944138531247;
  private static final double C4 = 0.02237217294214989;
  private static final double C5 = 0.017352392720869973;
  private static final double C6 = 0.013971212973552933;
  private static final double C7 = 0.011479177415184906;
  private static final double C8 = 0.01032281435018578;
  private static final double C9 = 0.005457506718640358;
  private static final double C10 = 0.01740087944269402;
  private static final double C11 = -0.014851887071247204;
  private static final double C12 = 0.028757851367421566;

  // pi / 2 as the sum of two doubles.
  private static final double HALF_PI_HI = 1.5707963267948966;
  private static final double HALF_PI_LO = 6.123233995736766E-17;

  private GreatCircle() {}

  /**
   * Returns the length in kilometres of the great-circle arc whose chord on the unit sphere has the
   * square {@code chordSquared} (0 to 4; larger values are taken as 4).
   */
  public static double arcKm(double chordSquared) {
    return 2 * EARTH_RADIUS_KM * asin(Math.min(1.0, Math.sqrt(chordSquared) / 2));
  }

  /**
   * Returns the arcsine of {@code x}, for {@code x} from 0 to 1, within two units in the last place
   * of {@link StrictMath#asin} and never decreasing as {@code x} grows. About three times as fast
   * as {@link Math#asin}, which calls native code on every call.
   */
  static double asin(double x) {
    if (x <= 0.5) {
      return kernel(x, x * x);
    }
    // asin(x) = pi/2 - 2 asin(sqrt((1 - x) / 2)); 1 - x is exact for x in [1/2, 1].
    double z = (1 - x) * 0.5;
    return HALF_PI_HI - (2 * kernel(Math.sqrt(z), z) - HALF_PI_LO);
  }

  /** Returns asin(x) for x in [0, 1/2], given t = x * x. */
  private static double kernel(double x, double t) {
    // Estrin's scheme: independent products, so that the processor overlaps them.
    double t2 = t * t;
    double t4 = t2 * t2;
    double t8 = t4 * t4;
    double r0 = (C0 + C1 * t) + (C2 + C3 * t) * t2;
    double r1 = (C4 + C5 * t) + (C6 + C7 * t) * t2;
    double r2 = (C8 + C9 * t) + (C10 + C11 * t) * t2;
    double p = (r0 + r1 * t4) + (r2 + C12 * t4) * t8;
    return x + x * t * p;
  }
}
