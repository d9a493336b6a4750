package dev.omnichannel.testkit.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.NodeId;
import dev.omnichannel.core.Sku;
import dev.omnichannel.core.inventory.AllocationPolicy;
import dev.omnichannel.core.inventory.InventoryPool;
import dev.omnichannel.core.inventory.Node;
import dev.omnichannel.core.inventory.SafetyBuffer;
import dev.omnichannel.testkit.PropertyFailure;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@link PolicyFuzz} must fail on a pool that breaks an invariant only after some commands, and say
 * how to reproduce it; the faults are planted with a {@link FaultyPool}. Seeds are fixed, and runs
 * short.
 */
class PolicyFuzzTest {
  static final NodeId DC = NodeId.of("DC-EAST");
  static final NodeId FBA = NodeId.of("FBA-US");
  static final ChannelId WEB = ChannelId.of("web");
  static final ChannelId AMAZON = ChannelId.of("amazon");
  static final long SEED = 20_261_127L;

  /**
   * Web sells from DC-EAST behind a buffer; amazon from anywhere, with 2 units fenced at FBA-US.
   */
  static InventoryPool pool(Clock clock) {
    return InventoryPool.builder()
        .node(Node.warehouse("DC-EAST"))
        .node(Node.marketplace("FBA-US"))
        .channel(
            WEB,
            AllocationPolicy.builder()
                .addEligibleNodes(DC)
                .safetyBuffer(SafetyBuffer.units(1))
                .build())
        .channel(AMAZON, AllocationPolicy.builder().putRingFence(FBA, 2L).build())
        .sku(Sku.of("TEE"))
        .sku(Sku.of("CAP"))
        .clock(clock)
        .build();
  }

  static PolicyFuzz fuzz(Function<Clock, InventoryPool> factory) {
    return PolicyFuzz.forPools(factory).runs(60).maxCommands(20).seed(SEED);
  }

  @Test
  void passesASoundPool() {
    assertThatCode(() -> fuzz(PolicyFuzzTest::pool).check()).doesNotThrowAnyException();
    assertThatCode(() -> fuzz(clock -> new FaultyPool(pool(clock))).check())
        .doesNotThrowAnyException();
  }

  @Test
  void failsAPoolThatOverPublishesOnceSomethingIsReserved() {
    PropertyFailure failure =
        catchThrowableOfType(
            PropertyFailure.class,
            () ->
                fuzz(clock ->
                        new FaultyPool(pool(clock))
                            .published((sku, channel, shown, takeable) -> takeable + 1)
                            .onlyAfterAReservation())
                    .check());

    assertThat(failure).as("PolicyFuzz let an over-publishing pool pass").isNotNull();
    assertThat(failure.seed()).isEqualTo(SEED);
    assertThat(failure.getMessage())
        .contains("(seed " + SEED, "shrunk counterexample:", "published");
    assertThat(shrunk(failure))
        .as("the fault needs a reservation first")
        .anyMatch(
            c -> c instanceof PoolCommand.Reserve || c instanceof PoolCommand.ReservePublished);
  }

  @Test
  void failsAPoolThatOffersStockAtAnIneligibleNodeOnceSomethingIsReserved() {
    PropertyFailure failure =
        catchThrowableOfType(
            PropertyFailure.class,
            () ->
                fuzz(clock ->
                        new FaultyPool(pool(clock))
                            .available(
                                (sku, node, channel, granted) ->
                                    channel.equals(WEB) && node.equals(FBA) ? 1 : granted)
                            .onlyAfterAReservation())
                    .check());

    assertThat(failure).as("PolicyFuzz let a pool offer web stock at FBA-US").isNotNull();
    assertThat(failure.seed()).isEqualTo(SEED);
    assertThat(failure.getMessage())
        .contains(
            "(seed " + SEED,
            "shrunk counterexample:",
            "web is offered 1 of ",
            " at ineligible FBA-US");
    assertThat(shrunk(failure))
        .as("the fault needs a reservation first")
        .anyMatch(
            c -> c instanceof PoolCommand.Reserve || c instanceof PoolCommand.ReservePublished);
  }

  @Test
  void failsAPoolThatRefusesToReserveWhatItPublishes() {
    PropertyFailure failure =
        catchThrowableOfType(
            PropertyFailure.class,
            () ->
                fuzz(clock ->
                        new FaultyPool(pool(clock))
                            .refusing(
                                request ->
                                    request.lines().stream().anyMatch(line -> line.quantity() > 2)))
                    .check());

    assertThat(failure).as("PolicyFuzz let a pool refuse its own published number").isNotNull();
    assertThat(failure.seed()).isEqualTo(SEED);
    assertThat(failure.getMessage())
        .contains("(seed " + SEED, "shrunk counterexample:", "published number refused");
    assertThat(shrunk(failure)).anyMatch(c -> c instanceof PoolCommand.ReservePublished);
  }

  private static List<?> shrunk(PropertyFailure failure) {
    return (List<?>) failure.shrunk();
  }
}
