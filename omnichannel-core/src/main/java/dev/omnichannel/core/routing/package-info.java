/**
 * Order routing: from an order, the fulfillment network and an availability snapshot to a
 * fulfillment plan with its explanation.
 *
 * <p>Entry point: {@link dev.omnichannel.core.routing.Router}, built over a {@link
 * dev.omnichannel.core.routing.FulfillmentNetwork} (node profiles and a pluggable {@link
 * dev.omnichannel.core.routing.ShippingCostModel}). Each call takes a {@link
 * dev.omnichannel.core.routing.RoutingRequest} (order, snapshot, {@link
 * dev.omnichannel.core.routing.RoutingProfile}) and returns a {@link
 * dev.omnichannel.core.routing.FulfillmentPlan}. {@link dev.omnichannel.core.routing.Router#commit}
 * reserves a plan in the pool through two small functional interfaces, re-routing when a concurrent
 * order won the stock; {@link dev.omnichannel.core.routing.Router#routeBatch} and {@link
 * dev.omnichannel.core.routing.Router#shadow} route several orders together or under a second
 * profile. Routing profiles are versioned per channel in a {@link
 * dev.omnichannel.core.routing.RoutingProfileRegistry}.
 *
 * <p>Routing is a pure, deterministic function of its inputs: the same request gives the same plan,
 * ties are broken by node id and never by hash order.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.omnichannel.core.routing;

import org.jspecify.annotations.NullMarked;
