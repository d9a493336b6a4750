package dev.omnichannel.edi.x12;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.omnichannel.edi.Finding;
import dev.omnichannel.edi.Finding.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns validation results into acknowledgments: a 997 or 999 transaction set for a received
 * functional group, and a TA1 segment for an interchange. The caller opens the outbound interchange
 * and group (sender and receiver swapped, functional id {@code FA}) on an {@link X12Writer}; these
 * methods write into it.
 *
 * @since 0.1.0
 */
public final class Acknowledgments {
  private Acknowledgments() {}

  /** Writes a 997 (ST to SE) acknowledging {@code group} into the writer's open FA group. */
  public static void write997(GroupResult group, X12Writer writer) {
    write(group, writer, false);
  }

  /** Writes a 999 (ST to SE) acknowledging {@code group} into the writer's open FA group. */
  public static void write999(GroupResult group, X12Writer writer) {
    write(group, writer, true);
  }

  /**
   * Writes a TA1 segment for {@code interchange}: accepted ({@code A}, note {@code 000}) when its
   * envelope has no errors, otherwise rejected ({@code R}) with the note code of the first error.
   */
  public static void writeTa1(InterchangeResult interchange, X12Writer writer) {
    checkNotNull(interchange, "interchange");
    checkNotNull(writer, "writer");
    String note = "000";
    String status = "A";
    for (Finding f : interchange.findings()) {
      if (f.isError() && !f.ackCode().isEmpty()) {
        note = f.ackCode();
        status = "R";
        break;
      }
      if (f.isError()) {
        status = "R";
        note = "024";
      }
    }
    writer.segment(
        "TA1", interchange.controlNumber(), interchange.date(), interchange.time(), status, note);
  }

  private static void write(GroupResult group, X12Writer w, boolean is999) {
    checkNotNull(group, "group");
    checkNotNull(w, "writer");
    w.startSegment("ST").element(is999 ? "999" : "997").element("0001");
    if (is999) {
      w.element("005010X231");
    }
    w.endSegment();
    // The writer replaces ST02 only when it assigns it; keep the number we wrote.
    if (is999) {
      w.segment("AK1", group.functionalId(), group.controlNumber(), group.version());
    } else {
      w.segment("AK1", group.functionalId(), group.controlNumber());
    }
    int accepted = 0;
    for (TransactionResult t : group.transactions()) {
      if (is999) {
        w.segment("AK2", t.setId(), t.controlNumber(), t.conventionReference());
      } else {
        w.segment("AK2", t.setId(), t.controlNumber());
      }
      Map<Integer, List<Finding>> bySegment = new LinkedHashMap<>();
      List<String> transactionCodes = new ArrayList<>();
      for (Finding f : t.findings()) {
        if (!f.isError()) {
          continue;
        }
        if (f.level() == Level.SEGMENT || f.level() == Level.ELEMENT) {
          int pos = f.location().segmentPosition();
          if (pos > 0 && !isTrailer(f)) {
            bySegment.computeIfAbsent(pos, k -> new ArrayList<>()).add(f);
            continue;
          }
        }
        if (!f.ackCode().isEmpty() && !transactionCodes.contains(f.ackCode())) {
          transactionCodes.add(f.ackCode());
        }
      }
      for (Map.Entry<Integer, List<Finding>> e : bySegment.entrySet()) {
        List<Finding> fs = e.getValue();
        String tag = fs.get(0).location().segmentTag();
        String segmentCode = "8";
        for (Finding f : fs) {
          if (f.level() == Level.SEGMENT && !f.ackCode().isEmpty()) {
            segmentCode = f.ackCode();
            break;
          }
        }
        w.segment(is999 ? "IK3" : "AK3", tag, Integer.toString(e.getKey()), "", segmentCode);
        int written = 0;
        for (Finding f : fs) {
          if (f.level() != Level.ELEMENT || written == 99) {
            continue;
          }
          String code = f.ackCode().isEmpty() ? "7" : f.ackCode();
          int el = f.location().element();
          int comp = f.location().component();
          String position = comp > 0 ? el + ":" + comp : Integer.toString(el);
          w.segment(is999 ? "IK4" : "AK4", position, elementReference(tag, el), code);
          written++;
        }
      }
      boolean ok = t.accepted();
      if (ok) {
        accepted++;
      } else if (!bySegment.isEmpty() && transactionCodes.isEmpty()) {
        transactionCodes.add("5");
      }
      List<String> ak5 = new ArrayList<>();
      ak5.add(ok ? "A" : "R");
      for (int i = 0; i < Math.min(5, transactionCodes.size()); i++) {
        ak5.add(transactionCodes.get(i));
      }
      w.segment(is999 ? "IK5" : "AK5", ak5.toArray(new String[0]));
    }
    int received = group.transactions().size();
    int declared =
        group.declaredTransactionCount() >= 0 ? group.declaredTransactionCount() : received;
    List<String> groupCodes = new ArrayList<>();
    for (Finding f : group.findings()) {
      if (f.isError() && !f.ackCode().isEmpty() && !groupCodes.contains(f.ackCode())) {
        groupCodes.add(f.ackCode());
      }
    }
    String status;
    if (!groupCodes.isEmpty() || (accepted == 0 && received > 0)) {
      status = "R";
    } else if (accepted < received) {
      status = "P";
    } else {
      status = "A";
    }
    List<String> ak9 = new ArrayList<>();
    ak9.add(status);
    ak9.add(Integer.toString(declared));
    ak9.add(Integer.toString(received));
    ak9.add(Integer.toString(groupCodes.isEmpty() ? accepted : 0));
    for (int i = 0; i < Math.min(5, groupCodes.size()); i++) {
      ak9.add(groupCodes.get(i));
    }
    w.segment("AK9", ak9.toArray(new String[0]));
    w.endTransaction();
  }

  private static boolean isTrailer(Finding f) {
    return f.location().segmentTag().equals("SE") && f.level() != Level.ELEMENT;
  }

  private static String elementReference(String tag, int position) {
    Schemas.SegmentDef d = Schemas.segment(tag);
    if (d == null || position < 1 || position > d.elements().size()) {
      return "";
    }
    String id = d.elements().get(position - 1).id();
    return X12Validator.isDigits(id) ? id : "";
  }
}
