package dev.omnichannel.testkit;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** Settings, seeds, sizes and shrinking shared by {@link Property} and {@link ModelBasedRunner}. */
final class Runs {
  static final String SEED_PROPERTY = "omnichannel.seed";
  static final String TRIES_PROPERTY = "omnichannel.tries";

  private Runs() {}

  /** The seed and the number of tries of one run, and where they came from. */
  record Settings(long seed, int tries, boolean triesFromProperty) {

    static Settings resolve(@Nullable Long seed, @Nullable Integer tries, int defaultTries) {
      long resolvedSeed;
      if (seed != null) {
        resolvedSeed = seed;
      } else {
        String property = blankToNull(System.getProperty(SEED_PROPERTY));
        resolvedSeed = property == null ? new SplittableRandom().nextLong() : parseSeed(property);
      }
      int resolvedTries;
      boolean triesFromProperty = false;
      if (tries != null) {
        resolvedTries = tries;
      } else {
        String property = blankToNull(System.getProperty(TRIES_PROPERTY));
        triesFromProperty = property != null;
        resolvedTries = property == null ? defaultTries : parseTries(property);
      }
      return new Settings(resolvedSeed, resolvedTries, triesFromProperty);
    }

    /** Treats {@code -Dname=} (an empty value) like an absent property. */
    private static @Nullable String blankToNull(@Nullable String property) {
      return property == null || property.isBlank() ? null : property;
    }

    private static long parseSeed(String property) {
      try {
        return Long.parseLong(property.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "system property " + SEED_PROPERTY + " must be a long: '" + property + "'", e);
      }
    }

    private static int parseTries(String property) {
      int tries;
      try {
        tries = Integer.parseInt(property.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "system property " + TRIES_PROPERTY + " must be a positive int: '" + property + "'", e);
      }
      checkArgument(
          tries > 0, "system property %s must be a positive int: %s", TRIES_PROPERTY, tries);
      return tries;
    }

    /** Returns the context of try {@code index} (from 0): its own random source and its size. */
    GenContext context(int index) {
      return GenContext.of(new SplittableRandom(trySeed(seed, index)), size(index, tries));
    }

    /** Returns how to repeat this run: the command-line flags, or the call on the runner. */
    String rerunHint() {
      String hint = "-D" + SEED_PROPERTY + "=" + seed;
      if (triesFromProperty) {
        hint += " -D" + TRIES_PROPERTY + "=" + tries;
      }
      return hint + " (or .seed(" + seed + "L) on the runner)";
    }
  }

  /** Returns the seed of one try, mixed so that neighbouring tries are unrelated. */
  static long trySeed(long seed, int index) {
    long z = seed + (index + 1L) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Returns the size of try {@code index}: growing linearly from the smallest to the largest. */
  static int size(int index, int tries) {
    if (tries <= 1) {
      return GenContext.MAX_SIZE;
    }
    return (int) ((long) index * GenContext.MAX_SIZE / (tries - 1));
  }

  /** A candidate after it ran: the state to continue from, and how the run ended. */
  record Ran<S>(S state, Outcome outcome) {}

  /** The smallest failing state found by shrinking, its failure, and how it was reached. */
  record Shrunk<S>(S state, Throwable failure, int steps, int runs) {}

  /**
   * Shrinks greedily: runs the candidates of the current state in order, continues from the first
   * one that fails like {@code failure} (same exception class), and stops when none does or {@code
   * maxRuns} candidates ran.
   */
  static <S> Shrunk<S> shrink(
      S start,
      Throwable failure,
      Function<S, Stream<S>> candidates,
      Function<S, Ran<S>> run,
      int maxRuns) {
    S current = start;
    Throwable currentFailure = failure;
    int steps = 0;
    int[] runs = {0};
    while (runs[0] < maxRuns) {
      Optional<Ran<S>> next =
          candidates
              .apply(current)
              .takeWhile(c -> runs[0] < maxRuns)
              .map(
                  c -> {
                    runs[0]++;
                    return run.apply(c);
                  })
              .filter(ran -> ran.outcome().failsLike(failure))
              .findFirst();
      if (next.isEmpty()) {
        break;
      }
      current = next.get().state();
      currentFailure = Objects.requireNonNull(next.get().outcome().failure());
      steps++;
    }
    return new Shrunk<>(current, currentFailure, steps, runs[0]);
  }

  /** Returns the class and message of a throwable, indented to fit into a failure message. */
  static String describe(Throwable t) {
    return t.toString().replace("\n", "\n    ");
  }
}
