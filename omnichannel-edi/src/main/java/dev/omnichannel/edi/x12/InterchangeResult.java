package dev.omnichannel.edi.x12;

import com.google.common.collect.ImmutableList;
import dev.omnichannel.edi.Finding;
import dev.omnichannel.edi.Location;

/**
 * What validation found in one interchange (ISA to IEA). Immutable and thread-safe.
 *
 * @param controlNumber ISA13
 * @param senderQualifier ISA05
 * @param senderId ISA06, trimmed
 * @param receiverQualifier ISA07
 * @param receiverId ISA08, trimmed
 * @param date ISA09
 * @param time ISA10
 * @param version ISA12
 * @param location where the ISA segment is
 * @param findings interchange-level findings (ISA/IEA and the envelope structure)
 * @param groups the functional groups, in order
 * @since 0.1.0
 */
public record InterchangeResult(
    String controlNumber,
    String senderQualifier,
    String senderId,
    String receiverQualifier,
    String receiverId,
    String date,
    String time,
    String version,
    Location location,
    ImmutableList<Finding> findings,
    ImmutableList<GroupResult> groups) {

  /** Returns whether the interchange envelope itself has no errors. */
  public boolean envelopeAccepted() {
    return findings.stream().noneMatch(Finding::isError);
  }
}
