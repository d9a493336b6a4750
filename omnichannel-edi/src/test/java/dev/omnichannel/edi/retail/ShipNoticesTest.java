package dev.omnichannel.edi.retail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.common.collect.ImmutableList;
import dev.omnichannel.core.Sku;
import dev.omnichannel.core.order.PostalAddress;
import dev.omnichannel.edi.x12.X12Reader;
import dev.omnichannel.edi.x12.X12TransactionReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class ShipNoticesTest {
  static ShipNotice sample() {
    ShipNotice.Carton c1 =
        new ShipNotice.Carton(
            Gs1.sscc(0, "0614141", 1),
            ImmutableList.of(new ShipNotice.ShippedItem(Sku.of("MUG-BLUE"), "012345678905", 6)));
    ShipNotice.Carton c2 =
        new ShipNotice.Carton(
            Gs1.sscc(0, "0614141", 2),
            ImmutableList.of(
                new ShipNotice.ShippedItem(Sku.of("MUG-BLUE"), "012345678905", 6),
                new ShipNotice.ShippedItem(Sku.of("CUP-RED"), "", 1)));
    ShipNotice.Carton loose =
        new ShipNotice.Carton(
            Gs1.sscc(0, "0614141", 3),
            ImmutableList.of(new ShipNotice.ShippedItem(Sku.of("CUP-RED"), "", 2)));
    return new ShipNotice(
        "SHIP-1",
        LocalDate.of(2026, 3, 5),
        LocalTime.of(14, 30),
        "UPSN",
        "BOL-9",
        PostalAddress.builder()
            .name("DC 7")
            .addLine("9 DOCK RD")
            .city("AURORA")
            .region("IL")
            .postalCode("60502")
            .countryCode("US")
            .build(),
        "0007",
        "PO-4711",
        ImmutableList.of(
            new ShipNotice.Pallet(Gs1.sscc(1, "0614141", 99), ImmutableList.of(c1, c2))),
        ImmutableList.of(loose));
  }

  @Test
  void aShipNoticeSurvivesWritingAnd856AndReadingBack() {
    ShipNotice notice = sample();
    String doc = RetailTesting.interchange("SH", w -> ShipNotices.write(notice, w));
    assertThat(RetailTesting.validate(doc).errors()).isEmpty();
    assertThat(doc)
        .contains("HL*3*2*T", "HL*4*3*P", "HL*5*4*I", "MAN*GM*" + Gs1.sscc(1, "0614141", 99));
    ShipNotice back = ShipNotices.read(RetailTesting.read(doc)).orElseThrow();
    assertThat(back).isEqualTo(notice);
    assertThat(back.totalUnits()).isEqualTo(15);
  }

  @Test
  void ssccGenerationUsesTheGs1CheckDigit() {
    // Worked example from the GS1 General Specifications: 0 0614141 123456789 -> check digit 0.
    assertThat(Gs1.sscc(0, "0614141", 123456789L)).isEqualTo("006141411234567890");
    assertThat(Gs1.isValidSscc("006141411234567890")).isTrue();
    assertThat(Gs1.isValidSscc("00006141411234567890")).isTrue();
    assertThat(Gs1.isValidSscc("006141411234567891")).isFalse();
    assertThat(Gs1.isValidGtin("012345678905")).isTrue();
    assertThat(Gs1.isValidGtin("036000291452")).isTrue();
    assertThat(Gs1.isValidGtin("036000291453")).isFalse();
    assertThatThrownBy(() -> Gs1.sscc(0, "0614141", 1_000_000_000L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("serial reference");
  }

  @Test
  void corpusCrossdockAsnHasInvalidSsccCheckDigits() throws IOException {
    Path file =
        Path.of(
            System.getProperty("omnichannel.corpus", "../../shared/corpus"),
            "x12/valid/edieng_856.Crossdock.OK.edi");
    assumeTrue(Files.isRegularFile(file), "corpus absent");
    try (InputStream in = Files.newInputStream(file)) {
      MappingResult<ShipNotice> result =
          ShipNotices.read(X12TransactionReader.of(X12Reader.of(in)).next());
      assertThat(result.isSuccess()).isFalse();
      assertThat(result.problems())
          .extracting(f -> f.code())
          .containsExactlyInAnyOrder(
              "MULTIPLE_ORDERS", "INVALID_SSCC", "INVALID_SSCC", "INVALID_SSCC", "INVALID_SSCC");
    }
  }
}
