package dev.omnichannel.edi.x12;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * How an {@link X12Reader} reads. Immutable and thread-safe.
 *
 * @param tolerant whether to accept short or over-padded ISA headers, a byte order mark, line
 *     breaks inside segments and an unterminated last segment, each reported as a warning; a strict
 *     reader refuses the first three with a positioned {@link dev.omnichannel.edi.EdiException} and
 *     reports the last as an error
 * @param charset how bytes above 0x7F are decoded in element text (X12 data is ASCII; partners send
 *     UTF-8 or Latin-1)
 * @param maxElementLength the longest element (with its repetitions and components) the reader
 *     holds in memory; a longer one is refused
 * @param maxFindings how many findings the reader keeps; later ones are counted, not kept
 * @param loops whether to report {@code START_LOOP}/{@code END_LOOP} events for transaction sets
 *     with a built-in definition
 * @since 0.1.0
 */
public record ReaderOptions(
    boolean tolerant, Charset charset, int maxElementLength, int maxFindings, boolean loops) {

  /** Creates the options. */
  public ReaderOptions {
    checkNotNull(charset, "charset");
    checkArgument(
        maxElementLength >= 1024, "maxElementLength must be at least 1024: %s", maxElementLength);
    checkArgument(maxFindings >= 1, "maxFindings must be positive: %s", maxFindings);
  }

  /** Returns strict options: fixed-width ISA, UTF-8, elements up to 1 MiB, 1000 findings. */
  public static ReaderOptions strict() {
    return new ReaderOptions(false, StandardCharsets.UTF_8, 1 << 20, 1000, true);
  }

  /** Returns tolerant options, otherwise like {@link #strict()}. */
  public static ReaderOptions tolerantMode() {
    return new ReaderOptions(true, StandardCharsets.UTF_8, 1 << 20, 1000, true);
  }

  /** Returns these options with another charset. */
  public ReaderOptions withCharset(Charset newCharset) {
    return new ReaderOptions(tolerant, newCharset, maxElementLength, maxFindings, loops);
  }

  /** Returns these options with or without loop events. */
  public ReaderOptions withLoops(boolean enabled) {
    return new ReaderOptions(tolerant, charset, maxElementLength, maxFindings, enabled);
  }

  /** Returns these options with another element length limit. */
  public ReaderOptions withMaxElementLength(int length) {
    return new ReaderOptions(tolerant, charset, length, maxFindings, loops);
  }
}
