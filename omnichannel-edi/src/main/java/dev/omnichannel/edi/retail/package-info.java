/**
 * Typed retail documents mapped to and from the core model: {@link
 * dev.omnichannel.edi.retail.PurchaseOrders} (850 to a routable {@link
 * dev.omnichannel.core.order.Order} and back), {@link dev.omnichannel.edi.retail.PoAcknowledgments}
 * (855), {@link dev.omnichannel.edi.retail.ShipNotices} (856 with cartons, pallets and SSCC-18),
 * {@link dev.omnichannel.edi.retail.Invoices} (810), {@link
 * dev.omnichannel.edi.retail.InventoryAdvices} (846), {@link
 * dev.omnichannel.edi.retail.WarehouseOrders} (940), {@link
 * dev.omnichannel.edi.retail.WarehouseAdvices} (945) and {@link
 * dev.omnichannel.edi.retail.OrderChanges} (860); {@link dev.omnichannel.edi.retail.Gs1} check
 * digits; {@link dev.omnichannel.edi.retail.PartnerProfile} and {@link
 * dev.omnichannel.edi.retail.ComplianceRules} for what a trading partner demands above syntax.
 *
 * <p>Reading returns a {@link dev.omnichannel.edi.retail.MappingResult}: the value, or the
 * positioned findings that prevented it.
 *
 * @since 0.1.0
 */
@NullMarked
package dev.omnichannel.edi.retail;

import org.jspecify.annotations.NullMarked;
