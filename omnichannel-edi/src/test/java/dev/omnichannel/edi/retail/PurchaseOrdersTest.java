package dev.omnichannel.edi.retail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.Sku;
import dev.omnichannel.core.order.Money;
import dev.omnichannel.core.order.Order;
import dev.omnichannel.core.order.OrderLine;
import dev.omnichannel.core.order.PostalAddress;
import dev.omnichannel.edi.x12.X12Reader;
import dev.omnichannel.edi.x12.X12Transaction;
import dev.omnichannel.edi.x12.X12TransactionReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class PurchaseOrdersTest {
  private static final ChannelId RETAIL = ChannelId.of("retail-edi");
  private static final Currency USD = Currency.getInstance("USD");

  static Order sample() {
    return Order.builder()
        .orderId("PO-4711")
        .channel(RETAIL)
        .shipTo(
            PostalAddress.builder()
                .name("STORE 42")
                .addLine("1 MAIN ST")
                .city("SPRINGFIELD")
                .region("IL")
                .postalCode("62701")
                .countryCode("US")
                .build())
        .requestedShipDate(LocalDate.of(2026, 3, 10))
        .requestedDeliveryDate(LocalDate.of(2026, 3, 14))
        .putAttribute("REF.DP", "038")
        .putAttribute("shipToId", "0042")
        .putAttribute("shipToIdQualifier", "92")
        .addLine(
            OrderLine.builder()
                .lineId("1")
                .sku(Sku.of("MUG-BLUE"))
                .quantity(12)
                .unitPrice(Money.of("4.5", "USD"))
                .putPartnerItemId("SK", "MUG-BLUE")
                .putPartnerItemId("UP", "012345678905")
                .build())
        .addLine(
            OrderLine.builder()
                .lineId("2")
                .sku(Sku.of("CUP-RED"))
                .quantity(1)
                .unitPrice(Money.of("12", "USD"))
                .putPartnerItemId("SK", "CUP-RED")
                .build())
        .build();
  }

  @Test
  void anOrderSurvivesWritingAnd850AndReadingBack() {
    Order order = sample();
    String doc =
        RetailTesting.interchange(
            "PO", w -> PurchaseOrders.write(order, LocalDate.of(2026, 3, 4), w));
    assertThat(RetailTesting.validate(doc).errors()).isEmpty();
    Order back =
        PurchaseOrders.toOrder(RetailTesting.read(doc), RETAIL, SkuResolver.byQualifiers("SK"), USD)
            .orElseThrow();
    assertThat(back.orderId()).isEqualTo(order.orderId());
    assertThat(back.lines()).isEqualTo(order.lines());
    assertThat(back.shipTo()).isEqualTo(order.shipTo());
    assertThat(back.requestedShipDate()).isEqualTo(order.requestedShipDate());
    assertThat(back.requestedDeliveryDate()).isEqualTo(order.requestedDeliveryDate());
    assertThat(back.attributes()).containsAllEntriesOf(order.attributes());
    assertThat(back.orderValue()).contains(Money.of("66.0", "USD"));
    // Writing the read order again gives the same document.
    String again =
        RetailTesting.interchange(
            "PO", w -> PurchaseOrders.write(back, LocalDate.of(2026, 3, 4), w));
    assertThat(again).isEqualTo(doc);
  }

  @Test
  void corpusPurchaseOrderBecomesARoutableOrder() throws IOException {
    Path file =
        Path.of(
            System.getProperty("omnichannel.corpus", "../../shared/corpus"),
            "x12/valid/edieng_850.OK.edi");
    assumeTrue(Files.isRegularFile(file), "corpus absent");
    X12Transaction po;
    try (InputStream in = Files.newInputStream(file)) {
      po = X12TransactionReader.of(X12Reader.of(in)).next();
    }
    Order order =
        PurchaseOrders.toOrder(po, RETAIL, SkuResolver.byQualifiers("VN", "CB"), USD).orElseThrow();
    assertThat(order.orderId()).isEqualTo("08292233294");
    assertThat(order.lines()).hasSize(6);
    assertThat(order.lines().get(0).partnerItemIds())
        .containsEntry("CB", "065322-117")
        .containsEntry("VN", "AB3542");
    assertThat(order.shipTo().city()).contains("SOLON");
    assertThat(order.requestedDeliveryDate()).contains(LocalDate.of(2010, 12, 14));
    assertThat(order.orderValue().orElseThrow().amount()).isEqualByComparingTo("13045.94");
  }

  @Test
  void unknownItemsAndMissingShipToArePositionedProblems() {
    String doc =
        RetailTesting.interchange(
            "PO", w -> PurchaseOrders.write(sample(), LocalDate.of(2026, 3, 4), w));
    MappingResult<Order> result =
        PurchaseOrders.toOrder(
            RetailTesting.read(doc.replace("N1*ST*", "N1*BT*")),
            RETAIL,
            ids -> java.util.Optional.empty(),
            USD);
    assertThat(result.isSuccess()).isFalse();
    assertThat(result.problems())
        .extracting(f -> f.code())
        .containsExactly("MISSING_SHIP_TO", "UNKNOWN_ITEM", "UNKNOWN_ITEM");
    assertThat(result.problems().get(1).location().segmentTag()).isEqualTo("PO1");
  }
}
