package dev.omnichannel.testkit;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.omnichannel.core.OmnichannelException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/** The implementations behind the factories and combinators of {@link Gen}. */
final class Gens {
  /** How often {@link Gen#filter} draws again before it gives up. */
  static final int FILTER_ATTEMPTS = 100;

  private Gens() {}

  /** A generator that builds shrink trees itself instead of shrinking bare values. */
  interface TreeGen<T> extends Gen<T> {
    Tree<T> tree(GenContext context);

    @Override
    default T generate(GenContext context) {
      return tree(context).value();
    }
  }

  /** Returns the shrink tree of one value of {@code gen}. */
  static <T> Tree<T> treeOf(Gen<T> gen, GenContext context) {
    if (gen instanceof TreeGen) {
      return ((TreeGen<T>) gen).tree(context);
    }
    return Tree.unfold(gen.generate(context), gen::shrink);
  }

  /** Returns the shrink tree of one value of a generator of a subtype. */
  static <T> Tree<T> widenedTreeOf(Gen<? extends T> gen, GenContext context) {
    return Tree.widen(treeOf(gen, context));
  }

  /**
   * Returns the candidates between {@code value} and {@code target}: the target first, then values
   * halfway, a quarter of the way, … down to one step from {@code value}. Both must have the same
   * sign (or the target be zero) so that their difference does not overflow.
   */
  static LongStream towards(long value, long target) {
    if (value == target) {
      return LongStream.empty();
    }
    long diff = value - target;
    return LongStream.concat(
        LongStream.of(target),
        LongStream.iterate(diff / 2, d -> d != 0, d -> d / 2).map(d -> value - d));
  }

  /**
   * Returns the shorter lists made by removing chunks from {@code list}: the longest removal that
   * keeps {@code minSize} first, then halves, quarters, … down to single elements at every offset.
   */
  static <E> Stream<List<E>> removals(List<E> list, int minSize) {
    int n = list.size();
    int maxRemove = n - minSize;
    if (maxRemove <= 0) {
      return Stream.empty();
    }
    List<Integer> chunkSizes = new ArrayList<>();
    chunkSizes.add(maxRemove);
    for (int k = n / 2; k >= 1; k /= 2) {
      if (k < chunkSizes.get(chunkSizes.size() - 1)) {
        chunkSizes.add(k);
      }
    }
    return chunkSizes.stream()
        .flatMap(
            k ->
                IntStream.iterate(0, start -> start < n, start -> start + k)
                    .filter(start -> Math.min(k, n - start) <= maxRemove)
                    .mapToObj(start -> without(list, start, Math.min(n, start + k))));
  }

  private static <E> List<E> without(List<E> list, int from, int to) {
    List<E> result = new ArrayList<>(list.size() - (to - from));
    result.addAll(list.subList(0, from));
    result.addAll(list.subList(to, list.size()));
    return result;
  }

  /** Returns a length between the bounds that grows with the size of the context. */
  static int length(GenContext context, int min, int max) {
    long span = (long) max - min;
    long limit = (span * context.size() + GenContext.MAX_SIZE - 1) / GenContext.MAX_SIZE;
    return (int) (min + context.nextLong(0, limit));
  }

  static final class Constant<T> implements TreeGen<T> {
    private final T value;

    Constant(T value) {
      this.value = checkNotNull(value, "value");
    }

    @Override
    public Tree<T> tree(GenContext context) {
      return Tree.leaf(value);
    }

    @Override
    public String toString() {
      return "Gen.constant(" + Show.show(value) + ")";
    }
  }

  /** Ints and longs: near the target for small sizes, boundaries often, shrinks to the target. */
  static final class Integral<N> implements TreeGen<N> {
    private final long min;
    private final long max;
    private final long target;
    private final LongFunction<N> box;
    private final ToLongFunction<N> unbox;
    private final String name;
    private final boolean scaled;

    private Integral(
        long min, long max, LongFunction<N> box, ToLongFunction<N> unbox, String name) {
      this(min, max, box, unbox, name, true);
    }

    private Integral(
        long min,
        long max,
        LongFunction<N> box,
        ToLongFunction<N> unbox,
        String name,
        boolean scaled) {
      checkArgument(min <= max, "minInclusive must not exceed maxInclusive: %s > %s", min, max);
      this.min = min;
      this.max = max;
      this.target = min > 0 ? min : max < 0 ? max : 0;
      this.box = box;
      this.unbox = unbox;
      this.name = name;
      this.scaled = scaled;
    }

    static Integral<Integer> ints(int min, int max) {
      return new Integral<>(min, max, v -> (int) v, Integer::longValue, "ints");
    }

    static Integral<Long> longs(long min, long max) {
      return new Integral<>(min, max, v -> v, Long::longValue, "longs");
    }

