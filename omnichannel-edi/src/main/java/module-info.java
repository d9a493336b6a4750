/**
 * ANSI X12 for retail partners: a streaming reader and writer, envelope and syntax validation,
 * acknowledgments and typed retail documents mapped to and from the core model.
 */
module dev.omnichannel.edi {
  requires transitive dev.omnichannel.core;
  requires static transitive org.jspecify;
  requires static org.immutables.value.annotations;
  requires static java.compiler;
  requires static com.google.errorprone.annotations;

  exports dev.omnichannel.edi;
  exports dev.omnichannel.edi.x12;
  exports dev.omnichannel.edi.x12.spi;
  exports dev.omnichannel.edi.retail;
}
