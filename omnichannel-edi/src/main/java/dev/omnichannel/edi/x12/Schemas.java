package dev.omnichannel.edi.x12;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Parsed built-in definitions: segments, transaction sets and key code lists. */
final class Schemas {
  private Schemas() {}

  /** One element of a segment definition. */
  record ElementDef(
      String id, char requirement, String type, int min, int max, int repeat, boolean since5010) {
    boolean composite() {
      return "C".equals(type);
    }
  }

  /** A syntax note: a relation between element positions. */
  @SuppressWarnings("ArrayRecordComponent") // read by its accessors only, never compared or hashed
  record Note(char kind, int[] positions) {
    String text() {
      StringBuilder sb = new StringBuilder().append(kind);
      for (int p : positions) {
        sb.append(p < 10 ? "0" : "").append(p);
      }
      return sb.toString();
    }
  }

  /** A segment definition. */
  record SegmentDef(String tag, ImmutableList<ElementDef> elements, ImmutableList<Note> notes) {
    int elementCount(boolean v5010) {
      int n = elements.size();
      while (!v5010 && n > 0 && elements.get(n - 1).since5010()) {
        n--;
      }
      return n;
    }
  }

  /** An entry of a transaction set or loop: a segment or a loop. */
  record Entry(String tag, char requirement, int max, @Nullable ImmutableList<Entry> children) {
    boolean isLoop() {
      return children != null;
    }

    ImmutableList<Entry> kids() {
      return children == null ? ImmutableList.of() : children;
    }
  }

  /** A transaction set definition. */
  record TransactionDef(String id, String functionalGroup, Entry root, ImmutableSet<String> tags) {}

  // Before the tables below, which are parsed with them. Splitters keep every piece, empty ones
  // too; the parsers skip empty lines, and the text split on whitespace is trimmed first.
  private static final Splitter LINES = Splitter.on('\n');
  private static final Splitter BAR = Splitter.on('|');
  private static final Splitter SLASH = Splitter.on('/');
  private static final Splitter WHITESPACE = Splitter.onPattern("\\s+");

  static final ImmutableMap<String, SegmentDef> SEGMENTS = parseSegments(Dictionary.SEGMENTS);
  static final ImmutableMap<String, TransactionDef> SETS = parseSets(Dictionary.SETS);
  static final ImmutableMap<String, ImmutableSet<String>> CODES = codeLists();

  static @Nullable SegmentDef segment(String tag) {
    return SEGMENTS.get(tag);
  }

  static @Nullable TransactionDef transaction(String id) {
    return SETS.get(id);
  }

  private static ImmutableMap<String, ImmutableSet<String>> codeLists() {
    ImmutableSet<String> ack5 =
        ImmutableSet.copyOf(
            "1 2 3 4 5 6 7 8 9 10 11 12 13 15 16 17 18 19 23 24 25 26 27 I5 I6".split(" "));
    ImmutableSet<String> ak3 = ImmutableSet.copyOf("1 2 3 4 5 6 7 8 I4 I6 I7 I8 I9".split(" "));
    ImmutableSet<String> ak4 =
        ImmutableSet.copyOf("1 2 3 4 5 6 7 8 9 10 12 13 I10 I11 I12 I13 I6 I9".split(" "));
    return ImmutableMap.<String, ImmutableSet<String>>builder()
        .put("479", ImmutableSet.copyOf(Dictionary.CODES_479.split(" ")))
        .put("715", ImmutableSet.of("A", "E", "M", "P", "R", "W", "X"))
        .put("717", ImmutableSet.of("A", "E", "M", "R", "W", "X"))
        .put(
            "716",
            ImmutableSet.copyOf(
                "1 2 3 4 5 6 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26".split(" ")))
        .put("718", ack5)
        .put("618", ack5)
        .put("720", ak3)
        .put("620", ak3)
        .put("723", ak4)
        .put("621", ak4)
        .buildOrThrow();
  }

