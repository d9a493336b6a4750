package dev.omnichannel.edi.x12;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.omnichannel.edi.EdiException;
import dev.omnichannel.edi.Finding;
import dev.omnichannel.edi.Finding.Level;
import dev.omnichannel.edi.Location;
import dev.omnichannel.edi.Severity;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Validates X12 as it streams: envelope checks (control numbers, counts, duplicates, dates and
 * times by version) and, unless switched off, syntax checks of every transaction set with a
 * built-in definition (850, 855, 856, 810, 846, 940, 945, 860, 180, 997, 999; 004010 and 005010):
 * segment order, loops, usage counts, requirement designators, element types, lengths, key code
 * lists and syntax notes. Every finding carries its position and its acknowledgment code, so {@link
 * Acknowledgments} can turn a report into a 997, 999 or TA1.
 *
 * <p>Expected defects are findings in the {@link ValidationReport}; a stream that cannot be read on
 * ends the report with an {@code UNREADABLE} finding at the position where reading stopped. Memory
 * is bounded by the reader's element limit plus one result per transaction set. Instances are
 * immutable and thread-safe; each call validates independently.
 *
 * @since 0.1.0
 */
public final class X12Validator {
  private final boolean syntax;
  private final int maxFindings;

  private X12Validator(boolean syntax, int maxFindings) {
    this.syntax = syntax;
    this.maxFindings = maxFindings;
  }

  /** Returns a validator with envelope and syntax checks. */
  public static X12Validator full() {
    return new X12Validator(true, 10_000);
  }

  /** Returns a validator with envelope checks only (counts, control numbers, dates, structure). */
  public static X12Validator envelopeOnly() {
    return new X12Validator(false, 10_000);
  }

  /** Reads {@code in} with {@code options} and validates it. */
  public ValidationReport validate(InputStream in, ReaderOptions options) {
    return validate(X12Reader.of(in, options));
  }

  /** Validates every remaining event of {@code reader}. */
  public ValidationReport validate(X12Reader reader) {
    checkNotNull(reader, "reader");
    Session s = new Session(reader, syntax, maxFindings, null);
    return s.run();
  }

  /**
   * Validates every remaining event of {@code reader}, handing each completed group and interchange
   * to {@code listener} instead of keeping them: the returned report holds only the findings (up to
   * the limit), so memory stays bounded by one group whatever the stream's length.
   */
  public ValidationReport validate(X12Reader reader, ValidationListener listener) {
    checkNotNull(reader, "reader");
    checkNotNull(listener, "listener");
    Session s = new Session(reader, syntax, maxFindings, listener);
    return s.run();
  }

  // ---------------------------------------------------------------------------------------------

  private static final class Session {
    private final X12Reader r;
    private final boolean syntax;
    private final int maxFindings;
    private final List<Finding> all = new ArrayList<>();
    private int dropped;
    private final List<InterchangeResult> interchanges = new ArrayList<>();
    private final Set<String> seenInterchanges = new HashSet<>();
    private final Set<String> seenGroups = new HashSet<>();

    // interchange
    private boolean inInterchange;
    private String[] isa = new String[17];
    private Location isaLoc = loc0();
    private List<Finding> icFindings = new ArrayList<>();
    private List<GroupResult> groups = new ArrayList<>();

    // group
    private boolean inGroup;
    private String[] gs = new String[9];
    private Location gsLoc = loc0();
    private List<Finding> grFindings = new ArrayList<>();
    private List<TransactionResult> transactions = new ArrayList<>();
    private boolean v5010;
    private boolean oldDates;
    private Set<String> seenTransactions = new HashSet<>();

    // transaction
    private boolean inTransaction;
    private String[] st = new String[4];
    private Location stLoc = loc0();
    private List<Finding> txFindings = new ArrayList<>();
    private Schemas.@Nullable TransactionDef txDef;
    private @Nullable StructureTracker tracker;
    private final Set<String> hlIds = new HashSet<>();

    // segment
    private String tag = "";
    private long segOffset;
    private long segLine = 1;
    private int segPosition;

    /** Returns the location of the current segment (made on demand: most segments need none). */
    private Location segLoc() {
      return new Location(segOffset, segLine, segPosition, tag, 0, 0, 0);
    }

    private Schemas.@Nullable SegmentDef segDef;
    private int defCount;
    private long present;
    private boolean excessReported;
    private int lastElement;
    private boolean lastElementEmpty;
    private boolean inComposite;
    private boolean compositePresent;
    private int repeatReported;
    private final String[] envelope = new String[20];
    private boolean envelopeSegment;
    private boolean captureValues;
    private boolean checkElements;

