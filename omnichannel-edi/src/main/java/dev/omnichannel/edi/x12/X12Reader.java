package dev.omnichannel.edi.x12;

import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import dev.omnichannel.edi.EdiException;
import dev.omnichannel.edi.Finding;
import dev.omnichannel.edi.Location;
import dev.omnichannel.edi.Severity;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/**
 * Reads X12 as a stream of {@link X12Event}s with constant memory: only the current element is
 * held, never a whole segment or document. Delimiters are detected at every ISA, so one stream may
 * hold several interchanges with different delimiters and versions.
 *
 * <p>Usage: {@code while (reader.hasNext()) { X12Event e = reader.next(); ... reader.text() ...
 * reader.location() ... }}. Envelope events ({@code START_INTERCHANGE}, {@code START_GROUP}, {@code
 * START_TRANSACTION}) come before the header's {@code START_SEGMENT}; the matching end events come
 * after the trailer's {@code END_SEGMENT}. For transaction sets with a built-in definition (850,
 * 855, 856, 810, 846, 940, 945, 860, 180, 997, 999) the reader also reports {@code START_LOOP} and
 * {@code END_LOOP} before the segment that opens or closes a loop, unless {@link
 * ReaderOptions#loops()} is off. In tolerant mode the offset of an element that follows a skipped
 * line break inside the same element field does not count the skipped characters.
 *
 * <p>Problems the reader can step over (an unterminated last segment, an empty segment, tolerated
 * irregularities) are collected as {@link #findings()}; problems it cannot step over throw an
 * {@link EdiException} with the position. Not thread-safe.
 *
 * @since 0.1.0
 */
public final class X12Reader implements Closeable {
  private static final int BUFFER = 16 * 1024;
  private static final int MAX_TAG = 64;
  private static final int ISA_LENGTH = 106;
  private static final int[] ISA_WIDTHS = {2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1};

  private enum State {
    BETWEEN,
    IN_SEGMENT,
    END_PENDING
  }

  private final @Nullable InputStream in;
  private final @Nullable Reader chars;
  private final ReaderOptions options;
  private final boolean tolerant;
  private final byte[] bytes;
  private char[] buf = new char[BUFFER];
  private int pos;
  private int limit;
  private long bufStart;
  private long line = 1;
  private boolean eof;

  private char elementSep = '*';
  private char componentSep = ':';
  private char repetitionSep = Delimiters.NONE;
  private char terminator = '~';
  private @Nullable Delimiters delimiters;
  private String isaVersion = "";

  private State state = State.BETWEEN;
  private boolean inInterchange;
  private boolean inTransaction;
  private String segmentTag = "";
  private int segmentPosition;
  private long segmentOffset;
  private long segmentLine;
  private int elementIndex;
  private boolean warnedLineBreak;

  // Pending events (envelope, segment and ISA element events), a small FIFO.
  private X12Event[] qType = new X12Event[32];
  private @Nullable String[] qText = new String[32];
  private int[] qElement = new int[32];
  private long[] qOffset = new long[32];
  private int qHead;
  private int qTail;

  // The element being split into events.
  private char[] field = new char[256];
  private int fieldLength;
  private long fieldOffset;
  private long fieldLine;
  private boolean fieldActive;
  private boolean fieldHasRepetitions;
  private int partStart;
  private int partEnd;
  private boolean partStarted;
  private int componentStart;
  private int componentIndex;
  private int repetitionIndex;

  // The current event.
  private @Nullable X12Event event;
  private @Nullable String eventText;
  private int textStart;
  private int textLength;
  private int eventElement;
  private int eventComponent;
  private int eventRepetition;
  private long eventOffset;
  private long eventLine;

  private final List<Finding> findings = new ArrayList<>();
  private @Nullable String st01;
  private @Nullable StructureTracker tracker;
  private final java.util.ArrayDeque<String> loopIds = new java.util.ArrayDeque<>();
  private int droppedFindings;
  private final String[] tagCache = new String[512];

  private X12Reader(@Nullable InputStream in, @Nullable Reader chars, ReaderOptions options) {
    this.in = in;
    this.chars = chars;
    this.options = options;
    this.tolerant = options.tolerant();
    this.bytes = in == null ? new byte[0] : new byte[BUFFER];
  }

  /** Returns a strict reader over {@code in}. */
  public static X12Reader of(InputStream in) {
    return of(in, ReaderOptions.strict());
  }

