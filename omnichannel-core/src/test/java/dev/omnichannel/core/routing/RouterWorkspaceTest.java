package dev.omnichannel.core.routing;

import static dev.omnichannel.core.routing.Fixtures.BERLIN_POINT;
import static dev.omnichannel.core.routing.Fixtures.CLOCK;
import static dev.omnichannel.core.routing.Fixtures.HAMBURG_POINT;
import static dev.omnichannel.core.routing.Fixtures.MUNICH_POINT;
import static dev.omnichannel.core.routing.Fixtures.POZNAN_POINT;
import static dev.omnichannel.core.routing.Fixtures.WEB;
import static dev.omnichannel.core.routing.Fixtures.address;
import static dev.omnichannel.core.routing.Fixtures.id;
import static dev.omnichannel.core.routing.Fixtures.line;
import static dev.omnichannel.core.routing.Fixtures.network;
import static dev.omnichannel.core.routing.Fixtures.node;
import static dev.omnichannel.core.routing.Fixtures.order;
import static dev.omnichannel.core.routing.Fixtures.profile;
import static dev.omnichannel.core.routing.Fixtures.sku;
import static dev.omnichannel.core.routing.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.omnichannel.core.inventory.AvailabilitySnapshot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Route calls reuse per-thread arrays: nothing an order leaves in them may change the plan of the
 * next, on the same thread, on other threads, or in a route call made from inside another.
 */
class RouterWorkspaceTest {
  private static final int INSTANCES = 400;

  private static List<RandomInstances.Instance> instances() {
    List<RandomInstances.Instance> out = new ArrayList<>();
    for (long seed = 1; seed <= INSTANCES; seed++) {
      out.add(RandomInstances.generate(seed, 40, 9));
    }
    return out;
  }

  private static FulfillmentPlan route(RandomInstances.Instance x) {
    return Router.create(x.network(), CLOCK).route(x.request());
  }

  /** Plans each routed on a thread of its own, so with arrays nothing else has used. */
  private static List<FulfillmentPlan> alone(List<RandomInstances.Instance> xs) throws Exception {
    List<FulfillmentPlan> out = new ArrayList<>();
    for (RandomInstances.Instance x : xs) {
      FulfillmentPlan[] plan = new FulfillmentPlan[1];
      Thread t =
          new Thread(
              () -> {
                plan[0] = route(x);
                // Read right away, while the arrays the call worked in are as it left them.
                plan[0].explanation().nodes();
              });
      t.start();
      t.join();
      out.add(plan[0]);
    }
    return out;
  }

  @Test
  void ordersRoutedInAnyOrderOnOneThreadGetThePlansTheyGetAlone() throws Exception {
    List<RandomInstances.Instance> xs = instances();
    List<FulfillmentPlan> expected = alone(xs.subList(0, 60));
    List<Integer> turns = new ArrayList<>();
    for (int x = 0; x < xs.size(); x++) {
      turns.add(x);
    }
    for (long seed = 1; seed <= 3; seed++) {
      Collections.shuffle(turns, new Random(seed));
      for (int x : turns) {
        FulfillmentPlan plan = route(xs.get(x));
        if (x < expected.size()) {
          assertThat(plan)
              .as("instance %s after shuffle %s", x + 1, seed)
              .isEqualTo(expected.get(x));
        }
      }
    }
  }

  @Test
  void explanationsReadOnlyAfterOtherOrdersSayWhatTheCallFound() throws Exception {
    List<RandomInstances.Instance> xs = instances();
    List<FulfillmentPlan> unread = new ArrayList<>();
    for (RandomInstances.Instance x : xs) {
      unread.add(route(x));
    }
    List<FulfillmentPlan> expected = alone(xs.subList(0, 80));
    for (int x = 0; x < expected.size(); x++) {
      assertThat(unread.get(x).explanation().nodes())
          .as("instance %s", x + 1)
          .isEqualTo(expected.get(x).explanation().nodes());
      assertThat(unread.get(x)).isEqualTo(expected.get(x));
    }
  }

