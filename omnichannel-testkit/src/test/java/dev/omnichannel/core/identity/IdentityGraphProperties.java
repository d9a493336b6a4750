package dev.omnichannel.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.order.PostalAddress;
import dev.omnichannel.testkit.Gen;
import dev.omnichannel.testkit.Property;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Properties of the identity graph over small generated record sets that collide often: shared and
 * invalid emails and phones, relay emails, loyalty ids, nicknames, typos and random unicode, under
 * tight merge-protection limits so that saturation, size caps and loyalty conflicts happen.
 */
class IdentityGraphProperties {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
  private static final IdentityConfig TIGHT =
      IdentityConfig.builder().maxRecordsPerIdentifier(3).maxClusterSize(4).maxBlockSize(5).build();
  private static final List<ChannelId> CHANNELS =
      List.of(ChannelId.of("web"), ChannelId.of("amazon"), ChannelId.of("store"));
  private static final List<String> GIVEN = List.of("anna", "ann", "lena", "bob", "robert");
  private static final List<String> FAMILY = List.of("berg", "burg", "okafor", "smith", "smyth");
  private static final List<String> EMAILS =
      List.of(
          "a@example.com",
          "A@Example.com",
          "b@example.com",
          "x@marketplace.amazon.com",
          "not-an-email");
  private static final List<String> PHONES =
      List.of("+16502530000", "(650) 253-0000", "+442070313000", "12", "+16502530001");
  private static final List<String> DOBS =
      List.of("1980-01-02", "19800102", "1980-02-01", "1999-11-30", "junk");
  private static final List<String> CITIES = List.of("Springfield", "springfeld", "Riverton");

  /** What one generated record carries: indexes into the value pools, 0 for nothing. */
  record Spec(List<Integer> pick, String noise) {
    CustomerRecord toRecord(String id) {
      ImmutableCustomerRecord.Builder r =
          CustomerRecord.builder()
              .channel(CHANNELS.get(pick.get(0) % CHANNELS.size()))
              .customerId(id)
              .updatedAt(Instant.EPOCH.plusSeconds(pick.get(7)));
      value(GIVEN, pick.get(1)).ifPresent(r::givenName);
      if (pick.get(1) == 5) {
        r.givenName(noise);
      }
      value(FAMILY, pick.get(2)).ifPresent(r::familyName);
      value(EMAILS, pick.get(3)).ifPresent(r::addEmail);
      value(PHONES, pick.get(4)).ifPresent(r::addPhone);
      if (pick.get(5) == 1 || pick.get(5) == 2) {
        r.addLoyaltyId("L" + pick.get(5));
      }
      value(DOBS, pick.get(6)).ifPresent(r::dateOfBirth);
      if (pick.get(7) > 1) {
        r.addAddress(
            PostalAddress.builder()
                .addLine(pick.get(7) + " Oak St")
                .city(CITIES.get(pick.get(7) % CITIES.size()))
                .countryCode("US")
                .build());
      }
      return r.build();
    }

    private static Optional<String> value(List<String> pool, int pick) {
      return pick == 0 || pick > pool.size() ? Optional.empty() : Optional.of(pool.get(pick - 1));
    }
  }

  static final Gen<Spec> SPECS =
      Gen.zip(Gen.listOf(Gen.ints(0, 5), 8, 8), Gen.strings(0, 12), Spec::new);

