/**
 * Channel adapters (Shopify, Amazon SP-API, Walmart, TikTok Shop, …): order intake, availability
 * push, shipment confirmation and returns over a pluggable transport.
 */
module dev.omnichannel.connectors {
  requires transitive dev.omnichannel.core;
  requires com.fasterxml.jackson.databind;
  requires static transitive org.jspecify;
  requires static org.immutables.value.annotations;
  requires static java.compiler;
  requires static com.google.errorprone.annotations;
}