  private static ImmutableMap<String, SegmentDef> parseSegments(String text) {
    ImmutableMap.Builder<String, SegmentDef> out = ImmutableMap.builder();
    for (String raw : LINES.split(text)) {
      String line = raw.strip();
      if (line.isEmpty()) {
        continue;
      }
      List<String> halves = BAR.splitToList(line);
      List<String> parts = WHITESPACE.splitToList(halves.get(0).trim());
      ImmutableList.Builder<ElementDef> elements = ImmutableList.builder();
      for (int i = 1; i < parts.size(); i++) {
        String[] f = parts.get(i).split("/", -1);
        if (f.length == 3) {
          elements.add(new ElementDef(f[0], f[1].charAt(0), "C", 0, 0, 1, false));
        } else {
          int repeat = f.length > 5 && !f[5].isEmpty() ? Integer.parseInt(f[5]) : 1;
          boolean since5 = f.length > 6 && "5".equals(f[6]);
          elements.add(
              new ElementDef(
                  f[0],
                  f[1].charAt(0),
                  f[2],
                  Integer.parseInt(f[3]),
                  Integer.parseInt(f[4]),
                  repeat,
                  since5));
        }
      }
      ImmutableList.Builder<Note> notes = ImmutableList.builder();
      if (halves.size() > 1) {
        for (String n : WHITESPACE.split(halves.get(1).trim())) {
          if (n.isEmpty()) {
            continue;
          }
          int count = (n.length() - 1) / 2;
          int[] positions = new int[count];
          for (int i = 0; i < count; i++) {
            positions[i] = Integer.parseInt(n.substring(1 + 2 * i, 3 + 2 * i));
          }
          notes.add(new Note(n.charAt(0), positions));
        }
      }
      out.put(parts.get(0), new SegmentDef(parts.get(0), elements.build(), notes.build()));
    }
    return out.buildOrThrow();
  }

  private static ImmutableMap<String, TransactionDef> parseSets(String text) {
    ImmutableMap.Builder<String, TransactionDef> out = ImmutableMap.builder();
    for (String raw : LINES.split(text)) {
      String line = raw.strip();
      if (line.isEmpty()) {
        continue;
      }
      int colon = line.indexOf(':');
      List<String> head = WHITESPACE.splitToList(line.substring(0, colon).trim());
      Iterable<String> tokens = WHITESPACE.split(line.substring(colon + 1).trim());
      Deque<List<Entry>> stack = new ArrayDeque<>();
      Deque<String[]> heads = new ArrayDeque<>();
      stack.push(new ArrayList<>());
      java.util.Set<String> tags = new java.util.HashSet<>();
      for (String t : tokens) {
        if (t.equals("}")) {
          List<Entry> kids = stack.pop();
          String[] h = heads.pop();
          stack.peek().add(new Entry(h[0], h[1].charAt(0), max(h[2]), ImmutableList.copyOf(kids)));
        } else if (t.startsWith("{")) {
          heads.push(t.substring(1).split("/"));
          stack.push(new ArrayList<>());
        } else {
          List<String> f = SLASH.splitToList(t);
          tags.add(f.get(0));
          stack.peek().add(new Entry(f.get(0), f.get(1).charAt(0), max(f.get(2)), null));
        }
      }
      Entry root = new Entry(head.get(1), 'M', 1, ImmutableList.copyOf(stack.pop()));
      out.put(
          head.get(1),
          new TransactionDef(head.get(1), head.get(2), root, ImmutableSet.copyOf(tags)));
    }
    return out.buildOrThrow();
  }

  private static int max(String s) {
    return s.equals(">1") ? Integer.MAX_VALUE : Integer.parseInt(s);
  }

  /** Returns segment definitions keyed by tag, for tests. */
  static Map<String, SegmentDef> segmentsForTest() {
    return new HashMap<>(SEGMENTS);
  }
}
