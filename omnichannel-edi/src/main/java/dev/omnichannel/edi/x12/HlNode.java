package dev.omnichannel.edi.x12;

import com.google.common.collect.ImmutableList;

/**
 * One level of an HL hierarchy (856, 945 …) built from HL01 and HL02, whatever its shape: S-O-I,
 * S-O-P-I, S-O-T-P-I and so on. Immutable and thread-safe.
 *
 * @param id HL01
 * @param parentId HL02, or empty for a root
 * @param levelCode HL03, for example {@code S} shipment, {@code O} order, {@code T} tare (pallet),
 *     {@code P} pack (carton), {@code I} item
 * @param segments the segments from this HL up to the next HL, the HL itself first
 * @param children the levels whose HL02 names this one, in order
 * @since 0.1.0
 */
public record HlNode(
    String id,
    String parentId,
    String levelCode,
    ImmutableList<X12Segment> segments,
    ImmutableList<HlNode> children) {

  /** Returns the first segment with {@code tag} in this level, if any. */
  public java.util.Optional<X12Segment> segment(String tag) {
    return segments.stream().filter(s -> s.tag().equals(tag)).findFirst();
  }

  /** Returns the segments with {@code tag} in this level. */
  public ImmutableList<X12Segment> segmentsWithTag(String tag) {
    return X12Transaction.segmentsOf(ImmutableList.copyOf(segments), tag);
  }

  /** Returns every level below this one with {@code code}, depth first. */
  public ImmutableList<HlNode> descendants(String code) {
    ImmutableList.Builder<HlNode> out = ImmutableList.builder();
    collect(this, code, out);
    return out.build();
  }

  private static void collect(HlNode node, String code, ImmutableList.Builder<HlNode> out) {
    for (HlNode c : node.children) {
      if (c.levelCode.equals(code)) {
        out.add(c);
      }
      collect(c, code, out);
    }
  }
}
