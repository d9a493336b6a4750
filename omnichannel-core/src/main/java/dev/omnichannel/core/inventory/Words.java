package dev.omnichannel.core.inventory;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A growable record that a command or an outcome is written into, so that {@link WordTable} can
 * remember it in flat arrays of 64-bit words instead of objects. Numbers are written as
 * variable-length zigzag integers (one byte for most), strings as their length and their characters
 * (one byte each when all are ASCII, two otherwise); the bytes are packed eight to a word,
 * little-endian, the last word padded with zeros. Each kind of record has a fixed order of fields,
 * so no record is another one with bytes added: equal words mean equal records. Not thread-safe:
 * one writer at a time.
 */
final class Words {
  /** Reads eight bytes as one little-endian word. */
  private static final VarHandle WORD =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** Always a whole number of words long, so that a word read from a written byte stays inside. */
  private byte[] bytes;

  private int size;

  Words(int capacity) {
    this.bytes = new byte[wholeWords(Math.max(8, capacity * 2))];
  }

  private static int wholeWords(int bytes) {
    return (bytes + 7) & ~7;
  }

  /** Returns how many bytes were written. */
  int bytes() {
    return size;
  }

  /** Returns how many words the bytes take. */
  int size() {
    return (size + 7) >>> 3;
  }

  /** Returns word {@code i}, zero-padded past the last byte. */
  long get(int i) {
    int from = i << 3;
    long word = (long) WORD.get(bytes, from);
    int left = size - from;
    // Bytes past the last one may hold an earlier record's: masked off.
    return left >= 8 ? word : word & ((1L << (left << 3)) - 1);
  }

  /** Copies the words into {@code target} from {@code at}. */
  void copyTo(long[] target, int at) {
    int words = size();
    for (int i = 0; i < words; i++) {
      target[at + i] = get(i);
    }
  }

  /** Writes {@code value}: one byte from -64 to 63, up to ten for the extremes. */
  Words put(long value) {
    ensure(10);
    long v = (value << 1) ^ (value >> 63);
    while ((v & ~0x7FL) != 0) {
      bytes[size++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    bytes[size++] = (byte) v;
    return this;
  }

  /** Writes two numbers. */
  Words putInts(int first, int second) {
    return put(first).put(second);
  }

  Words putString(String s) {
    int length = s.length();
    int start = size;
    // Written as ASCII in one pass; rewritten wide in the rare case a character is not.
    put((long) length << 1);
    ensure(length);
    byte[] b = bytes;
    int at = size;
    int seen = 0;
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      seen |= c;
      b[at + i] = (byte) c;
    }
    if (seen < 128) {
      size = at + length;
    } else {
      size = start;
      put(((long) length << 1) | 1);
      ensure(2 * length);
      for (int i = 0; i < length; i++) {
        char c = s.charAt(i);
        bytes[size++] = (byte) c;
        bytes[size++] = (byte) (c >>> 8);
      }
    }
    return this;
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, wholeWords(Math.max(size + more, bytes.length * 2)));
    }
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
    int perWord = ascii ? 8 : 4;
    int shift = ascii ? 3 : 4; // bits per character: 8 or 16
    for (int i = 0; i < length; i += perWord) {
      long word = 0;
      int n = Math.min(perWord, length - i);
      for (int j = 0; j < n; j++) {
        word |= (long) s.charAt(i + j) << (j << shift);
      }
      target[at++] = word;
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

  /** A cursor over a record written by {@link Words}: reads it back in the order written. */
  static final class Reader {
    private final long[] words;
    private int at;
    private final int end;

    /** Reads the {@code length} bytes that start at word {@code from} of {@code words}. */
    Reader(long[] words, int from, int length) {
      this.words = words;
      this.at = from << 3;
      this.end = (from << 3) + length;
    }

    private int nextByte() {
      if (at >= end) {
        throw new IllegalStateException("read past the end of a remembered record");
      }
      int b = (int) (words[at >>> 3] >>> ((at & 7) << 3)) & 0xFF;
      at++;
      return b;
    }

    long next() {
      long v = 0;
      for (int shift = 0; ; shift += 7) {
        int b = nextByte();
        v |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          return (v >>> 1) ^ -(v & 1);
        }
        if (shift > 56) {
          throw new IllegalStateException("malformed number in a remembered record");
        }
      }
    }

    int nextInt() {
      return Math.toIntExact(next());
    }

    String nextString() {
      long header = next();
      int length = Math.toIntExact(header >>> 1);
      char[] chars = new char[length];
      if ((header & 1) == 0) {
        for (int i = 0; i < length; i++) {
          chars[i] = (char) nextByte();
        }
      } else {
        for (int i = 0; i < length; i++) {
          chars[i] = (char) (nextByte() | (nextByte() << 8));
        }
      }
      return new String(chars);
    }

    boolean atEnd() {
      return at == end;
    }
  }
}