  /** Returns a reader over the bytes of {@code in}; offsets in locations are byte offsets. */
  public static X12Reader of(InputStream in, ReaderOptions options) {
    checkNotNull(in, "in");
    checkNotNull(options, "options");
    return new X12Reader(in, null, options);
  }

  /** Returns a reader over characters; offsets in locations are character offsets. */
  public static X12Reader of(Reader in, ReaderOptions options) {
    checkNotNull(in, "in");
    checkNotNull(options, "options");
    return new X12Reader(null, in, options);
  }

  /** Returns the options this reader was created with. */
  public ReaderOptions options() {
    return options;
  }

  /**
   * Returns whether another event follows.
   *
   * @throws EdiException if the stream cannot be read further at this point
   */
  public boolean hasNext() {
    if (qHead < qTail || fieldActive) {
      return true;
    }
    return advance();
  }

  /**
   * Returns the next event.
   *
   * @throws NoSuchElementException if there is none
   * @throws EdiException if the stream cannot be read further at this point
   */
  public X12Event next() {
    if (qHead == qTail && !fieldActive && !advance()) {
      throw new NoSuchElementException("no more events");
    }
    if (qHead < qTail) {
      int i = qHead++;
      X12Event type = qType[i];
      event = type;
      eventText = qText[i];
      qText[i] = null;
      eventElement = qElement[i];
      eventComponent = 0;
      eventRepetition = 0;
      eventOffset = qOffset[i];
      eventLine = segmentLine;
      if (qHead == qTail) {
        qHead = 0;
        qTail = 0;
      }
      return type;
    }
    return nextFieldEvent();
  }

  /** Returns the current event, or empty before the first {@link #next()}. */
  public @Nullable X12Event event() {
    return event;
  }

  /**
   * Returns the current event's text: a segment tag, an element value (decoded with the options'
   * charset), or the control number of an envelope event.
   */
  public String text() {
    String t = eventText;
    if (t != null) {
      return t;
    }
    if (in != null && !StandardCharsets.ISO_8859_1.equals(options.charset())) {
      for (int i = textStart; i < textStart + textLength; i++) {
        if (field[i] > 0x7F) {
          byte[] raw = new byte[textLength];
          for (int j = 0; j < textLength; j++) {
            raw[j] = (byte) field[textStart + j];
          }
          return new String(raw, options.charset());
        }
      }
    }
    return new String(field, textStart, textLength);
  }

  /** Returns the length of the current element's text in bytes (characters for a char reader). */
  public int textLength() {
    String t = eventText;
    return t != null ? t.length() : textLength;
  }

  /** Returns whether the current element's text is empty. */
  public boolean isEmptyText() {
    return textLength() == 0;
  }

  /** Returns the offset of the current event, as in {@link #location()}, without allocating. */
  public long offset() {
    return eventOffset;
  }

  /** Returns the line of the current event, as in {@link #location()}, without allocating. */
  public long line() {
    return eventLine;
  }

  /** Returns the 1-based element position of the current event, or 0. */
  public int elementPosition() {
    return eventElement;
  }

  /** Returns the 1-based component position of the current event, or 0. */
  public int componentPosition() {
    return eventComponent;
  }

  /** Returns the 1-based repetition of the current event, or 0 when the element does not repeat. */
  public int repetitionIndex() {
    return eventRepetition;
  }

  /** Returns the current segment's 1-based position in its transaction set, or 0 outside one. */
  public int segmentPosition() {
    return segmentPosition;
  }

  /** Returns the current segment's tag. */
  public String segmentTag() {
    return segmentTag;
  }

  /** Returns where the current event is. */
  public Location location() {
    return new Location(
        eventOffset,
        eventLine,
        segmentPosition,
        segmentTag,
        eventElement,
        eventComponent,
        eventRepetition);
  }

  /** Returns the delimiters of the current interchange, or empty before the first ISA. */
  public @Nullable Delimiters delimiters() {
    return delimiters;
  }

  /** Returns ISA12 of the current interchange, or empty before the first ISA. */
  public String interchangeVersion() {
    return isaVersion;
  }

  /** Returns the problems the reader stepped over so far, in order. */
  public ImmutableList<Finding> findings() {
    return ImmutableList.copyOf(findings);
  }

  /** Returns the findings collected since the last call and forgets them. */
  public List<Finding> drainFindings() {
    if (findings.isEmpty()) {
      return List.of();
    }
    List<Finding> out = new ArrayList<>(findings);
    findings.clear();
    return out;
  }

