package dev.omnichannel.core.identity;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Compares two normalised records field by field into agreement levels, packed three bits per
 * {@link Field} into a {@code long} (the comparison vector of Fellegi–Sunter). Pure and
 * thread-safe.
 */
final class Comparison {
  static final int EXACT = 0;
  static final int CLOSE = 1;
  static final int WEAK = 2;
  static final int DIFFERENT = 3;
  static final int MISSING = 4;
  static final long ALL_MISSING;

  static {
    long v = 0;
    for (Field f : Field.ALL) {
      v = with(v, f, MISSING);
    }
    ALL_MISSING = v;
  }

  private Comparison() {}

  static int level(long vector, Field field) {
    return (int) ((vector >>> (3 * field.index)) & 7);
  }

  static long with(long vector, Field field, int level) {
    int shift = 3 * field.index;
    return (vector & ~(7L << shift)) | ((long) level << shift);
  }

  /** Returned by {@link #compareAtLeast} for a pair whose score cannot reach the floor. */
  static final long BELOW = -1;

  /**
   * Rounding allowance of the bound: a pair is given up only when its best possible score is below
   * the floor by more than this, far more than the rounding error of summing ten weights.
   */
  private static final double SLACK = 1e-9;

  /** Returns the comparison vector of two records. */
  static long compare(NormalizedRecord a, NormalizedRecord b) {
    return compare(a, b, null, 0);
  }

  /**
   * Returns the comparison vector of two records, or {@link #BELOW} as soon as the fields compared
   * so far show that the pair's score under {@code model} stays below {@code floor} whatever the
   * other fields say. Cheap fields come first and the names last, so most pairs that are plainly
   * different cost no string similarity at all. A vector returned is the one {@link
   * #compare(NormalizedRecord, NormalizedRecord)} gives.
   */
  static long compareAtLeast(
      NormalizedRecord a, NormalizedRecord b, MatchModel model, double floor) {
    return compare(a, b, model, floor);
  }

  private static long compare(
      NormalizedRecord a, NormalizedRecord b, @Nullable MatchModel model, double floor) {
    // What the score may still lose before it falls below the floor.
    double headroom = model == null ? Double.POSITIVE_INFINITY : model.maxScore() - floor;
    if (headroom < -SLACK) {
      return BELOW;
    }
    long v = ALL_MISSING;
    int dob = dateOfBirth(a, b);
    int phone = phones(a.phones, b.phones);
    v = with(v, Field.DATE_OF_BIRTH, dob);
    v = with(v, Field.PHONE, phone);
    headroom -= shortfall(model, Field.DATE_OF_BIRTH, dob) + shortfall(model, Field.PHONE, phone);
    NormalizedRecord.Address[] as = a.addresses;
    NormalizedRecord.Address[] bs = b.addresses;
    boolean oneAddressEach = as.length == 1 && bs.length == 1;
    if (oneAddressEach) {
      // The common case, field by field: the cheap parts now, the street and locality later.
      NormalizedRecord.Address x = as[0];
      NormalizedRecord.Address y = bs[0];
      int house = house(x.house(), y.house());
      int postcode = postcode(x.postcode(), y.postcode());
      int region = equalOrNot(x.region(), y.region());
      v = with(v, Field.HOUSE_NUMBER, house);
      v = with(v, Field.POSTAL_CODE, postcode);
      v = with(v, Field.REGION, region);
      headroom -=
          shortfall(model, Field.HOUSE_NUMBER, house)
              + shortfall(model, Field.POSTAL_CODE, postcode)
              + shortfall(model, Field.REGION, region);
    } else {
      v = address(v, as, bs);
      for (Field f : ADDRESS_FIELDS) {
        headroom -= shortfall(model, f, level(v, f));
      }
    }
    if (headroom < -SLACK) {
      return BELOW;
    }
    if (model != null
        && a.emails.length > 0
        && b.emails.length > 0
        && headroom - model.leastShortfallUnlessExact(Field.EMAIL) < -SLACK
        && !shareOne(a.emails, b.emails)) {
      // No email in common: the similarity of the others cannot save the pair.
      return BELOW;
    }
    int email = emails(a.emails, b.emails);
    v = with(v, Field.EMAIL, email);
    headroom -= shortfall(model, Field.EMAIL, email);
    if (headroom < -SLACK) {
      return BELOW;
    }
    if (oneAddressEach) {
      NormalizedRecord.Address x = as[0];
      NormalizedRecord.Address y = bs[0];
      int locality = text(x.locality(), null, y.locality(), null);
      v = with(v, Field.LOCALITY, locality);
      headroom -= shortfall(model, Field.LOCALITY, locality);
      if (headroom < -SLACK) {
        return BELOW;
      }
      int street = street(x, y);
      v = with(v, Field.STREET, street);
      headroom -= shortfall(model, Field.STREET, street);
      if (headroom < -SLACK) {
        return BELOW;
      }
    }
    int given = text(a.given, a.givenCode, b.given, b.givenCode);
    int family = text(a.family, a.familyCode, b.family, b.familyCode);
    if ((given >= WEAK || family >= WEAK)
        && given != MISSING
        && family != MISSING
        && a.given != null
        && a.family != null) {
      // Channels and typists swap given and family names; compare crosswise too.
      int swappedGiven = text(a.given, a.givenCode, b.family, b.familyCode);
      int swappedFamily = text(a.family, a.familyCode, b.given, b.givenCode);
      if (swappedGiven + swappedFamily < given + family) {
        given = swappedGiven;
        family = swappedFamily;
      }
    }
    v = with(v, Field.GIVEN_NAME, given);
    v = with(v, Field.FAMILY_NAME, family);
    headroom -=
        shortfall(model, Field.GIVEN_NAME, given) + shortfall(model, Field.FAMILY_NAME, family);
    return headroom < -SLACK ? BELOW : v;
  }

