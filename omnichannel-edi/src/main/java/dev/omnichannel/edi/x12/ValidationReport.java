package dev.omnichannel.edi.x12;

import com.google.common.collect.ImmutableList;
import dev.omnichannel.edi.Finding;

/**
 * The result of validating a stream: every interchange with its groups and transaction sets, and
 * all findings in document order. Immutable and thread-safe.
 *
 * @param interchanges the interchanges, in order
 * @param findings every finding (reader, envelope and syntax), in document order
 * @param droppedFindings how many findings were counted but not kept because of the limit
 * @since 0.1.0
 */
public record ValidationReport(
    ImmutableList<InterchangeResult> interchanges,
    ImmutableList<Finding> findings,
    int droppedFindings) {

  /** Returns the error findings. */
  public ImmutableList<Finding> errors() {
    return findings.stream().filter(Finding::isError).collect(ImmutableList.toImmutableList());
  }

  /** Returns the warning findings. */
  public ImmutableList<Finding> warnings() {
    return findings.stream().filter(f -> !f.isError()).collect(ImmutableList.toImmutableList());
  }

  /** Returns whether any error was found. */
  public boolean hasErrors() {
    return findings.stream().anyMatch(Finding::isError);
  }
}
