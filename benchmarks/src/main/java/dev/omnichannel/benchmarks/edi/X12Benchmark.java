package dev.omnichannel.benchmarks.edi;

import dev.omnichannel.edi.x12.Delimiters;
import dev.omnichannel.edi.x12.ReaderOptions;
import dev.omnichannel.edi.x12.ValidationReport;
import dev.omnichannel.edi.x12.X12Event;
import dev.omnichannel.edi.x12.X12Reader;
import dev.omnichannel.edi.x12.X12Validator;
import dev.omnichannel.edi.x12.X12Writer;
import dev.omnichannel.edi.x12.spi.ControlNumberSource;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.EDIStreamWriter;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * X12 side by side with StAEDI on the same generated inputs (1 MB and 100 MB, built from a corpus
 * purchase order at setup): tokenize only, tokenize with envelope validation, and write. Inputs are
 * streamed from a temporary file, so the 100 MB runs fit a 256 MB heap.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class X12Benchmark {
  @Param({"1", "100"})
  public int megabytes;

  private Path dir = Path.of("");
  private Path input = Path.of("");
  private long segments;
  private List<String[]> body = List.of();
  private int repeats;

  @Setup(Level.Trial)
  public void setup() throws IOException {
    dir = Files.createTempDirectory("x12bench");
    input = dir.resolve("input.edi");
    segments = X12Inputs.write(input, megabytes * 1_000_000L);
    body = X12Inputs.transaction();
    repeats = X12Inputs.repeats(megabytes * 1_000_000L, body);
    System.out.printf(
        Locale.ROOT,
        "%n[x12-input] %d MB: %d bytes, %d segments; write: %d segments%n",
        megabytes,
        Files.size(input),
        segments,
        (long) repeats * body.size()
            + 2L
            + 2L * ((repeats + X12Inputs.GROUP_SIZE - 1) / X12Inputs.GROUP_SIZE));
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(input);
    Files.deleteIfExists(dir);
  }

  private InputStream open() throws IOException {
    return new BufferedInputStream(Files.newInputStream(input), 1 << 16);
  }

  @Benchmark
  public long tokenizeOmnichannel(Blackhole bh) throws IOException {
    long elements = 0;
    try (InputStream in = open()) {
      X12Reader r = X12Reader.of(in, ReaderOptions.strict().withLoops(false));
      while (r.hasNext()) {
        if (r.next() == X12Event.ELEMENT) {
          elements += r.textLength();
        }
      }
    }
    bh.consume(elements);
    return elements;
  }

  @Benchmark
  public long tokenizeStaedi(Blackhole bh) throws Exception {
    long elements = 0;
    EDIInputFactory f = EDIInputFactory.newFactory();
    f.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_STRUCTURE, false);
    try (InputStream in = open();
        EDIStreamReader r = f.createEDIStreamReader(in)) {
      while (r.hasNext()) {
        if (r.next() == EDIStreamEvent.ELEMENT_DATA) {
          elements += r.getTextLength();
        }
      }
    }
    bh.consume(elements);
    return elements;
  }

  @Benchmark
  public Object validateEnvelopeOmnichannel() throws IOException {
    try (InputStream in = open()) {
      ValidationReport report =
          X12Validator.envelopeOnly()
              .validate(X12Reader.of(in, ReaderOptions.strict().withLoops(false)));
      if (report.hasErrors()) {
        throw new IllegalStateException(report.errors().toString());
      }
      return report;
    }
  }

  @Benchmark
  public long validateEnvelopeStaedi(Blackhole bh) throws Exception {
    long errors = 0;
    EDIInputFactory f = EDIInputFactory.newFactory();
    f.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_STRUCTURE, true);
    try (InputStream in = open();
        EDIStreamReader r = f.createEDIStreamReader(in)) {
      while (r.hasNext()) {
        EDIStreamEvent e = r.next();
        if (e == EDIStreamEvent.SEGMENT_ERROR
            || e == EDIStreamEvent.ELEMENT_DATA_ERROR
            || e == EDIStreamEvent.ELEMENT_OCCURRENCE_ERROR) {
          errors++;
        }
        bh.consume(e);
      }
    }
    if (errors > 0) {
      throw new IllegalStateException(errors + " StAEDI errors");
    }
    return errors;
  }

  @Benchmark
  public long writeOmnichannel() {
    CountingStream out = new CountingStream();
    X12Writer w =
        X12Writer.of(
            new OutputStreamWriter(out, StandardCharsets.ISO_8859_1),
            new Delimiters('*', '>', Delimiters.NONE, '~', "\n"),
            ControlNumberSource.inMemory());
    writeSegment(w, X12Inputs.isa().substring(0, X12Inputs.isa().length() - 1).split("\\*", -1));
    int group = 1;
    writeSegment(w, gs(group));
    for (int i = 1; i <= repeats; i++) {
      if (i % X12Inputs.GROUP_SIZE == 1 && i > 1) {
        writeSegment(
            w,
            new String[] {"GE", Integer.toString(X12Inputs.GROUP_SIZE), Integer.toString(group)});
        writeSegment(w, gs(++group));
      }
      String control = Integer.toString(10000 + i);
      for (String[] seg : body) {
        if (seg[0].equals("ST") || seg[0].equals("SE")) {
          String[] s = seg.clone();
          s[2] = control;
          writeSegment(w, s);
        } else {
          writeSegment(w, seg);
        }
      }
    }
    writeSegment(
        w, new String[] {"GE", Integer.toString(lastGroupSize()), Integer.toString(group)});
    writeSegment(w, new String[] {"IEA", Integer.toString(group), "000000001"});
    w.flush();
    return out.count;
  }

  private static String[] gs(int group) {
    return ("GS*PO*SENDER*RECEIVER*20260101*1200*" + group + "*X*004010").split("\\*", -1);
  }

  private int lastGroupSize() {
    int rest = repeats % X12Inputs.GROUP_SIZE;
    return rest == 0 ? X12Inputs.GROUP_SIZE : rest;
  }

  private static void writeSegment(X12Writer w, String[] seg) {
    w.startSegment(seg[0]);
    for (int i = 1; i < seg.length; i++) {
      w.element(seg[i]);
    }
    w.endSegment();
  }

  @Benchmark
  public long writeStaedi() throws Exception {
    CountingStream out = new CountingStream();
    EDIOutputFactory f = EDIOutputFactory.newFactory();
    f.setProperty(EDIOutputFactory.PRETTY_PRINT, true);
    try (EDIStreamWriter w = f.createEDIStreamWriter(out)) {
      w.startInterchange();
      writeSegment(w, X12Inputs.isa().substring(0, X12Inputs.isa().length() - 1).split("\\*", -1));
      int group = 1;
      writeSegment(w, gs(group));
      for (int i = 1; i <= repeats; i++) {
        if (i % X12Inputs.GROUP_SIZE == 1 && i > 1) {
          writeSegment(
              w,
              new String[] {"GE", Integer.toString(X12Inputs.GROUP_SIZE), Integer.toString(group)});
          writeSegment(w, gs(++group));
        }
        String control = Integer.toString(10000 + i);
        for (String[] seg : body) {
          if (seg[0].equals("ST") || seg[0].equals("SE")) {
            String[] s = seg.clone();
            s[2] = control;
            writeSegment(w, s);
          } else {
            writeSegment(w, seg);
          }
        }
      }
      writeSegment(
          w, new String[] {"GE", Integer.toString(lastGroupSize()), Integer.toString(group)});
      writeSegment(w, new String[] {"IEA", Integer.toString(group), "000000001"});
      w.endInterchange();
    }
    return out.count;
  }

  private static void writeSegment(EDIStreamWriter w, String[] seg) throws Exception {
    w.writeStartSegment(seg[0]);
    for (int i = 1; i < seg.length; i++) {
      if (seg[i].isEmpty()) {
        w.writeEmptyElement();
      } else {
        w.writeElement(seg[i]);
      }
    }
    w.writeEndSegment();
  }

  /** Discards bytes, counting them. */
  static final class CountingStream extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