  @Test
  void threadsRoutingAtOnceGetThePlansOfOneThread() throws Exception {
    List<RandomInstances.Instance> xs = instances();
    List<FulfillmentPlan> expected = new ArrayList<>();
    for (RandomInstances.Instance x : xs) {
      expected.add(route(x));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<FulfillmentPlan>>> runs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        runs.add(
            pool.submit(
                () -> {
                  List<FulfillmentPlan> out = new ArrayList<>();
                  for (RandomInstances.Instance x : xs) {
                    out.add(route(x));
                  }
                  return out;
                }));
      }
      for (Future<List<FulfillmentPlan>> run : runs) {
        assertThat(run.get(1, TimeUnit.MINUTES)).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aThreadKeepsItsWorkspaceButNotOneGrownPastTheLimit() {
    Workspace small = Workspace.acquire();
    small.openCost.zeroed(8, 50);
    small.release();
    Workspace again = Workspace.acquire();
    again.release();
    assertThat(again).isSameAs(small);

    Workspace nested = Workspace.acquire();
    Workspace inner = Workspace.acquire();
    inner.release();
    nested.release();
    assertThat(inner).isNotSameAs(nested);

    Workspace large = Workspace.acquire();
    large.openCost.zeroed(1000, 1000);
    large.release();
    Workspace next = Workspace.acquire();
    next.release();
    assertThat(next).isNotSameAs(large);
  }

  @Test
  void aCriterionThatRoutesAnotherOrderLeavesThePlanItScoresAlone() {
    NodeProfile ham = node("HAM", HAMBURG_POINT, "DE").build();
    NodeProfile muc = node("MUC", MUNICH_POINT, "DE").build();
    NodeProfile poz = node("POZ", POZNAN_POINT, "PL").build();
    AvailabilitySnapshot snap =
        snapshot()
            .available(sku("A"), id("HAM"), WEB, 5)
            .available(sku("B"), id("MUC"), WEB, 5)
            .available(sku("A"), id("POZ"), WEB, 5)
            .available(sku("B"), id("POZ"), WEB, 5)
            .available(sku("C"), id("POZ"), WEB, 5)
            .build();
    Router router = Router.create(network(ham, muc, poz), CLOCK);
    RoutingRequest inner =
        RoutingRequest.of(
            order(address(BERLIN_POINT, "DE"), line("9", "C", 1)), snap, profile().build());
    FulfillmentPlan innerPlan = router.route(inner);
    RoutingRequest outer =
        RoutingRequest.of(
            order(address(BERLIN_POINT, "DE"), line("1", "A", 1), line("2", "B", 2)),
            snap,
            profile()
                .strategy(RoutingStrategy.SCORED)
                .addCriteria(WeightedCriterion.of(Criteria.proximity(900), 1))
                .build());
    FulfillmentPlan expected = router.route(outer);

    RoutingRequest nested =
        outer.withProfile(
            profile()
                .strategy(RoutingStrategy.SCORED)
                .addCriteria(WeightedCriterion.of(Criteria.proximity(900), 1))
                .addCriteria(
                    WeightedCriterion.of(
                        new ScoredCriterion() {
                          @Override
                          public String name() {
                            return "routes-again";
                          }

                          @Override
                          public OptionalDouble score(NodeView view) {
                            assertThat(router.route(inner)).isEqualTo(innerPlan);
                            return OptionalDouble.of(1);
                          }
                        },
                        1))
                .build());
    FulfillmentPlan plan = router.route(nested);

    assertThat(plan.shipments()).isEqualTo(expected.shipments());
    assertThat(plan.cost()).isEqualTo(expected.cost());
    assertThat(plan.explanation().nodes())
        .extracting(NodeAssessment::linesHeld)
        .isEqualTo(expected.explanation().nodes().stream().map(NodeAssessment::linesHeld).toList());
    assertThat(router.route(inner)).isEqualTo(innerPlan);
  }
}
