package dev.omnichannel.testkit;

import com.google.common.testing.NullPointerTester;
import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.Sku;
import dev.omnichannel.core.inventory.AllocationPolicy;
import dev.omnichannel.core.inventory.InventoryPool;
import dev.omnichannel.core.inventory.Node;
import dev.omnichannel.testkit.inventory.InventoryInvariants;
import java.util.List;
import org.junit.jupiter.api.Test;

class NullsTest {
  private final NullPointerTester tester =
      new NullPointerTester()
          .setDefault(Gen.class, Gen.ints(0, 1))
          .setDefault(List.class, List.of(1))
          .setDefault(byte[].class, new byte[] {1})
          .setDefault(String.class, "ab")
          .setDefault(GenContext.class, GenContext.of(1, 1))
          .setDefault(Sku.class, Sku.of("S"))
          .setDefault(
              InventoryPool.class,
              InventoryPool.builder()
                  .node(Node.warehouse("A"))
                  .channel(ChannelId.of("web"), AllocationPolicy.open())
                  .build());

  @Test
  void publicStaticMethodsRejectNulls() {
    tester.testAllPublicStaticMethods(Gen.class);
    tester.testAllPublicStaticMethods(GenContext.class);
    tester.testAllPublicStaticMethods(Property.class);
    tester.testAllPublicStaticMethods(ModelBasedRunner.class);
    tester.testAllPublicStaticMethods(Hostile.class);
    tester.testAllPublicStaticMethods(InventoryInvariants.class);
  }

  @Test
  void publicInstanceMethodsRejectNulls() {
    tester.testAllPublicInstanceMethods(GenContext.of(1, 1));
    tester.testAllPublicInstanceMethods(Property.forAll(Gen.ints(0, 1)));
    tester.testAllPublicInstanceMethods(Gen.ints(0, 1));
    tester.testAllPublicInstanceMethods(Gen.listOf(Gen.ints(0, 1), 0, 2));
    tester.testAllPublicInstanceMethods(Gen.elements(List.of("a")));
    tester.testAllPublicInstanceMethods(Gen.strings(0, 2));
    tester.testAllPublicInstanceMethods(Gen.bytes(0, 2));
  }
}
