/**
 * The canonical order every channel's payload is mapped to: {@link
 * dev.omnichannel.core.order.Order} with its {@link dev.omnichannel.core.order.OrderLine}s and a
 * {@link dev.omnichannel.core.order.PostalAddress} to ship to.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.omnichannel.core.order;

import org.jspecify.annotations.NullMarked;
