/**
 * ANSI X12: a streaming pull {@link dev.omnichannel.edi.x12.X12Reader} with a {@link
 * dev.omnichannel.edi.Location} for every event, an {@link dev.omnichannel.edi.x12.X12Writer} that
 * computes counts and control numbers, the {@link dev.omnichannel.edi.x12.X12Validator} for
 * envelope and syntax checks against built-in 004010 and 005010 definitions, {@link
 * dev.omnichannel.edi.x12.Acknowledgments} (997, 999, TA1) and a tree model ({@link
 * dev.omnichannel.edi.x12.X12Transaction}, {@link dev.omnichannel.edi.x12.HlNode}) for callers who
 * want one transaction set in memory.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.omnichannel.edi.x12;

import org.jspecify.annotations.NullMarked;
