package dev.omnichannel.testkit.inventory;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.NodeId;
import dev.omnichannel.core.Sku;
import dev.omnichannel.core.inventory.AllocationPolicy;
import dev.omnichannel.core.inventory.ImmutableAllocationPolicy;
import dev.omnichannel.core.inventory.Node;
import dev.omnichannel.core.inventory.NodeType;
import dev.omnichannel.core.inventory.ReservationKind;
import dev.omnichannel.core.inventory.ReservationLine;
import dev.omnichannel.core.inventory.SafetyBuffer;
import dev.omnichannel.testkit.Gen;
import dev.omnichannel.testkit.GenContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Generators for the inventory domain: allocation policies, pool configurations and command
 * sequences. Small quantities on purpose, so that stock runs out, fences bite and holds collide.
 *
 * @since 0.1.0
 */
public final class InventoryGens {
  private InventoryGens() {}

  /**
   * Returns allocation policies over {@code nodes}: eligibility, buffers, caps, fences, cut-offs.
   */
  public static Gen<AllocationPolicy> policies(List<NodeId> nodes) {
    ImmutableList<NodeId> all = ImmutableList.copyOf(nodes);
    return ctx -> {
      ImmutableAllocationPolicy.Builder b = AllocationPolicy.builder();
      List<NodeId> eligible = new ArrayList<>();
      if (ctx.nextInt(0, 3) > 0) {
        List<NodeId> shuffled = new ArrayList<>(all);
        for (int i = shuffled.size() - 1; i > 0; i--) {
          int j = ctx.nextInt(0, i);
          NodeId t = shuffled.get(i);
          shuffled.set(i, shuffled.get(j));
          shuffled.set(j, t);
        }
        eligible.addAll(shuffled.subList(0, ctx.nextInt(1, shuffled.size())));
        b.addAllEligibleNodes(eligible);
      }
      switch (ctx.nextInt(0, 3)) {
        case 0 -> b.safetyBuffer(SafetyBuffer.units(ctx.nextInt(1, 4)));
        case 1 ->
            b.safetyBuffer(SafetyBuffer.percent(ctx.choose(List.of(10.0, 25.0, 50.0, 100.0))));
        default -> {}
      }
      if (ctx.nextInt(0, 3) == 0) {
        b.exposureCap(ctx.nextInt(0, 12));
      }
      if (ctx.nextInt(0, 2) == 0) {
        List<NodeId> fenceable = eligible.isEmpty() ? all : eligible;
        b.putRingFence(ctx.choose(fenceable), (long) ctx.nextInt(1, 5));
      }
      if (ctx.nextInt(0, 3) == 0) {
        b.scarcityCutoff(ctx.nextInt(1, 6));
      }
      if (ctx.nextInt(0, 4) == 0) {
        b.lotSize(ctx.nextInt(2, 4));
      }
      b.priority(ctx.nextInt(0, 3));
      b.bufferRounding(ctx.choose(List.of(RoundingMode.FLOOR, RoundingMode.HALF_UP)));
      return b.build();
    };
  }

  /** Returns pool configurations of 1–3 nodes, 1–4 channels, 1–3 SKUs and maybe a bundle. */
  public static Gen<PoolConfig> configs() {
    return ctx -> {
      int nodeCount = ctx.nextInt(1, 3);
      List<Node> nodes = new ArrayList<>();
      NodeType[] types = NodeType.values();
      for (int i = 0; i < nodeCount; i++) {
        nodes.add(new Node(NodeId.of("N" + i), types[ctx.nextInt(0, types.length - 1)]));
      }
      List<NodeId> ids = nodes.stream().map(Node::id).toList();
      Gen<AllocationPolicy> policies = policies(ids);
      ImmutableMap.Builder<ChannelId, AllocationPolicy> channels = ImmutableMap.builder();
      int channelCount = ctx.nextInt(1, 4);
      for (int i = 0; i < channelCount; i++) {
        channels.put(ChannelId.of("C" + i), policies.generate(ctx));
      }
      List<Sku> skus = new ArrayList<>();
      int skuCount = ctx.nextInt(1, 3);
      for (int i = 0; i < skuCount; i++) {
        skus.add(Sku.of("S" + i));
      }
      ImmutableMap.Builder<Sku, ImmutableMap<Sku, Integer>> bundles = ImmutableMap.builder();
      if (skuCount >= 2 && ctx.nextBoolean()) {
        bundles.put(Sku.of("KIT"), ImmutableMap.of(skus.get(0), 1, skus.get(1), ctx.nextInt(1, 2)));
      }
      return new PoolConfig(
          ImmutableList.copyOf(nodes),
          channels.buildOrThrow(),
          ImmutableList.copyOf(skus),
          bundles.buildOrThrow());
    };
  }

