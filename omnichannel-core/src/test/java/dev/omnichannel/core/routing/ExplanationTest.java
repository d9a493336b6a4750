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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import dev.omnichannel.core.inventory.AvailabilitySnapshot;
import dev.omnichannel.core.order.OrderLine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The explanation a route call returns makes its node assessments when first asked: they must say
 * what the call found, whoever asks and whenever, for orders of any size.
 */
class ExplanationTest {
  private static final NodeProfile HAM = node("HAM", HAMBURG_POINT, "DE").build();
  private static final NodeProfile MUC = node("MUC", MUNICH_POINT, "DE").build();
  private static final NodeProfile POZ = node("POZ", POZNAN_POINT, "PL").build();
  private static final NodeProfile XXX =
      node("XXX", MUNICH_POINT, "DE").servedCountries(List.of("PL")).build();

  /**
   * An order of {@code lines} lines, one unit of its own SKU each: Hamburg holds every SKU, Munich
   * every third, Poznań none; node XXX does not serve the destination.
   */
  private static FulfillmentPlan route(int lines) {
    List<OrderLine> order = new ArrayList<>();
    AvailabilitySnapshot.Builder snap = snapshot();
    for (int x = 0; x < lines; x++) {
      order.add(line("L" + x, "S" + x, 1));
      snap.available(sku("S" + x), id("HAM"), WEB, 2);
      if (x % 3 == 0) {
        snap.available(sku("S" + x), id("MUC"), WEB, 1);
      }
      snap.available(sku("S" + x), id("XXX"), WEB, 5);
    }
    snap.available(sku("OTHER"), id("POZ"), WEB, 9);
    Router router = Router.create(network(HAM, MUC, POZ, XXX), CLOCK);
    return router.route(
        RoutingRequest.of(
            order(address(BERLIN_POINT, "DE"), order), snap.build(), profile().build()));
  }

  private static List<String> ids(int lines, int every) {
    List<String> out = new ArrayList<>();
    for (int x = 0; x < lines; x++) {
      if (x % every == 0) {
        out.add("L" + x);
      }
    }
    return out;
  }

  @Test
  void nodesHoldTheirLinesInLineOrderOnBothSidesOfSixtyFourItems() {
    for (int lines : new int[] {1, 2, 63, 64, 65, 70, 130}) {
      FulfillmentPlan plan = route(lines);
      ImmutableList<NodeAssessment> nodes = plan.explanation().nodes();
      assertThat(nodes)
          .extracting(a -> a.node().value())
          .containsExactly("HAM", "MUC", "POZ", "XXX");
      NodeAssessment ham = nodes.get(0);
      NodeAssessment muc = nodes.get(1);
      NodeAssessment poz = nodes.get(2);
      NodeAssessment xxx = nodes.get(3);
      assertThat(ham.linesHeld()).as("%s lines", lines).isEqualTo(ids(lines, 1));
      assertThat(muc.linesHeld()).as("%s lines", lines).isEqualTo(ids(lines, 3));
      assertThat(ham.standaloneCost()).isPresent();
      assertThat(muc.standaloneCost()).isPresent();
      assertThat(poz.linesHeld()).isEmpty();
      assertThat(poz.standaloneCost()).isEmpty();
      assertThat(poz.exclusions()).containsExactly(ExclusionReason.NO_STOCK);
      assertThat(xxx.exclusions()).isNotEmpty().doesNotContain(ExclusionReason.NO_STOCK);
      assertThat(xxx.linesHeld()).isEmpty();
      assertThat(xxx.standaloneCost()).isEmpty();
      // Hamburg holds everything, so shipping all of it from there alone is the plan itself.
      assertThat(plan.shipments())
          .singleElement()
          .satisfies(s -> assertThat(s.node()).isEqualTo(id("HAM")));
      assertThat(ham.standaloneCost().getAsLong()).isEqualTo(plan.cost().total());
      assertThat(ham.distanceKm()).isEqualTo(HAMBURG_POINT.distanceKm(BERLIN_POINT));
      // The distance the assessment gives is the one the plan was routed by.
      assertThat(ham.distanceKm()).isEqualTo(plan.shipments().get(0).distanceKm());
      assertThat(muc.distanceKm()).isEqualTo(MUNICH_POINT.distanceKm(BERLIN_POINT));
    }
  }

  @Test
  void anExplanationReadLaterSaysWhatItSaidRightAway() {
    FulfillmentPlan first = route(70);
    FulfillmentPlan small = route(5);
    Explanation readNow = route(70).explanation();
    String now = readNow.toString();
    // Other orders reuse the arrays the first route call worked in.
    for (int lines = 1; lines < 40; lines++) {
      route(lines);
    }
    assertThat(first.explanation().toString()).isEqualTo(now);
    assertThat(first.explanation()).isEqualTo(readNow).hasSameHashCodeAs(readNow);
    assertThat(small.explanation().nodes().get(0).linesHeld()).isEqualTo(ids(5, 1));
  }

  @Test
  void threadsReadingOneExplanationAtOnceSeeEqualAssessments() throws Exception {
    int threads = 6;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 20; round++) {
        Explanation shared = route(10 + round).explanation();
        ImmutableList<NodeAssessment> expected = route(10 + round).explanation().nodes();
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Future<ImmutableList<NodeAssessment>>> reads = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          reads.add(
              pool.submit(
                  () -> {
                    start.await();
                    return shared.nodes();
                  }));
        }
        for (Future<ImmutableList<NodeAssessment>> read : reads) {
          assertThat(read.get(1, TimeUnit.MINUTES)).isEqualTo(expected);
        }
        // Once read, the same list is returned every time.
        assertThat(shared.nodes()).isSameAs(shared.nodes());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anExplanationBuiltFromItsValuesEqualsTheRoutersOwn() {
    Explanation made = route(7).explanation();
    Explanation copy =
        new Explanation(
            made.nodes(),
            made.objective(),
            made.planKey(),
            made.runnerUp(),
            made.runnerUpKey(),
            made.decidedBy(),
            made.searchSteps(),
            made.notes());
    assertThat(copy).isEqualTo(made).hasSameHashCodeAs(made);
    assertThat(copy.toString()).isEqualTo(made.toString()).startsWith("Explanation[nodes=[");
    assertThat(copy.candidates()).isEqualTo(made.candidates());
    assertThat(made.candidates()).extracting(a -> a.node().value()).containsExactly("HAM", "MUC");

    Explanation other =
        new Explanation(
            made.nodes(),
            made.objective(),
            made.planKey(),
            Optional.of("something else"),
            made.runnerUpKey(),
            made.decidedBy(),
            made.searchSteps(),
            made.notes());
    assertThat(other).isNotEqualTo(made);
  }

  @Test
  void aKeyWithANullIsRefused() {
    Explanation made = route(3).explanation();
    List<Long> withNull = new ArrayList<>(Arrays.asList(1L, null));
    assertThatThrownBy(
            () ->
                new Explanation(
                    made.nodes(),
                    made.objective(),
                    made.planKey(),
                    made.runnerUp(),
                    ImmutableList.copyOf(withNull),
                    made.decidedBy(),
                    made.searchSteps(),
                    made.notes()))
        .isInstanceOf(NullPointerException.class);
  }
}
