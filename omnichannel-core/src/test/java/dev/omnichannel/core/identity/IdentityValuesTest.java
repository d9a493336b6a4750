package dev.omnichannel.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.testing.EqualsTester;
import com.google.common.testing.NullPointerTester;
import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.order.Money;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IdentityValuesTest {
  private static final ChannelId WEB = ChannelId.of("web");

  @Test
  void equality() {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    new EqualsTester()
        .addEqualityGroup(RecordKey.of(WEB, "1"), RecordKey.of("web", "1"))
        .addEqualityGroup(RecordKey.of(WEB, "2"))
        .addEqualityGroup(RecordKey.of("store", "1"))
        .testEquals();
    new EqualsTester()
        .addEqualityGroup(CustomerId.of(1), new CustomerId(1))
        .addEqualityGroup(CustomerId.of(2))
        .testEquals();
    new EqualsTester()
        .addEqualityGroup(
            CustomerEvent.order(WEB, "o1", Money.of("1.00", "EUR"), t),
            new CustomerEvent(CustomerEvent.Kind.ORDER, WEB, "o1", Money.of("1.00", "EUR"), t))
        .addEqualityGroup(CustomerEvent.returned(WEB, "o1", Money.of("1.00", "EUR"), t))
        .testEquals();
  }

  @Test
  void nullsAreRejectedAtTheBoundary() {
    NullPointerTester tester =
        new NullPointerTester()
            .setDefault(ChannelId.class, WEB)
            .setDefault(String.class, "x")
            .setDefault(Money.class, Money.of("1.00", "EUR"))
            .setDefault(Instant.class, Instant.EPOCH);
    tester.testAllPublicConstructors(RecordKey.class);
    tester.testAllPublicStaticMethods(RecordKey.class);
    tester.testAllPublicConstructors(CustomerEvent.class);
    tester.testAllPublicConstructors(EmailRule.class);
  }

  @Test
  void ordering() {
    assertThat(RecordKey.of("amazon", "9")).isLessThan(RecordKey.of("web", "1"));
    assertThat(RecordKey.of("web", "1")).isLessThan(RecordKey.of("web", "2"));
    assertThat(CustomerId.of(2)).isGreaterThan(CustomerId.of(1));
  }

  @Test
  void configIsValidatedEagerlyAndNamesTheBrokenRule() {
    assertThatThrownBy(() -> IdentityConfig.builder().linkProbability(1.5).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("linkProbability");
    assertThatThrownBy(
            () -> IdentityConfig.builder().linkProbability(0.6).reviewProbability(0.8).build())
        .hasMessageContaining("reviewProbability");
    assertThatThrownBy(() -> IdentityConfig.builder().maxClusterSize(0).build())
        .hasMessageContaining("maxClusterSize must be at least 1: 0");
    assertThatThrownBy(() -> IdentityConfig.builder().defaultRegion("us").build())
        .hasMessageContaining("defaultRegion");
    assertThatThrownBy(() -> IdentityConfig.builder().putNickname("Bob", "robert").build())
        .hasMessageContaining("nicknames must be lower case");
    assertThatThrownBy(() -> EmailRule.plusTags("Example.com"))
        .hasMessageContaining("lower-case domain");
    assertThatThrownBy(() -> CustomerEvent.order(WEB, "o", Money.of("-1", "EUR"), Instant.EPOCH))
        .hasMessageContaining("must not be negative");
  }

  @Test
  void defaultTablesCanBeExtended() {
    IdentityConfig config =
        IdentityConfig.builder()
            .putAllNicknames(IdentityConfig.defaultNicknames())
            .putNickname("bobbie", "roberta")
            .build();
    assertThat(config.nicknames())
        .containsEntry("bob", "robert")
        .containsEntry("bobbie", "roberta");
  }

  @Test
  void matchModelChecksItsShapeAndReportsWeights() {
    MatchModel defaults = MatchModel.defaults();
    assertThat(defaults.weight(Field.GIVEN_NAME, AgreementLevel.EXACT)).isPositive();
    assertThat(defaults.weight(Field.GIVEN_NAME, AgreementLevel.DIFFERENT)).isNegative();
    assertThat(defaults.weight(Field.GIVEN_NAME, AgreementLevel.MISSING)).isZero();
    assertThatThrownBy(() -> MatchModel.of(0.1, new double[1][4], new double[1][4]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fields");
    assertThatThrownBy(() -> defaults.m(Field.EMAIL, AgreementLevel.MISSING))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void estimationNeedsNoLabelsAndFindsTheAgreeingClass() {
    MatchModel model =
        IdentityGraph.estimate(
            SyntheticPeople.generate(400, new java.util.Random(11)), IdentityConfig.defaults());
    assertThat(model.iterations()).isPositive();
    for (Field f :
        new Field[] {Field.GIVEN_NAME, Field.FAMILY_NAME, Field.DATE_OF_BIRTH, Field.POSTAL_CODE}) {
      assertThat(model.m(f, AgreementLevel.EXACT)).isGreaterThan(model.u(f, AgreementLevel.EXACT));
      assertThat(model.weight(f, AgreementLevel.DIFFERENT)).isNegative();
    }
  }
}
