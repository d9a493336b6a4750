/**
 * A small property-based testing runner for JUnit Jupiter: generators that shrink, a property
 * runner, and model-based (stateful) testing.
 *
 * <p>Entry points: {@link dev.omnichannel.testkit.Gen} (generators and their combinators), {@link
 * dev.omnichannel.testkit.Property} (runs a property over generated values), {@link
 * dev.omnichannel.testkit.ModelBasedRunner} with {@link dev.omnichannel.testkit.ModelBasedSpec}
 * (runs random command sequences against a system and a reference model) and {@link
 * dev.omnichannel.testkit.Hostile} (hostile inputs for parsers). A failure is a {@link
 * dev.omnichannel.testkit.PropertyFailure} that prints the seed and the shrunk counterexample.
 *
 * <pre>{@code
 * class SkuProperties {
 *   static final Gen<Sku> SKUS =
 *       Gen.strings("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789-", 1, 20).map(Sku::of);
 *
 *   @Test
 *   void skuSurvivesARoundTripThroughItsValue() {
 *     Property.forAll(SKUS).checkThat(sku -> Sku.of(sku.value()).equals(sku));
 *   }
 *
 *   @Test
 *   void sortingKeepsEverySku() {
 *     Property.forAll(Gen.listOf(SKUS, 0, 50))
 *         .check(skus -> assertEquals(
 *             HashMultiset.create(skus), HashMultiset.create(Ordering.natural().sortedCopy(skus))));
 *   }
 *
 *   @Test
 *   void readerNeverThrowsOnHostileInput() {
 *     byte[] valid = sampleInterchange();
 *     Property.forAll(Gen.oneOf(Hostile.truncations(valid), Hostile.mutations(valid)))
 *         .check(bytes -> reader.read(bytes)); // must report findings, never throw
 *   }
 *
 *   @Test
 *   void stackAgreesWithItsModel() {
 *     ModelBasedRunner.forSpec(new StackSpec()).maxCommands(30).check();
 *   }
 * }
 * }</pre>
 *
 * <p>A failing run prints its seed; {@code -Domnichannel.seed=<seed>} repeats it exactly, and
 * {@code -Domnichannel.tries=<n>} changes the default number of tries (200 values per property, 100
 * sequences per model-based spec).
 *
 * @since 0.1.0
 */
@NullMarked
package dev.omnichannel.testkit;

import org.jspecify.annotations.NullMarked;
