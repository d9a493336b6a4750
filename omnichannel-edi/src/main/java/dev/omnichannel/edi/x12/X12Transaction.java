package dev.omnichannel.edi.x12;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One transaction set (ST to SE) as a tree of segments and loops, for callers who want it in
 * memory; read them one at a time with {@link X12TransactionReader}. Immutable and thread-safe.
 *
 * @param setId ST01
 * @param controlNumber ST02
 * @param functionalId GS01 of the enclosing group
 * @param version GS08 of the enclosing group
 * @param applicationSender GS02
 * @param applicationReceiver GS03
 * @param children the segments (ST and SE included) and loops, in order
 * @since 0.1.0
 */
public record X12Transaction(
    String setId,
    String controlNumber,
    String functionalId,
    String version,
    String applicationSender,
    String applicationReceiver,
    ImmutableList<X12Node> children) {

  /** Returns every segment in document order, loops flattened. */
  public ImmutableList<X12Segment> segments() {
    ImmutableList.Builder<X12Segment> out = ImmutableList.builder();
    flatten(children, out);
    return out.build();
  }

  /** Returns the top-level segments with {@code tag} (outside loops). */
  public ImmutableList<X12Segment> segments(String tag) {
    return segmentsOf(children, tag);
  }

  /** Returns the first segment with {@code tag} anywhere, if any. */
  public java.util.Optional<X12Segment> first(String tag) {
    return segments().stream().filter(s -> s.tag().equals(tag)).findFirst();
  }

  /** Returns the top-level loops with {@code id}. */
  public ImmutableList<X12Loop> loops(String id) {
    return loopsOf(children, id);
  }

  /**
   * Returns the HL hierarchy: every HL level with the segments up to the next HL, nested by HL02.
   * Levels whose HL02 names no earlier HL01 become roots.
   */
  public ImmutableList<HlNode> hlTree() {
    List<X12Segment> all = segments();
    List<String> ids = new ArrayList<>();
    List<String> parents = new ArrayList<>();
    List<String> codes = new ArrayList<>();
    List<List<X12Segment>> bodies = new ArrayList<>();
    for (X12Segment s : all) {
      if (s.tag().equals("HL")) {
        ids.add(s.get(1));
        parents.add(s.get(2));
        codes.add(s.get(3));
        bodies.add(new ArrayList<>(List.of(s)));
      } else if (!bodies.isEmpty() && !s.tag().equals("SE") && !s.tag().equals("CTT")) {
        bodies.get(bodies.size() - 1).add(s);
      }
    }
    Map<String, List<Integer>> childrenOf = new HashMap<>();
    List<Integer> roots = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      String parent = parents.get(i);
      if (!parent.isEmpty() && seen.containsKey(parent)) {
        childrenOf.computeIfAbsent(parent, k -> new ArrayList<>()).add(i);
      } else {
        roots.add(i);
      }
      seen.putIfAbsent(ids.get(i), i);
    }
    ImmutableList.Builder<HlNode> out = ImmutableList.builder();
    for (int r : roots) {
      out.add(build(r, ids, parents, codes, bodies, childrenOf, 0));
    }
    return out.build();
  }

  private static HlNode build(
      int i,
      List<String> ids,
      List<String> parents,
      List<String> codes,
      List<List<X12Segment>> bodies,
      Map<String, List<Integer>> childrenOf,
      int depth) {
    ImmutableList.Builder<HlNode> kids = ImmutableList.builder();
    if (depth < 64) {
      for (int c : childrenOf.getOrDefault(ids.get(i), List.of())) {
        if (c > i) {
          kids.add(build(c, ids, parents, codes, bodies, childrenOf, depth + 1));
        }
      }
    }
    return new HlNode(
        ids.get(i),
        parents.get(i),
        codes.get(i),
        ImmutableList.copyOf(bodies.get(i)),
        kids.build());
  }

  static ImmutableList<X12Segment> segmentsOf(List<? extends X12Node> nodes, String tag) {
    ImmutableList.Builder<X12Segment> out = ImmutableList.builder();
    for (X12Node n : nodes) {
      if (n instanceof X12Segment s && s.tag().equals(tag)) {
        out.add(s);
      }
    }
    return out.build();
  }

  static ImmutableList<X12Loop> loopsOf(List<? extends X12Node> nodes, String id) {
    ImmutableList.Builder<X12Loop> out = ImmutableList.builder();
    for (X12Node n : nodes) {
      if (n instanceof X12Loop l && l.id().equals(id)) {
        out.add(l);
      }
    }
    return out.build();
  }

  private static void flatten(List<X12Node> nodes, ImmutableList.Builder<X12Segment> out) {
    for (X12Node n : nodes) {
      if (n instanceof X12Segment s) {
        out.add(s);
      } else if (n instanceof X12Loop l) {
        flatten(l.children(), out);
      }
    }
  }
}
