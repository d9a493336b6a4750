package dev.omnichannel.edi.x12;

/**
 * What an {@link X12Reader} has just read.
 *
 * @since 0.1.0
 */
public enum X12Event {
  /** An ISA header starts an interchange; its segment events follow. */
  START_INTERCHANGE,
  /** The IEA trailer ended the interchange (after its segment events). */
  END_INTERCHANGE,
  /** A GS header starts a functional group. */
  START_GROUP,
  /** A GE trailer ended the functional group. */
  END_GROUP,
  /** An ST header starts a transaction set. */
  START_TRANSACTION,
  /** An SE trailer ended the transaction set. */
  END_TRANSACTION,
  /** A loop of the transaction set's definition starts; {@link X12Reader#text()} is its id. */
  START_LOOP,
  /** A loop ended; {@link X12Reader#text()} is its id. */
  END_LOOP,
  /** A segment starts; {@link X12Reader#text()} is its tag. */
  START_SEGMENT,
  /** The segment ended. */
  END_SEGMENT,
  /** An element holding components starts. */
  START_COMPOSITE,
  /** The composite element ended. */
  END_COMPOSITE,
  /** A simple element, a component or one repetition; {@link X12Reader#text()} is its value. */
  ELEMENT
}
