package dev.omnichannel.edi.x12;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * The delimiters of one interchange, as its ISA header declares them. Immutable and thread-safe.
 *
 * @param element the data element separator (the character after {@code ISA})
 * @param component the component element separator (ISA16)
 * @param repetition the repetition separator (ISA11 from version 00402), or {@link #NONE}
 * @param segment the segment terminator (the character after ISA16)
 * @param suffix line breaks written after every segment terminator ({@code ""}, {@code "\n"} or
 *     {@code "\r\n"}); readers skip them
 * @since 0.1.0
 */
public record Delimiters(
    char element, char component, char repetition, char segment, String suffix) {
  /** The {@code repetition} value of an interchange without a repetition separator. */
  public static final char NONE = '\0';

  /** Creates the delimiters; they must be distinct and must not be letters, digits or blanks. */
  public Delimiters {
    checkNotNull(suffix, "suffix");
    checkArgument(
        suffix.isEmpty() || suffix.equals("\n") || suffix.equals("\r\n") || suffix.equals("\r"),
        "suffix must be empty, CR, LF or CR LF: %s",
        suffix.length());
    checkDelimiter("element", element);
    checkDelimiter("component", component);
    checkDelimiter("segment", segment);
    if (repetition != NONE) {
      checkDelimiter("repetition", repetition);
    }
    checkArgument(
        element != component
            && element != segment
            && component != segment
            && (repetition == NONE
                || (repetition != element && repetition != component && repetition != segment)),
        "delimiters must be distinct: %s %s %s %s",
        element,
        component,
        repetition,
        segment);
  }

  /** Returns {@code * > ^ ~} with a line feed after every segment. */
  public static Delimiters standard() {
    return new Delimiters('*', '>', '^', '~', "\n");
  }

  /** Returns these delimiters without a repetition separator (versions before 00402). */
  public Delimiters withoutRepetition() {
    return new Delimiters(element, component, NONE, segment, suffix);
  }

  /** Returns these delimiters with another line-break suffix. */
  public Delimiters withSuffix(String newSuffix) {
    return new Delimiters(element, component, repetition, segment, newSuffix);
  }

  /** Returns whether {@code c} is one of these delimiters. */
  public boolean isDelimiter(char c) {
    return c == element
        || c == component
        || c == segment
        || (repetition != NONE && c == repetition);
  }

  private static void checkDelimiter(String name, char c) {
    checkArgument(
        !Character.isLetterOrDigit(c) && c != ' ' && c != NONE,
        "%s delimiter must not be a letter, digit, blank or NUL: %s",
        name,
        (int) c);
  }
}
