package dev.omnichannel.core.order;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A point on the earth in decimal degrees (WGS 84). Immutable and thread-safe.
 *
 * @param latitude from -90 to 90
 * @param longitude from -180 to 180
 * @since 0.1.0
 */
public record GeoPoint(double latitude, double longitude) {
  private static final double EARTH_RADIUS_KM = 6371.0088;

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

  /** Returns the great-circle distance to {@code other} in kilometres (haversine formula). */
  public double distanceKm(GeoPoint other) {
    double lat1 = Math.toRadians(latitude);
    double lat2 = Math.toRadians(other.latitude);
    double dLat = lat2 - lat1;
    double dLon = Math.toRadians(other.longitude - longitude);
    double h =
        Math.sin(dLat / 2) * Math.sin(dLat / 2)
            + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(h)));
  }
}
