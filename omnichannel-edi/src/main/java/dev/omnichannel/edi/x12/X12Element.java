package dev.omnichannel.edi.x12;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;

/**
 * One element of a segment in the tree model: its repetitions, each a list of components (a simple
 * element has one repetition of one component). Immutable and thread-safe.
 *
 * @param repetitions at least one repetition, each with at least one component
 * @since 0.1.0
 */
public record X12Element(ImmutableList<ImmutableList<String>> repetitions) {
  private static final X12Element EMPTY = new X12Element(ImmutableList.of(ImmutableList.of("")));

  /** Creates the element. */
  public X12Element {
    checkArgument(!repetitions.isEmpty(), "an element has at least one repetition");
    for (ImmutableList<String> r : repetitions) {
      checkArgument(!r.isEmpty(), "a repetition has at least one component");
    }
  }

  /** Returns a simple element. */
  public static X12Element of(String value) {
    return value.isEmpty() ? EMPTY : new X12Element(ImmutableList.of(ImmutableList.of(value)));
  }

  /** Returns the empty element. */
  public static X12Element empty() {
    return EMPTY;
  }

  /** Returns the first component of the first repetition. */
  public String value() {
    return repetitions.get(0).get(0);
  }

  /** Returns the 1-based component of the first repetition, or empty. */
  public String component(int position) {
    ImmutableList<String> c = repetitions.get(0);
    return position >= 1 && position <= c.size() ? c.get(position - 1) : "";
  }

  /** Returns whether the element has no data. */
  public boolean isEmpty() {
    for (ImmutableList<String> r : repetitions) {
      for (String c : r) {
        if (!c.isEmpty()) {
          return false;
        }
      }
    }
    return true;
  }
}
