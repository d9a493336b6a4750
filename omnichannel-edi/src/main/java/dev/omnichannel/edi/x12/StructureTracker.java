package dev.omnichannel.edi.x12;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Follows a transaction set's definition segment by segment: which loops a segment closes and
 * opens, and which rules of order, usage and requirement it breaks. Not thread-safe.
 */
final class StructureTracker {
  /** What one segment did to the structure. */
  static final class Match {
    /** How many loops the segment closed. */
    int closed;

    /** The loop the segment opened, or null. */
    Schemas.@Nullable Entry opened;

    /** The mandatory entries skipped or left out of closed loops. */
    final List<Schemas.Entry> missing = new ArrayList<>();

    /** The AK304 code of a problem with the segment itself, or empty. */
    String problem = "";

    /** Whether the problem is about a loop rather than a segment. */
    boolean loopProblem;

    /** The maximum exceeded, when the problem is a usage count. */
    int max;

    void reset() {
      closed = 0;
      opened = null;
      missing.clear();
      problem = "";
      loopProblem = false;
      max = 0;
    }
  }

  private static final class Frame {
    final Schemas.Entry loop;
    final int[] counts;
    int index;

    Frame(Schemas.Entry loop) {
      this.loop = loop;
      this.counts = new int[loop.kids().size()];
    }
  }

  private final Schemas.TransactionDef def;
  private final List<Frame> frames = new ArrayList<>();
  private final Match match = new Match();

  /** Starts tracking after the ST segment. */
  StructureTracker(Schemas.TransactionDef def) {
    this.def = def;
    Frame root = new Frame(def.root());
    root.counts[0] = 1;
    frames.add(root);
  }

  /** Returns the ids of the open loops, outermost first. */
  ImmutableList<String> openLoops() {
    ImmutableList.Builder<String> out = ImmutableList.builder();
    for (int i = 1; i < frames.size(); i++) {
      out.add(frames.get(i).loop.tag());
    }
    return out.build();
  }

  /** Returns the depth of open loops. */
  int depth() {
    return frames.size() - 1;
  }

  /** Accepts the next segment; the returned match is reused by the next call. */
  Match accept(String tag) {
    Match m = match;
    m.reset();
    for (int depth = frames.size() - 1; depth >= 0; depth--) {
      Frame f = frames.get(depth);
      ImmutableList<Schemas.Entry> kids = f.loop.kids();
      // In a loop the trigger segment (child 0) starts a new iteration one level up.
      for (int i = Math.max(f.index, depth > 0 ? 1 : 0); i < kids.size(); i++) {
        Schemas.Entry c = kids.get(i);
        boolean loopMatch = c.isLoop() && c.kids().get(0).tag().equals(tag);
        boolean segMatch = !c.isLoop() && c.tag().equals(tag);
        if (!loopMatch && !segMatch) {
          continue;
        }
        m.closed = close(depth + 1, m.missing);
        missingBetween(f, i, m.missing);
        f.index = i;
        f.counts[i]++;
        if (f.counts[i] > c.max()) {
          m.problem = loopMatch ? "4" : "5";
          m.loopProblem = loopMatch;
          m.max = c.max();
        }
        if (loopMatch) {
          Frame child = new Frame(c);
          child.counts[0] = 1;
          frames.add(child);
          m.opened = c;
        }
        return m;
      }
    }
    if (Schemas.segment(tag) == null && !def.tags().contains(tag)) {
      m.problem = "1";
    } else if (!def.tags().contains(tag)) {
      m.problem = "6";
    } else {
      m.problem = "2";
    }
    return m;
  }

  /** Closes every open loop at the end of the transaction set. */
  Match end() {
    Match m = match;
    m.reset();
    m.closed = close(1, m.missing);
    Frame root = frames.get(0);
    missingBetween(root, root.loop.kids().size() - 1, m.missing);
    return m;
  }

  private int close(int fromDepth, List<Schemas.Entry> missing) {
    int closed = 0;
    while (frames.size() > fromDepth) {
      Frame f = frames.remove(frames.size() - 1);
      missingBetween(f, f.loop.kids().size(), missing);
      closed++;
    }
    return closed;
  }

  private static void missingBetween(Frame f, int to, List<Schemas.Entry> missing) {
    ImmutableList<Schemas.Entry> kids = f.loop.kids();
    for (int j = f.index; j < to; j++) {
      if (kids.get(j).requirement() == 'M' && f.counts[j] == 0) {
        missing.add(kids.get(j));
      }
    }
  }
}
