package dev.omnichannel.benchmarks.identity;

import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.identity.CustomerRecord;
import dev.omnichannel.core.identity.ImmutableCustomerRecord;
import dev.omnichannel.core.order.PostalAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generates realistic customer records at scale, seeded: people with names drawn from skewed
 * (Zipf-like) distributions over large synthetic vocabularies, one to four records per person
 * across channels, typos, missing values, several phone formats, marketplace relay emails and buyer
 * ids.
 */
final class CustomerGenerator {
  private static final String[] ONSETS = {
    "b", "br", "c", "ch", "d", "f", "g", "gr", "h", "j", "k", "l", "m", "n", "p", "r", "s", "sh",
    "st", "t", "th", "v", "w", "z"
  };
  private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ea", "ie", "ou"};
  private static final String[] CODAS = {"", "n", "r", "l", "s", "th", "rd", "nd", "m", "ck", "tt"};
  private static final String[] SUFFIXES = {"St", "Street", "Rd", "Ave", "Lane", "Pl", "Dr", "Ct"};
  private static final String[] STATES = {"CA", "NY", "TX", "FL", "WA", "IL", "OH", "GA", "NC"};
  private static final ChannelId WEB = ChannelId.of("web");
  private static final ChannelId AMAZON = ChannelId.of("amazon");
  private static final ChannelId STORE = ChannelId.of("store");
  private static final ChannelId TIKTOK = ChannelId.of("tiktok");
  private static final ChannelId WALMART = ChannelId.of("walmart");
  private static final ChannelId[] CHANNELS = {
    WEB, WEB, WEB, AMAZON, AMAZON, STORE, TIKTOK, WALMART
  };

  private final Random random;
  private final String[] given;
  private final String[] family;
  private final String[] streets;
  private final String[] cities;
  private int person;

  CustomerGenerator(long seed) {
    this.random = new Random(seed);
    this.given = words(3_000, 2);
    this.family = words(40_000, 3);
    this.streets = words(20_000, 2);
    this.cities = words(3_000, 3);
  }

  private String[] words(int n, int maxSyllables) {
    String[] out = new String[n];
    for (int i = 0; i < n; i++) {
      StringBuilder w = new StringBuilder();
      int syllables = 1 + random.nextInt(maxSyllables);
      for (int s = 0; s < syllables; s++) {
        w.append(ONSETS[random.nextInt(ONSETS.length)])
            .append(VOWELS[random.nextInt(VOWELS.length)]);
      }
      w.append(CODAS[random.nextInt(CODAS.length)]);
      out[i] = Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }
    return out;
  }

  /** Picks an index skewed to the front, as real name frequencies are. */
  private int skewed(int n) {
    double u = random.nextDouble();
    return (int) Math.min(n - 1, Math.floor(n * u * u));
  }

  /** Returns at least {@code count} records of new people (all records of the last person). */
  List<CustomerRecord> generate(int count) {
    List<CustomerRecord> out = new ArrayList<>(count + 4);
    while (out.size() < count) {
      person(out);
    }
    return out;
  }

  private void person(List<CustomerRecord> out) {
    int p = person++;
    String g = given[skewed(given.length)];
    String f = family[skewed(family.length)];
    String dob =
        String.format(
            Locale.ROOT,
            "%04d-%02d-%02d",
            1940 + random.nextInt(66),
            1 + random.nextInt(12),
            1 + random.nextInt(28));
    String email =
        (random.nextBoolean() ? g + "." + f : g.charAt(0) + f + random.nextInt(100))
                .toLowerCase(Locale.ROOT)
            + (random.nextInt(3) == 0 ? "@gmail.com" : "@mail" + random.nextInt(50) + ".example");
    long number = 2_000_000_000L + random.nextInt(900_000_000);
    String phone =
        String.valueOf(number).substring(0, 3)
            + "555"
            + String.format(Locale.ROOT, "%04d", p % 10_000);
    String street =
        (1 + random.nextInt(999))
            + " "
            + streets[random.nextInt(streets.length)]
            + " "
            + SUFFIXES[random.nextInt(SUFFIXES.length)];
    int cityIndex = random.nextInt(cities.length);
    String city = cities[cityIndex];
    String zip = String.format(Locale.ROOT, "%05d", 10_000 + cityIndex * 25 + random.nextInt(25));
    String state = STATES[cityIndex % STATES.length];
    int copies = random.nextInt(10) < 6 ? 1 : 2 + random.nextInt(3);
    for (int c = 0; c < copies; c++) {
      ChannelId channel = CHANNELS[random.nextInt(CHANNELS.length)];
      ImmutableCustomerRecord.Builder r =
          CustomerRecord.builder()
              .channel(channel)
              .customerId("c" + p + "-" + c)
              .updatedAt(Instant.ofEpochSecond(1_600_000_000L + random.nextInt(100_000_000)));
      boolean swap = random.nextInt(50) == 0;
      if (random.nextInt(20) != 0) {
        r.givenName(typo(swap ? f : g));
      }
      if (random.nextInt(20) != 0) {
        r.familyName(typo(swap ? g : f));
      }
      if (random.nextInt(3) != 0) {
        r.dateOfBirth(random.nextInt(20) == 0 ? typo(dob) : dob);
      }
      if (channel.equals(AMAZON)) {
        r.addEmail(Long.toString(p * 7_919L + c, 36) + "@marketplace.amazon.com");
        r.addChannelScopedId("AMZ" + p);
      } else if (random.nextInt(10) < 7) {
        r.addEmail(random.nextInt(15) == 0 ? typo(email) : email);
      }
      if (random.nextInt(2) == 0) {
        r.addPhone(
            switch (random.nextInt(3)) {
              case 0 -> "+1" + phone;
              case 1 ->
                  "("
                      + phone.substring(0, 3)
                      + ") "
                      + phone.substring(3, 6)
                      + "-"
                      + phone.substring(6);
              default -> phone;
            });
      }
      if (random.nextInt(5) != 0) {
        r.addAddress(
            PostalAddress.builder()
                .addLine(typo(street))
                .city(typo(city))
                .postalCode(zip)
                .region(state)
                .countryCode("US")
                .build());
      }
      if (channel.equals(STORE) && random.nextBoolean()) {
        r.addLoyaltyId("LOY" + p);
      }
      out.add(r.build());
    }
  }

  /** Introduces a typo one time in six. */
  private String typo(String s) {
    if (s.length() < 4 || random.nextInt(6) != 0) {
      return s;
    }
    char[] c = s.toCharArray();
    int i = 1 + random.nextInt(c.length - 2);
    switch (random.nextInt(3)) {
      case 0 -> c[i] = (char) ('a' + random.nextInt(26));
      case 1 -> {
        char t = c[i];
        c[i] = c[i + 1];
        c[i + 1] = t;
      }
      default -> {
        return s.substring(0, i) + s.substring(i + 1);
      }
    }
    return new String(c);
  }
}
