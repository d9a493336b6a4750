package dev.omnichannel.edi.x12;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.omnichannel.edi.Location;

/**
 * One segment in the tree model. Immutable and thread-safe.
 *
 * @param tag the segment tag
 * @param elements the elements, first to last (trailing empty elements are not kept)
 * @param location where the segment starts
 * @since 0.1.0
 */
public record X12Segment(String tag, ImmutableList<X12Element> elements, Location location)
    implements X12Node {

  /** Creates the segment. */
  public X12Segment {
    checkNotNull(tag, "tag");
    checkNotNull(elements, "elements");
    checkNotNull(location, "location");
  }

  /** Returns the value of the 1-based element (first repetition, first component), or empty. */
  public String get(int position) {
    return position >= 1 && position <= elements.size() ? elements.get(position - 1).value() : "";
  }

  /** Returns the 1-based element, or the empty element if the segment is shorter. */
  public X12Element element(int position) {
    return position >= 1 && position <= elements.size()
        ? elements.get(position - 1)
        : X12Element.empty();
  }

  /** Returns whether the 1-based element has data. */
  public boolean has(int position) {
    return !element(position).isEmpty();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(tag);
    for (X12Element e : elements) {
      sb.append('*').append(e.value());
    }
    return sb.toString();
  }
}
