package dev.omnichannel.edi.retail;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.omnichannel.core.Sku;
import dev.omnichannel.core.order.ImmutablePostalAddress;
import dev.omnichannel.core.order.PostalAddress;
import dev.omnichannel.edi.x12.HlNode;
import dev.omnichannel.edi.x12.X12Segment;
import dev.omnichannel.edi.x12.X12Transaction;
import dev.omnichannel.edi.x12.X12Writer;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/**
 * Writes a {@link ShipNotice} as an 856 with the HL hierarchy shipment, order, tare (pallet), pack
 * (carton), item (S-O-T-P-I, or S-O-P-I without pallets), SSCC-18 in {@code MAN*GM}, and reads an
 * 856 of any HL shape back. Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class ShipNotices {
  private ShipNotices() {}

  /** Writes {@code notice} as an 856 into the writer's open SH group. */
  public static void write(ShipNotice notice, X12Writer w) {
    checkNotNull(notice, "notice");
    checkNotNull(w, "writer");
    w.startTransaction("856");
    w.segment(
        "BSN",
        "00",
        notice.shipmentId(),
        notice.shipDate().format(Docs.CCYYMMDD),
        notice.shipTime().format(Docs.HHMM),
        notice.pallets().isEmpty() ? "0001" : "0004");
    int hl = 1;
    w.segment("HL", "1", "", "S");
    w.segment("TD1", "CTN", Integer.toString(notice.allCartons().size()));
    if (!notice.carrierScac().isEmpty()) {
      w.segment("TD5", "", "2", notice.carrierScac());
    }
    if (!notice.billOfLading().isEmpty()) {
      w.segment("REF", "BM", notice.billOfLading());
    }
    w.segment("DTM", "011", notice.shipDate().format(Docs.CCYYMMDD));
    Docs.writeParty(w, "ST", notice.shipTo(), "92", notice.shipToId());
    int order = ++hl;
    w.segment("HL", Integer.toString(order), "1", "O");
    w.segment("PRF", notice.orderId());
    for (ShipNotice.Pallet p : notice.pallets()) {
      int tare = ++hl;
      w.segment("HL", Integer.toString(tare), Integer.toString(order), "T");
      w.segment("MAN", "GM", p.sscc());
      for (ShipNotice.Carton c : p.cartons()) {
        hl = writeCarton(w, c, tare, hl);
      }
    }
    for (ShipNotice.Carton c : notice.cartons()) {
      hl = writeCarton(w, c, order, hl);
    }
    w.segment("CTT", Integer.toString(hl));
    w.endTransaction();
  }

  private static int writeCarton(X12Writer w, ShipNotice.Carton c, int parent, int hl) {
    int pack = ++hl;
    w.segment("HL", Integer.toString(pack), Integer.toString(parent), "P");
    w.segment("MAN", "GM", c.sscc());
    for (ShipNotice.ShippedItem i : c.items()) {
      int item = ++hl;
      w.segment("HL", Integer.toString(item), Integer.toString(pack), "I");
      if (i.gtin().isEmpty()) {
        w.segment("LIN", "", "SK", i.sku().value());
      } else {
        w.segment("LIN", "", "SK", i.sku().value(), "UP", i.gtin());
      }
      w.segment("SN1", "", Long.toString(i.quantity()), "EA");
    }
    return hl;
  }

  /** Returns the ship notice in {@code asn}, or the positioned problems that prevent it. */
  public static MappingResult<ShipNotice> read(X12Transaction asn) {
    checkNotNull(asn, "asn");
    return Docs.guarded(asn, () -> readUnguarded(asn));
  }

  private static MappingResult<ShipNotice> readUnguarded(X12Transaction asn) {
    checkNotNull(asn, "asn");
    Docs.Problems p = new Docs.Problems();
    Optional<X12Segment> bsn = Docs.first(asn, "BSN", p, true);
    ImmutableList<HlNode> roots = asn.hlTree();
    if (bsn.isEmpty() || roots.isEmpty() || !roots.get(0).levelCode().equals("S")) {
      if (bsn.isPresent()) {
        p.add("NO_SHIPMENT_LEVEL", "the first HL must be a shipment (S)", bsn.get().location());
      }
      return MappingResult.failed(p.list);
    }
    X12Segment b = bsn.get();
    HlNode s = roots.get(0);
    Optional<LocalDate> date = Docs.date(b.get(3));
    if (date.isEmpty()) {
      p.add("INVALID_DATE", "BSN03 is not a date", b.location());
    }
    LocalTime time = LocalTime.MIDNIGHT;
    String t = b.get(4);
    if (t.length() >= 4 && Gs1.isDigits(t)) {
      time =
          LocalTime.of(
              Integer.parseInt(t.substring(0, 2)) % 24, Integer.parseInt(t.substring(2, 4)) % 60);
    }
    String scac = s.segment("TD5").map(x -> x.get(3)).orElse("");
    String bol =
        s.segmentsWithTag("REF").stream()
            .filter(r -> r.get(1).equals("BM"))
            .map(r -> r.get(2))
            .findFirst()
            .orElse("");
    PostalAddress shipTo = PostalAddress.builder().countryCode("US").build();
    String shipToId = "";
    List<X12Segment> seg = s.segments();
    for (int i = 0; i < seg.size(); i++) {
      if (seg.get(i).tag().equals("N1") && seg.get(i).get(1).equals("ST")) {
        shipTo = address(seg, i);
        shipToId = seg.get(i).get(4);
      }
    }
    ImmutableList<HlNode> orders = s.descendants("O");
    if (orders.isEmpty()) {
      p.add("NO_ORDER_LEVEL", "no order (O) level", b.location());
      return MappingResult.failed(p.list);
    }
    if (orders.size() > 1) {
      p.add(
          "MULTIPLE_ORDERS",
          "the ASN holds " + orders.size() + " order levels; a ShipNotice maps one order",
          orders.get(1).segments().get(0).location());
    }
    HlNode o = orders.get(0);
    String orderId = o.segment("PRF").map(x -> x.get(1)).orElse("");
    if (orderId.isEmpty()) {
      p.add("MISSING_PO_NUMBER", "order level without PRF01", o.segments().get(0).location());
    }
    ImmutableList.Builder<ShipNotice.Pallet> pallets = ImmutableList.builder();
    ImmutableList.Builder<ShipNotice.Carton> loose = ImmutableList.builder();
    for (HlNode child : o.children()) {
      if (child.levelCode().equals("T")) {
        ImmutableList.Builder<ShipNotice.Carton> onPallet = ImmutableList.builder();
        for (HlNode pack : child.children()) {
          carton(pack, p).ifPresent(onPallet::add);
        }
        String sscc = sscc(child);
        if (!Gs1.isValidSscc(sscc)) {
          p.add(
              "INVALID_SSCC",
              "pallet SSCC '" + sscc + "' is not a valid SSCC-18",
              child.segments().get(0).location());
        } else {
          pallets.add(new ShipNotice.Pallet(normalize(sscc), onPallet.build()));
        }
      } else if (child.levelCode().equals("P")) {
        carton(child, p).ifPresent(loose::add);
      }
    }
    if (p.any()) {
      return MappingResult.failed(p.list);
    }
    return MappingResult.of(
        new ShipNotice(
            b.get(2),
            date.orElseThrow(),
            time,
            scac,
            bol,
            shipTo,
            shipToId,
            orderId,
            pallets.build(),
            loose.build()));
  }

  private static Optional<ShipNotice.Carton> carton(HlNode pack, Docs.Problems p) {
    String sscc = sscc(pack);
    ImmutableList.Builder<ShipNotice.ShippedItem> items = ImmutableList.builder();
    boolean any = false;
    for (HlNode item : pack.children()) {
      Optional<X12Segment> lin = item.segment("LIN");
      Optional<X12Segment> sn1 = item.segment("SN1");
      if (lin.isEmpty() || sn1.isEmpty()) {
        p.add(
            "INCOMPLETE_ITEM", "item level without LIN or SN1", item.segments().get(0).location());
        continue;
      }
      String sku = "";
      String gtin = "";
      X12Segment l = lin.get();
      for (int i = 2; i + 1 <= l.elements().size(); i += 2) {
        if (l.get(i).equals("SK")) {
          sku = l.get(i + 1);
        } else if (l.get(i).equals("UP") || l.get(i).equals("EN")) {
          gtin = l.get(i + 1);
        }
      }
      if (sku.isEmpty()) {
        sku = gtin;
      }
      Optional<Long> qty = Docs.quantity(sn1.get().get(2));
      if (sku.isEmpty() || qty.isEmpty()) {
        p.add("INCOMPLETE_ITEM", "item without an id or a whole quantity", l.location());
        continue;
      }
      items.add(new ShipNotice.ShippedItem(Sku.of(sku), gtin, qty.get()));
      any = true;
    }
    if (!Gs1.isValidSscc(sscc)) {
      p.add(
          "INVALID_SSCC",
          "carton SSCC '" + sscc + "' is not a valid SSCC-18",
          pack.segments().get(0).location());
      return Optional.empty();
    }
    if (!any) {
      p.add("EMPTY_CARTON", "carton without items", pack.segments().get(0).location());
      return Optional.empty();
    }
    return Optional.of(new ShipNotice.Carton(normalize(sscc), items.build()));
  }

  private static String sscc(HlNode node) {
    return node.segmentsWithTag("MAN").stream()
        .filter(m -> m.get(1).equals("GM"))
        .map(m -> m.get(2))
        .findFirst()
        .orElse("");
  }

  private static String normalize(String sscc) {
    return sscc.length() == 20 ? sscc.substring(2) : sscc;
  }

  private static PostalAddress address(List<X12Segment> seg, int n1) {
    ImmutablePostalAddress.Builder b = PostalAddress.builder();
    if (seg.get(n1).has(2)) {
      b.name(seg.get(n1).get(2));
    }
    String country = "US";
    for (int i = n1 + 1; i < seg.size() && !seg.get(i).tag().equals("N1"); i++) {
      X12Segment x = seg.get(i);
      if (x.tag().equals("N3")) {
        for (int e = 1; e <= 2; e++) {
          if (x.has(e)) {
            b.addLine(x.get(e));
          }
        }
      } else if (x.tag().equals("N4")) {
        if (x.has(1)) {
          b.city(x.get(1));
        }
        if (x.has(2)) {
          b.region(x.get(2));
        }
        if (x.has(3)) {
          b.postalCode(x.get(3));
        }
        if (x.get(4).matches("[A-Z]{2}")) {
          country = x.get(4);
        }
      } else if (!x.tag().equals("N2")) {
        break;
      }
    }
    return b.countryCode(country).build();
  }
}
