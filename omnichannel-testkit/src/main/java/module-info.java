/**
 * Test support for hosts and for the SDK itself: a property-test runner with shrinking, model-based
 * stateful testing, domain generators, invariant oracles and SPI contract kits.
 */
module dev.omnichannel.testkit {
  requires transitive dev.omnichannel.core;
  requires transitive org.junit.jupiter.api;
  requires static transitive org.jspecify;
  requires static org.immutables.value.annotations;
  requires static java.compiler;
  requires static com.google.errorprone.annotations;

  exports dev.omnichannel.testkit;
}
