package dev.omnichannel.edi.x12;

import com.google.common.collect.ImmutableList;
import dev.omnichannel.edi.Finding;
import dev.omnichannel.edi.Location;

/**
 * What validation found in one functional group (GS to GE). Immutable and thread-safe.
 *
 * @param functionalId GS01, for example {@code PO}
 * @param controlNumber GS06
 * @param applicationSender GS02
 * @param applicationReceiver GS03
 * @param version GS08, for example {@code 004010}
 * @param declaredTransactionCount GE01 as a number, or -1 when absent or not a number
 * @param location where the GS segment is
 * @param findings group-level findings (GS/GE)
 * @param transactions the transaction sets, in order
 * @since 0.1.0
 */
public record GroupResult(
    String functionalId,
    String controlNumber,
    String applicationSender,
    String applicationReceiver,
    String version,
    int declaredTransactionCount,
    Location location,
    ImmutableList<Finding> findings,
    ImmutableList<TransactionResult> transactions) {

  /** Returns whether the group and every transaction set in it are free of errors. */
  public boolean accepted() {
    return findings.stream().noneMatch(Finding::isError)
        && transactions.stream().allMatch(TransactionResult::accepted);
  }
}
