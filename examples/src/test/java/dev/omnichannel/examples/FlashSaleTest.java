package dev.omnichannel.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnichannel.core.ChannelId;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README's run command: the flash sale does what it prints. */
class FlashSaleTest {
  @Test
  void sellsWithoutOversellingWhileAbandonedCartsExpireMidSale() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    FlashSale.Result result;
    try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
      result = FlashSale.run(out);
    }

    assertThat(result.oversold()).isFalse();
    assertThat(result.drift()).isEmpty();
    long sold = result.sold().values().stream().mapToLong(Long::longValue).sum();
    assertThat(result.shipped()).isEqualTo(sold);
    // Nothing is left reserved: every pair was shipped or is back on hand.
    assertThat(result.shipped() + result.left()).isEqualTo(FlashSale.STOCK);
    for (ChannelId channel : FlashSale.CHANNELS) {
      assertThat(result.sold().get(channel)).as("sold on %s", channel).isPositive();
    }
    // Carts abandoned early expired while the sale went on, and slow checkouts found theirs gone.
    assertThat(result.abandoned()).isPositive();
    assertThat(result.expiredDuringSale()).isPositive();
    assertThat(result.lateCheckouts()).isPositive();
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("oversold: no")
        .contains("replays with no drift");
  }
}
