package dev.omnichannel.edi.x12;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * Copies what an {@link X12Reader} reads to an {@link X12Writer}: with the reader's delimiters the
 * output is the same document; with others it converts delimiters. Trailer counts and control
 * numbers are recomputed by the writer, so a valid document comes out byte for byte (apart from
 * line breaks at the very end).
 *
 * @since 0.1.0
 */
public final class X12Copier {
  private X12Copier() {}

  /**
   * Copies every remaining event of {@code reader} to {@code writer} and flushes it.
   *
   * @throws dev.omnichannel.edi.EdiException if the input cannot be read
   * @throws IllegalArgumentException if a value holds one of the writer's delimiters
   */
  public static void copy(X12Reader reader, X12Writer writer) {
    checkNotNull(reader, "reader");
    checkNotNull(writer, "writer");
    boolean inComposite = false;
    while (reader.hasNext()) {
      switch (reader.next()) {
        case START_SEGMENT -> writer.startSegment(reader.text());
        case END_SEGMENT -> writer.endSegment();
        case START_COMPOSITE -> {
          writer.startComposite(reader.repetitionIndex() > 1);
          inComposite = true;
        }
        case END_COMPOSITE -> {
          writer.endComposite();
          inComposite = false;
        }
        case ELEMENT -> {
          if (inComposite) {
            writer.component(reader.text());
          } else {
            writer.element(reader.text(), reader.repetitionIndex() > 1);
          }
        }
        default -> {}
      }
    }
    writer.flush();
  }
}
