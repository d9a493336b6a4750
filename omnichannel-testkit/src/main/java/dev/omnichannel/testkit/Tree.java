package dev.omnichannel.testkit;

import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A generated value together with its lazily computed shrink candidates, each again a tree (a rose
 * tree). Keeping the tree instead of the bare value lets mapped, zipped and bound values shrink
 * through the values they were built from.
 *
 * <p>Immutable; children are recomputed on every call of {@link #children()}.
 */
final class Tree<T> {
  private final T value;
  private final Supplier<Stream<Tree<T>>> children;

  private Tree(T value, Supplier<Stream<Tree<T>>> children) {
    this.value = value;
    this.children = children;
  }

  static <T> Tree<T> of(T value, Supplier<Stream<Tree<T>>> children) {
    return new Tree<>(value, children);
  }

  static <T> Tree<T> leaf(T value) {
    return new Tree<>(value, Stream::empty);
  }

  /** Builds the tree of {@code value} by applying {@code shrink} again to every candidate. */
  static <T> Tree<T> unfold(T value, Function<? super T, Stream<T>> shrink) {
    return new Tree<>(value, () -> shrink.apply(value).map(v -> unfold(v, shrink)));
  }

  /** Views a tree of a subtype as a tree of its supertype; safe because trees are read-only. */
  @SuppressWarnings("unchecked")
  static <T> Tree<T> widen(Tree<? extends T> tree) {
    return (Tree<T>) tree;
  }

  T value() {
    return value;
  }

  /** Returns the shrink candidates, most aggressive first. */
  Stream<Tree<T>> children() {
    return children.get();
  }

  <R> Tree<R> map(Function<? super T, ? extends R> f) {
    R mapped = f.apply(value);
    return new Tree<>(mapped, () -> children.get().map(c -> c.map(f)));
  }

  /**
   * Keeps only candidates whose value satisfies {@code p}; the root is assumed to satisfy it. A
   * rejected candidate is replaced by its own accepted candidates (one level deep), so that, say,
   * odd numbers still shrink one step at a time past the even numbers in between.
   */
  Tree<T> filter(Predicate<? super T> p) {
    return new Tree<>(
        value,
        () ->
            children
                .get()
                .flatMap(
                    c ->
                        p.test(c.value)
                            ? Stream.of(c.filter(p))
                            : c.children().filter(g -> p.test(g.value)).map(g -> g.filter(p))));
  }

  /**
   * Combines two trees: first shrinks the left value with the right one fixed, then the right value
   * with the left one fixed.
   */
  static <A, B, R> Tree<R> zip(
      Tree<A> a, Tree<B> b, BiFunction<? super A, ? super B, ? extends R> f) {
    R combined = f.apply(a.value, b.value);
    return new Tree<>(
        combined,
        () ->
            concat(
                () -> a.children().map(ac -> zip(ac, b, f)),
                () -> b.children().map(bc -> zip(a, bc, f))));
  }

  /**
   * Binds an outer tree to an inner tree built from each outer value: shrinks the outer value first
   * (rebuilding the inner tree from it), then the inner value.
   */
  static <A, R> Tree<R> bind(Tree<A> outer, Function<? super A, Tree<R>> inner) {
    Tree<R> innerTree = inner.apply(outer.value);
    return bindWith(outer, innerTree, inner);
  }

  private static <A, R> Tree<R> bindWith(
      Tree<A> outer, Tree<R> innerTree, Function<? super A, Tree<R>> inner) {
    return new Tree<>(
        innerTree.value,
        () ->
            concat(
                () -> outer.children().map(oc -> bind(oc, inner)),
                () -> innerTree.children().map(ic -> bindWith(outer, ic, inner))));
  }

  /** Concatenates two lazily created streams without creating the second one early. */
  static <T> Stream<T> concat(Supplier<Stream<T>> first, Supplier<Stream<T>> second) {
    return Stream.of(first, second).flatMap(Supplier::get);
  }
}
