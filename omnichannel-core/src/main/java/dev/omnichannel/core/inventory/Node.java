package dev.omnichannel.core.inventory;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.omnichannel.core.NodeId;

/**
 * A place that holds stock: a warehouse, a store, marketplace-held stock such as FBA, or a 3PL.
 * Immutable and thread-safe.
 *
 * @param id the node's identifier
 * @param type what kind of place it is
 * @since 0.1.0
 */
public record Node(NodeId id, NodeType type) {
  /** Creates the node. */
  public Node {
    checkNotNull(id, "id");
    checkNotNull(type, "type");
  }

  /** Returns a node of {@code type} named {@code id}. */
  public static Node of(String id, NodeType type) {
    return new Node(NodeId.of(id), type);
  }

  /** Returns a warehouse named {@code id}. */
  public static Node warehouse(String id) {
    return of(id, NodeType.WAREHOUSE);
  }

  /** Returns a store named {@code id}. */
  public static Node store(String id) {
    return of(id, NodeType.STORE);
  }

  /** Returns marketplace-held stock (FBA, WFS) named {@code id}. */
  public static Node marketplace(String id) {
    return of(id, NodeType.MARKETPLACE);
  }

  /** Returns a third-party logistics warehouse named {@code id}. */
  public static Node thirdParty(String id) {
    return of(id, NodeType.THIRD_PARTY_LOGISTICS);
  }
}
