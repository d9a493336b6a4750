/**
 * Format-independent EDI values: the {@link dev.omnichannel.edi.Location} of every reader event,
 * validation {@link dev.omnichannel.edi.Finding}s and the positioned {@link
 * dev.omnichannel.edi.EdiException}. The X12 reader, writer and validator live in {@code
 * dev.omnichannel.edi.x12}; typed retail documents in {@code dev.omnichannel.edi.retail}.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.omnichannel.edi;

import org.jspecify.annotations.NullMarked;
