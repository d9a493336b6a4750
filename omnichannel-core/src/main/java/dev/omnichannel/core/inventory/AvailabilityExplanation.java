package dev.omnichannel.core.inventory;

import com.google.common.collect.ImmutableList;
import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.NodeId;
import dev.omnichannel.core.Sku;
import java.util.Locale;

/**
 * How a channel's published number for a SKU was computed, step by step. Immutable and thread-safe.
 *
 * @param sku the SKU
 * @param channel the channel
 * @param policy the channel's allocation policy: which buffer, cap, cut-off and lot size applied
 * @param nodes one line per node of the pool, eligible or not
 * @param takeable the sum of what each eligible node gives the channel
 * @param cutOff whether the scarcity cut-off set what the channel may take to zero
 * @param afterBuffer what is left after the safety buffer
 * @param afterCap what is left after the exposure cap
 * @param published the final published number, after rounding to the lot size
 * @param notes warnings such as ring-fences above the stock they fence
 * @since 0.1.0
 */
public record AvailabilityExplanation(
    Sku sku,
    ChannelId channel,
    AllocationPolicy policy,
    ImmutableList<NodeLine> nodes,
    long takeable,
    boolean cutOff,
    long afterBuffer,
    long afterCap,
    long published,
    ImmutableList<String> notes) {

  /**
   * One node's part in a channel's number.
   *
   * @param node the node
   * @param eligible whether the channel may sell from it
   * @param free on hand less reserved
   * @param fencedForOthers units ring-fenced there for other channels
   * @param fencedForChannel units ring-fenced there for this channel
   * @param contributes what the node gives the channel: free less others' fences, at least zero
   */
  public record NodeLine(
      NodeId node,
      boolean eligible,
      long free,
      long fencedForOthers,
      long fencedForChannel,
      long contributes) {}

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(sku).append(" for ").append(channel).append(":\n");
    for (NodeLine n : nodes) {
      sb.append("  ").append(n.node()).append(n.eligible() ? "" : " (not eligible)");
      sb.append(": free ").append(n.free());
      if (n.fencedForOthers() > 0) {
        sb.append(", fenced for others ").append(n.fencedForOthers());
      }
      if (n.fencedForChannel() > 0) {
        sb.append(", fenced for this channel ").append(n.fencedForChannel());
      }
      sb.append(" -> ").append(n.contributes()).append('\n');
    }
    sb.append("  takeable ").append(takeable);
    if (cutOff) {
      sb.append(" (cut off under scarcity -> 0)");
    }
    SafetyBuffer buffer = policy.safetyBuffer();
    sb.append(", after buffer");
    if (buffer.percent() > 0) {
      sb.append(" (")
          .append(buffer.percent())
          .append("%, rounded ")
          .append(policy.bufferRounding().name().toLowerCase(Locale.ROOT))
          .append(')');
    } else if (buffer.units() > 0) {
      sb.append(" (").append(buffer.units()).append(" units)");
    }
    sb.append(' ').append(afterBuffer);
    if (policy.exposureCap().isPresent()) {
      sb.append(", after cap (")
          .append(policy.exposureCap().getAsLong())
          .append(") ")
          .append(afterCap);
    }
    if (policy.lotSize() > 1) {
      sb.append(", in lots of ").append(policy.lotSize());
    }
    sb.append(", published ").append(published);
    for (String note : notes) {
      sb.append("\n  note: ").append(note);
    }
    return sb.toString();
  }
}
