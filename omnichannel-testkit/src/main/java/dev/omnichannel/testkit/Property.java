package dev.omnichannel.testkit;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.omnichannel.core.OmnichannelException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Runs a property over generated values and, when it fails, shrinks the counterexample.
 *
 * <pre>{@code
 * @Test
 * void reversingTwiceGivesTheOriginal() {
 *   Property.forAll(Gen.listOf(Gen.ints(-100, 100), 0, 20))
 *       .check(list -> assertThat(Lists.reverse(Lists.reverse(list))).isEqualTo(list));
 * }
 * }</pre>
 *
 * <p>Every try draws from its own random source derived from the run's seed and the try number,
 * with a size that grows from small to large over the run, so one seed always repeats the same
 * tries. On failure the runner shrinks greedily (each step runs the property again) and throws a
 * {@link PropertyFailure} that prints the seed; {@code -Domnichannel.seed=<seed>} repeats the run.
 *
 * @since 0.1.0
 */
public final class Property {
  /** The number of tries when neither code nor {@code omnichannel.tries} says otherwise. */
  public static final int DEFAULT_TRIES = 200;

  /** The default bound on the property runs spent on shrinking. */
  public static final int DEFAULT_MAX_SHRINKS = 1000;

  private Property() {}

  /** Returns a runner of a property over the values of {@code gen}. */
  public static <T> Runner<T> forAll(Gen<T> gen) {
    return new Runner<>(checkNotNull(gen, "gen"));
  }

  /**
   * Configures and runs one property. Mutable and not thread-safe; configure it in one expression
   * and call {@link #check} or {@link #checkThat} once.
   *
   * @param <T> the type of the generated values
   * @since 0.1.0
   */
  public static final class Runner<T> {
    private final Gen<T> gen;
    private @Nullable Integer tries;
    private @Nullable Long seed;
    private int maxShrinks = DEFAULT_MAX_SHRINKS;

    private Runner(Gen<T> gen) {
      this.gen = gen;
    }

    /**
     * Sets the number of values to try. Without this call the runner makes {@value
     * Property#DEFAULT_TRIES} tries, or as many as the system property {@code omnichannel.tries}
     * says.
     *
     * @throws IllegalArgumentException if {@code tries} is not positive
     */
    public Runner<T> tries(int tries) {
      checkArgument(tries > 0, "tries must be positive: %s", tries);
      this.tries = tries;
      return this;
    }

    /**
     * Fixes the seed. Without this call the runner takes the system property {@code
     * omnichannel.seed} if set, else a random seed; the failure message always prints it.
     */
    public Runner<T> seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Bounds how often the property runs again while shrinking ({@value
     * Property#DEFAULT_MAX_SHRINKS} by default); 0 turns shrinking off.
     *
     * @throws IllegalArgumentException if {@code steps} is negative
     */
    public Runner<T> maxShrinks(int steps) {
      checkArgument(steps >= 0, "maxShrinks must not be negative: %s", steps);
      this.maxShrinks = steps;
      return this;
    }

    /**
     * Runs {@code property} on every generated value; the property fails by throwing (an {@link
     * AssertionError} or any other exception). A value for which a JUnit assumption does not hold
     * is discarded.
     *
     * @throws PropertyFailure if the property fails for a value, with the shrunk counterexample
     * @throws OmnichannelException if the generator fails, for example a too strict {@link
     *     Gen#filter}
     * @throws AssertionError if assumptions discarded every value
     */
    public void check(Consumer<T> property) {
      checkNotNull(property, "property");
      Runs.Settings settings = Runs.Settings.resolve(seed, tries, DEFAULT_TRIES);
      int discarded = 0;
      for (int index = 0; index < settings.tries(); index++) {
        GenContext context = settings.context(index);
        Tree<T> tree = generate(settings, index, context);
        Outcome outcome = Outcome.of(() -> property.accept(tree.value()));
        Throwable failure = outcome.failure();
        if (outcome.discarded()) {
          discarded++;
        } else if (failure != null) {
          throw failure(settings, index, context, tree, failure, property);
        }
      }
      if (discarded == settings.tries()) {
        throw new AssertionError(
            "Assumptions discarded all "
                + discarded
                + " tries of the property (seed "
                + settings.seed()
                + "): make the generator produce fitting values instead");
      }
    }

    /**
     * Runs {@code property} on every generated value; {@code false} or an exception is a failure.
     *
     * @throws PropertyFailure if the property does not hold for a value
     * @throws OmnichannelException if the generator fails, for example a too strict {@link
     *     Gen#filter}
     */
    public void checkThat(Predicate<T> property) {
      checkNotNull(property, "property");
      check(
          value -> {
            if (!property.test(value)) {
              throw new AssertionError("property is false");
            }
          });
    }

    private Tree<T> generate(Runs.Settings settings, int index, GenContext context) {
      try {
        return Gens.treeOf(gen, context);
      } catch (RuntimeException e) {
        throw new OmnichannelException(
            "Generating the value of try "
                + (index + 1)
                + " failed (seed "
                + settings.seed()
                + ", size "
                + context.size()
                + "; re-run with "
                + settings.rerunHint()
                + "): "
                + e.getMessage(),
            e);
      }
    }

    private PropertyFailure failure(
        Runs.Settings settings,
        int index,
        GenContext context,
        Tree<T> tree,
        Throwable failure,
        Consumer<T> property) {
      Runs.Shrunk<T> shrunk =
          Runs.shrink(tree, failure, v -> Outcome.of(() -> property.accept(v)), maxShrinks);
      String message =
          "Property failed on try "
              + (index + 1)
              + " of "
              + settings.tries()
              + " (seed "
              + settings.seed()
              + ", size "
              + context.size()
              + ")\n  re-run with: "
              + settings.rerunHint()
              + "\n  original counterexample: "
              + Show.show(tree.value())
              + "\n  shrunk counterexample:   "
              + Show.show(shrunk.tree().value())
              + "\n  ("
              + shrunk.steps()
              + " shrink steps in "
              + shrunk.runs()
              + " runs of the property)\n  failure: "
              + Runs.describe(shrunk.failure());
      return new PropertyFailure(
          message,
          shrunk.failure(),
          settings.seed(),
          index + 1,
          tree.value(),
          shrunk.tree().value(),
          shrunk.steps());
    }
  }
}
