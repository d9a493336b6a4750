package dev.omnichannel.testkit;

import org.jspecify.annotations.Nullable;
import org.opentest4j.TestAbortedException;

/**
 * The result of running a property once: passed, discarded (a JUnit assumption did not hold) or
 * failed with a throwable.
 */
final class Outcome {
  static final Outcome PASSED = new Outcome(false, null);
  static final Outcome DISCARDED = new Outcome(true, null);

  private final boolean discarded;
  private final @Nullable Throwable failure;

  private Outcome(boolean discarded, @Nullable Throwable failure) {
    this.discarded = discarded;
    this.failure = failure;
  }

  /** Runs {@code body}; any throwable except fatal VM errors and aborted assumptions fails it. */
  static Outcome of(Runnable body) {
    try {
      body.run();
      return PASSED;
    } catch (TestAbortedException e) {
      return DISCARDED;
    } catch (StackOverflowError e) {
      // A runaway recursion is a bug of the code under test, not of the VM.
      return new Outcome(false, e);
    } catch (VirtualMachineError | LinkageError e) {
      throw e;
    } catch (Throwable t) {
      return new Outcome(false, t);
    }
  }

  boolean discarded() {
    return discarded;
  }

  @Nullable Throwable failure() {
    return failure;
  }

  /** Returns whether this outcome is a failure of the same kind (class) as {@code original}. */
  boolean failsLike(Throwable original) {
    return failure != null && failure.getClass() == original.getClass();
  }
}