    private final @Nullable ValidationListener listener;
    private int groupCount;

    Session(X12Reader r, boolean syntax, int maxFindings, @Nullable ValidationListener listener) {
      this.r = r;
      this.syntax = syntax;
      this.maxFindings = maxFindings;
      this.listener = listener;
    }

    private static Location loc0() {
      return new Location(0, 1, 0, "", 0, 0, 0);
    }

    ValidationReport run() {
      try {
        while (r.hasNext()) {
          X12Event e = r.next();
          switch (e) {
            case START_INTERCHANGE -> {
              drainReader();
              startInterchange();
            }
            case START_GROUP -> {
              drainReader();
              startGroup();
            }
            case START_TRANSACTION -> {
              drainReader();
              startTransaction();
            }
            case START_SEGMENT -> startSegment();
            case START_COMPOSITE -> startComposite();
            case END_COMPOSITE -> endComposite();
            case ELEMENT -> element();
            case END_SEGMENT -> endSegment();
            case END_TRANSACTION -> endTransaction(false);
            case END_GROUP -> endGroup(false);
            case END_INTERCHANGE -> {
              drainReader();
              endInterchange();
            }
            default -> {}
          }
        }
        drainReader();
        atEnd();
      } catch (EdiException ex) {
        drainReader();
        Finding f =
            new Finding(
                Severity.ERROR,
                "UNREADABLE",
                Level.INTERCHANGE,
                "024",
                String.valueOf(ex.getMessage()),
                ex.location());
        if (inInterchange) {
          icFindings.add(f);
        }
        record(f);
        closeAll();
      }
      return new ValidationReport(
          ImmutableList.copyOf(interchanges), ImmutableList.copyOf(all), dropped);
    }

    private void atEnd() {
      if (inTransaction) {
        txError("TRANSACTION_TRAILER_MISSING", "2", "SE trailer missing at end of stream", stLoc);
        endTransaction(true);
      }
      if (inGroup) {
        grError("GROUP_TRAILER_MISSING", "3", "GE trailer missing at end of stream", gsLoc);
        endGroup(true);
      }
      if (inInterchange) {
        icError("PREMATURE_END_OF_FILE", "023", "IEA trailer missing at end of stream", isaLoc);
        endInterchange();
      }
    }

    private void closeAll() {
      if (inTransaction) {
        endTransaction(true);
      }
      if (inGroup) {
        endGroup(true);
      }
      if (inInterchange) {
        endInterchange();
      }
    }

    // ------------------------------------------------------------------------- envelope

    private void startInterchange() {
      Location here = r.location();
      if (inInterchange) {
        if (inTransaction) {
          txError("TRANSACTION_TRAILER_MISSING", "2", "SE trailer missing before ISA", stLoc);
          endTransaction(true);
        }
        if (inGroup) {
          grError("GROUP_TRAILER_MISSING", "3", "GE trailer missing before ISA", gsLoc);
          endGroup(true);
        }
        icError("PREMATURE_END_OF_FILE", "023", "IEA trailer missing before the next ISA", isaLoc);
        endInterchange();
      }
      inInterchange = true;
      isaLoc = here;
      isa = new String[17];
      icFindings = new ArrayList<>();
      groups = new ArrayList<>();
      groupCount = 0;
    }

    private void startGroup() {
      if (inGroup) {
        if (inTransaction) {
          txError("TRANSACTION_TRAILER_MISSING", "2", "SE trailer missing before GS", stLoc);
          endTransaction(true);
        }
        grError("GROUP_TRAILER_MISSING", "3", "GE trailer missing before the next GS", gsLoc);
        endGroup(true);
      }
      inGroup = true;
      gsLoc = r.location();
      gs = new String[9];
      grFindings = new ArrayList<>();
      transactions = new ArrayList<>();
      seenTransactions = new HashSet<>();
      v5010 = false;
      oldDates = false;
    }

    private void startTransaction() {
      if (inTransaction) {
        txError("TRANSACTION_TRAILER_MISSING", "2", "SE trailer missing before the next ST", stLoc);
        endTransaction(true);
      }
      if (!inGroup) {
        icError(
            "INVALID_CONTROL_STRUCTURE",
            "022",
            "transaction set outside a functional group",
            r.location());
      }
      inTransaction = true;
      stLoc = r.location();
      st = new String[4];
      txFindings = new ArrayList<>();
      txDef = null;
      tracker = null;
      hlIds.clear();
    }

