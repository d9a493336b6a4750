package dev.omnichannel.core.routing;

import static dev.omnichannel.core.routing.Fixtures.WEB;
import static dev.omnichannel.core.routing.Fixtures.profile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.omnichannel.core.ChannelId;
import org.junit.jupiter.api.Test;

class RoutingProfileRegistryTest {
  @Test
  void keepsEveryVersionAndServesTheNewest() {
    RoutingProfile v1 = profile().build();
    RoutingProfile v2 = profile().version(2).splitPenalty(100).build();
    RoutingProfileRegistry empty = RoutingProfileRegistry.empty();
    RoutingProfileRegistry one = empty.with(v1);
    RoutingProfileRegistry two = one.with(v2);

    assertThat(empty.current(WEB)).isEmpty();
    assertThat(one.current(WEB)).hasValue(v1);
    assertThat(two.current(WEB)).hasValue(v2);
    assertThat(two.version(WEB, 1)).hasValue(v1);
    assertThat(two.versions(WEB)).containsExactly(v1, v2);
    assertThat(two.current(ChannelId.of("amazon"))).isEmpty();
    assertThat(v2.label()).isEqualTo("web v2");
  }

  @Test
  void refusesAVersionThatIsNotNewer() {
    RoutingProfileRegistry r = RoutingProfileRegistry.empty().with(profile().version(3).build());
    assertThatThrownBy(() -> r.with(profile().version(3).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("channel web already has version 3");
  }

  @Test
  void profilesWithoutRulesUseTheMerchantDefault() {
    assertThat(profile().build().effectiveRules())
        .containsExactly(RoutingRule.FEWEST_SHIPMENTS, RoutingRule.CLOSEST_NODE);
  }
}
