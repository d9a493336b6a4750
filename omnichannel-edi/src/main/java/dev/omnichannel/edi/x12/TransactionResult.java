package dev.omnichannel.edi.x12;

import com.google.common.collect.ImmutableList;
import dev.omnichannel.edi.Finding;
import dev.omnichannel.edi.Location;

/**
 * What validation found in one transaction set (ST to SE). Immutable and thread-safe.
 *
 * @param setId ST01, for example {@code 850}
 * @param controlNumber ST02
 * @param conventionReference ST03 (005010), or empty
 * @param location where the ST segment is
 * @param findings transaction, segment and element findings, in document order
 * @since 0.1.0
 */
public record TransactionResult(
    String setId,
    String controlNumber,
    String conventionReference,
    Location location,
    ImmutableList<Finding> findings) {

  /** Returns whether the transaction set has no error findings. */
  public boolean accepted() {
    return findings.stream().noneMatch(Finding::isError);
  }
}