    private void endTransaction(boolean missingTrailer) {
      StructureTracker t = tracker;
      if (!missingTrailer && t != null) {
        report(t.end());
      }
      tracker = null;
      String setId = nz(st[1]);
      String control = nz(st[2]);
      if (inGroup) {
        transactions.add(
            new TransactionResult(
                setId, control, nz(st[3]), stLoc, ImmutableList.copyOf(txFindings)));
      }
      inTransaction = false;
    }

    private void endGroup(boolean missingTrailer) {
      int declared = -1;
      if (!missingTrailer && gs[0] != null) {
        declared = parseCount(envelopeValue(1));
      }
      groupCount++;
      GroupResult result =
          new GroupResult(
              nz(gs[1]),
              nz(gs[6]),
              nz(gs[2]),
              nz(gs[3]),
              nz(gs[8]),
              declared,
              gsLoc,
              ImmutableList.copyOf(grFindings),
              ImmutableList.copyOf(transactions));
      ValidationListener l = listener;
      if (l != null) {
        l.group(result);
      } else {
        groups.add(result);
      }
      transactions = new ArrayList<>();
      inGroup = false;
    }

    private void endInterchange() {
      InterchangeResult result =
          new InterchangeResult(
              nz(isa[13]),
              nz(isa[5]),
              nz(isa[6]).trim(),
              nz(isa[7]),
              nz(isa[8]).trim(),
              nz(isa[9]),
              nz(isa[10]),
              nz(isa[12]),
              isaLoc,
              ImmutableList.copyOf(icFindings),
              ImmutableList.copyOf(groups));
      ValidationListener l = listener;
      if (l != null) {
        l.interchange(result);
      } else {
        interchanges.add(result);
      }
      groups = new ArrayList<>();
      inInterchange = false;
      inGroup = false;
    }

    // ------------------------------------------------------------------------- segments

    private void startSegment() {
      tag = r.text();
      segOffset = r.offset();
      segLine = r.line();
      segPosition = r.segmentPosition();
      present = 0;
      excessReported = false;
      lastElement = 0;
      lastElementEmpty = false;
      inComposite = false;
      repeatReported = 0;
      envelopeSegment = isEnvelope(tag);
      captureValues = envelopeSegment || tag.equals("HL");
      java.util.Arrays.fill(envelope, null);
      segDef = null;
      checkElements = false;
      if (envelopeSegment || tag.equals("ISB") || tag.equals("ISE") || tag.equals("TA1")) {
        if (!inGroup && !envelopeSegment && inInterchange) {
          return;
        }
        if (tag.equals("ISB") || tag.equals("ISE") || tag.equals("TA1")) {
          icError(
              "INVALID_CONTROL_STRUCTURE",
              "022",
              tag + " is only allowed between ISA and the first GS",
              segLoc());
          return;
        }
      } else if (!inTransaction) {
        icError(
            "INVALID_INTERCHANGE_CONTENT",
            "024",
            "segment " + tag + " outside a transaction set",
            segLoc());
        return;
      }
      if (!inTransaction) {
        return;
      }
      if (tag.equals("ST")) {
        return; // the definition is chosen when ST01 is known
      }
      if (syntax && txDef != null) {
        structure();
        segDef = Schemas.segment(tag);
        if (segDef != null) {
          defCount = segDef.elementCount(v5010);
          checkElements = true;
        }
      }
    }

    private static boolean isEnvelope(String t) {
      return switch (t) {
        case "ISA", "IEA", "GS", "GE", "ST", "SE" -> true;
        default -> false;
      };
    }

    private void startComposite() {
      inComposite = true;
      compositePresent = false;
      int e = r.elementPosition();
      if (checkElements) {
        Schemas.SegmentDef d = segDef;
        if (d != null && e <= defCount && !d.elements().get(e - 1).composite()) {
          elError(r.location(), "TOO_MANY_COMPONENTS", "13", "element is not a composite");
        }
      }
    }

    private void endComposite() {
      inComposite = false;
      int e = r.elementPosition();
      markElement(e, compositePresent);
    }