  /** Returns how many findings were counted but not kept because of the limit. */
  public int droppedFindings() {
    return droppedFindings;
  }

  @Override
  public void close() {
    try {
      if (in != null) {
        in.close();
      }
      if (chars != null) {
        chars.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------- reading units

  private boolean advance() {
    while (true) {
      switch (state) {
        case END_PENDING:
          endSegment();
          return true;
        case IN_SEGMENT:
          readField();
          return true;
        case BETWEEN:
        default:
          if (!startSegment()) {
            return false;
          }
          if (qHead < qTail) {
            return true;
          }
      }
    }
  }

  private void endSegment() {
    state = State.BETWEEN;
    push(X12Event.END_SEGMENT, null, 0, segmentOffset);
    switch (segmentTag) {
      case "SE" -> {
        push(X12Event.END_TRANSACTION, null, 0, segmentOffset);
        inTransaction = false;
      }
      case "GE" -> push(X12Event.END_GROUP, null, 0, segmentOffset);
      case "IEA" -> {
        push(X12Event.END_INTERCHANGE, null, 0, segmentOffset);
        inInterchange = false;
      }
      default -> {}
    }
  }

  /** Reads up to the next segment tag; returns false at the end of the stream. */
  private boolean startSegment() {
    // Line breaks between segments are always skipped (a suffix after the terminator).
    while (true) {
      if (pos >= limit && !fill()) {
        return false;
      }
      char c = buf[pos];
      if (c == '\n') {
        line++;
        pos++;
      } else if (c == '\r') {
        pos++;
      } else if (!inInterchange && isLeadingJunk(c)) {
        pos++;
      } else {
        break;
      }
    }
    long start = bufStart + pos;
    long startLine = line;
    if (!inInterchange) {
      if (!ensure(3) || buf[pos] != 'I' || buf[pos + 1] != 'S' || buf[pos + 2] != 'A') {
        throw error("expected an ISA interchange header", start, startLine);
      }
    }
    // Read the tag.
    int tagStart = pos;
    int tagLength = 0;
    boolean ended = false;
    boolean eofInTag = false;
    while (true) {
      if (pos >= limit) {
        int keep = pos - tagStart;
        if (!fillKeeping(tagStart)) {
          eofInTag = true;
          break;
        }
        tagStart = pos - keep;
      }
      char c = buf[pos];
      if (tagLength == 3
          && buf[tagStart] == 'I'
          && buf[tagStart + 1] == 'S'
          && buf[tagStart + 2] == 'A') {
        break;
      }
      if (c == elementSep && tagLength > 0) {
        pos++;
        break;
      }
      if (c == terminator) {
        pos++;
        ended = true;
        break;
      }
      if (c == '\n' || c == '\r') {
        if (c == '\n') {
          line++;
        }
        if (tolerant) {
          warnLineBreak(bufStart + pos);
          pos++;
          // Move the tag characters so the tag stays contiguous.
          System.arraycopy(buf, tagStart, buf, tagStart + 1, pos - 1 - tagStart);
          tagStart++;
          continue;
        }
      }
      pos++;
      tagLength++;
      if (tagLength > MAX_TAG) {
        throw error("segment tag longer than " + MAX_TAG + " characters", start, startLine);
      }
    }
    if (tagLength == 3
        && buf[tagStart] == 'I'
        && buf[tagStart + 1] == 'S'
        && buf[tagStart + 2] == 'A'
        && !ended) {
      readIsa(start, startLine);
      return true;
    }
    segmentTag = tagString(buf, tagStart, tagLength);
    segmentOffset = start;
    segmentLine = startLine;
    elementIndex = 0;
    warnedLineBreak = false;
    if (eofInTag) {
      if (tagLength == 0) {
        return false;
      }
      unterminated(start, startLine);
      ended = true;
    }
    if (tagLength == 0) {
      finding(
          Severity.ERROR,
          "EMPTY_SEGMENT",
          Finding.Level.SEGMENT,
          "8",
          "empty segment (two terminators in a row)",
          new Location(start, startLine, segmentPosition, "", 0, 0, 0));
      return true;
    }
    switch (segmentTag) {
      case "GS" -> push(X12Event.START_GROUP, null, 0, start);
      case "ST" -> {
        inTransaction = true;
        segmentPosition = 0;
        push(X12Event.START_TRANSACTION, null, 0, start);
        st01 = null;
        tracker = null;
        loopIds.clear();
      }
      default -> {
        if (inTransaction && options.loops()) {
          loopEvents(start);
        }
      }
    }
    segmentPosition = inTransaction ? segmentPosition + 1 : 0;
    push(X12Event.START_SEGMENT, segmentTag, 0, start);
    state = ended ? State.END_PENDING : State.IN_SEGMENT;
    return true;
  }

  private void loopEvents(long start) {
    String id = st01;
    if (tracker == null && id != null) {
      Schemas.TransactionDef def = Schemas.transaction(id);
      tracker = def == null ? null : new StructureTracker(def);
      st01 = null;
    }
    StructureTracker t = tracker;
    if (t == null) {
      return;
    }
    StructureTracker.Match m = t.accept(segmentTag);
    for (int i = 0; i < m.closed && !loopIds.isEmpty(); i++) {
      push(X12Event.END_LOOP, loopIds.pop(), 0, start);
    }
    Schemas.Entry opened = m.opened;
    if (opened != null) {
      loopIds.push(opened.tag());
      push(X12Event.START_LOOP, opened.tag(), 0, start);
    }
  }

  private boolean isLeadingJunk(char c) {
    if (c == '\uFEFF' || (c == 0xEF && bufStart + pos == 0)) {
      // A byte order mark: U+FEFF from a Reader, EF BB BF from bytes.
      long at = bufStart + pos;
      if (!tolerant) {
        throw error("byte order mark before the ISA header (strict mode)", at, line);
      }
      if (c == 0xEF) {
        if (!ensure(3) || buf[pos + 1] != 0xBB || buf[pos + 2] != 0xBF) {
          return false;
        }
        pos += 2;
      }
      finding(
          Severity.WARNING,
          "BYTE_ORDER_MARK",
          Finding.Level.INTERCHANGE,
          "",
          "skipped a byte order mark before the ISA header",
          new Location(at, line, 0, "", 0, 0, 0));
      return true;
    }
    if (tolerant && (c == ' ' || c == '\t' || c == '\0' || c == '\f')) {
      return true;
    }
    return false;
  }

  private void readIsa(long start, long startLine) {
    String[] values = new String[16];
    long[] offsets = new long[16];
    char elem;
    char comp;
    char term;
    pos = pos - 3;
    int base = pos;
    segmentTag = "ISA";
    warnedLineBreak = false;
    if (!tolerant) {
      if (!ensure(ISA_LENGTH)) {
        throw error(
            "truncated ISA header: " + (limit - pos) + " of " + ISA_LENGTH + " characters",
            start,
            startLine);
      }
      base = pos;
      elem = buf[base + 3];
      int at = 3;
      for (int i = 0; i < 16; i++) {
        if (buf[base + at] != elem) {
          throw error(
              "element separator '"
                  + printable(elem)
                  + "' required at position "
                  + at
                  + " of the ISA header, found '"
                  + printable(buf[base + at])
                  + "'",
              start + at,
              startLine);
        }
        int width = i < 15 ? ISA_WIDTHS[i] : 1;
        values[i] = new String(buf, base + at + 1, width);
        offsets[i] = start + at + 1;
        at += width + 1;
      }
      comp = buf[base + 104];
      term = buf[base + 105];
      for (int i = base; i < base + ISA_LENGTH; i++) {
        if (buf[i] == '\n') {
          line++;
        }
      }
      pos = base + ISA_LENGTH;
    } else {
      pos += 3;
      if (!ensure(1)) {
        throw error("truncated ISA header", start, startLine);
      }
      elem = buf[pos++];
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < 16; i++) {
        sb.setLength(0);
        offsets[i] = bufStart + pos;
        boolean last = i == 15;
        while (true) {
          if (!ensure(1)) {
            throw error("truncated ISA header", start, startLine);
          }
          char c = buf[pos];
          if (c == '\n' || c == '\r') {
            if (c == '\n') {
              line++;
            }
            warnLineBreak(bufStart + pos);
            pos++;
            continue;
          }
          if (last) {
            // ISA16 is exactly one character.
            sb.append(c);
            pos++;
            break;
          }
          pos++;
          if (c == elem) {
            break;
          }
          sb.append(c);
          if (sb.length() > 80) {
            throw error("ISA element " + (i + 1) + " longer than 80 characters", start, startLine);
          }
        }
        values[i] = sb.toString();
      }
      comp = values[15].charAt(0);
      if (!ensure(1)) {
        throw error("truncated ISA header: no segment terminator", start, startLine);
      }
      term = buf[pos++];
      if (term == '\n') {
        line++;
      }
      for (int i = 0; i < 15; i++) {
        if (values[i].length() != ISA_WIDTHS[i]) {
          finding(
              Severity.WARNING,
              "ISA_WIDTH",
              Finding.Level.INTERCHANGE,
              "",
              "ISA"
                  + pad2(i + 1)
                  + " is "
                  + values[i].length()
                  + " characters, "
                  + ISA_WIDTHS[i]
                  + " expected; read as delimited",
              new Location(offsets[i], startLine, 0, "ISA", i + 1, 0, 0));
        }
      }
    }
    // Validate delimiters.
    if (Character.isLetterOrDigit(elem) || elem == ' ') {
      throw error("invalid element separator '" + printable(elem) + "'", start + 3, startLine);
    }
    if (Character.isLetterOrDigit(comp) || comp == elem) {
      throw error("invalid component separator '" + printable(comp) + "'", start + 104, startLine);
    }
    if (Character.isLetterOrDigit(term) || term == elem || term == comp || term == ' ') {
      throw error("invalid segment terminator '" + printable(term) + "'", start + 105, startLine);
    }
    String version = values[11].trim();
    char rep = Delimiters.NONE;
    if (isRepetitionVersion(version) && values[10].length() == 1) {
      char candidate = values[10].charAt(0);
      boolean dataLike =
          Character.isLetterOrDigit(candidate)
              || candidate == ' '
              || candidate == '-'
              || candidate == '.';
      if (candidate == elem || candidate == comp || candidate == term) {
        throw error(
            "ISA11 repetition separator '" + printable(candidate) + "' repeats another delimiter",
            offsets[10],
            startLine);
      }
      if (Character.isLetterOrDigit(candidate) || candidate == ' ') {
        if (!tolerant) {
          throw error(
              "ISA11 '"
                  + candidate
                  + "' cannot be a repetition separator (version "
                  + version
                  + ")",
              offsets[10],
              startLine);
        }
      }
      if (dataLike && tolerant) {
        finding(
            Severity.WARNING,
            "REPETITION_SEPARATOR_IGNORED",
            Finding.Level.INTERCHANGE,
            "",
            "ISA11 '"
                + candidate
                + "' is a data character; it is read as data, not as a repetition"
                + " separator",
            new Location(offsets[10], startLine, 0, "ISA", 11, 0, 0));
      } else {
        rep = candidate;
      }
    }
    elementSep = elem;
    componentSep = comp;
    terminator = term;
    repetitionSep = rep;
    isaVersion = version;
    String suffix = "";
    if (term != '\n' && term != '\r' && ensure(1)) {
      if (buf[pos] == '\r') {
        suffix = ensure(2) && buf[pos + 1] == '\n' ? "\r\n" : "\r";
      } else if (buf[pos] == '\n') {
        suffix = "\n";
      }
    }
    try {
      delimiters = new Delimiters(elem, comp, rep, term, suffix);
    } catch (IllegalArgumentException e) {
      // Delimiters has the last word on what a delimiter may be (blank, NUL, letters, digits).
      throw error("invalid ISA delimiters: " + e.getMessage(), start, startLine);
    }
    inInterchange = true;
    inTransaction = false;
    segmentTag = "ISA";
    segmentOffset = start;
    segmentLine = startLine;
    segmentPosition = 0;
    push(X12Event.START_INTERCHANGE, null, 0, start);
    push(X12Event.START_SEGMENT, "ISA", 0, start);
    for (int i = 0; i < 16; i++) {
      push(X12Event.ELEMENT, values[i], i + 1, offsets[i]);
    }
    state = State.END_PENDING;
  }

  private static boolean isRepetitionVersion(String version) {
    if (version.length() != 5) {
      return false;
    }
    for (int i = 0; i < 5; i++) {
      if (version.charAt(i) < '0' || version.charAt(i) > '9') {
        return false;
      }
    }
    return Integer.parseInt(version) >= 402;
  }

  /** Reads one element (with its repetitions and components) into {@code field}. */
  private void readField() {
    elementIndex++;
    fieldLength = 0;
    fieldOffset = bufStart + pos;
    fieldLine = line;
    boolean ended = false;
    int max = options.maxElementLength();
    char[] f = field;
    int n = 0;
    outer:
    while (true) {
      if (pos >= limit && !fill()) {
        unterminated(segmentOffset, segmentLine);
        ended = true;
        break;
      }
      char[] b = buf;
      int p = pos;
      int lim = limit;
      while (p < lim) {
        char c = b[p++];
        if (c == elementSep) {
          pos = p;
          break outer;
        }
        if (c == terminator) {
          if (c == '\n') {
            line++;
          }
          pos = p;
          ended = true;
          break outer;
        }
        if (c == '\n' || c == '\r') {
          if (c == '\n') {
            line++;
          }
          if (tolerant) {
            pos = p;
            warnLineBreak(bufStart + p - 1);
            continue;
          }
        }
        if (n == f.length) {
          if (n >= max) {
            pos = p;
            throw error(
                "element longer than " + max + " characters", fieldOffset, fieldLine, elementIndex);
          }
          f = java.util.Arrays.copyOf(f, Math.min(max, n * 2));
          field = f;
        }
        f[n++] = c;
      }
      pos = p;
    }
    fieldLength = n;
    fieldActive = true;
    if (elementIndex == 1 && inTransaction && "ST".equals(segmentTag)) {
      st01 = new String(f, 0, n);
    }
    partStarted = false;
    partStart = 0;
    repetitionIndex = 0;
    fieldHasRepetitions = false;
    if (repetitionSep != Delimiters.NONE) {
      for (int i = 0; i < n; i++) {
        if (f[i] == repetitionSep) {
          fieldHasRepetitions = true;
          repetitionIndex = 1;
          break;
        }
      }
    }
    state = ended ? State.END_PENDING : State.IN_SEGMENT;
  }

  private X12Event nextFieldEvent() {
    char[] f = field;
    eventText = null;
    eventElement = elementIndex;
    eventRepetition = repetitionIndex;
    eventLine = fieldLine;
    if (!partStarted) {
      partStarted = true;
      int end = partStart;
      boolean composite = false;
      int n = fieldLength;
      char rep = repetitionSep;
      char comp = componentSep;
      while (end < n) {
        char c = f[end];
        if (c == rep && fieldHasRepetitions) {
          break;
        }
        if (c == comp) {
          composite = true;
        }
        end++;
      }
      partEnd = end;
      if (composite) {
        componentStart = partStart;
        componentIndex = 0;
        eventComponent = 0;
        eventOffset = fieldOffset + partStart;
        textStart = partStart;
        textLength = 0;
        event = X12Event.START_COMPOSITE;
        return X12Event.START_COMPOSITE;
      }
      textStart = partStart;
      textLength = end - partStart;
      eventComponent = 0;
      eventOffset = fieldOffset + partStart;
      event = X12Event.ELEMENT;
      finishPart();
      return X12Event.ELEMENT;
    }
    // Inside a composite.
    if (componentStart <= partEnd && componentIndex >= 0) {
      int end = componentStart;
      char comp = componentSep;
      while (end < partEnd && f[end] != comp) {
        end++;
      }
      componentIndex++;
      textStart = componentStart;
      textLength = end - componentStart;
      eventComponent = componentIndex;
      eventOffset = fieldOffset + componentStart;
      if (end >= partEnd) {
        componentIndex = -componentIndex; // marks the last component as emitted
        componentStart = partEnd + 1;
      } else {
        componentStart = end + 1;
      }
      event = X12Event.ELEMENT;
      return X12Event.ELEMENT;
    }
    eventComponent = 0;
    eventOffset = fieldOffset + partStart;
    textStart = partStart;
    textLength = 0;
    event = X12Event.END_COMPOSITE;
    finishPart();
    return X12Event.END_COMPOSITE;
  }

  private void finishPart() {
    if (partEnd >= fieldLength) {
      fieldActive = false;
    } else {
      partStart = partEnd + 1;
      partStarted = false;
      repetitionIndex++;
    }
  }

  // ---------------------------------------------------------------- helpers

  private void unterminated(long offset, long atLine) {
    finding(
        tolerant ? Severity.WARNING : Severity.ERROR,
        "SEGMENT_NOT_TERMINATED",
        Finding.Level.SEGMENT,
        "",
        "segment " + segmentTag + " is not terminated at the end of the stream",
        new Location(offset, atLine, segmentPosition, segmentTag, 0, 0, 0));
  }

  private void warnLineBreak(long offset) {
    if (!warnedLineBreak) {
      warnedLineBreak = true;
      finding(
          Severity.WARNING,
          "LINE_BREAK_IN_SEGMENT",
          Finding.Level.SEGMENT,
          "",
          "ignored a line break inside segment " + segmentTag,
          new Location(offset, line, segmentPosition, segmentTag, elementIndex, 0, 0));
    }
  }

  private void finding(
      Severity severity,
      String code,
      Finding.Level level,
      String ackCode,
      String message,
      Location location) {
    if (findings.size() < options.maxFindings()) {
      findings.add(new Finding(severity, code, level, ackCode, message, location));
    } else {
      droppedFindings++;
    }
  }

  private void push(X12Event type, @Nullable String text, int element, long offset) {
    if (qTail == qType.length) {
      int size = qType.length * 2;
      qType = java.util.Arrays.copyOf(qType, size);
      qText = java.util.Arrays.copyOf(qText, size);
      qElement = java.util.Arrays.copyOf(qElement, size);
      qOffset = java.util.Arrays.copyOf(qOffset, size);
    }
    qType[qTail] = type;
    qText[qTail] = text;
    qElement[qTail] = element;
    qOffset[qTail] = offset;
    qTail++;
  }

  private EdiException error(String message, long offset, long atLine) {
    return error(message, offset, atLine, 0);
  }

  private EdiException error(String message, long offset, long atLine, int element) {
    return new EdiException(
        message,
        new Location(
            offset,
            atLine,
            inTransaction ? segmentPosition : 0,
            state == State.BETWEEN && element == 0 ? "" : segmentTag,
            element,
            0,
            0));
  }

  private String tagString(char[] b, int start, int length) {
    if (length == 0) {
      return "";
    }
    if (length > 3) {
      return new String(b, start, length);
    }
    int h = 0;
    for (int i = 0; i < length; i++) {
      char c = b[start + i];
      if (c > 127) {
        return new String(b, start, length);
      }
      h = h * 37 + c;
    }
    int slot = h & (tagCache.length - 1);
    String cached = tagCache[slot];
    if (cached != null && cached.length() == length) {
      boolean same = true;
      for (int i = 0; i < length; i++) {
        if (cached.charAt(i) != b[start + i]) {
          same = false;
          break;
        }
      }
      if (same) {
        return cached;
      }
    }
    String s = new String(b, start, length);
    tagCache[slot] = s;
    return s;
  }

  private static String printable(char c) {
    if (c < 0x20 || c > 0x7E) {
      return String.format(java.util.Locale.ROOT, "\\u%04x", (int) c);
    }
    return String.valueOf(c);
  }

  private static String pad2(int i) {
    return i < 10 ? "0" + i : String.valueOf(i);
  }

  /** Makes at least {@code n} characters available from {@code pos}; false at end of stream. */
  private boolean ensure(int n) {
    while (limit - pos < n) {
      if (!fillKeeping(pos)) {
        return limit - pos >= n;
      }
    }
    return true;
  }

  private boolean fill() {
    return fillKeeping(pos);
  }

  /** Reads more characters, keeping those from {@code keepFrom}; false at end of stream. */
  private boolean fillKeeping(int keepFrom) {
    if (eof) {
      return false;
    }
    int keep = limit - keepFrom;
    if (keepFrom > 0) {
      System.arraycopy(buf, keepFrom, buf, 0, keep);
      bufStart += keepFrom;
      pos -= keepFrom;
      limit = keep;
    }
    if (limit == buf.length) {
      checkState(buf.length < (1 << 24), "buffer limit");
      buf = java.util.Arrays.copyOf(buf, buf.length * 2);
    }
    try {
      int read;
      if (in != null) {
        int want = Math.min(bytes.length, buf.length - limit);
        read = in.read(bytes, 0, want);
        for (int i = 0; i < read; i++) {
          buf[limit + i] = (char) (bytes[i] & 0xFF);
        }
      } else {
        read = checkNotNull(chars).read(buf, limit, buf.length - limit);
      }
      if (read <= 0) {
        eof = read < 0;
        if (read == 0) {
          return fillKeeping(0);
        }
        return false;
      }
      limit += read;
      return true;
    } catch (IOException e) {
      throw new EdiException(
          "cannot read the stream: " + e.getMessage(),
          new Location(bufStart + limit, line, 0, segmentTag, 0, 0, 0),
          e);
    }
  }
}
