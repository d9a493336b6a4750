/**
 * Runnable examples of the Omnichannel SDK on embedded defaults: {@code
 * dev.omnichannel.examples.FlashSale}, a flash sale on one pooled SKU. Not published.
 */
module dev.omnichannel.examples {
  requires dev.omnichannel.core;
  requires static org.jspecify;

  exports dev.omnichannel.examples;
}
