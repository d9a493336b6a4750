package dev.omnichannel.testkit;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
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
        String property = System.getProperty(SEED_PROPERTY);
        resolvedSeed = property == null ? new SplittableRandom().nextLong() : parseSeed(property);
      }
      int resolvedTries;
      boolean triesFromProperty = false;
      if (tries != null) {
        resolvedTries = tries;
      } else {
        String property = System.getProperty(TRIES_PROPERTY);
        triesFromProperty = property != null;
        resolvedTries = property == null ? defaultTries : parseTries(property);
      }
      return new Settings(resolvedSeed, resolvedTries, triesFromProperty);
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

    /** Returns the command-line flags that repeat this run. */
    String rerunHint() {
      String hint = "-D" + SEED_PROPERTY + "=" + seed;
      if (triesFromProperty) {
        hint += " -D" + TRIES_PROPERTY + "=" + tries;
      }
      return hint;
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

  /** The smallest failing tree found by shrinking and how it was reached. */
  record Shrunk<T>(Tree<T> tree, Throwable failure, int steps, int runs) {}

  /**
   * Shrinks greedily: takes the first candidate that still fails like {@code failure}, then
   * continues from its candidates, until none fails or {@code maxRuns} candidates ran.
   */
  static <T> Shrunk<T> shrink(
      Tree<T> root, Throwable failure, Function<T, Outcome> property, int maxRuns) {
    Tree<T> current = root;
    Throwable currentFailure = failure;
    int steps = 0;
    int[] runs = {0};
    while (runs[0] < maxRuns) {
      Optional<Candidate<T>> next =
          current
              .children()
              .takeWhile(c -> runs[0] < maxRuns)
              .map(
                  c -> {
                    runs[0]++;
                    return new Candidate<>(c, property.apply(c.value()));
                  })
              .filter(c -> c.outcome().failsLike(failure))
              .findFirst();
      if (next.isEmpty()) {
        break;
      }
      current = next.get().tree();
      currentFailure = java.util.Objects.requireNonNull(next.get().outcome().failure());
      steps++;
    }
    return new Shrunk<>(current, currentFailure, steps, runs[0]);
  }

  private record Candidate<T>(Tree<T> tree, Outcome outcome) {}

  /** Returns the first line of a throwable: its class and message. */
  static String describe(Throwable t) {
    return t.toString().replace("\n", "\n    ");
  }
}
