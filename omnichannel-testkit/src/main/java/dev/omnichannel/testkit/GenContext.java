package dev.omnichannel.testkit;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * What a {@link Gen} draws from: a source of randomness and a size hint.
 *
 * <p>The size grows from {@value #MIN_SIZE} to {@value #MAX_SIZE} over the tries of one run, so
 * early tries produce small values (short lists, numbers near zero) and later tries large ones.
 * Generators are free to ignore it.
 *
 * <p>Not thread-safe: one context serves one try on one thread.
 *
 * @since 0.1.0
 */
public final class GenContext {
  /** The smallest size a run starts with. */
  public static final int MIN_SIZE = 0;

  /** The largest size a run reaches. */
  public static final int MAX_SIZE = 100;

  private final RandomGenerator random;
  private final int size;

  private GenContext(RandomGenerator random, int size) {
    this.random = random;
    this.size = size;
  }

  /**
   * Returns a context over {@code random} with the given size.
   *
   * @throws IllegalArgumentException if {@code size} is outside {@value #MIN_SIZE}..{@value
   *     #MAX_SIZE}
   */
  public static GenContext of(RandomGenerator random, int size) {
    checkNotNull(random, "random");
    checkArgument(
        size >= MIN_SIZE && size <= MAX_SIZE,
        "size must be between %s and %s: %s",
        MIN_SIZE,
        MAX_SIZE,
        size);
    return new GenContext(random, size);
  }

  /**
   * Returns a deterministic context: the same seed and size always give the same values. Handy to
   * look at what a generator produces.
   *
   * @throws IllegalArgumentException if {@code size} is outside {@value #MIN_SIZE}..{@value
   *     #MAX_SIZE}
   */
  public static GenContext of(long seed, int size) {
    return of(new SplittableRandom(seed), size);
  }

  /** Returns the source of randomness; generators must draw from nothing else. */
  public RandomGenerator random() {
    return random;
  }

  /** Returns the size hint, from {@value #MIN_SIZE} (smallest) to {@value #MAX_SIZE}. */
  public int size() {
    return size;
  }

  /**
   * Returns a uniformly chosen int between {@code min} and {@code max}, both inclusive.
   *
   * @throws IllegalArgumentException if {@code min > max}
   */
  public int nextInt(int min, int max) {
    checkArgument(min <= max, "min must not exceed max: %s > %s", min, max);
    return (int) nextLong(min, max);
  }

  /**
   * Returns a uniformly chosen long between {@code min} and {@code max}, both inclusive.
   *
   * @throws IllegalArgumentException if {@code min > max}
   */
  public long nextLong(long min, long max) {
    checkArgument(min <= max, "min must not exceed max: %s > %s", min, max);
    if (min == max) {
      return min;
    }
    if (max < Long.MAX_VALUE) {
      return random.nextLong(min, max + 1);
    }
    if (min > Long.MIN_VALUE) {
      return random.nextLong(min - 1, max) + 1;
    }
    return random.nextLong();
  }

  /** Returns a fair coin flip. */
  public boolean nextBoolean() {
    return random.nextBoolean();
  }

  /**
   * Returns a uniformly chosen element of {@code values}.
   *
   * @throws IllegalArgumentException if {@code values} is empty
   */
  public <T> T choose(List<T> values) {
    checkArgument(!values.isEmpty(), "values must not be empty");
    return values.get(nextInt(0, values.size() - 1));
  }

  /** Returns a context that draws from a fresh source seeded by this one, with the same size. */
  GenContext split() {
    return new GenContext(new SplittableRandom(random.nextLong()), size);
  }
}
