package dev.omnichannel.testkit.inventory;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A UTC clock that tests move by hand, in milliseconds; it never moves back. Thread-safe.
 *
 * @since 0.1.0
 */
public final class MutableClock extends Clock {
  private final AtomicLong millis;

  private MutableClock(long millis) {
    this.millis = new AtomicLong(millis);
  }

  /** Returns a clock standing at {@code start}. */
  public static MutableClock at(Instant start) {
    return new MutableClock(checkNotNull(start, "start").toEpochMilli());
  }

  /**
   * Moves the clock forward by {@code duration}.
   *
   * @throws IllegalArgumentException if {@code duration} is negative
   */
  public void advance(Duration duration) {
    checkArgument(!duration.isNegative(), "a clock does not go back: %s", duration);
    millis.addAndGet(duration.toMillis());
  }

  /** Moves the clock forward by {@code ms} milliseconds. */
  public void advanceMillis(long ms) {
    checkArgument(ms >= 0, "a clock does not go back: %s ms", ms);
    millis.addAndGet(ms);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public long millis() {
    return millis.get();
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis.get());
  }
}
