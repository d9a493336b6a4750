package dev.omnichannel.edi.x12;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnichannel.testkit.Gen;
import dev.omnichannel.testkit.Hostile;
import dev.omnichannel.testkit.Property;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Random bytes, truncations, mutations, re-encodings and huge segments give a positioned finding,
 * never an unexpected exception.
 */
class HostileInputProperties {
  @Test
  void randomBytesGiveAPositionedFinding() {
    Property.forAll(Hostile.randomBytes(400))
        .tries(300)
        .check(HostileInputProperties::assertSurvives);
  }

  @Test
  void truncationsAndMutationsOfAValidDocumentNeverCrash() {
    byte[] valid = Fixtures.bytes(Fixtures.PO_850);
    for (int cut = 0; cut <= valid.length; cut += 3) {
      assertSurvives(java.util.Arrays.copyOf(valid, cut));
    }
    Property.forAll(Gen.oneOf(Hostile.truncations(valid), Hostile.mutations(valid)))
        .tries(1500)
        .check(HostileInputProperties::assertSurvives);
  }

  @Test
  void reencodingsGiveAPositionedFindingOrTheSameDocument() {
    Property.forAll(Hostile.reencodings(Fixtures.PO_850))
        .tries(200)
        .check(HostileInputProperties::assertSurvives);
  }

  @Test
  void otherEncodingsAreRefusedWithAPosition() {
    for (var cs :
        new java.nio.charset.Charset[] {StandardCharsets.UTF_16, StandardCharsets.UTF_16LE}) {
      ValidationReport report = assertSurvives(Fixtures.PO_850.getBytes(cs));
      assertThat(report.errors()).extracting(f -> f.code()).containsExactly("UNREADABLE");
    }
  }

  @Test
  void aSegmentOfAMillionElementsIsStreamed() {
    String head = Fixtures.PO_850.substring(0, Fixtures.PO_850.indexOf("CTT"));
    StringBuilder sb = new StringBuilder(head).append("REF*ZZ");
    sb.append("*A".repeat(1_000_000));
    sb.append("~\nSE*12*0001~\nGE*1*101~\nIEA*1*000000101~\n");
    ValidationReport report = assertSurvives(Fixtures.bytes(sb.toString()));
    assertThat(report.errors()).extracting(f -> f.code()).contains("TOO_MANY_ELEMENTS");
  }

  @Test
  void anOverlongElementIsRefusedWithAPosition() {
    String head = Fixtures.PO_850.substring(0, Fixtures.PO_850.indexOf("CTT"));
    String doc = head + "REF*ZZ*" + "A".repeat(2_000_000) + "~\n";
    ValidationReport report = assertSurvives(Fixtures.bytes(doc));
    assertThat(report.errors())
        .anySatisfy(
            f -> {
              assertThat(f.code()).isEqualTo("UNREADABLE");
              assertThat(f.location().segmentTag()).isEqualTo("REF");
              assertThat(f.location().element()).isEqualTo(2);
            });
  }

  @Test
  void aLongStreamIsReadWithBoundedMemory() {
    // 20 MB generated on the fly: only the reader's buffers are held.
    InputStream in = new RepeatingInterchange(20_000_000L);
    X12Reader reader = X12Reader.of(in, ReaderOptions.strict());
    long segments = 0;
    while (reader.hasNext()) {
      if (reader.next() == X12Event.END_SEGMENT) {
        segments++;
      }
    }
    assertThat(segments).isGreaterThan(450_000);
  }

  private static ValidationReport assertSurvives(byte[] input) {
    ValidationReport strict =
        X12Validator.full().validate(new ByteArrayInputStream(input), ReaderOptions.strict());
    ValidationReport tolerant =
        X12Validator.full().validate(new ByteArrayInputStream(input), ReaderOptions.tolerantMode());
    assertThat(tolerant).isNotNull();
    for (var f : strict.findings()) {
      assertThat(f.location().offset()).isBetween(0L, (long) input.length);
    }
    return strict;
  }

  /** One interchange whose 850 repeats line items until {@code size} bytes. */
  static final class RepeatingInterchange extends InputStream {
    private final byte[] head;
    private final byte[] line = Fixtures.bytes("PO1*1*3*EA*4.50**UP*012345678905*VN*V-100~\n");
    private final byte[] tail = Fixtures.bytes("CTT*1~\nSE*3*0001~\nGE*1*101~\nIEA*1*000000101~\n");
    private final long lines;
    private long emitted;
    private int pos;
    private int part;

    RepeatingInterchange(long size) {
      String d = Fixtures.PO_850;
      head = Fixtures.bytes(d.substring(0, d.indexOf("DTM")));
      lines = size / line.length;
    }

    @Override
    public int read() {
      byte[] b = new byte[1];
      int n = read(b, 0, 1);
      return n < 0 ? -1 : b[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      while (true) {
        byte[] cur = part == 0 ? head : part == 1 ? line : part == 2 ? tail : null;
        if (cur == null) {
          return -1;
        }
        if (pos < cur.length) {
          int n = Math.min(len, cur.length - pos);
          System.arraycopy(cur, pos, b, off, n);
          pos += n;
          return n;
        }
        pos = 0;
        if (part == 1 && ++emitted < lines) {
          continue;
        }
        part++;
      }
    }
  }
}
