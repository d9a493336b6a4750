package dev.omnichannel.edi.retail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.IdempotencyKey;
import dev.omnichannel.core.NodeId;
import dev.omnichannel.core.Sku;
import dev.omnichannel.core.inventory.AllocationPolicy;
import dev.omnichannel.core.inventory.InventoryPool;
import dev.omnichannel.core.inventory.Node;
import dev.omnichannel.core.inventory.SafetyBuffer;
import dev.omnichannel.core.order.Money;
import dev.omnichannel.core.order.Order;
import dev.omnichannel.core.order.PostalAddress;
import dev.omnichannel.edi.x12.X12Reader;
import dev.omnichannel.edi.x12.X12TransactionReader;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Every typed document written, validated against the definitions and read back. */
class RetailDocumentsTest {
  private static final Currency USD = Currency.getInstance("USD");

  @Test
  void acknowledgment855FromADecisionBothWays() {
    Order order = PurchaseOrdersTest.sample();
    PoAcknowledgment ack =
        PoAcknowledgment.fromDecision(
            order,
            Map.of("1", 10L),
            LocalDate.of(2026, 3, 4),
            LocalDate.of(2026, 3, 5),
            Optional.of(LocalDate.of(2026, 3, 9)));
    assertThat(ack.lines())
        .extracting(PoAcknowledgment.Line::status)
        .containsExactly(
            PoAcknowledgment.Status.QUANTITY_CHANGED, PoAcknowledgment.Status.REJECTED);
    assertThat(ack.acknowledgmentType()).isEqualTo("AC");
    String doc = RetailTesting.interchange("PR", w -> PoAcknowledgments.write(ack, w));
    assertThat(RetailTesting.validate(doc).errors()).isEmpty();
    assertThat(PoAcknowledgments.read(RetailTesting.read(doc)).orElseThrow()).isEqualTo(ack);
  }

  @Test
  void invoice810BothWaysWithTotals() {
    Invoice invoice =
        new Invoice(
            "INV-1",
            LocalDate.of(2026, 3, 6),
            "PO-4711",
            USD,
            ImmutableList.of(
                new Invoice.Line(
                    "1", Sku.of("MUG-BLUE"), "012345678905", 12, new BigDecimal("4.5")),
                new Invoice.Line("2", Sku.of("CUP-RED"), "", 1, new BigDecimal("12.99"))));
    String doc = RetailTesting.interchange("IN", w -> Invoices.write(invoice, w));
    assertThat(doc).contains("TDS*6699~");
    assertThat(RetailTesting.validate(doc).errors()).isEmpty();
    Invoice back = Invoices.read(RetailTesting.read(doc), USD).orElseThrow();
    assertThat(back).isEqualTo(invoice);
    assertThat(back.total()).isEqualTo(Money.of(new BigDecimal("66.99"), USD));
    MappingResult<Invoice> wrongTotal =
        Invoices.read(RetailTesting.read(doc.replace("TDS*6699", "TDS*6600")), USD);
    assertThat(wrongTotal.problems()).extracting(f -> f.code()).containsExactly("TOTAL_MISMATCH");
  }

  @Test
  void corpusInvoicesAreReadAndTheirTotalsChecked() throws IOException {
    Path file =
        Path.of(
            System.getProperty("omnichannel.corpus", "../../shared/corpus"),
            "x12/valid/staedi_simple810.edi");
    assumeTrue(Files.isRegularFile(file), "corpus absent");
    try (InputStream in = Files.newInputStream(file)) {
      X12TransactionReader r = X12TransactionReader.of(X12Reader.of(in));
      Invoice first = Invoices.read(r.next(), USD).orElseThrow();
      assertThat(first.total().amount()).isEqualByComparingTo("2554.38");
      // The manifest notes that invoice 2 repeats invoice 1's TDS: the totals check flags it.
      assertThat(Invoices.read(r.next(), USD).problems())
          .extracting(f -> f.code())
          .containsExactly("TOTAL_MISMATCH");
    }
  }

  @Test
  void inventoryAdvice846BothWays() {
    InventoryAdvice advice =
        new InventoryAdvice(
            "AV-20260304",
            LocalDate.of(2026, 3, 4),
            ImmutableList.of(
                new InventoryAdvice.Line("SK", "MUG-BLUE", 40, Optional.of("DC-7")),
                new InventoryAdvice.Line("UP", "036000291452", 0, Optional.empty())));
    String doc = RetailTesting.interchange("IB", w -> InventoryAdvices.write(advice, w));
    assertThat(RetailTesting.validate(doc).errors()).isEmpty();
    assertThat(InventoryAdvices.read(RetailTesting.read(doc)).orElseThrow()).isEqualTo(advice);
  }