    private void element() {
      int e = r.elementPosition();
      if (captureValues && e < envelope.length && r.componentPosition() == 0) {
        if (r.repetitionIndex() <= 1) {
          envelope[e] = r.text();
        }
      }
      if (inComposite) {
        if (!r.isEmptyText()) {
          compositePresent = true;
        }
        if (checkElements && e > defCount) {
          excess(e);
        }
        return;
      }
      boolean nonEmpty = !r.isEmptyText();
      int rep = r.repetitionIndex();
      if (checkElements) {
        Schemas.SegmentDef d = segDef;
        if (e > defCount) {
          excess(e);
        } else if (d != null) {
          Schemas.ElementDef def = d.elements().get(e - 1);
          if (rep > def.repeat() && repeatReported != e) {
            repeatReported = e;
            elError(r.location(), "TOO_MANY_REPETITIONS", "12", "element does not repeat");
          }
          if (nonEmpty && !def.composite()) {
            checkValue(def, r.text(), r.location());
          }
        }
      }
      if (rep <= 1) {
        markElement(e, nonEmpty);
      } else if (nonEmpty) {
        markElement(e, true);
      }
    }

    private void markElement(int e, boolean nonEmpty) {
      if (nonEmpty && e <= 64) {
        present |= 1L << (e - 1);
      }
      if (e >= lastElement) {
        lastElementEmpty = !nonEmpty && (e > lastElement || lastElementEmpty);
        if (e > lastElement) {
          lastElementEmpty = !nonEmpty;
        } else if (nonEmpty) {
          lastElementEmpty = false;
        }
        lastElement = e;
      }
    }

    private void excess(int e) {
      if (!excessReported) {
        excessReported = true;
        elError(
            r.location().atElement(e),
            "TOO_MANY_ELEMENTS",
            "3",
            tag + " has at most " + defCount + " elements");
      }
    }

    private void endSegment() {
      drainReader();
      if (syntax && inTransaction && tag.equals("HL")) {
        checkHl();
      }
      if (checkElements && segDef != null) {
        Schemas.SegmentDef d = segDef;
        for (int i = 0; i < defCount; i++) {
          Schemas.ElementDef def = d.elements().get(i);
          if (def.requirement() == 'M' && (present & (1L << i)) == 0) {
            elError(
                segLoc().atElement(i + 1),
                "MANDATORY_ELEMENT_MISSING",
                "1",
                tag + pad(i + 1) + " is mandatory");
          }
        }
        for (Schemas.Note n : d.notes()) {
          checkNote(n);
        }
      }
      if (inTransaction && lastElement > 0 && lastElementEmpty && !tag.equals("ISA")) {
        segError(
            "TRAILING_SEPARATOR",
            "8",
            "segment " + tag + " ends with an element separator",
            segLoc().atElement(lastElement));
      }
      switch (tag) {
        case "ISA" -> endIsa();
        case "GS" -> endGs();
        case "ST" -> endSt();
        case "SE" -> endSe();
        case "GE" -> endGe();
        case "IEA" -> endIea();
        default -> {}
      }
    }

    private void checkHl() {
      String id = nz(envelope[1]);
      String parent = nz(envelope[2]);
      if (!id.isEmpty() && !hlIds.add(id)) {
        elError(segLoc().atElement(1), "HL_ID_NOT_UNIQUE", "", "HL01 " + id + " is used twice");
      }
      if (!parent.isEmpty() && !hlIds.contains(parent)) {
        elError(
            segLoc().atElement(2),
            "HL_PARENT_UNKNOWN",
            "",
            "HL02 " + parent + " names no earlier HL01 in this transaction set");
      }
    }

    private void endIsa() {
      System.arraycopy(envelope, 0, isa, 0, 17);
      String control = nz(isa[13]);
      if (!isDigits(control) || control.length() != 9) {
        icError(
            "INVALID_CONTROL_NUMBER",
            "018",
            "ISA13 must be 9 digits: '" + control + "'",
            segLoc().atElement(13));
      } else if (!seenInterchanges.add(nz(isa[6]).trim() + "|" + control)) {
        icError(
            "DUPLICATE_INTERCHANGE_CONTROL_NUMBER",
            "025",
            "interchange control number " + control + " was already used by this sender",
            segLoc().atElement(13));
      }
      if (!validDate(nz(isa[9]), 6)) {
        icError("INVALID_DATE", "014", "ISA09 is not a date yyMMdd", segLoc().atElement(9));
      }
      if (!validTime(nz(isa[10]), false)) {
        icError("INVALID_TIME", "015", "ISA10 is not a time HHmm", segLoc().atElement(10));
      }
      String version = nz(isa[12]);
      if (!isDigits(version) || version.length() != 5) {
        icError("INVALID_VERSION", "017", "ISA12 must be 5 digits", segLoc().atElement(12));
      }
      String ack = nz(isa[14]);
      if (!ack.equals("0") && !ack.equals("1")) {
        icError("INVALID_ACK_REQUESTED", "019", "ISA14 must be 0 or 1", segLoc().atElement(14));
      }
      String usage = nz(isa[15]);
      if (!usage.equals("P") && !usage.equals("T") && !usage.equals("I")) {
        icError("INVALID_TEST_INDICATOR", "020", "ISA15 must be P, T or I", segLoc().atElement(15));
      }
    }

