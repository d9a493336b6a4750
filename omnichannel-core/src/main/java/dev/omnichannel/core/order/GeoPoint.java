package dev.omnichannel.core.order;

import static com.google.common.base.Preconditions.checkArgument;

import dev.omnichannel.core.internal.GreatCircle;

/**
 * A point on the earth in decimal degrees (WGS 84). Immutable and thread-safe.
 *
 * @param latitude from -90 to 90
 * @param longitude from -180 to 180
 * @since 0.1.0
 */
public record GeoPoint(double latitude, double longitude) {
  /**
   * Creates the point.
   *
   * @throws IllegalArgumentException if a coordinate is out of range or not a number
   */
  public GeoPoint {
    checkArgument(
        latitude >= -90 && latitude <= 90, "latitude must be within [-90, 90]: %s", latitude);
    checkArgument(
        longitude >= -180 && longitude <= 180,
        "longitude must be within [-180, 180]: %s",
        longitude);
  }

  /** Returns the point at {@code latitude}, {@code longitude}. */
  public static GeoPoint of(double latitude, double longitude) {
    return new GeoPoint(latitude, longitude);
  }

  /**
   * Returns the great-circle distance to {@code other} in kilometres, on a sphere of the earth's
   * mean radius: the arc spanned by the chord between the two points. Symmetric, and exactly 0 from
   * a point to itself. It agrees with the haversine formula to a micrometre, and to a metre for
   * nearly antipodal points, where both take the arcsine of nearly 1.
   */
  public double distanceKm(GeoPoint other) {
    double lat1 = Math.toRadians(latitude);
    double lon1 = Math.toRadians(longitude);
    double lat2 = Math.toRadians(other.latitude);
    double lon2 = Math.toRadians(other.longitude);
    double cos1 = Math.cos(lat1);
    double cos2 = Math.cos(lat2);
    // Each point on the unit sphere as x, y, z; the terms are written as routing's per-node tables
    // write them, so that both give the same bits.
    double dx = cos1 * Math.cos(lon1) - cos2 * Math.cos(lon2);
    double dy = cos1 * Math.sin(lon1) - cos2 * Math.sin(lon2);
    double dz = Math.sin(lat1) - Math.sin(lat2);
    return GreatCircle.arcKm(dx * dx + dy * dy + dz * dz);
  }
}
