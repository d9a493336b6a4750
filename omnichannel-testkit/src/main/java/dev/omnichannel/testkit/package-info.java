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
 * class QuantityProperties {
 *   @Test
 *   void addingIsCommutative() {
 *     Gen<Integer> quantities = Gen.ints(0, 1_000_000);
 *     Property.forAll(Gen.zip(quantities, quantities, List::of))
 *         .checkThat(p -> p.get(0) + p.get(1) == p.get(1) + p.get(0));
 *   }
 *
 *   @Test
 *   void parserSurvivesHostileInput() {
 *     byte[] valid = "ISA*00*...~".getBytes(StandardCharsets.US_ASCII);
 *     Property.forAll(Gen.oneOf(Hostile.mutations(valid), Hostile.truncations(valid)))
 *         .check(bytes -> parser.parse(bytes)); // may report findings, must never throw
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