    /** Returns ints drawn uniformly from the whole range whatever the size, such as positions. */
    static Integral<Integer> uniformInts(int min, int max) {
      return new Integral<>(min, max, v -> (int) v, Integer::longValue, "uniformInts", false);
    }

    @Override
    public Tree<N> tree(GenContext context) {
      return Tree.unfold(box.apply(draw(context)), this::shrink);
    }

    private long draw(GenContext context) {
      if (!scaled) {
        return context.nextLong(min, max);
      }
      long lo;
      long hi;
      if (context.size() >= GenContext.MAX_SIZE) {
        lo = min;
        hi = max;
      } else {
        double exponent = (double) context.size() / GenContext.MAX_SIZE;
        lo = target - reach((double) target - (double) min, exponent, target - min);
        hi = target + reach((double) max - (double) target, exponent, max - target);
      }
      if (context.random().nextInt(8) == 0) {
        // Boundaries and the neighbours of the target find off-by-one bugs. The real bounds come
        // up from a quarter of the largest size on, so that the first tries stay small.
        boolean wide = context.size() >= GenContext.MAX_SIZE / 4;
        long[] edges = {
          wide ? min : lo,
          wide ? max : hi,
          target,
          Math.min(hi, target + 1),
          Math.max(lo, target - 1)
        };
        return edges[context.random().nextInt(edges.length)];
      }
      return context.nextLong(lo, hi);
    }

    /**
     * Returns how far from the target a value may lie: {@code (distance + 1)^exponent - 1}, so the
     * reach grows exponentially with the size and covers the whole distance at the largest size.
     */
    private static long reach(double distance, double exponent, long exactDistance) {
      double reach = Math.floor(Math.pow(distance + 1, exponent)) - 1;
      if (reach >= distance) {
        return exactDistance;
      }
      return (long) Math.max(0, reach);
    }

    @Override
    public Stream<N> shrink(N value) {
      long v = unbox.applyAsLong(value);
      if (v < min || v > max) {
        return Stream.empty();
      }
      return towards(v, target).mapToObj(box);
    }

    @Override
    public String toString() {
      return "Gen." + name + "(" + min + ", " + max + ")";
    }
  }

  static final class Elements<T> implements TreeGen<T> {
    static final Elements<Boolean> BOOLEANS = new Elements<>(List.of(false, true));

    private final ImmutableList<T> values;

    Elements(List<T> values) {
      checkArgument(!values.isEmpty(), "values must not be empty");
      this.values = ImmutableList.copyOf(values);
    }

    @Override
    public Tree<T> tree(GenContext context) {
      return Tree.unfold(context.nextInt(0, values.size() - 1), Elements::shrinkIndex)
          .map(values::get);
    }

    private static Stream<Integer> shrinkIndex(Integer index) {
      return towards(index, 0).mapToObj(i -> (int) i);
    }

    @Override
    public Stream<T> shrink(T value) {
      int index = values.indexOf(value);
      if (index < 0) {
        return Stream.empty();
      }
      return shrinkIndex(index).map(values::get);
    }

    @Override
    public String toString() {
      return "Gen.elements(" + Show.show(values) + ")";
    }
  }

  static final class OneOf<T> implements TreeGen<T> {
    private final ImmutableList<Gen<? extends T>> gens;
    private final int[] cumulativeWeights;

    private OneOf(List<Gen<? extends T>> gens, int[] weights) {
      this.gens = ImmutableList.copyOf(gens);
      this.cumulativeWeights = new int[weights.length];
      long total = 0;
      for (int i = 0; i < weights.length; i++) {
        checkArgument(weights[i] >= 0, "weight must not be negative: %s", weights[i]);
        total += weights[i];
        checkArgument(total <= Integer.MAX_VALUE, "weights must not add up beyond %s", total);
        cumulativeWeights[i] = (int) total;
      }
      checkArgument(total > 0, "at least one weight must be positive");
    }

    static <T> OneOf<T> uniform(List<Gen<? extends T>> gens) {
      checkArgument(!gens.isEmpty(), "gens must not be empty");
      int[] weights = new int[gens.size()];
      Arrays.fill(weights, 1);
      return new OneOf<>(gens, weights);
    }

    static <T> OneOf<T> weighted(List<Map.Entry<Integer, Gen<? extends T>>> weighted) {
      checkArgument(!weighted.isEmpty(), "weighted must not be empty");
      List<Gen<? extends T>> gens = new ArrayList<>(weighted.size());
      int[] weights = new int[weighted.size()];
      for (int i = 0; i < weighted.size(); i++) {
        weights[i] = weighted.get(i).getKey();
        gens.add(weighted.get(i).getValue());
      }
      return new OneOf<>(gens, weights);
    }

