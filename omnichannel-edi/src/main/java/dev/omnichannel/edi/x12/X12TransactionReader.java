package dev.omnichannel.edi.x12;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.omnichannel.edi.EdiException;
import dev.omnichannel.edi.Location;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/**
 * Reads transaction sets one at a time as {@link X12Transaction} trees, on top of an {@link
 * X12Reader} (with loop events). Memory is bounded by one transaction set; limits on segments per
 * transaction set and elements per segment turn hostile input into a positioned {@link
 * EdiException}. Not thread-safe.
 *
 * @since 0.1.0
 */
public final class X12TransactionReader {
  private final X12Reader reader;
  private final int maxSegments;
  private final int maxElements;
  private final String[] gs = new String[9];
  private @Nullable X12Transaction next;

  private X12TransactionReader(X12Reader reader, int maxSegments, int maxElements) {
    this.reader = reader;
    this.maxSegments = maxSegments;
    this.maxElements = maxElements;
    java.util.Arrays.fill(gs, "");
  }

  /**
   * Returns a tree reader over {@code reader}, which must report loop events; at most 1,000,000
   * segments per transaction set and 10,000 elements per segment.
   */
  public static X12TransactionReader of(X12Reader reader) {
    checkNotNull(reader, "reader");
    return new X12TransactionReader(reader, 1_000_000, 10_000);
  }

  /** Returns the underlying event reader (for its findings and delimiters). */
  public X12Reader reader() {
    return reader;
  }

  /** Returns whether another transaction set follows. */
  public boolean hasNext() {
    if (next == null) {
      next = readNext();
    }
    return next != null;
  }

  /** Returns the next transaction set. */
  public X12Transaction next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more transaction sets");
    }
    X12Transaction t = java.util.Objects.requireNonNull(next);
    next = null;
    return t;
  }

  /** Reads every remaining transaction set. */
  public ImmutableList<X12Transaction> readAll() {
    ImmutableList.Builder<X12Transaction> out = ImmutableList.builder();
    while (hasNext()) {
      out.add(next());
    }
    return out.build();
  }

  private @Nullable X12Transaction readNext() {
    Deque<List<X12Node>> stack = new ArrayDeque<>();
    Deque<String> loopIds = new ArrayDeque<>();
    boolean inTransaction = false;
    String tag = "";
    Location segLoc = new Location(0, 1, 0, "", 0, 0, 0);
    List<X12Element> elements = new ArrayList<>();
    List<ImmutableList<String>> reps = new ArrayList<>();
    List<String> comps = new ArrayList<>();
    boolean inComposite = false;
    int currentElement = 0;
    int segments = 0;
    while (reader.hasNext()) {
      X12Event e = reader.next();
      switch (e) {
        case START_TRANSACTION -> {
          inTransaction = true;
          stack.clear();
          stack.push(new ArrayList<>());
          segments = 0;
        }
        case START_LOOP -> {
          if (inTransaction) {
            stack.push(new ArrayList<>());
            loopIds.push(reader.text());
          }
        }
        case END_LOOP -> {
          if (inTransaction && stack.size() > 1) {
            List<X12Node> kids = stack.pop();
            String id = loopIds.isEmpty() ? "" : loopIds.pop();
            if (!kids.isEmpty()) {
              stack.peek().add(new X12Loop(id, ImmutableList.copyOf(kids)));
            }
          }
        }
        case START_SEGMENT -> {
          tag = reader.text();
          segLoc = reader.location();
          elements = new ArrayList<>();
          currentElement = 0;
          if (inTransaction && ++segments > maxSegments) {
            throw new EdiException(
                "transaction set has more than " + maxSegments + " segments", segLoc);
          }
        }
        case START_COMPOSITE -> {
          inComposite = true;
          comps = new ArrayList<>();
          addElementSlot(elements, reader.elementPosition(), reader.repetitionIndex());
          reps = lastReps;
          currentElement = reader.elementPosition();
        }
        case END_COMPOSITE -> {
          inComposite = false;
          reps.add(ImmutableList.copyOf(comps));
          elements.set(currentElement - 1, new X12Element(ImmutableList.copyOf(reps)));
        }
        case ELEMENT -> {
          if (reader.elementPosition() > maxElements) {
            throw new EdiException(
                "segment has more than " + maxElements + " elements", reader.location());
          }
          if (inComposite) {
            comps.add(reader.text());
          } else {
            addElementSlot(elements, reader.elementPosition(), reader.repetitionIndex());
            reps = lastReps;
            currentElement = reader.elementPosition();
            reps.add(ImmutableList.of(reader.text()));
            elements.set(currentElement - 1, new X12Element(ImmutableList.copyOf(reps)));
          }
        }
        case END_SEGMENT -> {
          if (tag.equals("GS")) {
            for (int i = 1; i < 9; i++) {
              gs[i] = i <= elements.size() ? elements.get(i - 1).value() : "";
            }
          }
          if (inTransaction) {
            int n = elements.size();
            while (n > 0 && elements.get(n - 1).isEmpty()) {
              n--;
            }
            X12Segment seg =
                new X12Segment(tag, ImmutableList.copyOf(elements.subList(0, n)), segLoc);
            java.util.Objects.requireNonNull(stack.peek()).add(seg);
          }
        }
        case END_TRANSACTION -> {
          while (stack.size() > 1) {
            List<X12Node> kids = stack.pop();
            String id = loopIds.isEmpty() ? "" : loopIds.pop();
            if (!kids.isEmpty()) {
              stack.peek().add(new X12Loop(id, ImmutableList.copyOf(kids)));
            }
          }
          List<X12Node> top = stack.isEmpty() ? List.of() : stack.pop();
          ImmutableList<X12Node> children = ImmutableList.copyOf(top);
          String setId = "";
          String control = "";
          if (!children.isEmpty() && children.get(0) instanceof X12Segment st) {
            setId = st.get(1);
            control = st.get(2);
          }
          return new X12Transaction(setId, control, gs[1], gs[8], gs[2], gs[3], children);
        }
        default -> {}
      }
    }
    return null;
  }

  private List<ImmutableList<String>> lastReps = new ArrayList<>();

  /** Makes room for element {@code position} and returns its repetition list in lastReps. */
  private void addElementSlot(List<X12Element> elements, int position, int repetition) {
    while (elements.size() < position) {
      elements.add(X12Element.empty());
    }
    if (repetition <= 1) {
      lastReps = new ArrayList<>();
    } else {
      lastReps = new ArrayList<>(elements.get(position - 1).repetitions());
    }
  }
}
