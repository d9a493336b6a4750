package dev.omnichannel.core.inventory;

import com.google.common.base.Verify;
import dev.omnichannel.core.IdempotencyKey;
import org.jspecify.annotations.Nullable;

/**
 * Remembers every idempotency key's command and first outcome, bounded in time and count by {@link
 * WordTable}. Commands and outcomes are kept as words, compared word for word and read back as
 * equal values; a command in flight is an object that repeats of its key wait on. Thread-safe.
 */
final class IdempotencyStore {
  /** The command words of a key learnt from a journal: its command is unknown, its use is not. */
  static final Words REPLAYED = new Words(1).put(0);

  /** A command in flight under a key: repeats of the key wait for its outcome. */
  static final class Pending {
    // Where the entry went, set under the segment's monitor by the claim that inserted it.
    private @Nullable Object generation;
    private int incarnation;
    private int entry;

    private volatile @Nullable Outcome<?> outcome;
    private volatile boolean abandoned;
    private volatile boolean waiting;

    void complete(Outcome<?> result) {
      outcome = result;
      if (waiting) {
        synchronized (this) {
          notifyAll();
        }
      }
    }

    void abandon() {
      abandoned = true;
      if (waiting) {
        synchronized (this) {
          notifyAll();
        }
      }
    }

    /** Waits for the outcome; returns null if the command that owned the key failed. */
    @Nullable Outcome<?> await() {
      Outcome<?> result = outcome;
      if (result != null) {
        return result;
      }
      synchronized (this) {
        // Set under the monitor, then re-check: the owner notifies under the same monitor after
        // publishing, so either it sees the flag or this thread sees the outcome.
        waiting = true;
        boolean interrupted = false;
        while (outcome == null && !abandoned) {
          try {
            wait(10);
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
        return outcome;
      }
    }
  }

  /** What {@link #claim} found under a key. */
  enum Found {
    /** Nothing: the caller now owns the key and must complete or release it. */
    NOTHING,
    /** The same command, done: {@link Claim#outcome} is its first outcome. */
    DONE,
    /** The same command, still running: wait on {@link Claim#pending}. */
    RUNNING,
    /** A different command. */
    DIFFERENT,
    /** A key learnt from the journal. */
    REPLAYED
  }

  /** The answer of {@link #claim}. */
  record Claim(Found found, @Nullable Outcome<?> outcome, @Nullable Pending pending) {}

  private static final Claim OWNED = new Claim(Found.NOTHING, null, null);
  private static final Claim DIFFERENT = new Claim(Found.DIFFERENT, null, null);
  private static final Claim REPLAYED_KEY = new Claim(Found.REPLAYED, null, null);

  /** Where outcomes are written before they are copied in; used within one call only. */
  private static final ThreadLocal<Words> SCRATCH = ThreadLocal.withInitial(() -> new Words(64));

  private final WordTable table;
  private final RecordCodec codec;

  IdempotencyStore(long retentionMillis, int capacity, long now, RecordCodec codec) {
    this.table = new WordTable(retentionMillis, capacity, now);
    this.codec = codec;
  }

  /**
   * Claims {@code key} for {@code command}, which {@code mine} will run. Returns {@link
   * Found#NOTHING} if the caller now owns the key (it must {@link #complete} or {@link #release}
   * it), or what the key already holds.
   */
  Claim claim(IdempotencyKey key, Words command, Pending mine, long now) {
    String k = key.value();
    int hash = k.hashCode();
    WordTable.Segment segment = table.segment(hash);
    Claim claim;
    synchronized (segment) {
      int at = segment.find(k, hash);
      if (at < 0) {
        int inserted = segment.insert(k, hash, command, mine, now);
        mine.generation = segment.generationOf(inserted);
        mine.incarnation = segment.incarnation(inserted);
        mine.entry = WordTable.Segment.entry(inserted);
        claim = OWNED;
      } else if (!segment.firstEquals(at, command)) {
        claim = segment.firstEquals(at, REPLAYED) ? REPLAYED_KEY : DIFFERENT;
      } else if (segment.hasSecond(at)) {
        claim = new Claim(Found.DONE, codec.readOutcome(segment.second(at)), null);
      } else {
        Object ref = segment.ref(at);
        if (ref instanceof Outcome<?> outcome) {
          claim = new Claim(Found.DONE, outcome, null);
        } else {
          claim = new Claim(Found.RUNNING, null, (Pending) Verify.verifyNotNull(ref));
        }
      }
    }
    table.sweep();
    return claim;
  }

  /** Records the outcome of the command the caller owns under {@code key}, and wakes waiters. */
  void complete(IdempotencyKey key, Pending mine, Outcome<?> outcome) {
    complete(key, mine, outcome, null);
  }

  /**
   * Records the outcome of the command the caller owns under {@code key}, and wakes waiters; {@code
   * encoded}, if not null, holds the outcome already written by {@link RecordCodec}.
   */
  void complete(IdempotencyKey key, Pending mine, Outcome<?> outcome, @Nullable Words encoded) {
    Words words = encoded;
    boolean written = true;
    if (words == null) {
      words = SCRATCH.get().clear();
      written = codec.writeOutcome(outcome, words);
    }
    WordTable.Segment segment = table.segment(key.value().hashCode());
    synchronized (segment) {
      Object generation = Verify.verifyNotNull(mine.generation, "completing an unclaimed key");
      int at = segment.relocate(generation, mine.incarnation, mine.entry);
      // Gone if its generation was dropped while the command ran: forgotten already.
      if (at >= 0 && segment.ref(at) == mine) {
        if (written) {
          segment.writeSecond(at, words);
          segment.ref(at, null);
        } else {
          segment.ref(at, outcome);
        }
      }
    }
    mine.complete(outcome);
  }

  /** Forgets a claim whose command failed with an exception, so that a retry can run it. */
  void release(IdempotencyKey key, Pending mine) {
    String k = key.value();
    int hash = k.hashCode();
    WordTable.Segment segment = table.segment(hash);
    synchronized (segment) {
      int at = segment.find(k, hash);
      if (at >= 0 && segment.ref(at) == mine) {
        segment.remove(at);
      }
    }
    mine.abandon();
  }
}
