package dev.omnichannel.core.identity;

import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.order.ImmutablePostalAddress;
import dev.omnichannel.core.order.PostalAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded synthetic customers with duplicates across channels, typos and missing values. */
final class SyntheticPeople {
  private static final String[] GIVEN = {
    "anna", "ben", "carla", "david", "elif", "farid", "grace", "hugo", "ines", "jonas", "kemal",
    "lena", "marco", "nora", "oscar", "paula", "quinn", "rosa", "samir", "tina"
  };
  private static final String[] FAMILY = {
    "berg", "costa", "dubois", "eriksen", "fischer", "garcia", "hansen", "ivanova", "jensen",
    "kowalski", "lopez", "meyer", "novak", "oliveira", "petrov", "quist", "rossi", "schmidt",
    "tanaka", "umar", "vogel", "weber", "yilmaz", "zimmer"
  };
  private static final String[] STREETS = {"oak street", "mill road", "park avenue", "elm lane"};
  private static final String[] CITIES = {"springfield", "riverton", "lakeside", "hillview"};
  private static final ChannelId[] CHANNELS = {
    ChannelId.of("web"), ChannelId.of("amazon"), ChannelId.of("store"), ChannelId.of("tiktok")
  };

  private SyntheticPeople() {}

  static List<CustomerRecord> generate(int people, Random random) {
    List<CustomerRecord> out = new ArrayList<>();
    for (int p = 0; p < people; p++) {
      String given = GIVEN[random.nextInt(GIVEN.length)];
      String family = FAMILY[random.nextInt(FAMILY.length)];
      String dob =
          String.format(
              java.util.Locale.ROOT,
              "%04d-%02d-%02d",
              1940 + random.nextInt(60),
              1 + random.nextInt(12),
              1 + random.nextInt(28));
      String email = given + "." + family + p + "@example.com";
      String phone = String.format(java.util.Locale.ROOT, "+1650%07d", 2_530_000 + p);
      int house = 1 + random.nextInt(200);
      String street = STREETS[random.nextInt(STREETS.length)];
      String city = CITIES[random.nextInt(CITIES.length)];
      String zip = String.valueOf(10_000 + random.nextInt(80_000));
      int copies = 1 + (random.nextInt(3) == 0 ? random.nextInt(4) : 0);
      for (int c = 0; c < copies; c++) {
        ImmutableCustomerRecord.Builder r =
            CustomerRecord.builder()
                .channel(CHANNELS[random.nextInt(CHANNELS.length)])
                .customerId("p" + p + "-" + c)
                .updatedAt(Instant.EPOCH.plusSeconds(random.nextInt(1_000_000)));
        boolean swap = random.nextInt(20) == 0;
        if (random.nextInt(10) != 0) {
          r.givenName(typo(swap ? family : given, random));
        }
        if (random.nextInt(10) != 0) {
          r.familyName(typo(swap ? given : family, random));
        }
        if (random.nextInt(5) != 0) {
          r.dateOfBirth(random.nextInt(15) == 0 ? typo(dob, random) : dob);
        }
        if (random.nextInt(3) == 0) {
          r.addEmail(
              random.nextInt(10) == 0
                  ? typo(email, random)
                  : email.toUpperCase(java.util.Locale.ROOT));
        }
        if (random.nextInt(4) == 0) {
          r.addPhone(phone);
        }
        if (random.nextInt(4) != 0) {
          ImmutablePostalAddress.Builder a =
              PostalAddress.builder()
                  .addLine(house + " " + typo(street, random))
                  .city(typo(city, random))
                  .countryCode("US");
          if (random.nextInt(5) != 0) {
            a.postalCode(zip);
          }
          r.addAddress(a.build());
        }
        out.add(r.build());
      }
    }
    return out;
  }

  /** Introduces a typo one time in four. */
  static String typo(String s, Random random) {
    if (s.length() < 3 || random.nextInt(4) != 0) {
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
