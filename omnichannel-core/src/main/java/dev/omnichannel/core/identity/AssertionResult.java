package dev.omnichannel.core.identity;

import java.util.Optional;

/**
 * The outcome of a manual assertion: accepted, or rejected with the reason (for example a must-link
 * that would join two records someone asserted to be different).
 *
 * @param accepted whether the assertion now holds
 * @param rejection why it was rejected, if it was
 * @since 0.1.0
 */
public record AssertionResult(boolean accepted, Optional<String> rejection) {
  static AssertionResult ok() {
    return new AssertionResult(true, Optional.empty());
  }

  static AssertionResult rejected(String reason) {
    return new AssertionResult(false, Optional.of(reason));
  }
}