  private static final Field[] ADDRESS_FIELDS = {
    Field.HOUSE_NUMBER, Field.STREET, Field.LOCALITY, Field.POSTAL_CODE, Field.REGION
  };

  private static double shortfall(@Nullable MatchModel model, Field field, int level) {
    return model == null ? 0 : model.shortfall(field, level);
  }

  private static int text(
      @Nullable String a, @Nullable String aCode, @Nullable String b, @Nullable String bCode) {
    if (a == null || b == null) {
      return MISSING;
    }
    if (a.equals(b)) {
      return EXACT;
    }
    double s = Text.jaroWinkler(a, b);
    if (s >= 0.92) {
      return CLOSE;
    }
    if (s >= 0.8 || (aCode != null && aCode.equals(bCode))) {
      return WEAK;
    }
    return DIFFERENT;
  }

  private static int dateOfBirth(NormalizedRecord x, NormalizedRecord y) {
    int a = x.dobDigits;
    int b = y.dobDigits;
    if (a == NormalizedRecord.NO_DATE || b == NormalizedRecord.NO_DATE) {
      // Every normalised date has eight digits; anything else is compared as text.
      return x.dob == null || y.dob == null ? MISSING : dateOfBirth(x.dob, y.dob);
    }
    if (a == b) {
      return EXACT;
    }
    int diff = a ^ b;
    int first = Integer.numberOfLeadingZeros(diff) / 4;
    int last = 7 - Integer.numberOfTrailingZeros(diff) / 4;
    if (first == last) {
      // One digit differs.
      return CLOSE;
    }
    if (last == first + 1
        && digit(a, first) == digit(b, last)
        && digit(a, last) == digit(b, first)) {
      // Two neighbouring digits swapped.
      return CLOSE;
    }
    boolean sameYear = (a >>> 16) == (b >>> 16);
    // Day and month swapped.
    if (sameYear && ((a >>> 8) & 0xFF) == (b & 0xFF) && (a & 0xFF) == ((b >>> 8) & 0xFF)) {
      return CLOSE;
    }
    return sameYear ? WEAK : DIFFERENT;
  }

  /** Returns digit {@code i} (0 is the first) of eight packed digits. */
  private static int digit(int packed, int i) {
    return (packed >>> (4 * (7 - i))) & 0xF;
  }