    private void endIea() {
      int groupsSeen = groupCount;
      String count = envelopeValue(1);
      if (parseCount(count) != groupsSeen) {
        icError(
            "GROUP_COUNT_MISMATCH",
            "021",
            "IEA01 is " + count + " but the interchange holds " + groupsSeen + " groups",
            segLoc().atElement(1));
      }
      compareControl(
          envelopeValue(2),
          nz(isa[13]),
          9,
          segLoc().atElement(2),
          Level.INTERCHANGE,
          "001",
          "018",
          "IEA02",
          "ISA13");
    }

    private void endGs() {
      System.arraycopy(envelope, 0, gs, 0, 9);
      String version = nz(gs[8]);
      v5010 = version.compareTo("005010") >= 0;
      oldDates = version.length() >= 6 && version.compareTo("004010") < 0;
      String fid = nz(gs[1]);
      ImmutableSet<String> codes = Schemas.CODES.get("479");
      if (codes != null && !codes.contains(fid)) {
        grError(
            "INVALID_FUNCTIONAL_ID",
            "1",
            "GS01 '" + fid + "' is not a known code",
            segLoc().atElement(1));
      }
      if (!validDate(nz(gs[4]), oldDates ? 6 : 8)) {
        grError("INVALID_DATE", "", "GS04 is not a valid date", segLoc().atElement(4));
      }
      if (!validTime(nz(gs[5]), true)) {
        grError("INVALID_TIME", "", "GS05 is not a valid time", segLoc().atElement(5));
      }
      String control = nz(gs[6]);
      if (!isDigits(control) || control.isEmpty() || control.length() > 9) {
        grError("INVALID_CONTROL_NUMBER", "6", "GS06 must be 1 to 9 digits", segLoc().atElement(6));
      } else if (!seenGroups.add(nz(gs[2]) + "|" + Long.parseLong(control))) {
        grError(
            "DUPLICATE_GROUP_CONTROL_NUMBER",
            "",
            "group control number " + control + " was already used by this sender",
            segLoc().atElement(6));
      }
      if (syntax
          && !version.startsWith("004010")
          && !version.startsWith("005010")
          && !version.isEmpty()) {
        Finding f =
            new Finding(
                Severity.WARNING,
                "VERSION_SUBSTITUTED",
                Level.GROUP,
                "",
                "no definitions for version "
                    + version
                    + "; transaction sets are checked against "
                    + (v5010 ? "005010" : "004010")
                    + (oldDates ? " with 6-digit dates" : ""),
                segLoc().atElement(8));
        grFindings.add(f);
        record(f);
      }
    }

    private void endGe() {
      String count = envelopeValue(1);
      if (parseCount(count) != transactions.size()) {
        grError(
            "TRANSACTION_COUNT_MISMATCH",
            "5",
            "GE01 is "
                + count
                + " but the group holds "
                + transactions.size()
                + " transaction sets",
            segLoc().atElement(1));
      }
      compareControl(
          envelopeValue(2),
          nz(gs[6]),
          0,
          segLoc().atElement(2),
          Level.GROUP,
          "4",
          "6",
          "GE02",
          "GS06");
    }

