package dev.omnichannel.edi.x12;

/**
 * A node of a transaction set tree: a {@link X12Segment} or a {@link X12Loop}.
 *
 * @since 0.1.0
 */
public sealed interface X12Node permits X12Segment, X12Loop {}
