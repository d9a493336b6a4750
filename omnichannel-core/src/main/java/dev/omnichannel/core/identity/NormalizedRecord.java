package dev.omnichannel.core.identity;

import org.jspecify.annotations.Nullable;

/**
 * A customer record after normalisation: the comparable forms of its values and its keys. Values
 * that did not normalise are null or absent here (the original stays on the {@link
 * CustomerRecord}).
 */
final class NormalizedRecord {
  /** One postal address in comparable form. */
  record Address(
      @Nullable String house,
      @Nullable String street,
      @Nullable String streetCode,
      @Nullable String extra,
      @Nullable String locality,
      @Nullable String postcode,
      @Nullable String region,
      String country) {}

  final RecordKey key;
  final @Nullable String given;
  final @Nullable String family;
  final @Nullable String givenCode;
  final @Nullable String familyCode;
  final @Nullable String dob;

  /**
   * The date of birth's eight digits packed four bits each, first digit highest, or {@link
   * #NO_DATE}: compared without reading the string, which is the first value of a candidate the
   * scoring reads.
   */
  final int dobDigits;

  static final int NO_DATE = -1;
  final Address[] addresses;

  /** Valid emails usable across channels. */
  final String[] emails;

  /** E.164 phones. */
  final String[] phones;

  final String[] loyaltyIds;

  /** Channel-scoped identifiers (relay emails, marketplace buyer ids), prefixed by channel. */
  final String[] scopedIds;

  /** Strong identifier keys ({@code kind|value}), sorted, without duplicates. */
  final long[] strongKeys;

  /** Blocking keys, sorted, without duplicates. */
  final long[] blockKeys;

  NormalizedRecord(
      RecordKey key,
      @Nullable String given,
      @Nullable String family,
      @Nullable String dob,
      Address[] addresses,
      String[] emails,
      String[] phones,
      String[] loyaltyIds,
      String[] scopedIds,
      long[] strongKeys,
      long[] blockKeys) {
    this.key = key;
    this.given = given;
    this.family = family;
    this.givenCode = Text.soundex(given);
    this.familyCode = Text.soundex(family);
    this.dob = dob;
    this.dobDigits = packDigits(dob);
    this.addresses = addresses;
    this.emails = emails;
    this.phones = phones;
    this.loyaltyIds = loyaltyIds;
    this.scopedIds = scopedIds;
    this.strongKeys = strongKeys;
    this.blockKeys = blockKeys;
  }

  /** Packs eight decimal digits into an int, or returns {@link #NO_DATE} for anything else. */
  static int packDigits(@Nullable String dob) {
    if (dob == null || dob.length() != 8) {
      return NO_DATE;
    }
    int packed = 0;
    for (int i = 0; i < 8; i++) {
      char c = dob.charAt(i);
      if (c < '0' || c > '9') {
        return NO_DATE;
      }
      packed = (packed << 4) | (c - '0');
    }
    return packed;
  }
}
