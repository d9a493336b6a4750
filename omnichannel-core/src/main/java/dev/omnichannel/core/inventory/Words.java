package dev.omnichannel.core.inventory;

import java.util.Arrays;

/**
 * A growable run of 64-bit words that a command or an outcome is written into, so that {@link
 * WordTable} can remember it in flat arrays instead of objects. Strings are written as their length
 * and their characters packed eight per word when they are all ASCII, four otherwise. Not
 * thread-safe: one writer at a time.
 */
final class Words {
  private long[] words;
  private int size;

  Words() {
    this(16);
  }

  Words(int capacity) {
    this.words = new long[Math.max(1, capacity)];
  }

  int size() {
    return size;
  }

  long get(int i) {
    return words[i];
  }

  /** Copies the words into {@code target} from {@code at}. */
  void copyTo(long[] target, int at) {
    System.arraycopy(words, 0, target, at, size);
  }

  Words put(long word) {
    if (size == words.length) {
      words = Arrays.copyOf(words, size * 2);
    }
    words[size++] = word;
    return this;
  }

  /** Writes two small non-negative numbers into one word. */
  Words putInts(int high, int low) {
    return put(((long) high << 32) | (low & 0xFFFF_FFFFL));
  }

  Words putString(String s) {
    boolean ascii = isAscii(s);
    int need = stringSize(s, ascii);
    if (size + need > words.length) {
      words = Arrays.copyOf(words, Math.max(size + need, size * 2));
    }
    size = writeString(words, size, s, ascii);
    return this;
  }

  /** Empties the run for reuse. */
  Words clear() {
    size = 0;
    return this;
  }

  /** Returns whether every character of {@code s} is ASCII. */
  static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 128) {
        return false;
      }
    }
    return true;
  }

  /** Returns how many words {@code s} takes; {@code ascii} is what {@link #isAscii} returned. */
  static int stringSize(String s, boolean ascii) {
    int perWord = ascii ? 8 : 4;
    return 1 + (s.length() + perWord - 1) / perWord;
  }

  /**
   * Writes {@code s} into {@code target} from {@code at}, which must have {@link #stringSize} words
   * free; returns the index after it. {@code ascii} is what {@link #isAscii} returned.
   */
  static int writeString(long[] target, int at, String s, boolean ascii) {
    int length = s.length();
    target[at++] = ((long) length << 1) | (ascii ? 0 : 1);
    if (ascii) {
      for (int i = 0; i < length; i += 8) {
        long word = 0;
        int n = Math.min(8, length - i);
        for (int j = 0; j < n; j++) {
          word |= (long) s.charAt(i + j) << (j << 3);
        }
        target[at++] = word;
      }
    } else {
      for (int i = 0; i < length; i += 4) {
        long word = 0;
        int n = Math.min(4, length - i);
        for (int j = 0; j < n; j++) {
          word |= (long) s.charAt(i + j) << (j << 4);
        }
        target[at++] = word;
      }
    }
    return at;
  }

  /** Returns whether the string written at {@code at} of {@code words} equals {@code s}. */
  static boolean stringEquals(long[] words, int at, String s) {
    long header = words[at];
    int length = (int) (header >>> 1);
    if (length != s.length()) {
      return false;
    }
    boolean narrow = (header & 1) == 0;
    int perWord = narrow ? 8 : 4;
    int bits = narrow ? 8 : 16;
    long mask = narrow ? 0xFF : 0xFFFF;
    for (int i = 0; i < length; i++) {
      long word = words[at + 1 + i / perWord];
      if (((word >>> ((i % perWord) * bits)) & mask) != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** A cursor over words written by {@link Words}: reads them back in the order written. */
  static final class Reader {
    private final long[] words;
    private int at;
    private final int end;

    Reader(long[] words, int from, int to) {
      this.words = words;
      this.at = from;
      this.end = to;
    }

    long next() {
      if (at >= end) {
        throw new IllegalStateException("read past the end of a remembered record");
      }
      return words[at++];
    }

    int nextInt() {
      return Math.toIntExact(next());
    }

    String nextString() {
      long header = next();
      int length = (int) (header >>> 1);
      boolean narrow = (header & 1) == 0;
      int perWord = narrow ? 8 : 4;
      int bits = narrow ? 8 : 16;
      long mask = narrow ? 0xFF : 0xFFFF;
      char[] chars = new char[length];
      long word = 0;
      for (int i = 0; i < length; i++) {
        if (i % perWord == 0) {
          word = next();
        }
        chars[i] = (char) ((word >>> ((i % perWord) * bits)) & mask);
      }
      return new String(chars);
    }

    boolean atEnd() {
      return at == end;
    }
  }
}
