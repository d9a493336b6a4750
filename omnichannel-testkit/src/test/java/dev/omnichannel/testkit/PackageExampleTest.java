package dev.omnichannel.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.HashMultiset;
import com.google.common.collect.Ordering;
import dev.omnichannel.core.Sku;
import org.junit.jupiter.api.Test;

/** The example of the package documentation, kept compiling and passing. */
class PackageExampleTest {
  static final Gen<Sku> SKUS =
      Gen.strings("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789-", 1, 20).map(Sku::of);

  @Test
  void skuSurvivesARoundTripThroughItsValue() {
    Property.forAll(SKUS).checkThat(sku -> Sku.of(sku.value()).equals(sku));
  }

  @Test
  void sortingKeepsEverySku() {
    Property.forAll(Gen.listOf(SKUS, 0, 50))
        .check(
            skus ->
                assertEquals(
                    HashMultiset.create(skus),
                    HashMultiset.create(Ordering.natural().sortedCopy(skus))));
  }
}