  /**
   * Returns commands for a pool of {@code config} after {@code issuedReservations} reservations,
   * {@code issuedTransfers} transfers and {@code commandsRun} earlier commands.
   */
  public static Gen<PoolCommand> commands(
      PoolConfig config, int issuedReservations, int issuedTransfers, int commandsRun) {
    List<Sku> plain = config.skus();
    List<Sku> any = config.allSkus();
    List<NodeId> nodes = config.nodes().stream().map(Node::id).toList();
    List<ChannelId> channels = config.channels().keySet().asList();
    return ctx -> {
      int roll = ctx.nextInt(0, 99);
      if (roll < 14) {
        return new PoolCommand.Receive(ctx.choose(plain), ctx.choose(nodes), ctx.nextInt(1, 12));
      }
      if (roll < 18) {
        boolean absolute = ctx.nextBoolean();
        return new PoolCommand.Adjust(
            ctx.choose(plain),
            ctx.choose(nodes),
            absolute,
            absolute ? ctx.nextInt(0, 12) : adjustValue(ctx));
      }
      if (roll < 38) {
        return reserve(ctx, channels, any, nodes);
      }
      if (roll < 44) {
        return new PoolCommand.ReservePublished(ctx.choose(channels), ctx.choose(any));
      }
      if (issuedReservations > 0 && roll < 62) {
        int index = ctx.nextInt(0, issuedReservations - 1);
        return switch (ctx.nextInt(0, 3)) {
          case 0 -> new PoolCommand.Confirm(index);
          case 1 -> new PoolCommand.Release(index);
          case 2 -> new PoolCommand.FulfilAll(index);
          default ->
              new PoolCommand.FulfilPart(
                  index, ctx.choose(plain), ctx.choose(nodes), ctx.nextInt(1, 4));
        };
      }
      if (roll < 67 && nodes.size() > 1) {
        NodeId from = ctx.choose(nodes);
        NodeId to = ctx.choose(nodes.stream().filter(n -> !n.equals(from)).toList());
        return new PoolCommand.ShipTransfer(ctx.choose(plain), from, to, ctx.nextInt(1, 5));
      }
      if (issuedTransfers > 0 && roll < 71) {
        return new PoolCommand.ReceiveTransfer(
            ctx.nextInt(0, issuedTransfers - 1), ctx.nextInt(1, 5));
      }
      if (roll < 77) {
        return switch (ctx.nextInt(0, 2)) {
          case 0 ->
              new PoolCommand.Quarantine(
                  ctx.choose(plain), ctx.choose(nodes), ctx.nextInt(1, 4), ctx.nextBoolean());
          case 1 ->
              new PoolCommand.Restock(ctx.choose(plain), ctx.choose(nodes), ctx.nextInt(1, 3));
          default ->
              new PoolCommand.WriteOff(ctx.choose(plain), ctx.choose(nodes), ctx.nextInt(1, 3));
        };
      }
      if (roll < 87) {
        return new PoolCommand.Advance(ctx.choose(List.of(1L, 500L, 999L, 1000L, 5000L, 60_000L)));
      }
      if (roll < 90) {
        return new PoolCommand.ExpireHolds();
      }
      if (commandsRun > 0) {
        return new PoolCommand.Repeat(
            ctx.nextInt(0, commandsRun - 1),
            ctx.nextInt(0, 3) > 0,
            new PoolCommand.Receive(ctx.choose(plain), ctx.choose(nodes), ctx.nextInt(1, 3)));
      }
      return new PoolCommand.Receive(ctx.choose(plain), ctx.choose(nodes), ctx.nextInt(1, 12));
    };
  }

  private static long adjustValue(GenContext ctx) {
    long v = ctx.nextInt(-6, 12);
    return v == 0 ? 1 : v;
  }

  private static PoolCommand reserve(
      GenContext ctx, List<ChannelId> channels, List<Sku> skus, List<NodeId> nodes) {
    int lineCount = ctx.nextInt(1, 3);
    ImmutableList.Builder<ReservationLine> lines = ImmutableList.builder();
    for (int i = 0; i < lineCount; i++) {
      Sku sku = ctx.choose(skus);
      long quantity = ctx.nextInt(1, 6);
      lines.add(
          ctx.nextBoolean()
              ? ReservationLine.of(sku, quantity)
              : ReservationLine.at(sku, ctx.choose(nodes), quantity));
    }
    boolean hold = ctx.nextBoolean();
    return new PoolCommand.Reserve(
        ctx.choose(channels),
        hold ? ReservationKind.HOLD : ReservationKind.FIRM,
        hold ? ctx.choose(List.of(1000L, 5000L, 60_000L)) : 0,
        lines.build());
  }

  /** Returns the components of a bundle, or the SKU itself with one unit. */
  static Map<Sku, Integer> expand(PoolConfig config, Sku sku) {
    ImmutableMap<Sku, Integer> components = config.bundles().get(sku);
    return components == null ? ImmutableMap.of(sku, 1) : components;
  }
}
