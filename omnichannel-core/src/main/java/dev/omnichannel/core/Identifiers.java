package dev.omnichannel.core;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/** Validation shared by the identifier records; not part of the API. */
final class Identifiers {
  static final int MAX_LENGTH = 128;

  private Identifiers() {}

  static String check(String kind, String value) {
    checkNotNull(value, "%s must not be null", kind);
    checkArgument(!value.isEmpty(), "%s must not be empty", kind);
    checkArgument(
        value.length() <= MAX_LENGTH,
        "%s must be at most %s characters: %s characters given",
        kind,
        MAX_LENGTH,
        value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      checkArgument(
          c > ' ' && c != 0x7f,
          "%s must not contain blanks or control characters at index %s",
          kind,
          i);
    }
    return value;
  }
}
