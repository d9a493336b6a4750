package dev.omnichannel.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.testing.EqualsTester;
import com.google.common.testing.NullPointerTester;
import dev.omnichannel.core.inventory.Adjustment;
import dev.omnichannel.core.inventory.AllocationPolicy;
import dev.omnichannel.core.inventory.Node;
import dev.omnichannel.core.inventory.NodeType;
import dev.omnichannel.core.inventory.ReservationId;
import dev.omnichannel.core.inventory.ReservationLine;
import dev.omnichannel.core.inventory.SafetyBuffer;
import dev.omnichannel.core.order.GeoPoint;
import dev.omnichannel.core.order.Money;
import org.junit.jupiter.api.Test;

class ValuesTest {
  @Test
  void identifiersCompareByValue() {
    new EqualsTester()
        .addEqualityGroup(Sku.of("A-1"), new Sku("A-1"))
        .addEqualityGroup(Sku.of("a-1"))
        .testEquals();
    new EqualsTester()
        .addEqualityGroup(NodeId.of("DC"), NodeId.of("DC"))
        .addEqualityGroup(NodeId.of("DC2"))
        .testEquals();
    new EqualsTester()
        .addEqualityGroup(ChannelId.of("web"), ChannelId.of("web"))
        .addEqualityGroup(ChannelId.of("amazon"))
        .testEquals();
    new EqualsTester()
        .addEqualityGroup(IdempotencyKey.of("k"), IdempotencyKey.of("k"))
        .addEqualityGroup(IdempotencyKey.of("K"))
        .testEquals();
    new EqualsTester()
        .addEqualityGroup(ReservationLine.of(Sku.of("A"), 2), ReservationLine.of(Sku.of("A"), 2))
        .addEqualityGroup(ReservationLine.at(Sku.of("A"), NodeId.of("DC"), 2))
        .testEquals();
  }

  @Test
  void identifiersRefuseWhatCannotBeAKey() {
    assertThatThrownBy(() -> Sku.of("")).hasMessage("Sku must not be empty");
    assertThatThrownBy(() -> Sku.of("A 1"))
        .hasMessage("Sku must not contain blanks or control characters at index 1");
    assertThatThrownBy(() -> NodeId.of("x".repeat(129)))
        .hasMessage("NodeId must be at most 128 characters: 129 characters given");
    assertThatThrownBy(() -> ChannelId.of("web\u0000"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Sku.of("ÄRMEL-42").value()).isEqualTo("ÄRMEL-42");
  }

  @Test
  void publicFactoriesRefuseNulls() {
    NullPointerTester tester =
        new NullPointerTester()
            .setDefault(Sku.class, Sku.of("A"))
            .setDefault(NodeId.class, NodeId.of("DC"))
            .setDefault(ChannelId.class, ChannelId.of("web"))
            .setDefault(IdempotencyKey.class, IdempotencyKey.of("k"))
            .setDefault(String.class, "x");
    tester.testAllPublicStaticMethods(Sku.class);
    tester.testAllPublicStaticMethods(NodeId.class);
    tester.testAllPublicStaticMethods(ChannelId.class);
    tester.testAllPublicStaticMethods(IdempotencyKey.class);
    tester.testAllPublicStaticMethods(ReservationLine.class);
    tester.testAllPublicStaticMethods(Node.class);
    tester.testAllPublicStaticMethods(Adjustment.class);
    tester.testAllPublicStaticMethods(Money.class);
    tester.testAllPublicConstructors(ReservationId.class);
  }

  @Test
  void smallValues() {
    assertThat(Node.store("S1").type()).isEqualTo(NodeType.STORE);
    assertThat(GeoPoint.of(52.52, 13.405).distanceKm(GeoPoint.of(48.8566, 2.3522)))
        .isBetween(870.0, 890.0);
    assertThat(
            Money.of("10.50", "EUR").plus(Money.of("1.5", "EUR")).compareTo(Money.of("12", "EUR")))
        .isZero();
    assertThatThrownBy(() -> Money.of("1", "EUR").plus(Money.of("1", "USD")))
        .hasMessage("currencies differ: EUR and USD");
    assertThatThrownBy(() -> Adjustment.delta(0, "x")).hasMessage("a delta must not be zero");
    assertThatThrownBy(() -> SafetyBuffer.percent(12.345))
        .hasMessage("buffer percentage has more than two decimals: 12.345%");
    assertThatThrownBy(() -> AllocationPolicy.builder().lotSize(0).build())
        .hasMessage("lot size must be at least 1: 0");
  }
}
