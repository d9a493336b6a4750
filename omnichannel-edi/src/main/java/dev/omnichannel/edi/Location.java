package dev.omnichannel.edi;

/**
 * Where something sits in an EDI stream. Immutable and thread-safe.
 *
 * @param offset the byte offset from the start of the stream (the character offset when read from
 *     characters)
 * @param line the 1-based line number (lines counted by line feeds)
 * @param segmentPosition the segment's 1-based position in its transaction set counted from ST = 1,
 *     or 0 outside a transaction set
 * @param segmentTag the segment's tag, or empty before the first segment
 * @param element the 1-based element position in the segment, or 0 for the segment itself
 * @param component the 1-based component position in a composite, or 0
 * @param repetition the 1-based repetition of a repeating element, or 0
 * @since 0.1.0
 */
public record Location(
    long offset,
    long line,
    int segmentPosition,
    String segmentTag,
    int element,
    int component,
    int repetition) {

  /** Creates the location. */
  public Location {
    com.google.common.base.Preconditions.checkNotNull(segmentTag, "segmentTag");
  }

  /** Returns the location of the segment this location is in, without element detail. */
  public Location segment() {
    return new Location(offset, line, segmentPosition, segmentTag, 0, 0, 0);
  }

  /** Returns this location pointing at element {@code position} of the same segment. */
  public Location atElement(int position) {
    return new Location(offset, line, segmentPosition, segmentTag, position, 0, 0);
  }

  /** Returns this location pointing at a component of an element of the same segment. */
  public Location atComponent(int elementPosition, int componentPosition) {
    return new Location(
        offset, line, segmentPosition, segmentTag, elementPosition, componentPosition, 0);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append("offset ").append(offset).append(", line ").append(line);
    if (!segmentTag.isEmpty()) {
      sb.append(", segment ").append(segmentTag);
      if (segmentPosition > 0) {
        sb.append(" #").append(segmentPosition);
      }
    }
    if (element > 0) {
      sb.append(", element ").append(element);
    }
    if (component > 0) {
      sb.append(", component ").append(component);
    }
    if (repetition > 0) {
      sb.append(", repetition ").append(repetition);
    }
    return sb.toString();
  }
}
