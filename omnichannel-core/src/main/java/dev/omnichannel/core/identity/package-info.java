/**
 * Identity resolution: one customer across every channel.
 *
 * <p>Customer records from any channel ({@link dev.omnichannel.core.identity.CustomerRecord}) are
 * normalised, matched by deterministic rules on strong keys (email, E.164 phone, loyalty id) and by
 * a Fellegi–Sunter model ({@link dev.omnichannel.core.identity.MatchModel}, estimated by
 * expectation-maximisation without labels) over blocked candidate pairs, and linked into an
 * incremental {@link dev.omnichannel.core.identity.IdentityGraph} with stable {@link
 * dev.omnichannel.core.identity.CustomerId}s, un-merge, manual assertions and merge protection. The
 * graph answers with a {@link dev.omnichannel.core.identity.GoldenRecord}, a cross-channel {@link
 * dev.omnichannel.core.identity.CustomerView} and a {@link
 * dev.omnichannel.core.identity.LinkExplanation} for every link.
 *
 * <p>Entry points: {@link dev.omnichannel.core.identity.IdentityGraph#batch} for a batch, {@link
 * dev.omnichannel.core.identity.IdentityGraph#builder()} for an incremental graph, {@link
 * dev.omnichannel.core.identity.IdentityConfig#defaults()} for the rules.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.omnichannel.core.identity;

import org.jspecify.annotations.NullMarked;
