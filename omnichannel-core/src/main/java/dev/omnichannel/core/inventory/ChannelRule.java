package dev.omnichannel.core.inventory;

import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.NodeId;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/** A channel's allocation policy compiled to node indexes for the hot path. Immutable. */
final class ChannelRule {
  final int index;
  final ChannelId id;
  final AllocationPolicy policy;
  final int[] eligible;
  final boolean[] isEligible;
  final long[] fence;
  final long cap;
  final long cutoff;
  final long lot;
  final SafetyBuffer buffer;
  final RoundingMode rounding;

  ChannelRule(
      int index,
      ChannelId id,
      AllocationPolicy policy,
      Map<NodeId, Integer> nodeIndex,
      List<NodeId> allNodes) {
    this.index = index;
    this.id = id;
    this.policy = policy;
    List<NodeId> nodes = policy.eligibleNodes().isEmpty() ? allNodes : policy.eligibleNodes();
    this.eligible = new int[nodes.size()];
    this.isEligible = new boolean[allNodes.size()];
    for (int i = 0; i < nodes.size(); i++) {
      Integer n = nodeIndex.get(nodes.get(i));
      if (n == null) {
        throw new IllegalArgumentException(
            "channel " + id + " may sell from unknown node " + nodes.get(i));
      }
      eligible[i] = n;
      isEligible[n] = true;
    }
    this.fence = new long[allNodes.size()];
    for (Map.Entry<NodeId, Long> e : policy.ringFences().entrySet()) {
      Integer n = nodeIndex.get(e.getKey());
      if (n == null) {
        throw new IllegalArgumentException(
            "channel " + id + " fences stock at unknown node " + e.getKey());
      }
      fence[n] = e.getValue();
    }
    this.cap = policy.exposureCap().orElse(Long.MAX_VALUE);
    this.cutoff = policy.scarcityCutoff();
    this.lot = policy.lotSize();
    this.buffer = policy.safetyBuffer();
    this.rounding = policy.bufferRounding();
  }
}
