package dev.omnichannel.edi.retail;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.omnichannel.core.ChannelId;
import dev.omnichannel.edi.EdiException;
import dev.omnichannel.edi.x12.ReaderOptions;
import dev.omnichannel.edi.x12.X12Reader;
import dev.omnichannel.edi.x12.X12Transaction;
import dev.omnichannel.edi.x12.X12TransactionReader;
import dev.omnichannel.testkit.Gen;
import dev.omnichannel.testkit.Hostile;
import dev.omnichannel.testkit.Property;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Mutated documents give a mapping result (value or positioned problems), never an exception. */
class MappingRobustnessProperties {
  private static final Currency USD = Currency.getInstance("USD");

  static List<String> documents() {
    return List.of(
        RetailTesting.interchange(
            "PO",
            w -> PurchaseOrders.write(PurchaseOrdersTest.sample(), LocalDate.of(2026, 3, 4), w)),
        RetailTesting.interchange("SH", w -> ShipNotices.write(ShipNoticesTest.sample(), w)),
        RetailTesting.interchange(
            "IN",
            w ->
                Invoices.write(
                    new Invoice(
                        "INV-1",
                        LocalDate.of(2026, 3, 6),
                        "PO-1",
                        USD,
                        ImmutableList.of(
                            new Invoice.Line(
                                "1", dev.omnichannel.core.Sku.of("A-1"), "", 2, BigDecimal.ONE))),
                    w)));
  }

  @Test
  void everyMapperSurvivesMutatedDocuments() {
    for (String doc : documents()) {
      byte[] valid = doc.getBytes(StandardCharsets.ISO_8859_1);
      Property.forAll(Gen.oneOf(Hostile.mutations(valid), Hostile.truncations(valid)))
          .tries(300)
          .check(MappingRobustnessProperties::mapEverything);
    }
  }

  private static void mapEverything(byte[] input) {
    List<X12Transaction> transactions;
    try {
      transactions =
          X12TransactionReader.of(
                  X12Reader.of(new ByteArrayInputStream(input), ReaderOptions.tolerantMode()))
              .readAll();
    } catch (EdiException e) {
      return; // a positioned refusal is an accepted outcome
    }
    for (X12Transaction t : transactions) {
      List<MappingResult<?>> results =
          List.of(
              PurchaseOrders.toOrder(
                  t, ChannelId.of("edi"), SkuResolver.byQualifiers("SK", "UP"), USD),
              ShipNotices.read(t),
              Invoices.read(t, USD),
              PoAcknowledgments.read(t),
              InventoryAdvices.read(t),
              WarehouseOrders.read(t),
              WarehouseAdvices.read(t),
              OrderChanges.read(t));
      for (MappingResult<?> r : results) {
        assertThat(r.isSuccess() || !r.problems().isEmpty()).isTrue();
        assertThat(r.value().isPresent() == r.isSuccess()).isTrue();
      }
      ComplianceRules.check(
          t,
          PartnerProfile.retailDefaults("p", "ZZ", "P"),
          Optional.of(PurchaseOrdersTest.sample()),
          Optional.empty(),
          Optional.empty());
    }
  }
}