  @Test
  void inventoryAdvice846FromThePool() {
    ChannelId retail = ChannelId.of("retail-edi");
    InventoryPool pool =
        InventoryPool.builder()
            .node(Node.warehouse("DC-7"))
            .channel(
                retail,
                AllocationPolicy.builder().safetyBuffer(SafetyBuffer.units(5)).lotSize(6).build())
            .build();
    pool.receive(IdempotencyKey.of("asn-1"), Sku.of("MUG-BLUE"), NodeId.of("DC-7"), 40).orThrow();
    List<Sku> items = List.of(Sku.of("MUG-BLUE"), Sku.of("NOT-STOCKED"));
    InventoryAdvice advice =
        InventoryAdvices.fromSnapshot(
            "AV-1", LocalDate.of(2026, 3, 4), pool.snapshot(items), retail, items);
    // 40 less the buffer of 5, in lots of 6; a SKU the pool never saw advises zero.
    assertThat(advice.lines())
        .extracting(InventoryAdvice.Line::itemId, InventoryAdvice.Line::quantity)
        .containsExactly(tuple("MUG-BLUE", 30L), tuple("NOT-STOCKED", 0L));
    String doc = RetailTesting.interchange("IB", w -> InventoryAdvices.write(advice, w));
    assertThat(RetailTesting.validate(doc).errors()).isEmpty();
  }

  @Test
  void warehouseOrder940BothWays() {
    WarehouseOrder order =
        new WarehouseOrder(
            "DO-55",
            "PO-4711",
            PostalAddress.builder()
                .name("STORE 42")
                .addLine("1 MAIN ST")
                .city("SPRINGFIELD")
                .region("IL")
                .postalCode("62701")
                .countryCode("US")
                .build(),
            "WH-1",
            Optional.of(LocalDate.of(2026, 3, 8)),
            ImmutableList.of(
                new WarehouseOrder.Line(1, Sku.of("MUG-BLUE"), "000100000010", 12, "EA"),
                new WarehouseOrder.Line(2, Sku.of("CUP-RED"), "", 2, "CA")));
    String doc = RetailTesting.interchange("OW", w -> WarehouseOrders.write(order, w));
    assertThat(RetailTesting.validate(doc).errors()).isEmpty();
    assertThat(WarehouseOrders.read(RetailTesting.read(doc)).orElseThrow()).isEqualTo(order);
  }

  @Test
  void corpusWarehouseOrderIsRead() throws IOException {
    Path file =
        Path.of(
            System.getProperty("omnichannel.corpus", "../../shared/corpus"),
            "x12/tolerant/edieng_940.OK.edi");
    assumeTrue(Files.isRegularFile(file), "corpus absent");
    try (InputStream in = Files.newInputStream(file)) {
      WarehouseOrder order =
          WarehouseOrders.read(
                  X12TransactionReader.of(
                          X12Reader.of(in, dev.omnichannel.edi.x12.ReaderOptions.tolerantMode()))
                      .next())
              .orElseThrow();
      assertThat(order.orderNumber()).isEqualTo("538686");
      assertThat(order.lines())
          .extracting(WarehouseOrder.Line::quantity)
          .containsExactly(12L, 32L, 12L);
      assertThat(order.requestedShipDate()).contains(LocalDate.of(2000, 2, 4));
      assertThat(order.shipTo().city()).contains("CITY");
    }
  }

  @Test
  void warehouseShipment945BothWays() {
    WarehouseShipment shipment =
        new WarehouseShipment(
            "DO-55",
            LocalDate.of(2026, 3, 8),
            "SHP-9",
            "PO-4711",
            "UPSN",
            ImmutableList.of(
                new WarehouseShipment.Line(1, Sku.of("MUG-BLUE"), 12, 12, "EA"),
                new WarehouseShipment.Line(2, Sku.of("CUP-RED"), 2, 1, "CA")));
    String doc = RetailTesting.interchange("SW", w -> WarehouseAdvices.write(shipment, w));
    assertThat(doc)
        .contains("W12*CC*12*12*0*EA**SK*MUG-BLUE", "W12*CP*2*1*1*CA**SK*CUP-RED", "W03*13");
    assertThat(RetailTesting.validate(doc).errors()).isEmpty();
    assertThat(WarehouseAdvices.read(RetailTesting.read(doc)).orElseThrow()).isEqualTo(shipment);
  }

