package dev.omnichannel.core.inventory;

/**
 * What kind of place a fulfillment node is; allocation policies and routing use it to decide which
 * channels may sell from it.
 *
 * @since 0.1.0
 */
public enum NodeType {
  /** A distribution centre the merchant operates. */
  WAREHOUSE,
  /** A retail store that can ship from store or hand over for pickup. */
  STORE,
  /** Stock held by a marketplace for its own fulfilment, such as Amazon FBA or Walmart WFS. */
  MARKETPLACE,
  /** A third-party logistics provider's warehouse. */
  THIRD_PARTY_LOGISTICS
}
