/**
 * The inventory pool shared by every sales channel.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.omnichannel.core.inventory;

import org.jspecify.annotations.NullMarked;
