/**
 * Extension points of the X12 writer: {@link dev.omnichannel.edi.x12.spi.ControlNumberSource} hands
 * out interchange, group and transaction set control numbers from the host's own storage so numbers
 * survive restarts.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.omnichannel.edi.x12.spi;

import org.jspecify.annotations.NullMarked;
