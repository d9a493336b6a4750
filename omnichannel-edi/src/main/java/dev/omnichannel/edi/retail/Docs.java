package dev.omnichannel.edi.retail;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.omnichannel.core.Sku;
import dev.omnichannel.core.order.ImmutablePostalAddress;
import dev.omnichannel.core.order.PostalAddress;
import dev.omnichannel.edi.Finding;
import dev.omnichannel.edi.Location;
import dev.omnichannel.edi.Severity;
import dev.omnichannel.edi.x12.X12Loop;
import dev.omnichannel.edi.x12.X12Segment;
import dev.omnichannel.edi.x12.X12Transaction;
import dev.omnichannel.edi.x12.X12Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Helpers shared by the document mappings. */
final class Docs {
  private Docs() {}

  static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);
  static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm", Locale.ROOT);

  /** Collects positioned problems while mapping. */
  static final class Problems {
    final List<Finding> list = new ArrayList<>();

    void add(String code, String message, Location at) {
      list.add(new Finding(Severity.ERROR, code, Finding.Level.SEGMENT, "", message, at.segment()));
    }

    boolean any() {
      return !list.isEmpty();
    }
  }

  /**
   * Runs a mapping and turns a value the core model refuses (a SKU with a blank, an address the
   * model rejects) into a positioned problem instead of an exception.
   */
  static <T> MappingResult<T> guarded(
      X12Transaction t, java.util.function.Supplier<MappingResult<T>> body) {
    try {
      return body.get();
    } catch (IllegalArgumentException
        | IllegalStateException
        | java.util.NoSuchElementException e) {
      Problems p = new Problems();
      p.add("INVALID_VALUE", String.valueOf(e.getMessage()), start(t));
      return MappingResult.failed(p.list);
    }
  }

  static Location start(X12Transaction t) {
    List<X12Segment> s = t.segments();
    return s.isEmpty() ? new Location(0, 1, 0, "", 0, 0, 0) : s.get(0).location();
  }

  static Optional<X12Segment> first(X12Transaction t, String tag, Problems p, boolean required) {
    Optional<X12Segment> s = t.first(tag);
    if (s.isEmpty() && required) {
      p.add("MISSING_SEGMENT", tag + " is required", start(t));
    }
    return s;
  }

  static Optional<LocalDate> date(String v) {
    if (v.length() != 8) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(v, CCYYMMDD));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  static Optional<BigDecimal> decimal(String v) {
    if (v.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new BigDecimal(v));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Returns a whole, positive quantity, or empty. */
  static Optional<Long> quantity(String v) {
    return decimal(v)
        .filter(d -> d.signum() > 0)
        .flatMap(
            d -> {
              try {
                return Optional.of(d.longValueExact());
              } catch (ArithmeticException e) {
                return Optional.empty();
              }
            });
  }

  /** Returns the N1 loop with N101 = {@code entity}, among {@code loops}. */
  /**
   * Returns the host's SKU for a line's item numbers, or empty, adding {@code UNKNOWN_ITEM} at
   * {@code where} to {@code p}: also when the resolver names a value that is no valid SKU.
   */
  static Optional<Sku> sku(SkuResolver skus, Map<String, String> ids, Problems p, Location where) {
    Optional<Sku> sku;
    try {
      sku = skus.resolve(ImmutableMap.copyOf(ids));
    } catch (IllegalArgumentException e) {
      sku = Optional.empty();
    }
    if (sku.isEmpty()) {
      p.add("UNKNOWN_ITEM", "no SKU for item numbers " + ids, where);
    }
    return sku;
  }

  static Optional<X12Loop> party(List<X12Loop> loops, String entity) {
    return loops.stream().filter(l -> l.first().get(1).equals(entity)).findFirst();
  }

  /** Reads an address from an N1 loop (N1 name, N3 lines, N4 city/region/postal/country). */
  static PostalAddress address(X12Loop n1) {
    ImmutablePostalAddress.Builder b = PostalAddress.builder();
    String name = n1.first().get(2);
    if (!name.isEmpty()) {
      b.name(name);
    }
    for (X12Segment n3 : n1.segments("N3")) {
      for (int i = 1; i <= 2; i++) {
        if (n3.has(i)) {
          b.addLines(n3.get(i));
        }
      }
    }
    String country = "US";
    for (X12Segment n4 : n1.segments("N4")) {
      if (n4.has(1)) {
        b.city(n4.get(1));
      }
      if (n4.has(2)) {
        b.region(n4.get(2));
      }
      if (n4.has(3)) {
        b.postalCode(n4.get(3));
      }
      String c = n4.get(4);
      if (c.length() == 2
          && Character.isUpperCase(c.charAt(0))
          && Character.isUpperCase(c.charAt(1))) {
        country = c;
      }
    }
    return b.countryCode(country).build();
  }

  /** Writes N1, N3 and N4 for {@code address}. */
  static void writeParty(
      X12Writer w, String entity, PostalAddress a, String idQualifier, String id) {
    w.segment(
        "N1",
        entity,
        a.name().orElse(id.isEmpty() ? entity : ""),
        id.isEmpty() ? "" : idQualifier,
        id);
    List<String> lines = a.lines();
    for (int i = 0; i < lines.size(); i += 2) {
      w.segment("N3", lines.get(i), i + 1 < lines.size() ? lines.get(i + 1) : "");
    }
    w.segment(
        "N4",
        a.city().orElse(""),
        a.region().orElse(""),
        a.postalCode().orElse(""),
        a.countryCode());
  }

  static String plain(BigDecimal d) {
    return d.stripTrailingZeros().toPlainString();
  }

  static ImmutableList<X12Segment> all(X12Transaction t, String tag) {
    return t.segments().stream()
        .filter(s -> s.tag().equals(tag))
        .collect(ImmutableList.toImmutableList());
  }
}
