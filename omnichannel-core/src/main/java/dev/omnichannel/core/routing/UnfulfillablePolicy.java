package dev.omnichannel.core.routing;

/**
 * What happens to the lines no plan can serve.
 *
 * @since 0.1.0
 */
public enum UnfulfillablePolicy {
  /** The lines wait for stock. */
  BACKORDER,
  /** The lines are cancelled. */
  CANCEL
}
