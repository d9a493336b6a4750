package dev.omnichannel.testkit;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A generator of random values of {@code T} that also knows how to shrink a value.
 *
 * <p>Generators are built from the static factories here ({@link #ints}, {@link #listOf}, {@link
 * #strings}, …) and combined with {@link #map}, {@link #filter}, {@link #flatMap} and {@link #zip}.
 * Values built that way shrink through the values they came from: a {@code zip} of two ints shrinks
 * each int towards zero, a {@code map} shrinks its source value and maps it again. A generator
 * written by hand as a lambda generates values but does not shrink them unless it also overrides
 * {@link #shrink}.
 *
 * <pre>{@code
 * Gen<Sku> skus = Gen.strings("ABCXYZ0123456789", 1, 12).map(Sku::of);
 * Gen<Integer> quantities = Gen.ints(0, 10_000);
 * Gen<Map.Entry<Sku, Integer>> stock = Gen.zip(skus, quantities, Map::entry);
 * }</pre>
 *
 * <p>A generator must draw all of its randomness from the {@link GenContext} so that one seed
 * always gives the same values. The generators of this interface are immutable and thread-safe.
 *
 * @param <T> the type of the generated values
 * @since 0.1.0
 */
@FunctionalInterface
public interface Gen<T> {

  /**
   * Returns a new random value drawn from {@code context}.
   *
   * @param context the source of randomness and the size hint of the current try
   */
  T generate(GenContext context);

  /**
   * Returns values smaller than {@code value}, most aggressive first; the runner tries them in
   * order and keeps the first one that still fails. The default shrinks nothing.
   *
   * <p>Generators derived with {@link #map}, {@link #flatMap}, {@link #zip}, {@link #oneOf} and
   * {@link #frequency} cannot shrink a bare result value (they do not know its source) and return
   * an empty stream here; inside a {@link Property} run they shrink through their sources.
   */
  default Stream<T> shrink(T value) {
    return Stream.empty();
  }

  /**
   * Returns a generator that applies {@code f} to this generator's values. Shrinks by shrinking the
   * source value and applying {@code f} again.
   */
  default <R> Gen<R> map(Function<? super T, ? extends R> f) {
    return new Gens.Mapped<>(this, f);
  }

  /**
   * Returns a generator of the values of this generator that satisfy {@code p}. Draws again, at
   * growing sizes, when a value is rejected, at most 100 times in a row, then fails with an {@link
   * dev.omnichannel.core.OmnichannelException} that names the too strict filter. Shrink candidates
   * that do not satisfy {@code p} are skipped.
   */
  default Gen<T> filter(Predicate<? super T> p) {
    return new Gens.Filtered<>(this, p);
  }

  /**
   * Returns a generator that uses each value of this generator to choose the next generator.
   * Shrinks the first value (generating the second again from the same random source) and then the
   * second.
   */
  default <R> Gen<R> flatMap(Function<? super T, Gen<R>> f) {
    return new Gens.FlatMapped<>(this, f);
  }

  /** Returns a generator that always returns {@code value}. */
  static <T> Gen<T> constant(T value) {
    return new Gens.Constant<>(value);
  }

  /**
   * Returns a generator of ints between the bounds, both inclusive. Small sizes stay close to the
   * value nearest to zero in the range; boundary values come up often. Shrinks towards the value
   * nearest to zero in the range.
   *
   * @throws IllegalArgumentException if {@code minInclusive > maxInclusive}
   */
  static Gen<Integer> ints(int minInclusive, int maxInclusive) {
    return Gens.Integral.ints(minInclusive, maxInclusive);
  }

  /**
   * Returns a generator of longs between the bounds, both inclusive; see {@link #ints}.
   *
   * @throws IllegalArgumentException if {@code minInclusive > maxInclusive}
   */
  static Gen<Long> longs(long minInclusive, long maxInclusive) {
    return Gens.Integral.longs(minInclusive, maxInclusive);
  }

  /** Returns a generator of fair booleans; {@code true} shrinks to {@code false}. */
  static Gen<Boolean> booleans() {
    return Gens.Elements.BOOLEANS;
  }

  /**
   * Returns a generator that picks one of {@code values} uniformly; shrinks towards earlier
   * elements.
   *
   * @throws IllegalArgumentException if {@code values} is empty
   */
  static <T> Gen<T> elements(List<T> values) {
    return new Gens.Elements<>(values);
  }

  /**
   * Returns a generator that picks one of {@code gens} uniformly for every value.
   *
   * @throws IllegalArgumentException if {@code gens} is empty
   */
  @SafeVarargs
  static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
    ImmutableList.Builder<Gen<? extends T>> list = ImmutableList.builder();
    for (Gen<? extends T> gen : gens) {
      list.add(gen);
    }
    return Gens.OneOf.uniform(list.build());
  }

  /**
   * Returns a generator that picks one of the generators with a probability proportional to its
   * weight.
   *
   * <pre>{@code
   * Gen<Integer> mostlySmall = Gen.frequency(List.of(
   *     Map.entry(9, Gen.ints(0, 9)), Map.entry(1, Gen.ints(10, 1_000_000))));
   * }</pre>
   *
   * @throws IllegalArgumentException if a weight is negative or all weights are zero
   */
  static <T> Gen<T> frequency(List<Map.Entry<Integer, Gen<? extends T>>> weighted) {
    return Gens.OneOf.weighted(weighted);
  }

  /**
   * Returns a generator of lists of {@code element} values whose length lies between the bounds,
   * both inclusive; small sizes give short lists. Shrinks by removing chunks (halves, quarters, …),
   * then single elements, then by shrinking elements one at a time. The lists are immutable.
   *
   * @throws IllegalArgumentException if {@code minSize} is negative or exceeds {@code maxSize}
   */
  static <T> Gen<List<T>> listOf(Gen<T> element, int minSize, int maxSize) {
    return new Gens.ListOf<>(element, minSize, maxSize);
  }

  /**
   * Returns a generator of strings of printable ASCII characters plus some non-ASCII ones (Latin
   * letters with diacritics, the Turkish dotted and dotless i, the euro sign, a CJK character and
   * an emoji outside the Basic Multilingual Plane). Lengths count code points. Shrinks to shorter
   * strings and towards {@code 'a'}.
   *
   * @throws IllegalArgumentException if {@code minLength} is negative or exceeds {@code maxLength}
   */
  static Gen<String> strings(int minLength, int maxLength) {
    return new Gens.Strings(Gens.Strings.DEFAULT_ALPHABET, minLength, maxLength);
  }

  /**
   * Returns a generator of strings made of the code points of {@code alphabet}. Lengths count code
   * points. Shrinks to shorter strings and towards the first code point of the alphabet.
   *
   * @throws IllegalArgumentException if {@code alphabet} is empty, or {@code minLength} is negative
   *     or exceeds {@code maxLength}
   */
  static Gen<String> strings(String alphabet, int minLength, int maxLength) {
    return new Gens.Strings(alphabet, minLength, maxLength);
  }

  /**
   * Returns a generator of byte arrays whose length lies between the bounds, both inclusive.
   * Shrinks by truncation, then by removing chunks and single bytes, then by zeroing all bytes,
   * then by moving single bytes towards zero. Every call returns a fresh array.
   *
   * @throws IllegalArgumentException if {@code minLength} is negative or exceeds {@code maxLength}
   */
  static Gen<byte[]> bytes(int minLength, int maxLength) {
    return new Gens.Bytes(minLength, maxLength);
  }

  /**
   * Returns a generator that combines the values of {@code a} and {@code b} with {@code f}. Shrinks
   * the first value with the second fixed, then the second with the first fixed.
   */
  static <A, B, R> Gen<R> zip(Gen<A> a, Gen<B> b, BiFunction<? super A, ? super B, ? extends R> f) {
    return new Gens.Zipped<>(a, b, f);
  }
}
