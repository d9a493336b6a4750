package dev.omnichannel.core.inventory;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.omnichannel.core.NodeId;
import dev.omnichannel.core.OmnichannelStyle;
import java.math.RoundingMode;
import java.util.Map;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * How one channel sees the shared pool: which nodes it may sell from, what is withheld from it,
 * what is kept for it alone, and when it is cut off under scarcity.
 *
 * <p>For each SKU the pool computes, per eligible node, the free units (on hand less reserved) less
 * the units ring-fenced there for <em>other</em> channels; their sum is what the channel may take.
 * Below {@link #scarcityCutoff()} the channel may take nothing. What it is shown (published) is
 * what it may take, less the {@link #safetyBuffer()}, capped by {@link #exposureCap()} and rounded
 * down to a multiple of {@link #lotSize()}. A reservation of the published quantity is therefore
 * always accepted; a reservation above it but within what the channel may take is accepted too (the
 * buffer exists to absorb such late orders).
 *
 * <p>Immutable and thread-safe; build with {@link #builder()}, e.g. {@code
 * AllocationPolicy.builder().addEligibleNodes(fba).safetyBuffer(SafetyBuffer.percent(10)).build()}.
 *
 * @since 0.1.0
 */
@Value.Immutable
@OmnichannelStyle
public abstract class AllocationPolicy {
  AllocationPolicy() {}

  /** Returns a new builder. */
  public static ImmutableAllocationPolicy.Builder builder() {
    return ImmutableAllocationPolicy.builder();
  }

  /** Returns a policy that sees every node, withholds nothing and fences nothing. */
  public static AllocationPolicy open() {
    return builder().build();
  }

  /**
   * Returns the nodes the channel may sell from, in the order the pool takes stock from them when a
   * reservation names no node; empty means every node of the pool, in the pool's order.
   */
  public abstract ImmutableList<NodeId> eligibleNodes();

  /** Returns the units withheld from what is published. */
  @Value.Default
  public SafetyBuffer safetyBuffer() {
    return SafetyBuffer.none();
  }

  /** Returns the most units ever published to the channel for one SKU, if capped. */
  public abstract OptionalLong exposureCap();

  /** Returns the units of each SKU kept at each node for this channel alone. */
  public abstract ImmutableMap<NodeId, Long> ringFences();

  /**
   * Returns the channel's priority under scarcity; a higher number is served longer. Used to check
   * that cut-offs are ordered by priority.
   */
  @Value.Default
  public int priority() {
    return 0;
  }

  /**
   * Returns the threshold below which the channel is cut off: when the units it may take of a SKU
   * fall below it, it is shown zero and may reserve nothing. Zero means never cut off.
   */
  @Value.Default
  public long scarcityCutoff() {
    return 0;
  }

  /** Returns the multiple the published quantity is rounded down to; 1 by default. */
  @Value.Default
  public long lotSize() {
    return 1;
  }

  /** Returns how a percentage buffer's result is rounded; {@link RoundingMode#FLOOR} by default. */
  @Value.Default
  public RoundingMode bufferRounding() {
    return RoundingMode.FLOOR;
  }

  @Value.Check
  void check() {
    exposureCap()
        .ifPresent(
            cap -> {
              if (cap < 0) {
                throw new IllegalArgumentException("exposure cap must not be negative: " + cap);
              }
            });
    for (Map.Entry<NodeId, Long> fence : ringFences().entrySet()) {
      if (fence.getValue() < 0) {
        throw new IllegalArgumentException(
            "ring-fence at " + fence.getKey() + " must not be negative: " + fence.getValue());
      }
      if (!eligibleNodes().isEmpty() && !eligibleNodes().contains(fence.getKey())) {
        throw new IllegalArgumentException(
            "ring-fence at " + fence.getKey() + ", a node the channel may not sell from");
      }
    }
    if (scarcityCutoff() < 0) {
      throw new IllegalArgumentException(
          "scarcity cut-off must not be negative: " + scarcityCutoff());
    }
    if (lotSize() < 1) {
      throw new IllegalArgumentException("lot size must be at least 1: " + lotSize());
    }
    if (bufferRounding() == RoundingMode.UNNECESSARY) {
      throw new IllegalArgumentException("buffer rounding must not be UNNECESSARY");
    }
    if (eligibleNodes().size() != eligibleNodes().stream().distinct().count()) {
      throw new IllegalArgumentException("eligible nodes repeat a node: " + eligibleNodes());
    }
  }
}
