package dev.omnichannel.edi.retail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.omnichannel.core.order.Order;
import dev.omnichannel.edi.Finding;
import dev.omnichannel.edi.Severity;
import dev.omnichannel.edi.x12.X12Reader;
import dev.omnichannel.edi.x12.X12Transaction;
import dev.omnichannel.edi.x12.X12TransactionReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ComplianceRulesTest {
  private static final PartnerProfile PROFILE =
      PartnerProfile.retailDefaults("xyz-retail", "ZZ", "XYZRETAIL");

  static X12Transaction corpus(String file) throws IOException {
    Path path =
        Path.of(System.getProperty("omnichannel.corpus", "../../shared/corpus"), "x12", file);
    assumeTrue(Files.isRegularFile(path), "corpus absent");
    try (InputStream in = Files.newInputStream(path)) {
      return X12TransactionReader.of(X12Reader.of(in)).next();
    }
  }

  @Test
  void crossdockAsnFailsCheckDigitsAtThePartnersSeverity() throws IOException {
    X12Transaction asn = corpus("valid/edieng_856.Crossdock.OK.edi");
    List<Finding> lenient =
        ComplianceRules.check(
            asn, PROFILE.withCheckDigitSeverity(Severity.WARNING, Severity.WARNING));
    assertThat(lenient).allMatch(f -> f.severity() == Severity.WARNING);
    assertThat(lenient.stream().filter(f -> f.code().equals("SSCC_CHECK_DIGIT"))).hasSize(5);
    // 3 of the 4 distinct LIN product ids fail (one of them appears twice).
    assertThat(
            lenient.stream()
                .filter(f -> f.code().equals("GTIN_CHECK_DIGIT"))
                .map(f -> f.message().split("'", -1)[1])
                .distinct())
        .hasSize(3);
    assertThat(lenient.stream().filter(f -> f.code().equals("GTIN_LENGTH")))
        .extracting(Finding::message)
        .allMatch(m -> m.contains("0000000000642"));
    assertThat(ComplianceRules.check(asn, PROFILE)).allMatch(Finding::isError);
  }

  @Test
  void profileAddressesInterchangesToThePartner() {
    var header =
        PROFILE.interchangeTo("ZZ", "VENDOR", java.time.LocalDateTime.of(2026, 3, 4, 5, 6));
    assertThat(header.receiverId()).isEqualTo("XYZRETAIL");
    assertThat(header.version()).isEqualTo("00401");
    assertThat(header.date()).isEqualTo("260304");
  }

  @Test
  void cttHashTotalMeaningIsPerPartner() throws IOException {
    X12Transaction ack = corpus("valid/nodex12_855.edi");
    assertThat(
            ComplianceRules.check(
                ack, PROFILE.withCheckDigitSeverity(Severity.WARNING, Severity.WARNING)))
        .extracting(Finding::code)
        .contains("CTT_HASH_TOTAL")
        .doesNotContain("CTT_LINE_COUNT");
    assertThat(
            ComplianceRules.check(
                ack,
                PROFILE
                    .withCttHashTotal(false)
                    .withCheckDigitSeverity(Severity.WARNING, Severity.WARNING)))
        .extracting(Finding::code)
        .doesNotContain("CTT_HASH_TOTAL");
  }

  @Test
  void ownAsnIsCompliantUntilItShipsTooMuchOrTooLate() {
    ShipNotice notice = ShipNoticesTest.sample();
    String doc = RetailTesting.interchange("SH", w -> ShipNotices.write(notice, w));
    X12Transaction asn = RetailTesting.read(doc);
    Order po = PurchaseOrdersTest.sample();
    Instant shipped = Instant.parse("2026-03-05T14:30:00Z");
    assertThat(
            ComplianceRules.check(
                asn,
                PROFILE,
                Optional.of(po),
                Optional.of(shipped),
                Optional.of(shipped.plus(Duration.ofMinutes(20)))))
        .extracting(Finding::code)
        .containsExactly("OVER_SHIPMENT");
    // The sample ships 3 CUP-RED against 1 ordered; MUG-BLUE 12 of 12 is fine.
    List<Finding> late =
        ComplianceRules.check(
            asn,
            PROFILE,
            Optional.of(po),
            Optional.of(shipped),
            Optional.of(shipped.plus(Duration.ofHours(3))));
    assertThat(late).extracting(Finding::code).contains("ASN_LATE");
    X12Transaction wrongCount = RetailTesting.read(doc.replace("TD1*CTN*3", "TD1*CTN*4"));
    assertThat(ComplianceRules.check(wrongCount, PROFILE))
        .extracting(Finding::code)
        .containsExactly("CARTON_COUNT");
  }
}