  static List<CustomerRecord> records(List<Spec> specs) {
    List<CustomerRecord> out = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      out.add(specs.get(i).toRecord("r" + i));
    }
    return out;
  }

  static IdentityGraph graph() {
    return IdentityGraph.builder().config(TIGHT).clock(CLOCK).build();
  }

  @Test
  void clustersDoNotDependOnArrivalOrder() {
    Property.forAll(Gen.zip(Gen.listOf(SPECS, 0, 14), Gen.longs(0, 1_000_000), Map::entry))
        .check(
            input -> {
              List<CustomerRecord> records = records(input.getKey());
              IdentityGraph inOrder = graph();
              records.forEach(inOrder::add);
              List<CustomerRecord> shuffled = new ArrayList<>(records);
              Collections.shuffle(shuffled, new Random(input.getValue()));
              IdentityGraph reordered = graph();
              shuffled.forEach(reordered::add);
              IdentityGraph batch = graph();
              batch.addAll(shuffled);
              assertThat(reordered.clusters()).isEqualTo(inOrder.clusters());
              assertThat(batch.clusters()).isEqualTo(inOrder.clusters());
            });
  }

  @Test
  void unmergeThenReaddGivesTheSameClusters() {
    Property.forAll(Gen.zip(Gen.listOf(SPECS, 1, 14), Gen.ints(0, 100), Map::entry))
        .check(
            input -> {
              List<CustomerRecord> records = records(input.getKey());
              IdentityGraph g = graph();
              records.forEach(g::add);
              var before = g.clusters();
              CustomerRecord target = records.get(input.getValue() % records.size());
              // Correcting the record to nothing un-merges it from its customer...
              g.add(
                  CustomerRecord.builder()
                      .channel(target.channel())
                      .customerId(target.customerId())
                      .updatedAt(target.updatedAt())
                      .build());
              CustomerId alone = g.customerOf(target.key()).orElseThrow();
              assertThat(g.records(alone)).containsExactly(target.key());
              // ...and re-adding it restores the clusters.
              g.add(target);
              assertThat(g.clusters()).isEqualTo(before);
            });
  }

  /** Text for every field of a hostile record; the last one is repeated to a huge length. */
  static final Gen<List<String>> HOSTILE_FIELDS =
      Gen.zip(
          Gen.listOf(Gen.strings(0, 40), 9, 9),
          Gen.ints(0, 3),
          (fields, huge) -> {
            if (huge != 0) {
              return fields;
            }
            List<String> out = new ArrayList<>(fields);
            out.set(8, (out.get(8) + "x").repeat(200_000));
            return out;
          });

  @Test
  void hostileRecordsNeverThrowFromInside() {
    Property.forAll(Gen.listOf(HOSTILE_FIELDS, 1, 6))
        .tries(100)
        .check(
            batch -> {
              IdentityGraph g = graph();
              List<RecordKey> keys = new ArrayList<>();
              for (int i = 0; i < batch.size(); i++) {
                List<String> f = batch.get(i);
                String huge = f.get(8);
                CustomerRecord r =
                    CustomerRecord.builder()
                        .channel(CHANNELS.get(i % CHANNELS.size()))
                        .customerId("h" + i)
                        .updatedAt(Instant.EPOCH)
                        .givenName(f.get(0))
                        .familyName(i % 2 == 0 ? f.get(1) : huge)
                        .addEmail(f.get(2))
                        .addEmail(f.get(2) + "@" + f.get(3))
                        .addPhone(f.get(3))
                        .addPhone(huge)
                        .dateOfBirth(f.get(4))
                        .addLoyaltyId(f.get(5))
                        .addChannelScopedId(f.get(6))
                        .addAddress(
                            PostalAddress.builder()
                                .addLine(f.get(7))
                                .addLine(huge)
                                .city(f.get(0))
                                .postalCode(f.get(5))
                                .region(f.get(6))
                                .countryCode("DE")
                                .build())
                        .build();
                keys.add(g.add(r).record());
              }
              for (RecordKey a : keys) {
                CustomerId id = g.customerOf(a).orElseThrow();
                assertThat(g.goldenRecord(id)).isPresent();
                assertThat(g.view(id)).isPresent();
                for (RecordKey b : keys) {
                  assertThat(g.explain(a, b).fields()).isNotEmpty();
                }
                assertThat(g.record(a)).isPresent();
              }
              g.reviewQueue();
              g.customers().forEach(g::links);
            });
  }

  /** One step of a run against the graph. */
  sealed interface Command permits Add, Same, Different, Withdraw {}

  record Add(Spec spec, int target) implements Command {}

  record Same(int a, int b) implements Command {}

  record Different(int a, int b) implements Command {}

  record Withdraw(int a, int b) implements Command {}

  static final Gen<Command> COMMANDS =
      Gen.frequency(
          List.of(
              Map.entry(6, Gen.zip(SPECS, Gen.ints(0, 40), Add::new)),
              Map.entry(2, Gen.zip(Gen.ints(0, 20), Gen.ints(0, 20), Same::new)),
              Map.entry(2, Gen.zip(Gen.ints(0, 20), Gen.ints(0, 20), Different::new)),
              Map.entry(1, Gen.zip(Gen.ints(0, 20), Gen.ints(0, 20), Withdraw::new))));

  @Test
  void assertionsHoldAndIssuedIdsAlwaysResolve() {
    Property.forAll(Gen.listOf(COMMANDS, 1, 30))
        .tries(150)
        .check(
            commands -> {
              IdentityGraph g = graph();
              List<RecordKey> keys = new ArrayList<>();
              Set<List<RecordKey>> apart = new java.util.HashSet<>();
              Set<List<RecordKey>> together = new java.util.HashSet<>();
              Set<CustomerId> issued = new TreeSet<>();
              for (Command c : commands) {
                if (c instanceof Add add) {
                  // Targets beyond the records so far add a new record; others correct one.
                  String id =
                      add.target() < keys.size()
                          ? keys.get(add.target()).customerId()
                          : "r" + keys.size();
                  CustomerRecord r = add.spec().toRecord(id);
                  Resolution res = g.add(r);
                  if (!keys.contains(r.key())) {
                    keys.add(r.key());
                  }
                  issued.add(res.customer());
                  issued.addAll(res.merged());
                } else if (!keys.isEmpty()) {
                  int[] pair = pair(c, keys.size());
                  RecordKey a = keys.get(pair[0]);
                  RecordKey b = keys.get(pair[1]);
                  List<RecordKey> ab = List.of(a, b);
                  List<RecordKey> ba = List.of(b, a);
                  if (c instanceof Same) {
                    if (g.assertSame(a, b).accepted() && !a.equals(b)) {
                      together.add(ab);
                    }
                  } else if (c instanceof Different) {
                    if (g.assertDifferent(a, b).accepted()) {
                      apart.add(ab);
                    }
                  } else {
                    g.withdrawAssertion(a, b);
                    apart.removeAll(List.of(ab, ba));
                    together.removeAll(List.of(ab, ba));
                  }
                }
                issued.addAll(g.customers());
                for (List<RecordKey> p : apart) {
                  assertThat(g.customerOf(p.get(0))).isNotEqualTo(g.customerOf(p.get(1)));
                }
                for (List<RecordKey> p : together) {
                  assertThat(g.customerOf(p.get(0))).isEqualTo(g.customerOf(p.get(1)));
                }
                for (CustomerId id : issued) {
                  Optional<CustomerId> now = g.resolve(id);
                  assertThat(now).isPresent();
                  assertThat(g.customers()).contains(now.orElseThrow());
                  assertThat(g.records(id)).isNotEmpty();
                  if (!now.orElseThrow().equals(id)) {
                    assertThat(g.mergedInto(id)).isPresent();
                  }
                }
                assertThat(g.clusters().stream().mapToInt(Set::size).sum()).isEqualTo(keys.size());
              }
            });
  }

  private static int[] pair(Command c, int size) {
    if (c instanceof Same s) {
      return new int[] {s.a() % size, s.b() % size};
    }
    if (c instanceof Different d) {
      return new int[] {d.a() % size, d.b() % size};
    }
    Withdraw w = (Withdraw) c;
    return new int[] {w.a() % size, w.b() % size};
  }
}
