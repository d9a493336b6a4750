/**
 * The pure domain of the Omnichannel SDK: the pooled inventory, order routing, customer identity
 * and the shared values and order model every other module builds on.
 *
 * <p>Entry points: {@link dev.omnichannel.core.inventory.InventoryPool} for stock shared by every
 * channel, {@link dev.omnichannel.core.routing.Router} for fulfilment plans, {@link
 * dev.omnichannel.core.identity.IdentityGraph} for one customer across channels, and {@link
 * dev.omnichannel.core.order.Order}, the canonical order.
 */
module dev.omnichannel.core {
  requires transitive com.google.common;
  requires org.slf4j;
  requires com.google.i18n.phonenumbers.libphonenumber;
  requires static transitive org.jspecify;
  requires static org.immutables.value.annotations;
  requires static java.compiler;
  requires static com.google.errorprone.annotations;

  exports dev.omnichannel.core;
  exports dev.omnichannel.core.order;
  exports dev.omnichannel.core.inventory;
  exports dev.omnichannel.core.inventory.spi;
  exports dev.omnichannel.core.routing;
  exports dev.omnichannel.core.identity;
}