  /** Compares dates of birth as text: the reference for the packed comparison above. */
  static int dateOfBirth(@Nullable String a, @Nullable String b) {
    if (a == null || b == null) {
      return MISSING;
    }
    if (a.equals(b)) {
      return EXACT;
    }
    if (Text.withinOneEdit(a, b)) {
      return CLOSE;
    }
    // Day and month swapped.
    if (a.regionMatches(0, b, 0, 4) && a.regionMatches(4, b, 6, 2) && a.regionMatches(6, b, 4, 2)) {
      return CLOSE;
    }
    return a.regionMatches(0, b, 0, 4) ? WEAK : DIFFERENT;
  }

  private static long address(
      long v, NormalizedRecord.Address[] as, NormalizedRecord.Address[] bs) {
    if (as.length == 0 || bs.length == 0) {
      return v;
    }
    long best = v;
    int bestBadness = Integer.MAX_VALUE;
    for (NormalizedRecord.Address a : as) {
      for (NormalizedRecord.Address b : bs) {
        int house = house(a.house(), b.house());
        int street = street(a, b);
        int locality = text(a.locality(), null, b.locality(), null);
        int postcode = postcode(a.postcode(), b.postcode());
        int region = equalOrNot(a.region(), b.region());
        int badness =
            badness(house)
                + badness(street)
                + badness(locality)
                + badness(postcode)
                + badness(region);
        if (badness < bestBadness) {
          bestBadness = badness;
          long c = with(v, Field.HOUSE_NUMBER, house);
          c = with(c, Field.STREET, street);
          c = with(c, Field.LOCALITY, locality);
          c = with(c, Field.POSTAL_CODE, postcode);
          best = with(c, Field.REGION, region);
        }
      }
    }
    return best;
  }

  private static int badness(int level) {
    return level == MISSING ? 2 : level;
  }

  private static int house(@Nullable String a, @Nullable String b) {
    if (a == null || b == null) {
      return MISSING;
    }
    if (a.equals(b)) {
      return EXACT;
    }
    return Text.withinOneEdit(a, b) ? WEAK : DIFFERENT;
  }

  private static int street(NormalizedRecord.Address a, NormalizedRecord.Address b) {
    int level = text(a.street(), a.streetCode(), b.street(), b.streetCode());
    if (level >= WEAK) {
      // Address lines arrive in either order.
      level = Math.min(level, nonMissing(text(a.street(), null, b.extra(), null)));
      level = Math.min(level, nonMissing(text(a.extra(), null, b.street(), null)));
    }
    return level;
  }

  private static int nonMissing(int level) {
    return level == MISSING ? Integer.MAX_VALUE : level;
  }

  private static int postcode(@Nullable String a, @Nullable String b) {
    if (a == null || b == null) {
      return MISSING;
    }
    if (a.equals(b)) {
      return EXACT;
    }
    return Text.withinOneEdit(a, b) ? CLOSE : DIFFERENT;
  }

  private static int equalOrNot(@Nullable String a, @Nullable String b) {
    if (a == null || b == null) {
      return MISSING;
    }
    return a.equals(b) ? EXACT : DIFFERENT;
  }

  private static int emails(String[] as, String[] bs) {
    if (as.length == 0 || bs.length == 0) {
      return MISSING;
    }
    int best = DIFFERENT;
    for (String a : as) {
      for (String b : bs) {
        int level;
        if (a.equals(b)) {
          return EXACT;
        }
        int atA = a.indexOf('@');
        int atB = b.indexOf('@');
        if (atA == atB && a.regionMatches(0, b, 0, atA)) {
          level = CLOSE;
        } else {
          double s = Text.jaroWinkler(a, b);
          level = s >= 0.92 ? CLOSE : s >= 0.8 ? WEAK : DIFFERENT;
        }
        best = Math.min(best, level);
      }
    }
    return best;
  }

  /** Returns whether two sorted arrays have a value in common. */
  private static boolean shareOne(String[] as, String[] bs) {
    for (String a : as) {
      if (Arrays.binarySearch(bs, a) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static int phones(String[] as, String[] bs) {
    if (as.length == 0 || bs.length == 0) {
      return MISSING;
    }
    int best = DIFFERENT;
    for (String a : as) {
      if (Arrays.binarySearch(bs, a) >= 0) {
        return EXACT;
      }
      for (String b : bs) {
        if (a.length() >= 7
            && b.length() >= 7
            && a.regionMatches(a.length() - 7, b, b.length() - 7, 7)) {
          best = WEAK;
        }
      }
    }
    return best;
  }
}