    private void endSt() {
      System.arraycopy(envelope, 0, st, 0, 4);
      String id = nz(st[1]);
      String control = nz(st[2]);
      if (id.length() != 3 || !isDigits(id)) {
        txError(
            "INVALID_TRANSACTION_SET_ID",
            "6",
            "ST01 must be 3 digits: '" + id + "'",
            segLoc().atElement(1));
      }
      if (control.length() < 4 || control.length() > 9) {
        txError(
            "INVALID_CONTROL_NUMBER",
            "7",
            "ST02 must have 4 to 9 characters",
            segLoc().atElement(2));
      } else if (!seenTransactions.add(control)) {
        txError(
            "DUPLICATE_TRANSACTION_CONTROL_NUMBER",
            "23",
            "transaction set control number " + control + " is not unique within the group",
            segLoc().atElement(2));
      }
      if (!syntax) {
        return;
      }
      if (!v5010 && !nz(st[3]).isEmpty()) {
        elError(
            segLoc().atElement(3),
            "TOO_MANY_ELEMENTS",
            "3",
            "ST03 (implementation convention) exists from 005010 only");
      }
      txDef = Schemas.transaction(id);
      if (txDef == null) {
        Finding f =
            new Finding(
                Severity.WARNING,
                "TRANSACTION_SET_NOT_DEFINED",
                Level.TRANSACTION,
                "",
                "no definition for transaction set " + id + "; only the envelope was checked",
                segLoc().atElement(1));
        txFindings.add(f);
        record(f);
        return;
      }
      Schemas.TransactionDef def = txDef;
      if (!def.functionalGroup().equals(nz(gs[1])) && inGroup) {
        txError(
            "WRONG_FUNCTIONAL_GROUP",
            "6",
            "transaction set "
                + id
                + " belongs in a "
                + def.functionalGroup()
                + " group, not "
                + nz(gs[1]),
            segLoc().atElement(1));
      }
      tracker = new StructureTracker(def);
      Schemas.SegmentDef d = Schemas.segment("ST");
      if (d != null) {
        segDef = d;
        defCount = d.elementCount(v5010);
      }
    }

    private void endSe() {
      String count = envelopeValue(1);
      int actual = segLoc().segmentPosition();
      if (parseCount(count) != actual) {
        txError(
            "SEGMENT_COUNT_MISMATCH",
            "4",
            "SE01 is " + count + " but the transaction set holds " + actual + " segments",
            segLoc().atElement(1));
      }
      String control = envelopeValue(2);
      if (!control.equals(nz(st[2]))) {
        txError(
            "CONTROL_NUMBER_MISMATCH",
            "3",
            "SE02 '" + control + "' differs from ST02 '" + nz(st[2]) + "'",
            segLoc().atElement(2));
      }
    }

    private void compareControl(
        String trailer,
        String header,
        int width,
        Location at,
        Level level,
        String mismatchCode,
        String syntaxCode,
        String trailerName,
        String headerName) {
      if (trailer.equals(header)) {
        return;
      }
      boolean numericEqual =
          isDigits(trailer)
              && isDigits(header)
              && !trailer.isEmpty()
              && !header.isEmpty()
              && trailer.length() <= 18
              && header.length() <= 18
              && Long.parseLong(trailer) == Long.parseLong(header);
      if (numericEqual) {
        // Equal as numbers: only the fixed width is broken.
        Finding f =
            new Finding(
                r.options().tolerant() ? Severity.WARNING : Severity.ERROR,
                "CONTROL_NUMBER_NOT_PADDED",
                level,
                syntaxCode,
                trailerName
                    + " '"
                    + trailer
                    + "' equals "
                    + headerName
                    + " only as a number"
                    + (width > 0 ? "; it must have " + width + " digits" : ""),
                at);
        add(level, f);
        return;
      }
      if (!isDigits(trailer) || trailer.isEmpty() || trailer.length() > 9) {
        add(
            level,
            new Finding(
                Severity.ERROR,
                "INVALID_CONTROL_NUMBER",
                level,
                syntaxCode,
                trailerName + " is not a control number: '" + trailer + "'",
                at));
      }
      add(
          level,
          new Finding(
              Severity.ERROR,
              "CONTROL_NUMBER_MISMATCH",
              level,
              mismatchCode,
              trailerName + " '" + trailer + "' differs from " + headerName + " '" + header + "'",
              at));
    }

    private void add(Level level, Finding f) {
      if (level == Level.INTERCHANGE) {
        icFindings.add(f);
      } else {
        grFindings.add(f);
      }
      record(f);
    }

    private String envelopeValue(int i) {
      return nz(envelope[i]);
    }

    // ------------------------------------------------------------------------- structure

    private void structure() {
      StructureTracker t = tracker;
      if (t == null) {
        return;
      }
      StructureTracker.Match m = t.accept(tag);
      report(m);
    }

