package dev.omnichannel.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.IdempotencyKey;
import dev.omnichannel.core.NodeId;
import dev.omnichannel.core.Sku;
import dev.omnichannel.testkit.Gen;
import dev.omnichannel.testkit.Property;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the pool remembers as words reads back as an equal value: reservations in every state and
 * kind, positions, transfers and rejections, with identifiers of any characters.
 */
class RecordCodecProperties {
  private static final NodeId[] NODES = {NodeId.of("DC-1"), NodeId.of("FBA"), NodeId.of("Köln")};
  private static final ChannelId[] CHANNELS = {ChannelId.of("web"), ChannelId.of("amazon")};
  private static final RecordCodec CODEC =
      new RecordCodec(
          NODES,
          CHANNELS,
          ordinal -> {
            throw new AssertionError("no SKU numbers in views written by value");
          });
  private static final List<ReservationKind> KINDS = List.of(ReservationKind.values());
  private static final List<ReservationState> STATES = List.of(ReservationState.values());

  private static final Gen<String> IDS =
      Gen.strings("AB-9xü€\u4e2d\uD83D\uDE00", 1, 40).filter(s -> s.strip().equals(s));

  private static final Gen<Allocation> ALLOCATIONS =
      Gen.zip(
          Gen.zip(IDS, Gen.ints(0, NODES.length - 1), (sku, n) -> new Object[] {sku, n}),
          Gen.zip(Gen.longs(1, Long.MAX_VALUE), Gen.longs(0, 1_000), (q, f) -> new long[] {q, f}),
          (a, b) ->
              new Allocation(
                  Sku.of((String) a[0]), NODES[(Integer) a[1]], b[0], Math.min(b[0], b[1])));

  private static final Gen<Reservation> RESERVATIONS =
      Gen.zip(
          Gen.zip(IDS, IDS, (id, key) -> new String[] {id, key}),
          Gen.zip(
              Gen.zip(
                  Gen.ints(0, CHANNELS.length - 1), Gen.ints(0, 7), (c, ks) -> new int[] {c, ks}),
              Gen.zip(
                  Gen.longs(-1, Long.MAX_VALUE / 2_000_000),
                  Gen.listOf(ALLOCATIONS, 0, 5),
                  (expiry, list) -> new Object[] {expiry, list}),
              (a, b) -> new Object[] {a, b}),
          (names, rest) -> {
            int[] ck = (int[]) rest[0];
            Object[] el = (Object[]) rest[1];
            long expiry = (Long) el[0];
            @SuppressWarnings("unchecked")
            List<Allocation> allocations = (List<Allocation>) el[1];
            ReservationKind kind = KINDS.get(ck[1] % KINDS.size());
            return new Reservation(
                ReservationId.of(names[0]),
                IdempotencyKey.of(names[1]),
                CHANNELS[ck[0]],
                kind,
                expiry < 0 ? null : Instant.ofEpochMilli(expiry).plusNanos(ck[1]),
                STATES.get(ck[1] % STATES.size()),
                ImmutableList.copyOf(allocations));
          });

  private static <T> void roundTrip(Outcome<T> outcome) {
    Words words = new Words(1);
    assertThat(CODEC.writeOutcome(outcome, words)).isTrue();
    long[] array = new long[words.size()];
    words.copyTo(array, 0);
    Words.Reader reader = new Words.Reader(array, 0, words.bytes());
    assertThat(CODEC.readOutcome(reader)).isEqualTo(outcome);
    assertThat(reader.atEnd()).isTrue();
  }

  @Test
  void reservationsReadBackEqual() {
    Property.forAll(RESERVATIONS).tries(500).check(r -> roundTrip(Outcome.applied(r)));
  }

  /** Identifiers the pool issues, and others that only look like them. */
  private static final Gen<String> RESERVATION_IDS =
      Gen.oneOf(
          IDS,
          Gen.longs(1, 999_999_999_999_999_999L).map(n -> RecordCodec.ISSUED_PREFIX + n),
          Gen.elements(
              List.of(
                  "R-1",
                  "R-0",
                  "R-01",
                  "R-",
                  "R-1a",
                  "r-5",
                  "R--1",
                  "R-+1",
                  "R-1 ",
                  "R-١",
                  "R-9999999999999999999",
                  "R-1000000000000000000")));