  /** A 945 of one line whose W12 carries {@code w12}. */
  private static String warehouseAdvice(String... w12) {
    return RetailTesting.interchange(
        "SW",
        w -> {
          w.startTransaction("945");
          w.segment("W06", "N", "DO-55", "20260308", "SHP-9", "PO-4711");
          w.segment("LX", "1");
          w.segment("W12", w12);
          w.segment("W03", "3");
          w.endTransaction();
        });
  }

  @Test
  void warehouseShipment945FindsTheSkuByItsQualifierOnly() {
    String bySecondPair =
        warehouseAdvice(
            "CC", "3", "3", "0", "EA", "", "UP", "012345678905", "", "", "", "", "SK", "MUG-BLUE");
    assertThat(WarehouseAdvices.read(RetailTesting.read(bySecondPair)).orElseThrow().lines())
        .extracting(l -> l.sku().value())
        .containsExactly("MUG-BLUE");

    String byUpcOnly = warehouseAdvice("CC", "3", "3", "0", "EA", "", "UP", "012345678905");
    // A UPC is not the SKU: refused with its place, unless the host says how to map it.
    MappingResult<WarehouseShipment> refused = WarehouseAdvices.read(RetailTesting.read(byUpcOnly));
    assertThat(refused.problems())
        .anySatisfy(
            problem -> {
              assertThat(problem.code()).isEqualTo("UNKNOWN_ITEM");
              assertThat(problem.message()).contains("UP=012345678905");
              assertThat(problem.location().segmentTag()).isEqualTo("W12");
            });
    SkuResolver byUpc =
        ids ->
            "012345678905".equals(ids.get("UP"))
                ? Optional.of(Sku.of("MUG-BLUE"))
                : Optional.empty();
    assertThat(WarehouseAdvices.read(RetailTesting.read(byUpcOnly), byUpc).orElseThrow().lines())
        .extracting(l -> l.sku().value())
        .containsExactly("MUG-BLUE");
  }

  @Test
  void orderChange860BothWaysAndAppliedToTheOrder() {
    OrderChange change =
        new OrderChange(
            "PO-4711",
            LocalDate.of(2026, 3, 6),
            false,
            ImmutableList.of(
                new OrderChange.LineChange(
                    "1",
                    OrderChange.ChangeType.QUANTITY_DECREASE,
                    OptionalLong.of(6),
                    Optional.empty(),
                    ImmutableMap.of()),
                new OrderChange.LineChange(
                    "2",
                    OrderChange.ChangeType.DELETE_ITEM,
                    OptionalLong.empty(),
                    Optional.empty(),
                    ImmutableMap.of()),
                new OrderChange.LineChange(
                    "3",
                    OrderChange.ChangeType.ADD_ITEM,
                    OptionalLong.of(4),
                    Optional.of(new BigDecimal("7.25")),
                    ImmutableMap.of("SK", "BOWL-GRN"))));
    String doc = RetailTesting.interchange("PC", w -> OrderChanges.write(change, w));
    assertThat(RetailTesting.validate(doc).errors()).isEmpty();
    OrderChange back = OrderChanges.read(RetailTesting.read(doc)).orElseThrow();
    assertThat(back).isEqualTo(change);
    Order changed =
        OrderChanges.apply(PurchaseOrdersTest.sample(), back, SkuResolver.byQualifiers("SK"), USD)
            .orElseThrow();
    assertThat(changed.lines())
        .extracting(l -> l.lineId() + "x" + l.quantity())
        .containsExactly("1x6", "3x4");
    assertThat(changed.lines().get(1).unitPrice()).contains(Money.of("7.25", "USD"));
    OrderChange cancel =
        new OrderChange("PO-4711", LocalDate.of(2026, 3, 6), true, ImmutableList.of());
    assertThat(
            OrderChanges.apply(
                    PurchaseOrdersTest.sample(), cancel, SkuResolver.byQualifiers("SK"), USD)
                .problems())
        .extracting(f -> f.code())
        .containsExactly("ORDER_CANCELLED");
  }
}
