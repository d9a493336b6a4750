package dev.omnichannel.edi.retail;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.omnichannel.core.order.Order;
import dev.omnichannel.core.order.OrderLine;
import dev.omnichannel.edi.Finding;
import dev.omnichannel.edi.Location;
import dev.omnichannel.edi.Severity;
import dev.omnichannel.edi.x12.HlNode;
import dev.omnichannel.edi.x12.X12Segment;
import dev.omnichannel.edi.x12.X12Transaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a transaction set against a {@link PartnerProfile}: the rules above syntax that turn into
 * chargebacks. CTT01 (line count, or HL count in an 856) and CTT02 hash totals; GTIN/UPC and
 * SSCC-18 check digits at the partner's severity; in an 856 the carton structure (TD1 carton count
 * against pack levels, an SSCC on every pack, items with LIN and SN1), shipped quantities against
 * the purchase order and the ASN window after shipment. Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class ComplianceRules {
  private ComplianceRules() {}

  /** Returns the findings for {@code t} without purchase order or timing checks. */
  public static ImmutableList<Finding> check(X12Transaction t, PartnerProfile profile) {
    return check(t, profile, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * Returns the findings for {@code t}. With {@code order}, shipped quantities of an 856 are
   * compared with it (by partner item number or SKU); with {@code shippedAt} and {@code asnSentAt},
   * the ASN window is checked.
   */
  public static ImmutableList<Finding> check(
      X12Transaction t,
      PartnerProfile profile,
      Optional<Order> order,
      Optional<Instant> shippedAt,
      Optional<Instant> asnSentAt) {
    checkNotNull(t, "t");
    checkNotNull(profile, "profile");
    ImmutableList.Builder<Finding> out = ImmutableList.builder();
    List<X12Segment> segments = t.segments();
    checkCtt(t, segments, profile, out);
    for (X12Segment s : segments) {
      switch (s.tag()) {
        case "LIN", "PO1", "IT1" -> checkProductIds(s, s.tag().equals("LIN") ? 2 : 6, profile, out);
        case "MAN" -> {
          if (s.get(1).equals("GM") && !Gs1.isValidSscc(s.get(2))) {
            out.add(
                finding(
                    profile.ssccCheckDigit(),
                    "SSCC_CHECK_DIGIT",
                    "MAN02 '" + s.get(2) + "' is not a valid SSCC-18",
                    s.location().atElement(2)));
          }
        }
        default -> {}
      }
    }
    if (t.setId().equals("856")) {
      checkCartons(t, out);
      order.ifPresent(o -> checkQuantities(t, o, profile, out));
      if (shippedAt.isPresent() && asnSentAt.isPresent()) {
        Duration late = Duration.between(shippedAt.get(), asnSentAt.get());
        if (late.compareTo(profile.asnWindow()) > 0) {
          out.add(
              finding(
                  Severity.ERROR,
                  "ASN_LATE",
                  "ASN sent " + late + " after shipment; the partner allows " + profile.asnWindow(),
                  segments.get(0).location()));
        }
      }
    }
    return out.build();
  }

  private static void checkCtt(
      X12Transaction t,
      List<X12Segment> segments,
      PartnerProfile profile,
      ImmutableList.Builder<Finding> out) {
    Optional<X12Segment> ctt = t.first("CTT");
    if (ctt.isEmpty()) {
      return;
    }
    X12Segment c = ctt.get();
    String lineTag;
    int qtyElement;
    switch (t.setId()) {
      case "856" -> {
        lineTag = "HL";
        qtyElement = 0;
      }
      case "810" -> {
        lineTag = "IT1";
        qtyElement = 2;
      }
      case "855", "850" -> {
        lineTag = "PO1";
        qtyElement = 2;
      }
      default -> {
        return;
      }
    }
    long lines = segments.stream().filter(s -> s.tag().equals(lineTag)).count();
    if (!c.get(1).equals(Long.toString(lines))) {
      out.add(
          finding(
              Severity.ERROR,
              "CTT_LINE_COUNT",
              "CTT01 is " + c.get(1) + " but the transaction set holds " + lines + " " + lineTag,
              c.location().atElement(1)));
    }
    if (profile.cttHashTotal() && c.has(2) && qtyElement > 0) {
      BigDecimal sum = BigDecimal.ZERO;
      for (X12Segment s : segments) {
        if (s.tag().equals(lineTag)) {
          sum = sum.add(Docs.decimal(s.get(qtyElement)).orElse(BigDecimal.ZERO));
        }
      }
      Optional<BigDecimal> declared = Docs.decimal(c.get(2));
      if (declared.isEmpty() || declared.get().compareTo(sum) != 0) {
        out.add(
            finding(
                Severity.ERROR,
                "CTT_HASH_TOTAL",
                "CTT02 is "
                    + c.get(2)
                    + " but the line quantities add up to "
                    + sum.toPlainString(),
                c.location().atElement(2)));
      }
    }
  }

  private static void checkProductIds(
      X12Segment s,
      int firstQualifier,
      PartnerProfile profile,
      ImmutableList.Builder<Finding> out) {
    for (int i = firstQualifier; i + 1 <= s.elements().size(); i += 2) {
      String q = s.get(i);
      String id = s.get(i + 1);
      boolean gtinQualifier = q.equals("UP") || q.equals("EN") || q.equals("UK") || q.equals("UA");
      if (!gtinQualifier || id.isEmpty()) {
        continue;
      }
      int expected = q.equals("UP") ? 12 : q.equals("EN") ? 13 : q.equals("UK") ? 14 : 12;
      if (!Gs1.hasValidCheckDigit(id)) {
        out.add(
            finding(
                profile.gtinCheckDigit(),
                "GTIN_CHECK_DIGIT",
                q + " '" + id + "' fails the GS1 check digit",
                s.location().atElement(i + 1)));
      } else if (id.length() != expected) {
        out.add(
            finding(
                profile.gtinCheckDigit(),
                "GTIN_LENGTH",
                q + " '" + id + "' has " + id.length() + " digits, " + expected + " expected",
                s.location().atElement(i + 1)));
      }
    }
  }

  private static void checkCartons(X12Transaction t, ImmutableList.Builder<Finding> out) {
    for (HlNode shipment : t.hlTree()) {
      if (!shipment.levelCode().equals("S")) {
        continue;
      }
      ImmutableList<HlNode> packs = shipment.descendants("P");
      Optional<X12Segment> td1 = shipment.segment("TD1");
      if (td1.isPresent() && td1.get().get(1).startsWith("CTN") && !packs.isEmpty()) {
        String declared = td1.get().get(2);
        if (!declared.equals(Integer.toString(packs.size()))) {
          out.add(
              finding(
                  Severity.ERROR,
                  "CARTON_COUNT",
                  "TD102 declares "
                      + declared
                      + " cartons but the ASN has "
                      + packs.size()
                      + " packs",
                  td1.get().location().atElement(2)));
        }
      }
      for (HlNode pack : packs) {
        Location at = pack.segments().get(0).location();
        if (pack.segmentsWithTag("MAN").stream().noneMatch(m -> m.get(1).equals("GM"))) {
          out.add(finding(Severity.ERROR, "CARTON_WITHOUT_SSCC", "pack level without MAN*GM", at));
        }
        if (pack.descendants("I").isEmpty()) {
          out.add(finding(Severity.ERROR, "EMPTY_CARTON", "pack level without items", at));
        }
      }
      for (HlNode item : shipment.descendants("I")) {
        if (item.segment("LIN").isEmpty() || item.segment("SN1").isEmpty()) {
          out.add(
              finding(
                  Severity.ERROR,
                  "INCOMPLETE_ITEM",
                  "item level without LIN or SN1",
                  item.segments().get(0).location()));
        }
      }
    }
  }

  private static void checkQuantities(
      X12Transaction t, Order order, PartnerProfile profile, ImmutableList.Builder<Finding> out) {
    Map<String, Long> ordered = new HashMap<>();
    Map<String, String> keyOf = new HashMap<>();
    for (OrderLine l : order.lines()) {
      String key = l.sku().value();
      ordered.merge(key, l.quantity(), Long::sum);
      keyOf.put(key, key);
      l.partnerItemIds().values().forEach(v -> keyOf.put(v, key));
    }
    Map<String, Long> shipped = new HashMap<>();
    Map<String, Location> where = new HashMap<>();
    for (HlNode root : t.hlTree()) {
      for (HlNode item : root.descendants("I")) {
        Optional<X12Segment> lin = item.segment("LIN");
        Optional<X12Segment> sn1 = item.segment("SN1");
        if (lin.isEmpty() || sn1.isEmpty()) {
          continue;
        }
        String key = null;
        for (int i = 3; i <= lin.get().elements().size(); i += 2) {
          key = keyOf.get(lin.get().get(i));
          if (key != null) {
            break;
          }
        }
        if (key == null) {
          out.add(
              finding(
                  Severity.ERROR,
                  "ITEM_NOT_ORDERED",
                  "shipped item " + lin.get() + " is not on purchase order " + order.orderId(),
                  lin.get().location()));
          continue;
        }
        long qty = Docs.decimal(sn1.get().get(2)).map(BigDecimal::longValue).orElse(0L);
        shipped.merge(key, qty, Long::sum);
        where.putIfAbsent(key, sn1.get().location().atElement(2));
      }
    }
    for (Map.Entry<String, Long> e : shipped.entrySet()) {
      long o = ordered.getOrDefault(e.getKey(), 0L);
      if (e.getValue() > o) {
        out.add(
            finding(
                profile.allowOverShipment() ? Severity.WARNING : Severity.ERROR,
                "OVER_SHIPMENT",
                "shipped " + e.getValue() + " of " + e.getKey() + " but " + o + " were ordered",
                java.util.Objects.requireNonNull(where.get(e.getKey()))));
      }
    }
  }

  private static Finding finding(Severity severity, String code, String message, Location at) {
    return new Finding(severity, code, Finding.Level.SEGMENT, "", message, at);
  }
}
