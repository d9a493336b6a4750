package dev.omnichannel.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.order.PostalAddress;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NormalizerTest {
  private final Normalizer normalizer = new Normalizer(IdentityConfig.defaults());

  @Test
  void emailsFoldCaseAndApplyProviderRules() {
    assertThat(normalizer.email("  John.Smith+shop@GoogleMail.com "))
        .isEqualTo("johnsmith@gmail.com");
    assertThat(normalizer.email("j.o.h.n@gmail.com")).isEqualTo("john@gmail.com");
    assertThat(normalizer.email("Anna+news@Outlook.com")).isEqualTo("anna@outlook.com");
    // Other providers keep dots and tags: they may be different mailboxes.
    assertThat(normalizer.email("anna.b+x@example.org")).isEqualTo("anna.b+x@example.org");
    // Turkish locale must not turn I into a dotless i.
    assertThat(normalizer.email("MIKE@EXAMPLE.COM")).isEqualTo("mike@example.com");
  }

  @Test
  void invalidEmailsAreNotKeys() {
    assertThat(normalizer.email("no-at-sign.example.com")).isNull();
    assertThat(normalizer.email("two@@example.com")).isNull();
    assertThat(normalizer.email("a@localhost")).isNull();
    assertThat(normalizer.email("a@exa mple.com")).isNull();
    assertThat(normalizer.email(".a@example.com")).isNull();
    assertThat(normalizer.email("a" + "x".repeat(300) + "@example.com")).isNull();
    assertThat(normalizer.email("")).isNull();
  }

  @Test
  void relayEmailsAreChannelScoped() {
    assertThat(normalizer.isChannelScoped("abc123@marketplace.amazon.com")).isTrue();
    assertThat(normalizer.isChannelScoped("abc123@eu.marketplace.amazon.de")).isTrue();
    assertThat(normalizer.isChannelScoped("abc123@amazon.com")).isFalse();
  }

  @Test
  void phonesBecomeE164OrNothing() {
    assertThat(Normalizer.phone("(650) 253-0000", "US")).isEqualTo("+16502530000");
    assertThat(Normalizer.phone("+44 20 7031 3000", "US")).isEqualTo("+442070313000");
    assertThat(Normalizer.phone("020 7031 3000", "GB")).isEqualTo("+442070313000");
    assertThat(Normalizer.phone("12", "US")).isNull();
    assertThat(Normalizer.phone("not a phone", "US")).isNull();
    assertThat(Normalizer.phone("+1 000 000 0000", "US")).isNull();
    assertThat(Normalizer.phone("9".repeat(10_000), "US")).isNull();
  }

  @Test
  void namesFoldAccentsTitlesAndNicknames() {
    assertThat(normalizer.name("  Dr. José  ", true)).isEqualTo("jose");
    assertThat(normalizer.name("BOB", true)).isEqualTo("robert");
    assertThat(normalizer.name("Bob", false)).isEqualTo("bob");
    assertThat(normalizer.name("Müller-Lüdenscheidt", false)).isEqualTo("muller ludenscheidt");
    assertThat(normalizer.name("Straße", false)).isEqualTo("strasse");
    assertThat(normalizer.name("İLKNUR", true)).isEqualTo("ilknur");
    assertThat(normalizer.name("...", true)).isNull();
    assertThat(normalizer.name("x".repeat(1_000_000), true)).isNull();
  }

  @Test
  void datesOfBirthInCommonFormats() {
    assertThat(Normalizer.dateOfBirth("1971-06-24")).isEqualTo("19710624");
    assertThat(Normalizer.dateOfBirth("19710624")).isEqualTo("19710624");
    assertThat(Normalizer.dateOfBirth("1971/6/4")).isEqualTo("19710604");
    assertThat(Normalizer.dateOfBirth("24.06.1971")).isNull();
    assertThat(Normalizer.dateOfBirth("abc")).isNull();
    assertThat(Normalizer.dateOfBirth("00000000")).isNull();
  }

  @Test
  void postcodes() {
    assertThat(Normalizer.postcode("sw1a 1aa", "GB")).isEqualTo("SW1A1AA");
    assertThat(Normalizer.postcode("94043-1351", "US")).isEqualTo("94043");
    assertThat(Normalizer.postcode("2119", "AU")).isEqualTo("2119");
    assertThat(Normalizer.postcode("#?!", "AU")).isNull();
  }

  @Test
  void addressesExpandAbbreviationsAndSplitHouseNumbers() {
    CustomerRecord r =
        CustomerRecord.builder()
            .channel(ChannelId.of("web"))
            .customerId("1")
            .updatedAt(Instant.EPOCH)
            .addAddress(
                PostalAddress.builder()
                    .addLine("12 Wallaby Pl.")
                    .addLine("Apt 3")
                    .city("Cleveland")
                    .postalCode("4163")
                    .region("QLD")
                    .countryCode("AU")
                    .build())
            .build();
    NormalizedRecord.Address a = normalizer.normalize(r).addresses[0];
    assertThat(a.house()).isEqualTo("12");
    assertThat(a.street()).isEqualTo("wallaby place");
    assertThat(a.extra()).isEqualTo("apartment 3");
    assertThat(a.locality()).isEqualTo("cleveland");
    assertThat(a.region()).isEqualTo("qld");
  }

  @Test
  void textHelpers() {
    assertThat(Text.soundex("robert")).isEqualTo("r163");
    assertThat(Text.soundex("rupert")).isEqualTo("r163");
    assertThat(Text.soundex("ashcraft")).isEqualTo("a261");
    assertThat(Text.soundex("123")).isNull();
    assertThat(Text.jaroWinkler("martha", "marhta")).isBetween(0.96, 0.97);
    assertThat(Text.jaroWinkler("abc", "xyz")).isZero();
    // Strings past 64 characters are compared on their first 64.
    String longer = "martha".repeat(11);
    String swapped = "marhta".repeat(11);
    assertThat(Text.jaroWinkler(longer, longer)).isEqualTo(1.0);
    assertThat(Text.jaroWinkler(longer, swapped))
        .isCloseTo(
            Text.jaroWinkler(longer.substring(0, 60), swapped.substring(0, 60)),
            org.assertj.core.data.Offset.offset(0.01));
    assertThat(Text.jaroWinkler("x".repeat(70), "y".repeat(70))).isZero();
    assertThat(Text.withinOneEdit("19560409", "19650409")).isTrue();
    assertThat(Text.withinOneEdit("abc", "abd")).isTrue();
    assertThat(Text.withinOneEdit("abc", "ab")).isTrue();
    assertThat(Text.withinOneEdit("abc", "ba")).isFalse();
    assertThat(Text.withinOneEdit("abcd", "badc")).isFalse();
  }
}
