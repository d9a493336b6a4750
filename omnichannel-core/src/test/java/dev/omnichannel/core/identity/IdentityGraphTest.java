package dev.omnichannel.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.order.Money;
import dev.omnichannel.core.order.PostalAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IdentityGraphTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
  static final ChannelId WEB = ChannelId.of("web");
  static final ChannelId AMAZON = ChannelId.of("amazon");
  static final ChannelId TIKTOK = ChannelId.of("tiktok");
  static final ChannelId STORE = ChannelId.of("store");

  static ImmutableCustomerRecord.Builder record(ChannelId channel, String id) {
    return CustomerRecord.builder().channel(channel).customerId(id).updatedAt(Instant.EPOCH);
  }

  static IdentityGraph graph() {
    return IdentityGraph.builder().clock(CLOCK).build();
  }

  static IdentityGraph graph(IdentityConfig config) {
    return IdentityGraph.builder().config(config).clock(CLOCK).build();
  }

  @Test
  void sameEmailLinksAcrossChannels() {
    IdentityGraph g = graph();
    Resolution web = g.add(record(WEB, "w1").addEmail("Anna.Berg@GMail.com").build());
    Resolution amazon = g.add(record(AMAZON, "a1").addEmail("annaberg+prime@gmail.com").build());
    assertThat(amazon.customer()).isEqualTo(web.customer());
    LinkExplanation why = g.explain(RecordKey.of(AMAZON, "a1"), RecordKey.of(WEB, "w1"));
    assertThat(why.decision()).isEqualTo(MatchDecision.LINK);
    assertThat(why.rule()).contains("same email");
    assertThat(g.links(web.customer())).containsExactly(why);
  }

  @Test
  void relayEmailsAndBuyerIdsNeverLinkAcrossChannels() {
    IdentityGraph g = graph();
    String relay = "q8x2k1@marketplace.amazon.com";
    CustomerId a1 = g.add(record(AMAZON, "a1").addEmail(relay).build()).customer();
    CustomerId t1 = g.add(record(TIKTOK, "t1").addEmail(relay).build()).customer();
    CustomerId a2 = g.add(record(AMAZON, "a2").addEmail(relay).build()).customer();
    assertThat(t1).isNotEqualTo(a1);
    assertThat(g.customerOf(RecordKey.of(AMAZON, "a1"))).contains(a2);
    CustomerId b1 = g.add(record(AMAZON, "b1").addChannelScopedId("BUYER-7").build()).customer();
    CustomerId b2 = g.add(record(TIKTOK, "b2").addChannelScopedId("BUYER-7").build()).customer();
    CustomerId b3 = g.add(record(AMAZON, "b3").addChannelScopedId("buyer-7").build()).customer();
    assertThat(b2).isNotEqualTo(b1);
    assertThat(g.customerOf(RecordKey.of(AMAZON, "b1"))).contains(b3);
    assertThat(g.explain(RecordKey.of(AMAZON, "b3"), RecordKey.of(AMAZON, "b1")).rule())
        .contains("same channel-scoped id");
  }

  @Test
  void mergeKeepsTheOldestIdAndRecordsTheMergedOne() {
    IdentityGraph g = graph();
    CustomerId first = g.add(record(WEB, "w1").addEmail("a@example.com").build()).customer();
    CustomerId second = g.add(record(STORE, "s1").addPhone("+1 650 253 0000").build()).customer();
    assertThat(second).isNotEqualTo(first);
    Resolution bridge =
        g.add(record(AMAZON, "a1").addEmail("A@example.com").addPhone("(650) 253-0000").build());
    assertThat(bridge.customer()).isEqualTo(first);
    assertThat(bridge.merged()).containsExactly(second);
    assertThat(g.resolve(second)).contains(first);
    assertThat(g.mergedInto(second)).contains(first);
    assertThat(g.customers()).containsExactly(first);
    assertThat(g.records(second))
        .containsExactly(
            RecordKey.of(AMAZON, "a1"), RecordKey.of(STORE, "s1"), RecordKey.of(WEB, "w1"));
    assertThat(g.history())
        .containsExactly(
            new IdentityChange(IdentityChange.Kind.MERGED, second, first, CLOCK.instant()));
  }

  @Test
  void correctingARecordSplitsTheClusterAndRevivesTheMergedId() {
    IdentityGraph g = graph();
    CustomerId first = g.add(record(WEB, "w1").addEmail("a@example.com").build()).customer();
    CustomerId second = g.add(record(STORE, "s1").addPhone("+16502530000").build()).customer();
    g.add(record(AMAZON, "a1").addEmail("a@example.com").addPhone("+16502530000").build());
    Resolution corrected = g.add(record(AMAZON, "a1").addEmail("a@example.com").build());
    assertThat(corrected.customer()).isEqualTo(first);
    assertThat(g.customerOf(RecordKey.of(STORE, "s1"))).contains(second);
    assertThat(g.resolve(second)).contains(second);
    assertThat(g.customers()).containsExactly(first, second);
    assertThat(g.history())
        .last()
        .extracting(IdentityChange::kind)
        .isEqualTo(IdentityChange.Kind.SPLIT);
  }

  @Test
  void splitPartWithoutAnIdGetsANewOne() {
    IdentityGraph g = graph();
    CustomerId id = g.add(record(WEB, "w1").addEmail("a@example.com").build()).customer();
    g.add(record(WEB, "w2").addEmail("a@example.com").addPhone("+16502530000").build());
    g.add(record(WEB, "w3").addPhone("+16502530000").build());
    assertThat(g.customers()).containsExactly(id);
    g.add(record(WEB, "w2").addEmail("a@example.com").build());
    CustomerId other = g.customerOf(RecordKey.of(WEB, "w3")).orElseThrow();
    assertThat(other).isNotEqualTo(id).isGreaterThan(id);
    assertThat(g.customerOf(RecordKey.of(WEB, "w2"))).contains(id);
  }

  @Test
  void cannotLinkRetractsALinkAndHoldsAgainstLaterEvidence() {
    IdentityGraph g = graph();
    RecordKey a = RecordKey.of(WEB, "w1");
    RecordKey b = RecordKey.of(STORE, "s1");
    g.add(record(WEB, "w1").addEmail("shared@example.com").build());
    g.add(record(STORE, "s1").addEmail("shared@example.com").build());
    assertThat(g.customerOf(a)).isEqualTo(g.customerOf(b));
    assertThat(g.assertDifferent(a, b).accepted()).isTrue();
    assertThat(g.customerOf(a)).isNotEqualTo(g.customerOf(b));
    // A third record carrying both records' identifiers cannot join them again.
    g.add(record(AMAZON, "x").addEmail("shared@example.com").build());
    assertThat(g.customerOf(a)).isNotEqualTo(g.customerOf(b));
    LinkExplanation why = g.explain(a, b);
    assertThat(why.decision()).isEqualTo(MatchDecision.APART);
    assertThat(why.rule()).contains("manual cannot-link");
    assertThat(g.withdrawAssertion(a, b)).isTrue();
    assertThat(g.customerOf(a)).isEqualTo(g.customerOf(b));
    assertThat(g.withdrawAssertion(a, b)).isFalse();
  }

  @Test
  void mustLinkJoinsAndConflictsAreRejected() {
    IdentityGraph g = graph();
    RecordKey a = RecordKey.of(WEB, "w1");
    RecordKey b = RecordKey.of(STORE, "s1");
    RecordKey c = RecordKey.of(AMAZON, "a1");
    g.add(record(WEB, "w1").givenName("Ann").build());
    g.add(record(STORE, "s1").givenName("Zed").build());
    g.add(record(AMAZON, "a1").build());
    assertThat(g.customerOf(a)).isNotEqualTo(g.customerOf(b));
    assertThat(g.assertSame(a, b).accepted()).isTrue();
    assertThat(g.customerOf(a)).isEqualTo(g.customerOf(b));
    assertThat(g.explain(a, b).rule()).contains("manual must-link");
    AssertionResult contradiction = g.assertDifferent(a, b);
    assertThat(contradiction.accepted()).isFalse();
    assertThat(contradiction.rejection())
        .hasValueSatisfying(r -> assertThat(r).contains("must-link"));
    assertThat(g.assertDifferent(b, c).accepted()).isTrue();
    AssertionResult chain = g.assertSame(a, c);
    assertThat(chain.accepted()).isFalse();
    assertThat(g.customerOf(a)).isNotEqualTo(g.customerOf(c));
    assertThatThrownBy(() -> g.assertSame(a, RecordKey.of(WEB, "nobody")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("web:nobody");
  }

  @Test
  void anIdentifierOnTooManyRecordsLinksNothing() {
    IdentityGraph g = graph(IdentityConfig.builder().maxRecordsPerIdentifier(3).build());
    for (int i = 1; i <= 3; i++) {
      g.add(record(STORE, "s" + i).addPhone("+16502530000").build());
    }
    assertThat(g.customerCount()).isEqualTo(1);
    g.add(record(STORE, "s4").addPhone("+16502530000").build());
    assertThat(g.customerCount()).isEqualTo(4);
    // Correcting the fourth record brings the phone back under the limit.
    g.add(record(STORE, "s4").build());
    assertThat(g.customerCount()).isEqualTo(2);
    assertThat(g.clusters()).hasSize(2);
  }

  @Test
  void clusterSizeCapStopsChains() {
    IdentityGraph g = graph(IdentityConfig.builder().maxClusterSize(2).build());
    for (int i = 1; i <= 5; i++) {
      g.add(record(WEB, "w" + i).addEmail("family@example.com").build());
    }
    assertThat(g.clusters()).allSatisfy(c -> assertThat(c).hasSizeLessThanOrEqualTo(2));
    assertThat(g.clusters()).hasSize(3);
    assertThat(g.reviewQueue()).isNotEmpty();
  }

  @Test
  void differentLoyaltyIdsAreNotMergedAutomatically() {
    IdentityGraph g = graph();
    g.add(record(WEB, "w1").addEmail("couple@example.com").addLoyaltyId("L-1").build());
    g.add(record(STORE, "s1").addEmail("couple@example.com").addLoyaltyId("L-2").build());
    assertThat(g.customerCount()).isEqualTo(2);
    assertThat(g.reviewQueue())
        .singleElement()
        .satisfies(e -> assertThat(e.rule()).contains("same email"));
    g.add(record(AMAZON, "a1").addLoyaltyId("l-1 ").build());
    assertThat(g.customerOf(RecordKey.of(AMAZON, "a1")))
        .isEqualTo(g.customerOf(RecordKey.of(WEB, "w1")));
  }

  @Test
  void probabilisticLinksAreExplainedFieldByField() {
    IdentityGraph g = graph();
    PostalAddress home =
        PostalAddress.builder()
            .addLine("7 Wallaby Place")
            .city("Cleveland")
            .postalCode("4163")
            .countryCode("AU")
            .build();
    g.add(
        record(WEB, "w1")
            .givenName("Mitchell")
            .familyName("Green")
            .dateOfBirth("1956-04-09")
            .addAddress(home)
            .build());
    g.add(
        record(STORE, "s1")
            .givenName("Mitchel")
            .familyName("Green")
            .dateOfBirth("19560409")
            .addAddress(
                PostalAddress.builder()
                    .addLine("7 wallaby pl")
                    .city("cleveland")
                    .postalCode("4163")
                    .countryCode("AU")
                    .build())
            .build());
    LinkExplanation why = g.explain(RecordKey.of(WEB, "w1"), RecordKey.of(STORE, "s1"));
    assertThat(why.decision()).isEqualTo(MatchDecision.LINK);
    assertThat(why.rule()).isEmpty();
    assertThat(why.fields())
        .contains(
            new FieldWeight(
                Field.FAMILY_NAME,
                AgreementLevel.EXACT,
                g.model().weight(Field.FAMILY_NAME, AgreementLevel.EXACT)))
        .anySatisfy(
            f -> {
              assertThat(f.field()).isEqualTo(Field.GIVEN_NAME);
              assertThat(f.level()).isEqualTo(AgreementLevel.CLOSE);
            })
        .anySatisfy(
            f -> {
              assertThat(f.field()).isEqualTo(Field.STREET);
              assertThat(f.level()).isEqualTo(AgreementLevel.EXACT);
            });
    double sum = why.priorWeight() + why.fields().stream().mapToDouble(FieldWeight::weight).sum();
    assertThat(why.score()).isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(why.probability()).isGreaterThanOrEqualTo(0.9);
    assertThat(why.toString()).contains("FAMILY_NAME EXACT");
    assertThat(g.customerCount()).isEqualTo(1);
  }

  @Test
  void uncertainPairsGoToReview() {
    IdentityGraph g = graph();
    g.add(
        record(WEB, "w1").givenName("Lena").familyName("Okafor").dateOfBirth("1980-01-02").build());
    g.add(
        record(STORE, "s1")
            .givenName("Lena")
            .familyName("Okafor")
            .dateOfBirth("1999-11-30")
            .build());
    assertThat(g.customerCount()).isEqualTo(2);
    assertThat(g.reviewQueue())
        .singleElement()
        .satisfies(e -> assertThat(e.decision()).isEqualTo(MatchDecision.REVIEW));
    LinkExplanation far = g.explain(RecordKey.of(WEB, "w1"), RecordKey.of(WEB, "w1"));
    assertThat(far.fields()).isNotEmpty();
  }

  @Test
  void goldenRecordBySurvivorshipRules() {
    IdentityConfig config =
        IdentityConfig.builder()
            .putSurvivorship(CustomerAttribute.PHONE, Survivorship.SOURCE_PRIORITY)
            .addSourcePriority(STORE, WEB)
            .build();
    IdentityGraph g = graph(config);
    g.add(
        record(WEB, "w1")
            .givenName("Robert")
            .familyName("Smith")
            .addEmail("rob@example.com")
            .addPhone("+1 650 253 0001")
            .addLoyaltyId("L-9")
            .dateOfBirth("1970-01-01")
            .updatedAt(Instant.parse("2020-01-01T00:00:00Z"))
            .build());
    g.add(
        record(STORE, "s1")
            .givenName("Bob")
            .familyName("Smith")
            .addEmail("ROB@example.com")
            .addPhone("+1 650 253 0002")
            .addPhone("not a phone")
            .updatedAt(Instant.parse("2021-01-01T00:00:00Z"))
            .build());
    g.add(
        record(AMAZON, "a1")
            .familyName("Smyth")
            .addEmail("rob@example.com")
            .addEmail("robert.smith@example.net")
            .addPhone("+1 650 253 0003")
            .dateOfBirth("19700101")
            .updatedAt(Instant.parse("2022-01-01T00:00:00Z"))
            .build());
    CustomerId id = g.customerOf(RecordKey.of(WEB, "w1")).orElseThrow();
    assertThat(g.customers()).containsExactly(id);
    GoldenRecord golden = g.goldenRecord(id).orElseThrow();
    // Most frequent: Bob is Robert, so Robert/Bob count twice; the most recent of them is "Bob".
    assertThat(golden.givenName()).contains("Bob");
    assertThat(golden.familyName()).contains("Smith");
    assertThat(golden.email()).contains("rob@example.com");
    assertThat(golden.phone()).contains("+16502530002");
    assertThat(golden.phones()).containsExactly("+16502530001", "+16502530002", "+16502530003");
    assertThat(golden.emails()).containsExactly("rob@example.com", "robert.smith@example.net");
    assertThat(golden.dateOfBirth()).contains("1970-01-01");
    assertThat(golden.loyaltyIds()).containsExactly("L-9");
    assertThat(golden.channels()).containsExactly(AMAZON, STORE, WEB);
    assertThat(golden.updatedAt()).isEqualTo(Instant.parse("2022-01-01T00:00:00Z"));
    // The invalid phone stays on its record as data.
    assertThat(g.record(RecordKey.of(STORE, "s1")).orElseThrow().phones()).contains("not a phone");
  }

  @Test
  void crossChannelView() {
    IdentityGraph g = graph();
    Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
    CustomerEvent webOrder = CustomerEvent.order(WEB, "W-1", Money.of("100.00", "EUR"), t0);
    g.add(record(WEB, "w1").addEmail("a@example.com").addEvent(webOrder).build());
    g.add(
        record(AMAZON, "a1")
            .addEmail("a@example.com")
            .addEvent(
                CustomerEvent.order(AMAZON, "A-1", Money.of("40.00", "EUR"), t0.plusSeconds(60)))
            .addEvent(
                CustomerEvent.returned(
                    AMAZON, "R-1", Money.of("40.00", "EUR"), t0.plusSeconds(120)))
            .build());
    g.add(
        record(STORE, "s1")
            .addEmail("a@example.com")
            .addEvent(webOrder)
            .addEvent(
                CustomerEvent.order(STORE, "S-1", Money.of("10.00", "USD"), t0.plusSeconds(180)))
            .build());
    CustomerView view = g.view(g.customers().first()).orElseThrow();
    assertThat(view.orders()).isEqualTo(3);
    assertThat(view.returns()).isEqualTo(1);
    assertThat(view.ordersByChannel())
        .containsEntry(WEB, 1)
        .containsEntry(AMAZON, 1)
        .containsEntry(STORE, 1);
    assertThat(view.returnsByChannel())
        .containsExactly(org.assertj.core.api.Assertions.entry(AMAZON, 1));
    assertThat(view.lifetimeValue()).containsEntry("EUR", Money.of("100.00", "EUR"));
    assertThat(view.lifetimeValue()).containsEntry("USD", Money.of("10.00", "USD"));
    assertThat(view.returnRate()).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(view.firstChannel()).contains(WEB);
    assertThat(view.lastChannel()).contains(STORE);
    assertThat(view.events()).hasSize(4);
  }

  @Test
  void hostileRecordsAreKeptButNeverKeys() {
    IdentityGraph g = graph();
    String huge = "ä".repeat(1_000_000);
    g.add(record(WEB, "empty").build());
    g.add(
        record(WEB, "huge")
            .givenName(huge)
            .familyName(huge)
            .addEmail(huge + "@example.com")
            .addPhone(huge)
            .dateOfBirth(huge)
            .addLoyaltyId(huge)
            .addChannelScopedId(huge)
            .addAddress(
                PostalAddress.builder()
                    .addLine(huge)
                    .city(huge)
                    .postalCode(huge)
                    .region(huge)
                    .countryCode("ZZ")
                    .build())
            .build());
    g.add(
        record(WEB, "huge2")
            .givenName(huge)
            .familyName(huge)
            .addEmail(huge + "@example.com")
            .addPhone(huge)
            .build());
    g.add(
        record(WEB, "junk")
            .givenName("\u0000\uD83D\uDE00\u202E")
            .addEmail("@")
            .addPhone("+")
            .build());
    g.add(
        record(WEB, "junk2")
            .givenName("\u0000\uD83D\uDE00\u202E")
            .addEmail("@")
            .addPhone("+")
            .build());
    assertThat(g.customerCount()).isEqualTo(5);
    assertThat(
            g.goldenRecord(g.customerOf(RecordKey.of(WEB, "huge")).orElseThrow())
                .orElseThrow()
                .phone())
        .isEmpty();
    assertThat(g.record(RecordKey.of(WEB, "huge")).orElseThrow().givenName()).contains(huge);
    assertThat(g.explain(RecordKey.of(WEB, "huge"), RecordKey.of(WEB, "huge2")).decision())
        .isEqualTo(MatchDecision.APART);
  }

  @Test
  void batchAndIncrementalInAnyOrderGiveTheSameClusters() {
    List<CustomerRecord> records = SyntheticPeople.generate(600, new Random(7));
    IdentityGraph batch = IdentityGraph.batch(records, IdentityConfig.defaults(), CLOCK);
    assertThat(batch.customerCount()).isLessThan(records.size());
    for (long seed = 1; seed <= 3; seed++) {
      List<CustomerRecord> shuffled = new ArrayList<>(records);
      Collections.shuffle(shuffled, new Random(seed));
      IdentityGraph incremental = IdentityGraph.builder().model(batch.model()).clock(CLOCK).build();
      for (CustomerRecord r : shuffled) {
        incremental.add(r);
      }
      assertThat(incremental.clusters()).isEqualTo(batch.clusters());
      for (CustomerId id : incremental.customers()) {
        assertThat(incremental.resolve(id)).contains(id);
      }
    }
  }

  @Test
  void recordKeysAreValidatedAtTheBoundary() {
    assertThatThrownBy(() -> record(WEB, "").build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RecordKey.of(WEB, "a\nb"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("control");
    assertThatThrownBy(() -> CustomerId.of(0)).isInstanceOf(IllegalArgumentException.class);
    assertThat(CustomerId.of(12).toString()).isEqualTo("cust-12");
  }
}
