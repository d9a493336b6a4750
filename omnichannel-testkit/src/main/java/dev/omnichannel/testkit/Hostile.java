package dev.omnichannel.testkit;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Generators of hostile inputs for parser tests: random bytes, truncated and mutated copies of a
 * valid input, oversized inputs and text in the wrong encoding.
 *
 * <pre>{@code
 * byte[] valid = Files.readAllBytes(sample);
 * Property.forAll(Gen.oneOf(Hostile.truncations(valid), Hostile.mutations(valid)))
 *     .check(input -> reader.read(input)); // must report problems as results, never throw
 * }</pre>
 *
 * <p>Every generator copies its input and returns fresh arrays, so callers may modify them.
 *
 * @since 0.1.0
 */
public final class Hostile {
  private static final int MAX_MUTATIONS = 8;
  private static final int MAX_DUPLICATION = 16;

  /** Byte sequences that are not valid UTF-8, each for a different reason. */
  private static final List<byte[]> BROKEN_UTF8 =
      List.of(
          new byte[] {(byte) 0x80}, // continuation byte without a lead byte
          new byte[] {(byte) 0xC3}, // lead byte of a two-byte sequence, cut short
          new byte[] {(byte) 0xC0, (byte) 0xAF}, // overlong encoding of '/'
          new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // encoded UTF-16 surrogate
          new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}, // four-byte sequence, cut short
          new byte[] {(byte) 0xFF}, // never valid in UTF-8
          new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}); // beyond U+10FFFF

  private Hostile() {}

  /**
   * Returns a generator of random byte arrays of up to {@code maxLength} bytes; shrinks by
   * truncation and zeroing.
   *
   * @throws IllegalArgumentException if {@code maxLength} is negative
   */
  public static Gen<byte[]> randomBytes(int maxLength) {
    checkArgument(maxLength >= 0, "maxLength must not be negative: %s", maxLength);
    return Gen.bytes(0, maxLength);
  }

  /**
   * Returns a generator of the strict prefixes of {@code valid}, from empty to all but the last
   * byte, each cut equally likely; shrinks towards shorter prefixes.
   *
   * @throws IllegalArgumentException if {@code valid} is empty
   */
  public static Gen<byte[]> truncations(byte[] valid) {
    checkNotNull(valid, "valid");
    checkArgument(valid.length > 0, "valid must not be empty");
    byte[] copy = valid.clone();
    return Gens.Integral.uniformInts(0, copy.length - 1).map(n -> Arrays.copyOf(copy, n));
  }

  /**
   * Returns a generator of copies of {@code valid} with one to eight mutations: a flipped bit, a
   * replaced byte, an inserted byte, a deleted byte or a duplicated run of bytes, at uniformly
   * chosen positions. Shrinks by dropping mutations, then by moving them towards the start.
   */
  public static Gen<byte[]> mutations(byte[] valid) {
    checkNotNull(valid, "valid");
    byte[] copy = valid.clone();
    Gen<Mutation> mutation =
        Gen.zip(
            Gen.elements(List.of(MutationKind.values())),
            Gen.zip(
                Gens.Integral.uniformInts(0, Integer.MAX_VALUE - 1),
                Gens.Integral.uniformInts(0, 255),
                Map::entry),
            (kind, where) -> new Mutation(kind, where.getKey(), where.getValue()));
    return Gen.listOf(mutation, 1, MAX_MUTATIONS).map(list -> apply(copy, list));
  }

  /**
   * Returns an array of {@code size} bytes, all {@code fill}: input far larger than any real
   * message, to check that a parser bounds what it buffers.
   *
   * @throws IllegalArgumentException if {@code size} is negative
   */
  public static byte[] oversized(int size, byte fill) {
    checkArgument(size >= 0, "size must not be negative: %s", size);
    byte[] bytes = new byte[size];
    Arrays.fill(bytes, fill);
    return bytes;
  }

  /**
   * Returns a generator of {@code valid} encoded wrongly for a UTF-8 reader: UTF-16 big endian with
   * a byte order mark, UTF-16 little endian with a byte order mark, ISO-8859-1 (characters outside
   * it become {@code '?'}), UTF-8 with a byte order mark, and broken UTF-8 (an invalid sequence
   * such as a stray continuation byte, an overlong or cut-short sequence, or an encoded surrogate,
   * inserted at a uniformly chosen position). Shrinks towards the earlier encodings of that list.
   */
  public static Gen<byte[]> reencodings(String valid) {
    checkNotNull(valid, "valid");
    byte[] utf8 = valid.getBytes(StandardCharsets.UTF_8);
    return Gen.zip(
        Gen.elements(List.of(Encoding.values())),
        Gen.zip(
            Gens.Integral.uniformInts(0, utf8.length),
            Gens.Integral.uniformInts(0, BROKEN_UTF8.size() - 1),
            Map::entry),
        (encoding, where) -> encode(valid, utf8, encoding, where.getKey(), where.getValue()));
  }

  private static byte[] encode(
      String valid, byte[] utf8, Encoding encoding, int position, int broken) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    switch (encoding) {
      case UTF_16BE_BOM -> out.writeBytes(valid.getBytes(StandardCharsets.UTF_16));
      case UTF_16LE_BOM -> {
        out.write(0xFF);
        out.write(0xFE);
        out.writeBytes(valid.getBytes(StandardCharsets.UTF_16LE));
      }
      case ISO_8859_1 -> out.writeBytes(valid.getBytes(StandardCharsets.ISO_8859_1));
      case UTF_8_BOM -> {
        out.write(0xEF);
        out.write(0xBB);
        out.write(0xBF);
        out.writeBytes(utf8);
      }
      case BROKEN_UTF_8 -> {
        out.write(utf8, 0, position);
        out.writeBytes(BROKEN_UTF8.get(broken));
        out.write(utf8, position, utf8.length - position);
      }
    }
    return out.toByteArray();
  }

  private static byte[] apply(byte[] valid, List<Mutation> mutations) {
    byte[] bytes = valid.clone();
    for (Mutation m : mutations) {
      bytes = m.applyTo(bytes);
    }
    return bytes;
  }

  private enum Encoding {
    UTF_16BE_BOM,
    UTF_16LE_BOM,
    ISO_8859_1,
    UTF_8_BOM,
    BROKEN_UTF_8
  }

  private enum MutationKind {
    FLIP_BIT,
    REPLACE,
    INSERT,
    DELETE,
    DUPLICATE
  }

  /** One edit; the position is taken modulo the current length so any position fits any input. */
  private record Mutation(MutationKind kind, int position, int value) {
    byte[] applyTo(byte[] bytes) {
      if (bytes.length == 0) {
        return kind == MutationKind.INSERT ? new byte[] {(byte) value} : bytes;
      }
      int at = position % bytes.length;
      switch (kind) {
        case FLIP_BIT -> {
          byte[] flipped = bytes.clone();
          flipped[at] = (byte) (flipped[at] ^ (1 << (value % 8)));
          return flipped;
        }
        case REPLACE -> {
          byte[] replaced = bytes.clone();
          replaced[at] = (byte) value;
          return replaced;
        }
        case INSERT -> {
          int insertAt = position % (bytes.length + 1);
          byte[] inserted = new byte[bytes.length + 1];
          System.arraycopy(bytes, 0, inserted, 0, insertAt);
          inserted[insertAt] = (byte) value;
          System.arraycopy(bytes, insertAt, inserted, insertAt + 1, bytes.length - insertAt);
          return inserted;
        }
        case DELETE -> {
          byte[] deleted = new byte[bytes.length - 1];
          System.arraycopy(bytes, 0, deleted, 0, at);
          System.arraycopy(bytes, at + 1, deleted, at, bytes.length - at - 1);
          return deleted;
        }
        case DUPLICATE -> {
          int run = Math.min(1 + value % MAX_DUPLICATION, bytes.length - at);
          byte[] duplicated = new byte[bytes.length + run];
          System.arraycopy(bytes, 0, duplicated, 0, at + run);
          System.arraycopy(bytes, at, duplicated, at + run, bytes.length - at);
          return duplicated;
        }
      }
      throw new AssertionError(kind);
    }
  }
}
