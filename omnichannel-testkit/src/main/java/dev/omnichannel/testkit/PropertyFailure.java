package dev.omnichannel.testkit;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a property fails. The message holds the seed and how to re-run it, the number of the
 * failing try, the original and the shrunk counterexample and the failure of the shrunk one; the
 * cause is that failure.
 *
 * <p>For {@link ModelBasedRunner} the counterexamples are the {@code List} of commands that ran.
 *
 * @since 0.1.0
 */
public final class PropertyFailure extends AssertionError {
  private static final long serialVersionUID = 1L;

  private final long seed;
  private final int tryNumber;

  @SuppressWarnings("serial") // counterexamples are test data, rarely serializable
  private final Object original;

  @SuppressWarnings("serial")
  private final Object shrunk;

  private final int shrinkSteps;

  PropertyFailure(
      String message,
      @Nullable Throwable cause,
      long seed,
      int tryNumber,
      Object original,
      Object shrunk,
      int shrinkSteps) {
    super(message, cause);
    this.seed = seed;
    this.tryNumber = tryNumber;
    this.original = original;
    this.shrunk = shrunk;
    this.shrinkSteps = shrinkSteps;
  }

  /** Returns the seed of the run; {@code -Domnichannel.seed=<seed>} repeats it. */
  public long seed() {
    return seed;
  }

  /** Returns the number of the first failing try, counted from 1. */
  public int tryNumber() {
    return tryNumber;
  }

  /** Returns the counterexample as first generated. */
  public Object original() {
    return original;
  }

  /** Returns the smallest counterexample found by shrinking; it fails the same way. */
  public Object shrunk() {
    return shrunk;
  }

  /** Returns how many shrink steps succeeded, that is, how often a smaller value still failed. */
  public int shrinkSteps() {
    return shrinkSteps;
  }
}
