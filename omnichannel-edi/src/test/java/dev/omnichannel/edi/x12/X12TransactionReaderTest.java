package dev.omnichannel.edi.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.common.collect.ImmutableList;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class X12TransactionReaderTest {
  static X12Transaction first(String doc) {
    return X12TransactionReader.of(
            X12Reader.of(new ByteArrayInputStream(Fixtures.bytes(doc)), ReaderOptions.strict()))
        .next();
  }

  @Test
  void buildsLoopsAndSegments() {
    X12Transaction t = first(Fixtures.PO_850);
    assertThat(t.setId()).isEqualTo("850");
    assertThat(t.functionalId()).isEqualTo("PO");
    assertThat(t.version()).isEqualTo("004010");
    assertThat(t.segments()).hasSize(12);
    ImmutableList<X12Loop> lines = t.loops("PO1");
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).first().get(7)).isEqualTo("012345678905");
    assertThat(lines.get(0).loops("PID")).hasSize(1);
    assertThat(t.loops("N1").get(0).segments("N3").get(0).get(2)).isEqualTo("SUITE 2");
  }

  @Test
  void buildsAnyHlShape() {
    String body =
        """
        BSN*00*SHIP1*20260102*1200~
        HL*1**S~
        TD1*CTN*2~
        HL*2*1*O~
        PRF*PO-77~
        HL*3*2*T~
        MAN*GM*00012345600000000000~
        HL*4*3*P~
        MAN*GM*00012345600000000011~
        HL*5*4*I~
        LIN**UP*012345678905~
        SN1**3*EA~
        HL*6*3*P~
        HL*7*6*I~
        LIN**UP*036000291452~
        SN1**1*EA~
        """;
    long count = body.chars().filter(c -> c == '~').count() + 2;
    String doc =
        Fixtures.PO_850.substring(0, Fixtures.PO_850.indexOf("ST*")).replace("GS*PO*", "GS*SH*")
            + "ST*856*0001~\n"
            + body
            + "SE*"
            + count
            + "*0001~\nGE*1*101~\nIEA*1*000000101~\n";
    X12Transaction t = first(doc);
    ImmutableList<HlNode> roots = t.hlTree();
    assertThat(roots).hasSize(1);
    HlNode shipment = roots.get(0);
    assertThat(shipment.levelCode()).isEqualTo("S");
    HlNode order = shipment.children().get(0);
    HlNode tare = order.children().get(0);
    assertThat(tare.levelCode()).isEqualTo("T");
    assertThat(tare.children()).extracting(HlNode::levelCode).containsExactly("P", "P");
    assertThat(shipment.descendants("I")).hasSize(2);
    assertThat(tare.children().get(0).segment("MAN").orElseThrow().get(2))
        .isEqualTo("00012345600000000011");
    ValidationReport report =
        X12Validator.full()
            .validate(new ByteArrayInputStream(Fixtures.bytes(doc)), ReaderOptions.strict());
    assertThat(report.errors()).isEmpty();
  }

  @Test
  void crossdockCorpusFileIsShipmentOrderPackItem() throws IOException {
    Path file = CorpusTest.corpus().resolve("valid/edieng_856.Crossdock.OK.edi");
    assumeTrue(Files.isRegularFile(file), "corpus absent");
    try (InputStream in = Files.newInputStream(file)) {
      X12Transaction t = X12TransactionReader.of(X12Reader.of(in)).next();
      HlNode s = t.hlTree().get(0);
      assertThat(s.children()).extracting(HlNode::levelCode).containsExactly("O", "O");
      assertThat(s.children().get(0).children()).extracting(HlNode::levelCode).containsOnly("P");
      assertThat(s.descendants("I")).hasSize(5);
    }
  }
}
