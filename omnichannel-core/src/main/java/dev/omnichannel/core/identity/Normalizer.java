package dev.omnichannel.core.identity;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import dev.omnichannel.core.order.PostalAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Normalises customer records with the tables of one {@link IdentityConfig}. Pure and thread-safe:
 * the same record always gives the same result, and no input makes it throw.
 */
final class Normalizer {
  // Folded text has single spaces between its words and none at either end, so no word is empty.
  private static final Splitter WORDS = Splitter.on(' ');
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
  private static final int MAX_PHONE_LENGTH = 64;
  private static final int MAX_EMAIL_LENGTH = 254;
  private static final ImmutableSet<String> TITLES =
      ImmutableSet.of("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "madam");

  private final IdentityConfig config;
  private final Map<String, EmailRule> emailRules = new HashMap<>();
  private final ImmutableMap<String, String> nicknames;
  private final ImmutableMap<String, String> abbreviations;
  private final int maxLength;

  Normalizer(IdentityConfig config) {
    this.config = config;
    for (EmailRule rule : config.emailRules()) {
      for (String domain : rule.domains()) {
        emailRules.putIfAbsent(domain, rule);
      }
    }
    this.nicknames = config.nicknames();
    this.abbreviations = config.addressAbbreviations();
    this.maxLength = config.maxFieldLength();
  }

  NormalizedRecord normalize(CustomerRecord r) {
    RecordKey key = r.key();
    String given = name(r.givenName().orElse(null), true);
    String family = name(r.familyName().orElse(null), false);
    String dob = dateOfBirth(r.dateOfBirth().orElse(null));
    List<NormalizedRecord.Address> addresses = new ArrayList<>();
    for (PostalAddress a : r.addresses()) {
      NormalizedRecord.Address n = address(a);
      if (n != null) {
        addresses.add(n);
      }
    }
    TreeSet<String> emails = new TreeSet<>();
    TreeSet<String> scoped = new TreeSet<>();
    for (String raw : r.emails()) {
      String email = email(raw);
      if (email == null) {
        continue;
      }
      if (isChannelScoped(email)) {
        scoped.add(key.channel().value() + "|" + email);
      } else {
        emails.add(email);
      }
    }
    for (String raw : r.channelScopedIds()) {
      String id = identifier(raw);
      if (id != null) {
        scoped.add(key.channel().value() + "|" + id);
      }
    }
    String region =
        r.addresses().isEmpty() ? config.defaultRegion() : r.addresses().get(0).countryCode();
    TreeSet<String> phones = new TreeSet<>();
    for (String raw : r.phones()) {
      String phone = phone(raw, region);
      if (phone != null) {
        phones.add(phone);
      }
    }
    TreeSet<String> loyalty = new TreeSet<>();
    for (String raw : r.loyaltyIds()) {
      String id = identifier(raw);
      if (id != null) {
        loyalty.add(id);
      }
    }
    TreeSet<String> strong = new TreeSet<>();
    emails.forEach(e -> strong.add("E|" + e));
    phones.forEach(p -> strong.add("P|" + p));
    loyalty.forEach(l -> strong.add("L|" + l));
    scoped.forEach(s -> strong.add("S|" + s));

    String givenCode = Text.soundex(given);
    String familyCode = Text.soundex(family);
    TreeSet<String> blocks = new TreeSet<>();
    if (givenCode != null && familyCode != null) {
      // Sorted, so that swapped given and family names still meet.
      blocks.add(
          givenCode.compareTo(familyCode) <= 0
              ? "N|" + givenCode + "|" + familyCode
              : "N|" + familyCode + "|" + givenCode);
    }
    if (dob != null) {
      // Date of birth with either name's initial (so swapped names still meet); alone only when
      // a name is missing, because a bare date groups dozens of strangers in a large population.
      if (givenCode != null) {
        blocks.add("D|" + dob + "|" + givenCode.charAt(0));
      }
      if (familyCode != null) {
        blocks.add("D|" + dob + "|" + familyCode.charAt(0));
      }
      if (givenCode == null || familyCode == null) {
        blocks.add("D|" + dob);
      }
      if (givenCode != null) {
        blocks.add("GY|" + givenCode + "|" + dob.substring(0, 4));
      }
      if (familyCode != null) {
        blocks.add("FY|" + familyCode + "|" + dob.substring(0, 4));
      }
    }
    for (NormalizedRecord.Address a : addresses) {
      String place = a.postcode() != null ? "P|" + a.postcode() : null;
      if (place == null && a.locality() != null) {
        place = "C|" + a.locality();
      }
      if (place != null) {
        if (familyCode != null) {
          blocks.add(place + "|F" + familyCode);
        }
        if (givenCode != null) {
          blocks.add(place + "|G" + givenCode);
        }
      }
      if (a.streetCode() != null && a.house() != null) {
        blocks.add("S|" + a.streetCode() + "|" + a.house());
      }
    }
    for (String e : emails) {
      blocks.add("EL|" + e.substring(0, e.indexOf('@')));
    }
    return new NormalizedRecord(
        key,
        given,
        family,
        dob,
        addresses.toArray(new NormalizedRecord.Address[0]),
        emails.toArray(new String[0]),
        phones.toArray(new String[0]),
        loyalty.toArray(new String[0]),
        scoped.toArray(new String[0]),
        KeyIndex.fingerprints(strong),
        KeyIndex.fingerprints(blocks));
  }

  /** Folds a name, drops titles and, for given names, resolves nicknames. */
  @Nullable String name(@Nullable String raw, boolean given) {
    String folded = Text.fold(raw, maxLength);
    if (folded == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(folded.length());
    for (String token : WORDS.split(folded)) {
      if (TITLES.contains(token)) {
        continue;
      }
      if (given) {
        token = nicknames.getOrDefault(token, token);
      }
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(token);
    }
    return out.length() == 0 ? null : out.toString();
  }

  /** Returns the canonical email, or null when {@code raw} is not a plausible address. */
  @Nullable String email(@Nullable String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.strip();
    if (s.isEmpty() || s.length() > MAX_EMAIL_LENGTH) {
      return null;
    }
    s = s.toLowerCase(Locale.ROOT);
    int at = s.indexOf('@');
    if (at <= 0 || at != s.lastIndexOf('@') || at > 64) {
      return null;
    }
    String local = s.substring(0, at);
    String domain = s.substring(at + 1);
    if (!validLocal(local) || !validDomain(domain)) {
      return null;
    }
    EmailRule rule = emailRules.get(domain);
    if (rule != null) {
      if (rule.stripPlusTag()) {
        int plus = local.indexOf('+');
        if (plus == 0) {
          return null;
        }
        if (plus > 0) {
          local = local.substring(0, plus);
        }
      }
      if (rule.ignoreDots()) {
        local = local.replace(".", "");
        if (local.isEmpty()) {
          return null;
        }
      }
      domain = rule.canonicalDomain().orElse(domain);
    }
    return local + "@" + domain;
  }

  private static boolean validLocal(String local) {
    if (local.isEmpty() || local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
      return false;
    }
    for (int i = 0; i < local.length(); i++) {
      char c = local.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || ".!#$%&'*+/=?^_`{|}~-".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static boolean validDomain(String domain) {
    if (domain.length() < 4 || domain.length() > 253) {
      return false;
    }
    String[] labels = domain.split("\\.", -1);
    if (labels.length < 2) {
      return false;
    }
    for (String label : labels) {
      if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
        return false;
      }
      for (int i = 0; i < label.length(); i++) {
        char c = label.charAt(i);
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
          return false;
        }
      }
    }
    String tld = labels[labels.length - 1];
    return tld.length() >= 2 && Character.isLetter(tld.charAt(0));
  }

  boolean isChannelScoped(String email) {
    String domain = email.substring(email.indexOf('@') + 1);
    for (String scoped : config.channelScopedEmailDomains()) {
      if (domain.equals(scoped) || domain.endsWith("." + scoped)) {
        return true;
      }
    }
    return false;
  }

  /** Returns the E.164 form of a valid phone number, or null. */
  static @Nullable String phone(@Nullable String raw, String region) {
    if (raw == null || raw.isBlank() || raw.length() > MAX_PHONE_LENGTH) {
      return null;
    }
    try {
      Phonenumber.PhoneNumber number = PHONES.parse(raw, region);
      if (!PHONES.isValidNumber(number)) {
        return null;
      }
      return PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
    } catch (NumberParseException e) {
      return null;
    }
  }

  /** Returns an identifier (loyalty id, buyer id) trimmed and upper-cased, or null. */
  @Nullable String identifier(@Nullable String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.strip();
    if (s.isEmpty() || s.length() > RecordKey.MAX_ID_LENGTH) {
      return null;
    }
    for (int i = 0; i < s.length(); i++) {
      if (Character.isISOControl(s.charAt(i))) {
        return null;
      }
    }
    return s.toUpperCase(Locale.ROOT);
  }

  /**
   * Returns the date of birth as eight digits {@code yyyyMMdd}, from {@code yyyy-MM-dd} (or with
   * {@code /} or {@code .}) or {@code yyyyMMdd}; null for anything else. Impossible dates from a
   * typo are kept: they still compare well with the true date.
   */
  static @Nullable String dateOfBirth(@Nullable String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.strip();
    if (s.length() > 10) {
      return null;
    }
    String digits;
    if (s.length() == 8 && allDigits(s)) {
      digits = s;
    } else {
      // yyyy-M-d with one separator kind, without a regular expression: this runs per record.
      if (s.length() < 8 || !allDigits(s.substring(0, 4))) {
        return null;
      }
      char sep = s.charAt(4);
      if (sep != '-' && sep != '/' && sep != '.') {
        return null;
      }
      int second = s.indexOf(sep, 5);
      if (second < 0 || s.indexOf(sep, second + 1) >= 0) {
        return null;
      }
      String month = s.substring(5, second);
      String day = s.substring(second + 1);
      if (month.isEmpty()
          || month.length() > 2
          || day.isEmpty()
          || day.length() > 2
          || !allDigits(month)
          || !allDigits(day)) {
        return null;
      }
      digits = s.substring(0, 4) + pad(month) + pad(day);
    }
    int century = Integer.parseInt(digits.substring(0, 2));
    return century >= 18 && century <= 21 ? digits : null;
  }

  private static String pad(String s) {
    return s.length() == 1 ? "0" + s : s;
  }

  private static boolean allDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private NormalizedRecord.@Nullable Address address(PostalAddress a) {
    List<String> lines = new ArrayList<>();
    for (String line : a.lines()) {
      String folded = Text.fold(line, maxLength);
      if (folded != null) {
        lines.add(expand(folded));
      }
    }
    String house = null;
    String street = null;
    if (!lines.isEmpty()) {
      String first = lines.get(0);
      int space = first.indexOf(' ');
      String head = space < 0 ? first : first.substring(0, space);
      if (Character.isDigit(head.charAt(0))) {
        house = head;
        street = space < 0 ? null : first.substring(space + 1);
      } else {
        street = first;
      }
    }
    String extra = lines.size() > 1 ? String.join(" ", lines.subList(1, lines.size())) : null;
    String locality = Text.fold(a.city().orElse(null), maxLength);
    String postcode = postcode(a.postalCode().orElse(null), a.countryCode());
    String region = Text.fold(a.region().orElse(null), maxLength);
    if (house == null
        && street == null
        && extra == null
        && locality == null
        && postcode == null
        && region == null) {
      return null;
    }
    String streetCode = street == null ? null : Text.soundex(street.replace(" ", ""));
    return new NormalizedRecord.Address(
        house, street, streetCode, extra, locality, postcode, region, a.countryCode());
  }

  private String expand(String folded) {
    String[] tokens = folded.split(" ");
    for (int i = 0; i < tokens.length; i++) {
      tokens[i] = abbreviations.getOrDefault(tokens[i], tokens[i]);
    }
    return String.join(" ", tokens);
  }

  /** Returns the postal code upper case without blanks or dashes; US ZIP+4 cut to five digits. */
  static @Nullable String postcode(@Nullable String raw, String country) {
    if (raw == null || raw.length() > 20) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) {
        out.append(c);
      } else if (c >= 'a' && c <= 'z') {
        out.append((char) (c - 'a' + 'A'));
      } else if (c != ' ' && c != '-') {
        return null;
      }
    }
    if (out.length() < 2 || out.length() > 10) {
      return null;
    }
    if (country.equals("US") && out.length() == 9) {
      out.setLength(5);
    }
    return out.toString();
  }
}
