package dev.omnichannel.benchmarks.routing;

import com.google.common.collect.ImmutableList;
import dev.omnichannel.core.routing.FulfillmentPlan;
import dev.omnichannel.core.routing.NodeAssessment;
import dev.omnichannel.core.routing.Router;
import dev.omnichannel.core.routing.RoutingProfile;
import dev.omnichannel.core.routing.RoutingRequest;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Routing speed on a generated network of 50 nodes over a continental area: latency of exact plans
 * for orders of 1 to 5 lines (and, for information, 1 to 8), and throughput of the heuristic for
 * orders of 1 to 8 lines, with and without reading the plan's explanation. Each call routes the
 * next of 1,024 pre-generated orders.
 */
@State(Scope.Thread)
public class RoutingBenchmark {
  private static final int ORDERS = 1024;

  private final Router router;
  private final RoutingRequest[] upTo5;
  private final RoutingRequest[] upTo8;
  private final RoutingRequest[] heuristic;
  private int next;

  /** Generates the network and the orders (the same for every run). */
  public RoutingBenchmark() {
    GeneratedNetwork net = new GeneratedNetwork(2026, 50);
    router = Router.create(net.network(), GeneratedNetwork.CLOCK);
    RoutingProfile exact =
        RoutingProfile.builder().name("optimise").channel(GeneratedNetwork.WEB).build();
    RoutingProfile fast =
        RoutingProfile.builder()
            .name("heuristic")
            .channel(GeneratedNetwork.WEB)
            .exactSearchBudget(0)
            .build();
    upTo5 = new RoutingRequest[ORDERS];
    upTo8 = new RoutingRequest[ORDERS];
    heuristic = new RoutingRequest[ORDERS];
    for (int i = 0; i < ORDERS; i++) {
      upTo5[i] = net.order(i, 1 + i % 5, exact);
      upTo8[i] = net.order(ORDERS + i, 1 + i % 8, exact);
      heuristic[i] = net.order(2 * ORDERS + i, 1 + i % 8, fast);
    }
  }

  /** Exact plan for an order of 1 to 5 lines. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public FulfillmentPlan exactUpTo5Lines() {
    return router.route(upTo5[next++ & (ORDERS - 1)]);
  }

  /** Exact plan (heuristic past the budget) for an order of 1 to 8 lines. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public FulfillmentPlan exactUpTo8Lines() {
    return router.route(upTo8[next++ & (ORDERS - 1)]);
  }

  /** Heuristic plan for an order of 1 to 8 lines. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public FulfillmentPlan heuristicUpTo8Lines() {
    return router.route(heuristic[next++ & (ORDERS - 1)]);
  }

  /**
   * Heuristic plan for an order of 1 to 8 lines with its explanation read: the node assessments an
   * explanation makes when first asked for are included.
   */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public ImmutableList<NodeAssessment> heuristicUpTo8LinesExplained() {
    return router.route(heuristic[next++ & (ORDERS - 1)]).explanation().nodes();
  }
}
