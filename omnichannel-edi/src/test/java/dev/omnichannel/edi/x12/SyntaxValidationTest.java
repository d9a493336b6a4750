package dev.omnichannel.edi.x12;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnichannel.edi.Finding;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

class SyntaxValidationTest {
  private static ValidationReport validate(String doc) {
    return X12Validator.full()
        .validate(new ByteArrayInputStream(Fixtures.bytes(doc)), ReaderOptions.strict());
  }

  private static String wrap(String functionalId, String body, int segments) {
    String head = Fixtures.PO_850.substring(0, Fixtures.PO_850.indexOf("ST*"));
    return head.replace("GS*PO*", "GS*" + functionalId + "*")
        + body
        + "SE*"
        + segments
        + "*0001~\nGE*1*101~\nIEA*1*000000101~\n";
  }

  @Test
  void returnAuthorization180IsParsedAndValidated() {
    String body =
        """
        ST*180*0001~
        BGN*00*RMA-1*20260301~
        N1*ST*RETURNS DESK*92*R1~
        LIN**SK*MUG-BLUE~
        QTY*01*2~
        RDR*01*1*CUSTOMER CHANGED MIND~
        """;
    assertThat(validate(wrap("AN", body, 7)).errors()).isEmpty();
    ValidationReport broken = validate(wrap("AN", body.replace("20260301", "20260231"), 7));
    assertThat(broken.errors())
        .extracting(f -> f.code() + "@" + f.location().segmentTag() + "." + f.location().element())
        .containsExactly("INVALID_DATE@BGN.3");
  }

  @Test
  void structureErrorsAreReportedWithAcknowledgmentCodes() {
    // BEG missing, an unknown segment, PO1 loop without PO1 after CTT.
    String body = "ST*850*0001~\nREF*DP*1~\nZZZ*1~\nPO1*1*2*EA~\nCTT*1~\n";
    ValidationReport report = validate(wrap("PO", body, 6));
    assertThat(report.errors())
        .extracting(Finding::code, Finding::ackCode)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("MANDATORY_SEGMENT_MISSING", "3"),
            org.assertj.core.groups.Tuple.tuple("UNRECOGNIZED_SEGMENT", "1"));
  }

  @Test
  void version005010DefinitionsAllowItsAdditionalElements() {
    String body = "ST*997*0001*005010X230~\nAK1*PO*101*004010~\nAK9*A*1*1*1~\n";
    String doc =
        wrap("FA", body, 4)
            .replace("*U*00401*", "*^*00501*")
            .replace("*X*004010~", "*X*005010X230~");
    assertThat(validate(doc).errors()).isEmpty();
    String old = wrap("FA", body, 4);
    assertThat(validate(old).errors())
        .extracting(Finding::code)
        .containsExactly("TOO_MANY_ELEMENTS", "TOO_MANY_ELEMENTS");
  }
}
