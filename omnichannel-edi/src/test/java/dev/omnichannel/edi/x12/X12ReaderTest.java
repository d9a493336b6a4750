package dev.omnichannel.edi.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omnichannel.edi.EdiException;
import dev.omnichannel.edi.Finding;
import dev.omnichannel.edi.Location;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class X12ReaderTest {
  private static X12Reader reader(String s, ReaderOptions o) {
    return X12Reader.of(new ByteArrayInputStream(Fixtures.bytes(s)), o);
  }

  @Test
  void reportsEnvelopeSegmentAndElementEventsWithLocations() {
    X12Reader r = reader(Fixtures.PO_850, ReaderOptions.strict());
    List<String> seen = new ArrayList<>();
    Location po103 = new Location(-1, 0, 0, "", 0, 0, 0);
    while (r.hasNext()) {
      X12Event e = r.next();
      if (e != X12Event.ELEMENT) {
        seen.add(e + (e == X12Event.START_SEGMENT ? ":" + r.text() : ""));
      }
      if (e == X12Event.ELEMENT
          && r.segmentTag().equals("PO1")
          && r.elementPosition() == 3
          && po103.offset() < 0) {
        po103 = r.location();
        assertThat(r.text()).isEqualTo("EA");
      }
    }
    assertThat(seen.subList(0, 3))
        .containsExactly("START_INTERCHANGE", "START_SEGMENT:ISA", "END_SEGMENT");
    assertThat(seen).contains("START_GROUP", "START_TRANSACTION", "END_TRANSACTION", "END_GROUP");
    assertThat(seen.get(seen.size() - 1)).isEqualTo("END_INTERCHANGE");
    assertThat(po103.segmentPosition()).isEqualTo(8);
    assertThat(po103.line()).isEqualTo(10);
    assertThat(po103.element()).isEqualTo(3);
    int lineStart = Fixtures.PO_850.indexOf("PO1*1*");
    assertThat(po103.offset()).isEqualTo(lineStart + "PO1*1*3*".length());
    assertThat(r.delimiters()).isEqualTo(new Delimiters('*', '>', Delimiters.NONE, '~', "\n"));
  }

  @Test
  @SuppressWarnings("StringConcatToTextBlock") // CR LF line ends, which a text block would change
  void detectsDelimitersAtEveryIsa() {
    String second =
        "ISA|00|          |00|          |ZZ|A              |ZZ|B              |260101|1200|^|00501|000000001|0|P|:\r\n"
            + "GS|FA|A|B|20260101|1200|1|X|005010~\r\n";
    // Second interchange with other delimiters and a repetition separator.
    String doc =
        Fixtures.PO_850
            + second.replace("~", "\r").replace(":\r\n", ":\r\n")
            + "ST|997|0001\r\nAK1|PO|1\r\nAK9|A|1|1|1\r\nSE|4|0001\r\nGE|1|1\r\nIEA|1|000000001\r\n";
    // In the second interchange the terminator is CR (the character after ISA16), suffix LF.
    X12Reader r = reader(doc, ReaderOptions.strict());
    List<Delimiters> found = new ArrayList<>();
    while (r.hasNext()) {
      if (r.next() == X12Event.START_INTERCHANGE) {
        r.next(); // START_SEGMENT
        while (r.next() != X12Event.END_SEGMENT) {
          // elements
        }
        found.add(r.delimiters());
      }
    }
    assertThat(found).hasSize(2);
    assertThat(found.get(1).element()).isEqualTo('|');
    assertThat(found.get(1).repetition()).isEqualTo('^');
    assertThat(found.get(1).segment()).isEqualTo('\r');
    ValidationReport report = X12Validator.full().validate(reader(doc, ReaderOptions.strict()));
    assertThat(report.errors()).isEmpty();
    assertThat(report.interchanges()).hasSize(2);
  }

  @Test
  void repetitionSeparatorOnlyFromVersion00402() {
    String doc =
        Fixtures.PO_850.replace("*U*00401*", "*^*00501*").replace("N3*1 MAIN ST*SUITE 2", "N3*A^B");
    X12Reader r = reader(doc, ReaderOptions.strict());
    List<Integer> reps = new ArrayList<>();
    while (r.hasNext()) {
      if (r.next() == X12Event.ELEMENT && r.segmentTag().equals("N3")) {
        reps.add(r.repetitionIndex());
      }
    }
    assertThat(reps).containsExactly(1, 2);
    // With 00401 the same character is data.
    String old = Fixtures.PO_850.replace("N3*1 MAIN ST*SUITE 2", "N3*A^B");
    X12Reader r2 = reader(old, ReaderOptions.strict());
    List<String> values = new ArrayList<>();
    while (r2.hasNext()) {
      if (r2.next() == X12Event.ELEMENT && r2.segmentTag().equals("N3")) {
        values.add(r2.text());
      }
    }
    assertThat(values).containsExactly("A^B");
  }

  @Test
  void refusesANulDelimiterWithAPosition() {
    // ISA16 (the component separator) is the 105th character: NUL there is not a delimiter.
    int at = Fixtures.PO_850.indexOf("ISA") + 104;
    String nul = Fixtures.PO_850.substring(0, at) + '\u0000' + Fixtures.PO_850.substring(at + 1);
    for (ReaderOptions options : List.of(ReaderOptions.strict(), ReaderOptions.tolerantMode())) {
      assertThatThrownBy(() -> drain(reader(nul, options)))
          .isInstanceOf(EdiException.class)
          .hasMessageContaining("invalid ISA delimiters");
    }
  }

  @Test
  void strictRefusesWhatTolerantReadsWithWarnings() {
    String bom = "\uFEFF" + Fixtures.PO_850;
    assertThatThrownBy(
            () -> {
              X12Reader r = X12Reader.of(new StringReader(bom), ReaderOptions.strict());
              while (r.hasNext()) {
                r.next();
              }
            })
        .isInstanceOf(EdiException.class)
        .hasMessageContaining("byte order mark");
    byte[] utf8Bom = new byte[3 + Fixtures.PO_850.length()];
    utf8Bom[0] = (byte) 0xEF;
    utf8Bom[1] = (byte) 0xBB;
    utf8Bom[2] = (byte) 0xBF;
    System.arraycopy(Fixtures.bytes(Fixtures.PO_850), 0, utf8Bom, 3, Fixtures.PO_850.length());
    ValidationReport tolerant =
        X12Validator.full()
            .validate(new ByteArrayInputStream(utf8Bom), ReaderOptions.tolerantMode());
    assertThat(tolerant.errors()).isEmpty();
    assertThat(tolerant.warnings()).extracting(Finding::code).contains("BYTE_ORDER_MARK");

    // Over-padded ISA (ISA06 has 16 characters) and a line break inside a segment.
    String padded =
        Fixtures.PO_850
            .replace("*BUYER          *", "*BUYER           *")
            .replace("N4*SPRING", "N4*SPR\nING");
    assertThatThrownBy(() -> drain(reader(padded, ReaderOptions.strict())))
        .isInstanceOf(EdiException.class)
        .satisfies(e -> assertThat(((EdiException) e).location().offset()).isEqualTo(50));
    ValidationReport read =
        X12Validator.full().validate(reader(padded, ReaderOptions.tolerantMode()));
    assertThat(read.errors()).isEmpty();
    assertThat(read.warnings())
        .extracting(Finding::code)
        .contains("ISA_WIDTH", "LINE_BREAK_IN_SEGMENT");
  }

  @Test
  void unterminatedLastSegmentIsAnErrorInStrictAndAWarningInTolerantMode() {
    String doc = Fixtures.PO_850.substring(0, Fixtures.PO_850.length() - 2);
    assertThat(X12Validator.full().validate(reader(doc, ReaderOptions.strict())).errors())
        .extracting(Finding::code)
        .containsExactly("SEGMENT_NOT_TERMINATED");
    ValidationReport tolerant =
        X12Validator.full().validate(reader(doc, ReaderOptions.tolerantMode()));
    assertThat(tolerant.errors()).isEmpty();
    assertThat(tolerant.warnings()).extracting(Finding::code).contains("SEGMENT_NOT_TERMINATED");
  }

  @Test
  void compositesAndComponentsHavePositions() {
    String doc = Fixtures.PO_850.replace("PID*F****BLUE MUG", "MEA*PD*G*3*LB>2");
    X12Reader r = reader(doc, ReaderOptions.strict());
    List<String> events = new ArrayList<>();
    while (r.hasNext()) {
      X12Event e = r.next();
      if (r.segmentTag().equals("MEA") && r.elementPosition() == 4) {
        events.add(e + ":" + r.componentPosition() + (e == X12Event.ELEMENT ? "=" + r.text() : ""));
      }
    }
    assertThat(events)
        .containsExactly("START_COMPOSITE:0", "ELEMENT:1=LB", "ELEMENT:2=2", "END_COMPOSITE:0");
  }

  @Test
  void reportsLoopsOfDefinedTransactionSets() {
    X12Reader r = reader(Fixtures.PO_850, ReaderOptions.strict());
    List<String> loops = new ArrayList<>();
    while (r.hasNext()) {
      X12Event e = r.next();
      if (e == X12Event.START_LOOP || e == X12Event.END_LOOP) {
        loops.add((e == X12Event.START_LOOP ? "+" : "-") + r.text());
      }
    }
    assertThat(loops)
        .containsExactly(
            "+N1", "-N1", "+PO1", "+PID", "-PID", "-PO1", "+PO1", "-PO1", "+CTT", "-CTT");
    X12Reader without = reader(Fixtures.PO_850, ReaderOptions.strict().withLoops(false));
    while (without.hasNext()) {
      assertThat(without.next()).isNotIn(X12Event.START_LOOP, X12Event.END_LOOP);
    }
  }

  static void drain(X12Reader r) {
    while (r.hasNext()) {
      r.next();
    }
  }
}
