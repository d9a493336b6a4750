package dev.omnichannel.edi.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.omnichannel.edi.x12.spi.ControlNumberSource;
import dev.omnichannel.testkit.Gen;
import dev.omnichannel.testkit.Property;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Read then write gives the same document, for generated documents and the valid corpus. */
class RoundTripProperties {
  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -./";
  private static final char[][] DELIMITER_SETS = {
    {'*', '>', '^', '~'}, {'|', ':', '^', '\n'}, {'*', ':', '{', '$'}, {'+', '<', '!', '\''}
  };

  @Test
  void generatedDocumentsSurviveReadThenWrite() {
    // Each generated value seeds one document built through the writer.
    Property.forAll(Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE))
        .tries(300)
        .check(
            seed -> {
              String doc = generate(new SplittableRandom(seed));
              assertThat(copy(doc)).isEqualTo(doc);
              ValidationReport report =
                  X12Validator.envelopeOnly()
                      .validate(
                          new ByteArrayInputStream(doc.getBytes(StandardCharsets.ISO_8859_1)),
                          ReaderOptions.strict());
              assertThat(report.errors()).isEmpty();
            });
  }

  @Test
  void readerLocationsPointAtTheElementText() {
    // Reader invariant: in strict mode every element's offset addresses its own text.
    Property.forAll(Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE))
        .tries(200)
        .check(
            seed -> {
              String doc = generate(new SplittableRandom(seed));
              X12Reader r =
                  X12Reader.of(
                      new ByteArrayInputStream(doc.getBytes(StandardCharsets.ISO_8859_1)),
                      ReaderOptions.strict().withCharset(StandardCharsets.ISO_8859_1));
              while (r.hasNext()) {
                if (r.next() == X12Event.ELEMENT) {
                  int at = (int) r.location().offset();
                  String text = r.text();
                  assertThat(doc.substring(at, at + text.length())).isEqualTo(text);
                }
              }
            });
  }

  @Test
  void validCorpusFilesSurviveReadThenWrite() throws IOException {
    Path dir = CorpusTest.corpus().resolve("valid");
    assumeTrue(Files.isDirectory(dir), "corpus absent");
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path p : files) {
        String original = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
        String copy = copy(original);
        assertThat(copy.stripTrailing())
            .as(p.getFileName().toString())
            .isEqualTo(original.stripTrailing());
      }
    }
  }

  static String copy(String doc) {
    X12Reader reader =
        X12Reader.of(
            new ByteArrayInputStream(doc.getBytes(StandardCharsets.ISO_8859_1)),
            ReaderOptions.strict().withCharset(StandardCharsets.ISO_8859_1));
    // Reading the first ISA makes its delimiters known; the copy keeps them.
    reader.hasNext();
    Delimiters d = java.util.Objects.requireNonNull(reader.delimiters());
    StringWriter out = new StringWriter();
    X12Copier.copy(reader, X12Writer.of(out, d, ControlNumberSource.inMemory()));
    return out.toString();
  }

  /** Generates a valid document through the writer with random delimiters and content. */
  static String generate(SplittableRandom r) {
    char[] d = DELIMITER_SETS[r.nextInt(DELIMITER_SETS.length)];
    String suffix = d[3] == '\n' ? "" : (r.nextBoolean() ? "\n" : (r.nextBoolean() ? "\r\n" : ""));
    boolean v5 = r.nextBoolean();
    Delimiters delimiters = new Delimiters(d[0], d[1], v5 ? d[2] : Delimiters.NONE, d[3], suffix);
    StringWriter out = new StringWriter();
    X12Writer w = X12Writer.of(out, delimiters, ControlNumberSource.inMemory());
    LocalDateTime at =
        LocalDateTime.of(2026, 1 + r.nextInt(12), 1 + r.nextInt(28), r.nextInt(24), r.nextInt(60));
    int interchanges = 1 + r.nextInt(2);
    for (int i = 0; i < interchanges; i++) {
      w.startInterchange(
          InterchangeHeader.of(
              "ZZ", word(r, 1, 15), "ZZ", word(r, 1, 15), at, v5 ? "00501" : "00401"));
      int groups = 1 + r.nextInt(2);
      for (int g = 0; g < groups; g++) {
        w.startGroup("PO", word(r, 2, 10), word(r, 2, 10), at, v5 ? "005010" : "004010");
        int sets = 1 + r.nextInt(3);
        for (int t = 0; t < sets; t++) {
          w.startTransaction("850");
          int segments = r.nextInt(20);
          for (int s = 0; s < segments; s++) {
            w.startSegment("ZZ" + (char) ('A' + r.nextInt(26)));
            int elements = 1 + r.nextInt(8);
            for (int e = 0; e < elements; e++) {
              int kind = r.nextInt(10);
              if (kind == 0) {
                w.startComposite(false);
                int comps = 1 + r.nextInt(3);
                for (int c = 0; c < comps; c++) {
                  w.component(word(r, 1, 6));
                }
                w.endComposite();
              } else if (kind == 1 && v5) {
                w.element(word(r, 1, 5));
                w.element(word(r, 1, 5), true);
              } else if (kind == 2 && e < elements - 1) {
                w.element("");
              } else {
                w.element(word(r, 1, 12));
              }
            }
            w.endSegment();
          }
          w.endTransaction();
        }
        w.endGroup();
      }
      w.endInterchange();
    }
    w.flush();
    return out.toString();
  }

  private static String word(SplittableRandom r, int min, int max) {
    int n = min + r.nextInt(max - min + 1);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
    }
    // Keep values free of leading/trailing blanks that ISA padding would hide.
    String s = sb.toString().strip();
    return s.isEmpty() ? "X" : s;
  }
}
