package dev.omnichannel.core.identity;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.OmnichannelStyle;
import java.util.Locale;
import java.util.Map;
import org.immutables.value.Value;

/**
 * The rules of identity resolution: normalisation tables (email providers, nicknames, address
 * abbreviations), decision thresholds, merge protection limits, survivorship and the settings of
 * the expectation-maximisation that estimates the match model.
 *
 * <p>Immutable and thread-safe; start from {@link #defaults()} or {@link #builder()}.
 *
 * @since 0.1.0
 */
@Value.Immutable
@OmnichannelStyle
public abstract class IdentityConfig {
  IdentityConfig() {}

  /** Returns a new builder with every setting at its default. */
  public static ImmutableIdentityConfig.Builder builder() {
    return ImmutableIdentityConfig.builder();
  }

  /** Returns the default rules. */
  public static IdentityConfig defaults() {
    return builder().build();
  }

  /** Returns the default nickname table (English given names), to extend or replace. */
  public static ImmutableMap<String, String> defaultNicknames() {
    return Tables.NICKNAMES;
  }

  /** Returns the default address abbreviation table (English street types), to extend. */
  public static ImmutableMap<String, String> defaultAddressAbbreviations() {
    return Tables.ADDRESS_ABBREVIATIONS;
  }

  /**
   * Returns the ISO 3166-1 region phones without a country code are read in when the record has no
   * address that says otherwise.
   */
  @Value.Default
  public String defaultRegion() {
    return "US";
  }

  /**
   * Returns the mailbox providers' addressing rules. Setting any replaces the defaults, which
   * {@code IdentityConfig.defaults().emailRules()} returns.
   */
  @Value.Default
  public ImmutableList<EmailRule> emailRules() {
    return ImmutableList.of(
        EmailRule.gmail(),
        EmailRule.plusTags(
            "outlook.com",
            "hotmail.com",
            "live.com",
            "msn.com",
            "icloud.com",
            "me.com",
            "proton.me",
            "protonmail.com",
            "fastmail.com"));
  }

  /**
   * Returns email domains whose addresses are relays that one marketplace issues per buyer (such as
   * Amazon's {@code marketplace.amazon.com}). They link records of that channel only. A domain
   * listed here also matches its sub-domains.
   */
  @Value.Default
  public ImmutableSet<String> channelScopedEmailDomains() {
    return ImmutableSet.of(
        "marketplace.amazon.com",
        "marketplace.amazon.ca",
        "marketplace.amazon.com.mx",
        "marketplace.amazon.co.uk",
        "marketplace.amazon.de",
        "marketplace.amazon.fr",
        "marketplace.amazon.it",
        "marketplace.amazon.es",
        "marketplace.amazon.nl",
        "marketplace.amazon.com.au",
        "marketplace.amazon.co.jp",
        "relay.walmart.com");
  }

  /**
   * Returns given-name nicknames mapped to the name they stand for, lower case. Setting any
   * replaces the whole default table; to extend it, start from {@link #defaultNicknames()}.
   */
  @Value.Default
  public ImmutableMap<String, String> nicknames() {
    return Tables.NICKNAMES;
  }

  /**
   * Returns address words mapped to the word they abbreviate, lower case. Setting any replaces the
   * whole default table; to extend it, start from {@link #defaultAddressAbbreviations()}.
   */
  @Value.Default
  public ImmutableMap<String, String> addressAbbreviations() {
    return Tables.ADDRESS_ABBREVIATIONS;
  }

  /** Returns the match probability at or above which two records are linked; default 0.9. */
  @Value.Default
  public double linkProbability() {
    return 0.9;
  }

  /**
   * Returns the match probability at or above which an unlinked pair goes to clerical review; below
   * it the records are kept apart. Default 0.5.
   */
  @Value.Default
  public double reviewProbability() {
    return 0.5;
  }

  /**
   * Returns how many records may share one strong identifier (email, phone, loyalty id) before the
   * identifier stops linking anything: a shop's default phone or a family's shared email.
   */
  @Value.Default
  public int maxRecordsPerIdentifier() {
    return 20;
  }

  /**
   * Returns the largest blocking group compared pairwise; a larger group (a very common name) is
   * not used to find candidates.
   */
  @Value.Default
  public int maxBlockSize() {
    return 100;
  }

  /** Returns the largest cluster automatic links may build; manual must-links may exceed it. */
  @Value.Default
  public int maxClusterSize() {
    return 100;
  }

  /** Returns the longest field value used for matching; longer values are kept but not compared. */
  @Value.Default
  public int maxFieldLength() {
    return 200;
  }

  /**
   * Returns the survivorship rules set for golden-record attributes; an attribute not listed uses
   * its default (see {@link #survivorshipOf}).
   */
  public abstract ImmutableMap<CustomerAttribute, Survivorship> survivorship();

  /**
   * Returns the survivorship rule of {@code attribute}: the one set in {@link #survivorship()},
   * otherwise {@link Survivorship#MOST_FREQUENT} for names and date of birth and {@link
   * Survivorship#MOST_RECENT} for email, phone and address.
   */
  public Survivorship survivorshipOf(CustomerAttribute attribute) {
    Survivorship set = survivorship().get(attribute);
    if (set != null) {
      return set;
    }
    return switch (attribute) {
      case GIVEN_NAME, FAMILY_NAME, DATE_OF_BIRTH -> Survivorship.MOST_FREQUENT;
      case EMAIL, PHONE, ADDRESS -> Survivorship.MOST_RECENT;
    };
  }

  /** Returns the channels in order of trust, for {@link Survivorship#SOURCE_PRIORITY}. */
  public abstract ImmutableList<ChannelId> sourcePriority();

  /** Returns the seed of every random choice (the pairs sampled for estimation). */
  @Value.Default
  public long seed() {
    return 0x5EED1DL;
  }

  /** Returns the most expectation-maximisation iterations when estimating the model. */
  @Value.Default
  public int emIterations() {
    return 100;
  }

  /** Returns the most candidate pairs the estimation looks at; larger inputs are sampled. */
  @Value.Default
  public int emMaxPairs() {
    return 200_000;
  }

  @Value.Check
  void check() {
    String region = defaultRegion();
    if (region.length() != 2 || !region.equals(region.toUpperCase(Locale.ROOT))) {
      throw new IllegalArgumentException("defaultRegion must be an upper-case ISO code: " + region);
    }
    if (!(linkProbability() > 0 && linkProbability() < 1)) {
      throw new IllegalArgumentException(
          "linkProbability must be between 0 and 1: " + linkProbability());
    }
    if (!(reviewProbability() > 0 && reviewProbability() <= linkProbability())) {
      throw new IllegalArgumentException(
          "reviewProbability must be above 0 and at most linkProbability: " + reviewProbability());
    }
    positive("maxRecordsPerIdentifier", maxRecordsPerIdentifier());
    positive("maxBlockSize", maxBlockSize());
    positive("maxClusterSize", maxClusterSize());
    positive("maxFieldLength", maxFieldLength());
    positive("emIterations", emIterations());
    positive("emMaxPairs", emMaxPairs());
    lowerCase("nicknames", nicknames());
    lowerCase("addressAbbreviations", addressAbbreviations());
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1: " + value);
    }
  }

  private static void lowerCase(String name, Map<String, String> table) {
    table.forEach(
        (k, v) -> {
          if (!k.equals(k.toLowerCase(Locale.ROOT)) || !v.equals(v.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException(name + " must be lower case: " + k + " -> " + v);
          }
        });
  }
}
