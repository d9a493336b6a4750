package dev.omnichannel.core.order;

import com.google.common.collect.ImmutableList;
import dev.omnichannel.core.OmnichannelStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A postal address as a channel sent it, with an optional geocode for distance-based routing.
 *
 * <p>Immutable and thread-safe; build with {@link #builder()}.
 *
 * @since 0.1.0
 */
@Value.Immutable
@OmnichannelStyle
public abstract class PostalAddress {
  PostalAddress() {}

  /** Returns a new builder. */
  public static ImmutablePostalAddress.Builder builder() {
    return ImmutablePostalAddress.builder();
  }

  /** Returns the addressee, if the channel sent one. */
  public abstract Optional<String> name();

  /** Returns the street lines, first to last. */
  public abstract ImmutableList<String> lines();

  /** Returns the city or locality, if known. */
  public abstract Optional<String> city();

  /** Returns the state, province or region code, if known. */
  public abstract Optional<String> region();

  /** Returns the postal code as sent, if known. */
  public abstract Optional<String> postalCode();

  /** Returns the ISO 3166-1 alpha-2 country code, upper case. */
  public abstract String countryCode();

  /** Returns the geocode, if the host or channel supplied one. */
  public abstract Optional<GeoPoint> location();

  @Value.Check
  void check() {
    String cc = countryCode();
    if (cc.length() != 2
        || !Character.isUpperCase(cc.charAt(0))
        || !Character.isUpperCase(cc.charAt(1))) {
      throw new IllegalArgumentException(
          "countryCode must be an upper-case ISO 3166-1 alpha-2 code: " + cc);
    }
  }
}
