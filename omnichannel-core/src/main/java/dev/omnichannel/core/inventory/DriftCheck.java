package dev.omnichannel.core.inventory;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.Sku;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Compares two pools, typically a live one and one rebuilt from its journal, and lists every
 * difference: positions, published numbers, reservations and availability sequence numbers. An
 * empty list means no drift. Read-only and thread-safe; run it while the pools are quiet for an
 * exact answer.
 *
 * @since 0.1.0
 */
public final class DriftCheck {
  private DriftCheck() {}

  /** Returns every difference between {@code expected} and {@code actual}; empty if none. */
  public static ImmutableList<String> compare(InventoryPool expected, InventoryPool actual) {
    checkNotNull(expected, "expected");
    checkNotNull(actual, "actual");
    List<String> drift = new ArrayList<>();
    if (!expected.nodes().equals(actual.nodes())) {
      drift.add("nodes differ: " + expected.nodes() + " vs " + actual.nodes());
      return ImmutableList.copyOf(drift);
    }
    if (!expected.channels().equals(actual.channels())) {
      drift.add("channels differ: " + expected.channels() + " vs " + actual.channels());
      return ImmutableList.copyOf(drift);
    }
    TreeSet<Sku> skus = new TreeSet<>(expected.skus());
    skus.addAll(actual.skus());
    for (Sku sku : skus) {
      boolean inExpected = expected.skus().contains(sku);
      boolean inActual = actual.skus().contains(sku);
      if (inExpected != inActual) {
        drift.add(sku + " is known to only one pool");
        continue;
      }
      boolean bundle = isBundle(expected, sku);
      if (!bundle) {
        for (Node node : expected.nodes()) {
          Position a = expected.position(sku, node.id());
          Position b = actual.position(sku, node.id());
          if (!a.equals(b)) {
            drift.add("position " + sku + "@" + node.id() + ": " + a + " vs " + b);
          }
        }
      }
      for (ChannelId channel : expected.channels()) {
        long a = expected.availableToPromise(sku, channel);
        long b = actual.availableToPromise(sku, channel);
        if (a != b) {
          drift.add("published " + sku + " for " + channel + ": " + a + " vs " + b);
        }
      }
    }
    if (expected instanceof DefaultInventoryPool e && actual instanceof DefaultInventoryPool a) {
      Map<String, Long> se = e.sequences();
      Map<String, Long> sa = a.sequences();
      for (String k : new TreeSet<>(se.keySet())) {
        if (!Objects.equals(se.get(k), sa.get(k))) {
          drift.add("availability sequence " + k + ": " + se.get(k) + " vs " + sa.get(k));
        }
      }
      for (ReservationId id : e.reservationIds()) {
        Reservation ra = e.reservation(id).orElse(null);
        Reservation rb = a.reservation(id).orElse(null);
        if (!Objects.equals(ra, rb)) {
          drift.add("reservation " + id + ": " + ra + " vs " + rb);
        }
      }
      if (e.reservationIds().size() != a.reservationIds().size()) {
        drift.add(
            "reservation count: " + e.reservationIds().size() + " vs " + a.reservationIds().size());
      }
    }
    return ImmutableList.copyOf(drift);
  }

  private static boolean isBundle(InventoryPool pool, Sku sku) {
    try {
      pool.position(sku, pool.nodes().get(0).id());
      return false;
    } catch (IllegalArgumentException e) {
      return true;
    }
  }
}