    private void report(StructureTracker.Match m) {
      for (Schemas.Entry e : m.missing) {
        missing(e);
      }
      switch (m.problem) {
        case "" -> {}
        case "4", "5" -> {
          segError(
              m.loopProblem ? "LOOP_EXCEEDS_MAXIMUM" : "SEGMENT_EXCEEDS_MAXIMUM_USE",
              m.problem,
              (m.loopProblem ? "loop " : "segment ")
                  + tag
                  + " occurs more than "
                  + m.max
                  + " times",
              segLoc());
        }
        case "1" ->
            segError("UNRECOGNIZED_SEGMENT", "1", "segment " + tag + " is not known", segLoc());
        case "6" -> {
          segError(
              "SEGMENT_NOT_IN_SET",
              "6",
              "segment " + tag + " is not part of transaction set " + nz(st[1]),
              segLoc());
        }
        default ->
            segError(
                "UNEXPECTED_SEGMENT", "2", "segment " + tag + " is not expected here", segLoc());
      }
    }

    private void missing(Schemas.Entry e) {
      String t = e.isLoop() ? e.kids().get(0).tag() : e.tag();
      Finding f =
          new Finding(
              Severity.ERROR,
              "MANDATORY_SEGMENT_MISSING",
              Level.SEGMENT,
              "3",
              "mandatory " + (e.isLoop() ? "loop " : "segment ") + t + " is missing",
              new Location(
                  segLoc().offset(), segLoc().line(), segLoc().segmentPosition(), t, 0, 0, 0));
      txFindings.add(f);
      record(f);
    }

    // ------------------------------------------------------------------------- element checks

    private void checkNote(Schemas.Note n) {
      int[] p = n.positions();
      int count = 0;
      for (int x : p) {
        if (has(x)) {
          count++;
        }
      }
      switch (n.kind()) {
        case 'P' -> {
          if (count > 0 && count < p.length) {
            for (int x : p) {
              if (!has(x)) {
                noteError(n, x, "2");
                break;
              }
            }
          }
        }
        case 'R' -> {
          if (count == 0) {
            noteError(n, p[0], "2");
          }
        }
        case 'E' -> {
          if (count > 1) {
            int seen = 0;
            for (int x : p) {
              if (has(x) && ++seen == 2) {
                noteError(n, x, "10");
              }
            }
          }
        }
        case 'C' -> {
          if (has(p[0])) {
            for (int i = 1; i < p.length; i++) {
              if (!has(p[i])) {
                noteError(n, p[i], "2");
                break;
              }
            }
          }
        }
        case 'L' -> {
          if (has(p[0]) && count == 1) {
            noteError(n, p[1], "2");
          }
        }
        default -> {}
      }
    }

    private boolean has(int position) {
      return position <= 64 && (present & (1L << (position - 1))) != 0;
    }

    private void noteError(Schemas.Note n, int position, String code) {
      elError(
          segLoc().atElement(position),
          code.equals("10") ? "EXCLUSION_VIOLATED" : "CONDITIONAL_ELEMENT_MISSING",
          code,
          "syntax note " + tag + " " + n.text() + " violated at " + tag + pad(position));
    }

    private void checkValue(Schemas.ElementDef def, String v, Location at) {
      String type = def.type();
      int length = v.length();
      switch (type) {
        case "DT" -> {
          if (!validDate(v, oldDates ? 6 : def.max())) {
            elError(at, "INVALID_DATE", "8", "'" + v + "' is not a date");
          }
          return;
        }
        case "TM" -> {
          if (!validTime(v, true) || length < def.min() || length > def.max()) {
            elError(at, "INVALID_TIME", "9", "'" + v + "' is not a time");
          }
          return;
        }
        case "R" -> {
          int digits = 0;
          int dots = 0;
          boolean bad = false;
          for (int i = 0; i < length; i++) {
            char c = v.charAt(i);
            if (c >= '0' && c <= '9') {
              digits++;
            } else if (c == '.' && dots == 0) {
              dots++;
            } else if (!(c == '-' && i == 0)) {
              bad = true;
            }
          }
          if (bad || digits == 0) {
            elError(at, "INVALID_CHARACTER", "6", "'" + v + "' is not a decimal number");
          }
          checkLength(def, digits, at);
          return;
        }
        case "AN", "ID" -> {
          for (int i = 0; i < length; i++) {
            char c = v.charAt(i);
            if (c < 0x20 || c == 0x7F) {
              elError(at, "INVALID_CHARACTER", "6", "control character in element");
              break;
            }
          }
          checkLength(def, length, at);
          if (type.equals("ID")) {
            ImmutableSet<String> codes = Schemas.CODES.get(def.id());
            if (codes != null && !codes.contains(v)) {
              elError(
                  at,
                  "INVALID_CODE_VALUE",
                  "7",
                  "'" + v + "' is not a code of element " + def.id());
            }
          }
          return;
        }
        default -> {
          if (type.startsWith("N")) {
            int digits = 0;
            boolean bad = false;
            for (int i = 0; i < length; i++) {
              char c = v.charAt(i);
              if (c >= '0' && c <= '9') {
                digits++;
              } else if (!(c == '-' && i == 0)) {
                bad = true;
              }
            }
            if (bad || digits == 0) {
              elError(at, "INVALID_CHARACTER", "6", "'" + v + "' is not numeric");
            }
            checkLength(def, bad ? length : digits, at);
          }
        }
      }
    }