  @Test
  void reservationsWrittenFromTheirRecordReadBackEqual() {
    Property.forAll(Gen.zip(RESERVATIONS, RESERVATION_IDS, (r, id) -> new Object[] {r, id}))
        .tries(500)
        .check(
            o -> {
              Reservation generated = (Reservation) o[0];
              Reservation view =
                  new Reservation(
                      ReservationId.of((String) o[1]),
                      generated.key(),
                      generated.channel(),
                      generated.kind(),
                      generated.expiresAt(),
                      generated.state(),
                      generated.allocations());
              // The record the view was made from: its SKUs numbered in the order they appear.
              int size = view.allocations().size();
              List<Sku> numbered = new java.util.ArrayList<>();
              SkuState[] states = new SkuState[size];
              int[] nodes = new int[size];
              long[] quantity = new long[size];
              for (int i = 0; i < size; i++) {
                Allocation a = view.allocations().get(i);
                numbered.add(a.sku());
                states[i] = new SkuState(a.sku(), NODES.length, CHANNELS.length, i, new long[8], 0);
                nodes[i] = List.of(NODES).indexOf(a.node());
                quantity[i] = a.quantity();
              }
              int channel = List.of(CHANNELS).indexOf(view.channel());
              ReservationRecord record =
                  new ReservationRecord(
                      view.id(),
                      view.key(),
                      channel,
                      view.channel(),
                      view.kind(),
                      Long.MAX_VALUE,
                      states,
                      states,
                      nodes,
                      quantity);
              RecordCodec codec = new RecordCodec(NODES, CHANNELS, numbered::get);
              Words words = new Words(1);
              codec.writeOutcome(view, record, words);
              long[] array = new long[words.size()];
              words.copyTo(array, 0);
              Words.Reader reader = new Words.Reader(array, 0, words.bytes());
              Outcome<?> read = codec.readOutcome(reader);
              assertThat(read).isEqualTo(Outcome.applied(view));
              assertThat(reader.atEnd()).isTrue();
              // The SKUs read back are the pool's own instances, not copies.
              Reservation back = (Reservation) ((Outcome.Applied<?>) read).value();
              for (int i = 0; i < size; i++) {
                assertThat(back.allocations().get(i).sku()).isSameAs(numbered.get(i));
              }
            });
  }

  @Test
  void issuedIdentifiersAreExactlyPrefixAndNumber() {
    assertThat(RecordCodec.issuedNumber("R-1")).isEqualTo(1);
    assertThat(RecordCodec.issuedNumber("R-999999999999999999"))
        .isEqualTo(999_999_999_999_999_999L);
    for (String other :
        List.of("R-0", "R-01", "R-", "R", "", "R-1a", "r-5", "R--1", "R-+1", "R-1 ", "R-١")) {
      assertThat(RecordCodec.issuedNumber(other)).as(other).isZero();
    }
    assertThat(RecordCodec.issuedNumber("R-9999999999999999999")).isZero();
  }

  @Test
  void positionsTransfersAndRejectionsReadBackEqual() {
    Gen<long[]> numbers =
        Gen.zip(
            Gen.zip(Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE), Gen.longs(0, 9), (a, b) -> a ^ b),
            Gen.ints(0, NODES.length - 1),
            (a, n) -> new long[] {a, n, a >>> 3, -a});
    Property.forAll(Gen.zip(IDS, numbers, (id, n) -> new Object[] {id, n}))
        .tries(300)
        .check(
            o -> {
              String id = (String) o[0];
              long[] n = (long[]) o[1];
              NodeId node = NODES[(int) n[1]];
              roundTrip(Outcome.applied(new Position(Sku.of(id), node, n[0], n[2], n[3], n[0])));
              roundTrip(
                  Outcome.applied(
                      new Transfer(
                          TransferId.of(id),
                          Sku.of(id),
                          node,
                          NODES[(int) (n[1] + 1) % NODES.length],
                          n[0],
                          n[2])));
              for (RejectionReason reason : RejectionReason.values()) {
                roundTrip(Outcome.rejected(reason, id + " at " + node));
              }
            });
  }

  @Test
  void leavesUnknownValuesToTheCaller() {
    Words words = new Words(1);
    assertThat(CODEC.writeOutcome(Outcome.applied("a value of another kind"), words)).isFalse();
    assertThat(words.size()).isZero();
  }
}
