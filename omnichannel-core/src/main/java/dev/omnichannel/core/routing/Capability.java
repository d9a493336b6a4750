package dev.omnichannel.core.routing;

/**
 * What a fulfillment node can do for a type of channel. A routing profile names the capabilities a
 * node needs to serve its channel; nodes without them are excluded.
 *
 * @since 0.1.0
 */
public enum Capability {
  /** Direct-to-consumer pick and pack with the brand's own packaging and inserts. */
  DTC_BRANDED_PACKING,
  /** Amazon FBA prep: labelling, bagging and case packing to Amazon's requirements. */
  FBA_PREP,
  /** Retail compliance over EDI: ASNs, GS1-128 carton labels, routing guides. */
  RETAIL_EDI_COMPLIANCE,
  /** Hands orders over to customers collecting them at the node. */
  STORE_PICKUP
}
