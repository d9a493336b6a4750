/**
 * Values shared by every domain of the SDK: {@link dev.omnichannel.core.Sku}, {@link
 * dev.omnichannel.core.NodeId}, {@link dev.omnichannel.core.ChannelId}, {@link
 * dev.omnichannel.core.IdempotencyKey}, and the root {@link
 * dev.omnichannel.core.OmnichannelException}.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.omnichannel.core;

import org.jspecify.annotations.NullMarked;