    @Override
    public Tree<T> tree(GenContext context) {
      int pick = context.nextInt(1, cumulativeWeights[cumulativeWeights.length - 1]);
      int index = 0;
      while (cumulativeWeights[index] < pick) {
        index++;
      }
      return widenedTreeOf(gens.get(index), context);
    }

    @Override
    public String toString() {
      return "Gen.oneOf(" + gens + ")";
    }
  }

  static final class Mapped<T, R> implements TreeGen<R> {
    private final Gen<T> source;
    private final Function<? super T, ? extends R> f;

    Mapped(Gen<T> source, Function<? super T, ? extends R> f) {
      this.source = checkNotNull(source, "source");
      this.f = checkNotNull(f, "f");
    }

    @Override
    public Tree<R> tree(GenContext context) {
      return treeOf(source, context).map(f);
    }

    @Override
    public String toString() {
      return source + ".map(..)";
    }
  }

  static final class Filtered<T> implements TreeGen<T> {
    private final Gen<T> source;
    private final Predicate<? super T> p;

    Filtered(Gen<T> source, Predicate<? super T> p) {
      this.source = checkNotNull(source, "source");
      this.p = checkNotNull(p, "p");
    }

    @Override
    public Tree<T> tree(GenContext context) {
      Tree<T> candidate = treeOf(source, context);
      for (int attempt = 1; !p.test(candidate.value()); attempt++) {
        if (attempt >= FILTER_ATTEMPTS) {
          throw new OmnichannelException(
              "Gen.filter rejected "
                  + FILTER_ATTEMPTS
                  + " values in a row from "
                  + source
                  + " (size "
                  + context.size()
                  + ", last rejected: "
                  + Show.show(candidate.value())
                  + "): the predicate is too strict; generate the wanted values directly,"
                  + " for example with map or a narrower range");
        }
        // Like QuickCheck's suchThat: retry at growing sizes, reaching the largest size halfway
        // through the attempts, so that a filter can reject the few values of small sizes.
        int grown =
            context.size()
                + (GenContext.MAX_SIZE - context.size())
                    * Math.min(2 * attempt, FILTER_ATTEMPTS)
                    / FILTER_ATTEMPTS;
        candidate = treeOf(source, GenContext.of(context.random(), grown));
      }
      return candidate.filter(p);
    }

    @Override
    public Stream<T> shrink(T value) {
      return source.shrink(value).filter(p);
    }

    @Override
    public String toString() {
      return source + ".filter(..)";
    }
  }

  static final class FlatMapped<T, R> implements TreeGen<R> {
    private final Gen<T> source;
    private final Function<? super T, Gen<R>> f;

    FlatMapped(Gen<T> source, Function<? super T, Gen<R>> f) {
      this.source = checkNotNull(source, "source");
      this.f = checkNotNull(f, "f");
    }

    @Override
    public Tree<R> tree(GenContext context) {
      Tree<T> outer = treeOf(source, context);
      // The inner value draws from its own seed so that it can be generated again, identically,
      // for every shrunk outer value.
      long innerSeed = context.random().nextLong();
      int size = context.size();
      return Tree.bind(
          outer, t -> treeOf(f.apply(t), GenContext.of(new SplittableRandom(innerSeed), size)));
    }

    @Override
    public String toString() {
      return source + ".flatMap(..)";
    }
  }

  static final class Zipped<A, B, R> implements TreeGen<R> {
    private final Gen<A> a;
    private final Gen<B> b;
    private final BiFunction<? super A, ? super B, ? extends R> f;

    Zipped(Gen<A> a, Gen<B> b, BiFunction<? super A, ? super B, ? extends R> f) {
      this.a = checkNotNull(a, "a");
      this.b = checkNotNull(b, "b");
      this.f = checkNotNull(f, "f");
    }

    @Override
    public Tree<R> tree(GenContext context) {
      Tree<A> left = treeOf(a, context);
      Tree<B> right = treeOf(b, context);
      return Tree.zip(left, right, f);
    }

    @Override
    public String toString() {
      return "Gen.zip(" + a + ", " + b + ", ..)";
    }
  }

  static final class ListOf<T> implements TreeGen<List<T>> {
    private final Gen<T> element;
    private final int minSize;
    private final int maxSize;

    ListOf(Gen<T> element, int minSize, int maxSize) {
      checkArgument(minSize >= 0, "minSize must not be negative: %s", minSize);
      checkArgument(
          minSize <= maxSize, "minSize must not exceed maxSize: %s > %s", minSize, maxSize);
      this.element = checkNotNull(element, "element");
      this.minSize = minSize;
      this.maxSize = maxSize;
    }

    @Override
    public Tree<List<T>> tree(GenContext context) {
      int n = length(context, minSize, maxSize);
      List<Tree<T>> elements = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        elements.add(treeOf(element, context));
      }
      return listTree(elements, minSize);
    }