    private void checkLength(Schemas.ElementDef def, int length, Location at) {
      if (length < def.min()) {
        elError(at, "ELEMENT_TOO_SHORT", "4", "shorter than " + def.min());
      } else if (length > def.max()) {
        elError(at, "ELEMENT_TOO_LONG", "5", "longer than " + def.max());
      }
    }

    // ------------------------------------------------------------------------- findings

    private void drainReader() {
      for (Finding f : r.drainFindings()) {
        if (inTransaction) {
          txFindings.add(f);
        } else if (inGroup && f.level() != Level.INTERCHANGE) {
          grFindings.add(f);
        } else if (inInterchange) {
          icFindings.add(f);
        }
        // Otherwise (an unterminated last IEA) the interchange is closed; the finding is kept flat.
        record(f);
      }
    }

    private void elError(Location at, String code, String ack, String message) {
      Finding f = new Finding(Severity.ERROR, code, Level.ELEMENT, ack, message, at);
      txFindings.add(f);
      record(f);
    }

    private void segError(String code, String ack, String message, Location at) {
      Finding f = new Finding(Severity.ERROR, code, Level.SEGMENT, ack, message, at);
      if (inTransaction) {
        txFindings.add(f);
      } else if (inInterchange) {
        icFindings.add(f);
      }
      record(f);
    }

    private void txError(String code, String ack, String message, Location at) {
      Finding f = new Finding(Severity.ERROR, code, Level.TRANSACTION, ack, message, at);
      txFindings.add(f);
      record(f);
    }

    private void grError(String code, String ack, String message, Location at) {
      Finding f = new Finding(Severity.ERROR, code, Level.GROUP, ack, message, at);
      grFindings.add(f);
      record(f);
    }

    private void icError(String code, String ack, String message, Location at) {
      Finding f = new Finding(Severity.ERROR, code, Level.INTERCHANGE, ack, message, at);
      icFindings.add(f);
      record(f);
    }

    private void record(Finding f) {
      if (all.size() < maxFindings) {
        all.add(f);
      } else {
        dropped++;
      }
    }
  }

  // --------------------------------------------------------------------------------- helpers

  static String nz(@Nullable String s) {
    return s == null ? "" : s;
  }

  static String pad(int i) {
    return i < 10 ? "0" + i : Integer.toString(i);
  }

  static boolean isDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  static int parseCount(String s) {
    if (s.isEmpty() || s.length() > 9 || !isDigits(s)) {
      return -1;
    }
    return Integer.parseInt(s);
  }

  /** Returns whether {@code v} is a date of {@code length} digits (yyMMdd or CCYYMMDD). */
  static boolean validDate(String v, int length) {
    if (v.length() != length || !isDigits(v) || (length != 6 && length != 8)) {
      return false;
    }
    int off = length - 6;
    int year =
        length == 8
            ? Integer.parseInt(v.substring(0, 4))
            : 2000 + Integer.parseInt(v.substring(0, 2));
    int month = Integer.parseInt(v.substring(off + 2, off + 4));
    int day = Integer.parseInt(v.substring(off + 4, off + 6));
    if (month < 1 || month > 12 || day < 1) {
      return false;
    }
    return day <= java.time.YearMonth.of(year, month).lengthOfMonth();
  }

  /**
   * Returns whether {@code v} is HHMM, or with {@code longForms} also HHMMSS, HHMMSSd, HHMMSSdd.
   */
  static boolean validTime(String v, boolean longForms) {
    int n = v.length();
    if (!isDigits(v) || !(n == 4 || (longForms && (n == 6 || n == 7 || n == 8)))) {
      return false;
    }
    int hh = Integer.parseInt(v.substring(0, 2));
    int mm = Integer.parseInt(v.substring(2, 4));
    if (hh > 23 || mm > 59) {
      return false;
    }
    return n < 6 || Integer.parseInt(v.substring(4, 6)) <= 59;
  }
}
