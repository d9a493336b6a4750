package dev.omnichannel.edi.x12;

import com.google.common.collect.ImmutableList;

/**
 * One iteration of a loop in the tree model, named by its trigger segment. Immutable and
 * thread-safe.
 *
 * @param id the loop id (the tag of its first segment, for example {@code N1} or {@code PO1})
 * @param children segments and nested loops, in order
 * @since 0.1.0
 */
public record X12Loop(String id, ImmutableList<X12Node> children) implements X12Node {
  /** Returns the first segment (the trigger). */
  public X12Segment first() {
    return (X12Segment) children.get(0);
  }

  /** Returns the direct child segments with {@code tag}. */
  public ImmutableList<X12Segment> segments(String tag) {
    return X12Transaction.segmentsOf(children, tag);
  }

  /** Returns the direct child loops with {@code id}. */
  public ImmutableList<X12Loop> loops(String loopId) {
    return X12Transaction.loopsOf(children, loopId);
  }
}
