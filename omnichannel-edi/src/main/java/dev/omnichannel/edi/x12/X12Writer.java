package dev.omnichannel.edi.x12;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import dev.omnichannel.edi.x12.spi.ControlNumberSource;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Writes X12 with any delimiter set: pads the ISA fields, counts segments, groups and transaction
 * sets, and fills SE01/SE02, GE01/GE02 and IEA01/IEA02 itself. Control numbers come from a {@link
 * ControlNumberSource} unless the caller copies them from a document it read.
 *
 * <p>Two levels: {@link #startInterchange}, {@link #startGroup}, {@link #startTransaction}, {@link
 * #segment} and the matching {@code end} methods for documents built by code; {@link
 * #startSegment}, {@link #element}, {@link #startComposite} and friends for copying what an {@link
 * X12Reader} produced (see {@link X12Copier}). Trailers written at the low level get their counts
 * and control numbers replaced by the computed ones. Trailing empty elements are never written. Not
 * thread-safe.
 *
 * @since 0.1.0
 */
public final class X12Writer implements Closeable, Flushable {
  private static final int[] ISA_WIDTHS = {2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1};
  private static final DateTimeFormatter CCYYMMDD =
      DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);
  private static final DateTimeFormatter YYMMDD =
      DateTimeFormatter.ofPattern("yyMMdd", Locale.ROOT);
  private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm", Locale.ROOT);

  private final Writer out;
  private final ControlNumberSource numbers;
  private Delimiters delimiters;
  private final char[] buf = new char[8192];
  private int len;

  private String interchangeControl = "";
  private String interchangeSender = "";
  private String groupControl = "";
  private String groupSender = "";
  private String transactionControl = "";
  private int groupCount;
  private int transactionCount;
  private int segmentCount;
  private boolean inInterchange;
  private boolean inGroup;
  private boolean inTransaction;

  // Low-level segment state.
  private String tag = "";
  private boolean inSegment;
  private int elementIndex;
  private int pendingEmpty;
  private boolean inComposite;
  private int componentIndex;
  private int lastComponentWritten;
  private boolean elementOpen;

  private X12Writer(Writer out, Delimiters delimiters, ControlNumberSource numbers) {
    this.out = out;
    this.delimiters = delimiters;
    this.numbers = numbers;
  }

  /** Returns a writer of {@code charset} bytes to {@code out}. */
  public static X12Writer of(
      OutputStream out, Charset charset, Delimiters delimiters, ControlNumberSource numbers) {
    checkNotNull(out, "out");
    checkNotNull(charset, "charset");
    return of(new OutputStreamWriter(out, charset), delimiters, numbers);
  }

  /** Returns a writer of characters to {@code out}. */
  public static X12Writer of(Writer out, Delimiters delimiters, ControlNumberSource numbers) {
    checkNotNull(out, "out");
    checkNotNull(delimiters, "delimiters");
    checkNotNull(numbers, "numbers");
    return new X12Writer(out, delimiters, numbers);
  }

  /** Returns the delimiters in use. */
  public Delimiters delimiters() {
    return delimiters;
  }

  /**
   * Writes an ISA header, padding every field; ISA11 and ISA16 follow the delimiters.
   *
   * @return the interchange control number written in ISA13
   */
  public long startInterchange(InterchangeHeader header) {
    checkNotNull(header, "header");
    checkState(!inInterchange, "interchange %s is still open", interchangeControl);
    long control =
        header
            .controlNumber()
            .orElseGet(
                () -> numbers.next(ControlNumberSource.Scope.INTERCHANGE, header.senderId()));
    boolean repeats = Integer.parseInt(header.version()) >= 402;
    checkArgument(
        !repeats || delimiters.repetition() != Delimiters.NONE,
        "version %s needs a repetition separator",
        header.version());
    String isa11 = repeats ? String.valueOf(delimiters.repetition()) : "U";
    startSegment("ISA");
    element("00");
    element("");
    element("00");
    element("");
    element(header.senderQualifier());
    element(header.senderId());
    element(header.receiverQualifier());
    element(header.receiverId());
    element(header.date());
    element(header.time());
    element(isa11);
    element(header.version());
    element(String.format(Locale.ROOT, "%09d", control));
    element(header.acknowledgmentRequested() ? "1" : "0");
    element(header.test() ? "T" : "P");
    element(String.valueOf(delimiters.component()));
    endSegment();
    return control;
  }

  /**
   * Writes a GS header. GS04 has eight digits from version 004010, six before.
   *
   * @return the group control number written in GS06
   */
  public long startGroup(
      String functionalId,
      String applicationSender,
      String applicationReceiver,
      LocalDateTime at,
      String version) {
    checkNotNull(at, "at");
    checkNotNull(version, "version");
    long control = numbers.next(ControlNumberSource.Scope.GROUP, applicationSender);
    String date = version.compareTo("004010") >= 0 ? at.format(CCYYMMDD) : at.format(YYMMDD);
    segment(
        "GS",
        functionalId,
        applicationSender,
        applicationReceiver,
        date,
        at.format(HHMM),
        Long.toString(control),
        "X",
        version);
    return control;
  }

  /**
   * Writes an ST header with the next transaction set control number (at least four digits).
   *
   * @return the control number written in ST02
   */
  public String startTransaction(String transactionSetId) {
    checkState(inGroup, "a transaction set must be inside a group");
    long n = numbers.next(ControlNumberSource.Scope.TRANSACTION, groupSender);
    String control = String.format(Locale.ROOT, "%04d", n);
    segment("ST", transactionSetId, control);
    return control;
  }

  /** Writes SE with the segment count and the control number of the open transaction set. */
  public void endTransaction() {
    checkState(inTransaction, "no transaction set is open");
    segment("SE", "", "");
  }

  /** Writes GE with the transaction set count and the group's control number. */
  public void endGroup() {
    checkState(inGroup && !inTransaction, "no group is open, or a transaction set is still open");
    segment("GE", "", "");
  }

  /** Writes IEA with the group count and the interchange's control number. */
  public void endInterchange() {
    checkState(inInterchange && !inGroup, "no interchange is open, or a group is still open");
    segment("IEA", "", "");
  }

  /**
   * Writes a whole segment of simple elements; trailing empty elements are left out.
   *
   * @throws IllegalArgumentException if a value holds a delimiter
   */
  public X12Writer segment(String segmentTag, String... elements) {
    startSegment(segmentTag);
    for (String e : elements) {
      element(e);
    }
    endSegment();
    return this;
  }

  /** Starts a segment; elements follow with {@link #element} or {@link #startComposite}. */
  public X12Writer startSegment(String segmentTag) {
    checkNotNull(segmentTag, "segmentTag");
    checkArgument(
        segmentTag.length() >= 2 && segmentTag.length() <= 3 && isAlnum(segmentTag),
        "segment tag must be 2 or 3 letters or digits: %s",
        segmentTag);
    checkState(!inSegment, "segment %s is still open", tag);
    tag = segmentTag;
    inSegment = true;
    elementIndex = 0;
    pendingEmpty = 0;
    elementOpen = false;
    switch (segmentTag) {
      case "ISA" -> checkState(!inInterchange, "interchange %s is still open", interchangeControl);
      case "GS" ->
          checkState(inInterchange && !inGroup, "GS needs an open interchange and no open group");
      case "ST" -> {
        checkState(inGroup && !inTransaction, "ST needs an open group and no open transaction set");
        segmentCount = 0;
      }
      default -> {}
    }
    append(segmentTag);
    if (inTransaction || "ST".equals(segmentTag)) {
      segmentCount++;
    }
    return this;
  }

  /**
   * Writes the next simple element, or the next repetition of the current one when {@code
   * repetition} is true.
   */
  public X12Writer element(String value) {
    return element(value, false);
  }

  /**
   * Writes a simple element; with {@code repetition} it is written as another repetition of the
   * previous element.
   *
   * @throws IllegalArgumentException if the value holds a delimiter
   */
  public X12Writer element(String value, boolean repetition) {
    checkNotNull(value, "value");
    checkState(inSegment && !inComposite, "no segment is open, or a composite is open");
    if (repetition && elementOpen) {
      checkState(delimiters.repetition() != Delimiters.NONE, "no repetition separator");
      append(delimiters.repetition());
    } else {
      elementIndex++;
      elementOpen = true;
      value = trailerValue(value);
      if ("ISA".equals(tag)) {
        flushEmpty();
        append(delimiters.element());
        appendRaw(padIsa(elementIndex, value));
        return this;
      }
      if (value.isEmpty()) {
        pendingEmpty++;
        elementOpen = false;
        return this;
      }
      flushEmpty();
      append(delimiters.element());
    }
    appendChecked(value);
    return this;
  }

  /** Starts a composite element (or another repetition of one when {@code repetition}). */
  public X12Writer startComposite(boolean repetition) {
    checkState(inSegment && !inComposite, "no segment is open, or a composite is open");
    if (repetition && elementOpen) {
      checkState(delimiters.repetition() != Delimiters.NONE, "no repetition separator");
      append(delimiters.repetition());
    } else {
      elementIndex++;
      flushEmpty();
      append(delimiters.element());
    }
    elementOpen = true;
    inComposite = true;
    componentIndex = 0;
    lastComponentWritten = 1;
    return this;
  }

  /** Writes the next component of the open composite. */
  public X12Writer component(String value) {
    checkNotNull(value, "value");
    checkState(inComposite, "no composite is open");
    componentIndex++;
    if (value.isEmpty()) {
      return this;
    }
    // Separators stand for every component slot since the last one written.
    for (int i = lastComponentWritten; i < componentIndex; i++) {
      append(delimiters.component());
    }
    lastComponentWritten = componentIndex;
    appendChecked(value);
    return this;
  }

  /** Ends the open composite; trailing empty components are left out. */
  public X12Writer endComposite() {
    checkState(inComposite, "no composite is open");
    inComposite = false;
    return this;
  }

  /** Ends the open segment and writes the terminator. */
  public X12Writer endSegment() {
    checkState(inSegment && !inComposite, "no segment is open, or a composite is open");
    pendingEmpty = 0;
    append(delimiters.segment());
    appendRaw(delimiters.suffix());
    inSegment = false;
    afterSegment();
    return this;
  }

  private void afterSegment() {
    switch (tag) {
      case "ISA" -> {
        inInterchange = true;
        groupCount = 0;
      }
      case "GS" -> {
        inGroup = true;
        groupCount++;
        transactionCount = 0;
      }
      case "ST" -> {
        inTransaction = true;
        transactionCount++;
      }
      case "SE" -> inTransaction = false;
      case "GE" -> inGroup = false;
      case "IEA" -> {
        inInterchange = false;
        flush();
      }
      default -> {}
    }
  }

  /** Replaces trailer counts and control numbers, and records header control numbers. */
  private String trailerValue(String value) {
    switch (tag) {
      case "ISA" -> {
        if (elementIndex == 13) {
          interchangeControl = value;
        } else if (elementIndex == 6) {
          interchangeSender = value;
        } else if (elementIndex == 11
            && value.length() == 1
            && !Character.isLetterOrDigit(value.charAt(0))
            && delimiters.repetition() != Delimiters.NONE) {
          // A copied ISA11 repetition separator becomes this writer's one.
          return String.valueOf(delimiters.repetition());
        } else if (elementIndex == 16) {
          return String.valueOf(delimiters.component());
        }
        return value;
      }
      case "GS" -> {
        if (elementIndex == 6) {
          groupControl = value;
        } else if (elementIndex == 2) {
          groupSender = value;
        }
        return value;
      }
      case "ST" -> {
        if (elementIndex == 2) {
          transactionControl = value;
        }
        return value;
      }
      case "SE" -> {
        return elementIndex == 1
            ? Integer.toString(segmentCount)
            : elementIndex == 2 ? transactionControl : value;
      }
      case "GE" -> {
        return elementIndex == 1
            ? Integer.toString(transactionCount)
            : elementIndex == 2 ? groupControl : value;
      }
      case "IEA" -> {
        return elementIndex == 1
            ? Integer.toString(groupCount)
            : elementIndex == 2 ? interchangeControl : value;
      }
      default -> {
        return value;
      }
    }
  }

  private String padIsa(int index, String value) {
    if (index < 1 || index > 16) {
      throw new IllegalArgumentException("ISA has 16 elements: " + index);
    }
    int width = ISA_WIDTHS[index - 1];
    checkArgument(value.length() <= width, "ISA%s longer than %s: %s", index, width, value);
    if (value.length() == width) {
      return value;
    }
    if (index == 13) {
      return "0".repeat(width - value.length()) + value;
    }
    return value + " ".repeat(width - value.length());
  }

  private void flushEmpty() {
    for (; pendingEmpty > 0; pendingEmpty--) {
      append(delimiters.element());
    }
  }

  private void appendChecked(String value) {
    Delimiters d = delimiters;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == d.element()
          || c == d.segment()
          || c == d.component()
          || (d.repetition() != Delimiters.NONE && c == d.repetition())) {
        throw new IllegalArgumentException(
            "value of " + tag + " element " + elementIndex + " holds a delimiter: " + value);
      }
    }
    appendRaw(value);
  }

  private void append(String s) {
    appendRaw(s);
  }

  private void appendRaw(String s) {
    int n = s.length();
    if (len + n > buf.length) {
      flushBuffer();
      if (n > buf.length) {
        write(s);
        return;
      }
    }
    s.getChars(0, n, buf, len);
    len += n;
  }

  private void append(char c) {
    if (len == buf.length) {
      flushBuffer();
    }
    buf[len++] = c;
  }

  private void write(String s) {
    try {
      out.write(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void flushBuffer() {
    try {
      out.write(buf, 0, len);
      len = 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isAlnum(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'))) {
        return false;
      }
    }
    return true;
  }

  /** Returns the sender of the current interchange (ISA06 as written). */
  String interchangeSender() {
    return interchangeSender;
  }

  @Override
  public void flush() {
    flushBuffer();
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    flush();
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