    @Override
    public Stream<List<T>> shrink(List<T> value) {
      List<Tree<T>> elements = new ArrayList<>(value.size());
      for (T t : value) {
        elements.add(Tree.unfold(t, element::shrink));
      }
      return listTree(elements, minSize).children().map(Tree::value);
    }

    @Override
    public String toString() {
      return "Gen.listOf(" + element + ", " + minSize + ", " + maxSize + ")";
    }
  }

  /**
   * Returns the tree of a list of element trees: removals first, then each element shrunk in place.
   */
  static <T> Tree<List<T>> listTree(List<Tree<T>> elements, int minSize) {
    ImmutableList<T> value =
        elements.stream().map(Tree::value).collect(ImmutableList.toImmutableList());
    return Tree.of(
        value,
        () ->
            Tree.concat(
                () -> removals(elements, minSize).map(shorter -> listTree(shorter, minSize)),
                () ->
                    IntStream.range(0, elements.size())
                        .boxed()
                        .flatMap(
                            i ->
                                elements
                                    .get(i)
                                    .children()
                                    .map(
                                        smaller -> {
                                          List<Tree<T>> replaced = new ArrayList<>(elements);
                                          replaced.set(i, smaller);
                                          return listTree(replaced, minSize);
                                        }))));
  }

  /** Strings as lists of code points drawn from an alphabet. */
  static final class Strings implements TreeGen<String> {
    static final String DEFAULT_ALPHABET =
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
            + " !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
            + "\u00e9\u00fc\u00df\u00f1\u00c5\u0130\u0131\u00a0\u20ac\u03a9\u65e5\ud83d\ude00";

    private final String alphabet;
    private final ListOf<Integer> codePoints;

    Strings(String alphabet, int minLength, int maxLength) {
      checkArgument(!alphabet.isEmpty(), "alphabet must not be empty");
      this.alphabet = alphabet;
      List<Integer> distinct = alphabet.codePoints().distinct().boxed().toList();
      this.codePoints = new ListOf<>(new Elements<>(distinct), minLength, maxLength);
    }

    @Override
    public Tree<String> tree(GenContext context) {
      return codePoints.tree(context).map(Strings::join);
    }

    @Override
    public Stream<String> shrink(String value) {
      return codePoints.shrink(value.codePoints().boxed().toList()).map(Strings::join);
    }

    private static String join(List<Integer> codePoints) {
      StringBuilder s = new StringBuilder(codePoints.size());
      for (int cp : codePoints) {
        s.appendCodePoint(cp);
      }
      return s.toString();
    }

    @Override
    public String toString() {
      return "Gen.strings(" + Show.show(alphabet) + ", " + codePoints + ")";
    }
  }

  static final class Bytes implements TreeGen<byte[]> {
    private final int minLength;
    private final int maxLength;

    Bytes(int minLength, int maxLength) {
      checkArgument(minLength >= 0, "minLength must not be negative: %s", minLength);
      checkArgument(
          minLength <= maxLength,
          "minLength must not exceed maxLength: %s > %s",
          minLength,
          maxLength);
      this.minLength = minLength;
      this.maxLength = maxLength;
    }

    @Override
    public Tree<byte[]> tree(GenContext context) {
      byte[] bytes = new byte[length(context, minLength, maxLength)];
      context.random().nextBytes(bytes);
      return Tree.unfold(bytes, this::shrink);
    }

    @Override
    public Stream<byte[]> shrink(byte[] value) {
      byte[] copy = value.clone();
      Stream<byte[]> truncations =
          value.length <= minLength
              ? Stream.empty()
              : towards(copy.length, minLength).mapToObj(n -> Arrays.copyOf(copy, (int) n));
      Stream<byte[]> removed =
          Stream.of(copy)
              .flatMap(
                  bytes -> removals(com.google.common.primitives.Bytes.asList(bytes), minLength))
              .map(com.google.common.primitives.Bytes::toArray);
      Stream<byte[]> zeroed = allZero(copy) ? Stream.empty() : Stream.of(new byte[copy.length]);
      Stream<byte[]> singles =
          IntStream.range(0, copy.length)
              .boxed()
              .flatMap(
                  i ->
                      towards(copy[i], 0)
                          .mapToObj(
                              b -> {
                                byte[] smaller = copy.clone();
                                smaller[i] = (byte) b;
                                return smaller;
                              }));
      return Stream.of(truncations, removed, zeroed, singles).flatMap(s -> s);
    }

    private static boolean allZero(byte[] bytes) {
      for (byte b : bytes) {
        if (b != 0) {
          return false;
        }
      }
      return true;
    }

    @Override
    public String toString() {
      return "Gen.bytes(" + minLength + ", " + maxLength + ")";
    }
  }
}
