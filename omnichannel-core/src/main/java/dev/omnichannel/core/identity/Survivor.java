package dev.omnichannel.core.identity;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.order.Money;
import dev.omnichannel.core.order.PostalAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Builds golden records and cross-channel views by survivorship; pure functions. */
final class Survivor {
  private Survivor() {}

  /** One candidate value of an attribute from one record. */
  private record Candidate<T>(T value, String comparable, CustomerRecord source) {}

  static GoldenRecord golden(
      CustomerId id, List<CustomerRecord> records, Normalizer normalizer, IdentityConfig config) {
    ImmutableGoldenRecord.Builder b = ImmutableGoldenRecord.builder().customerId(id);
    TreeSet<ChannelId> channels = new TreeSet<>();
    TreeSet<String> emails = new TreeSet<>();
    TreeSet<String> phones = new TreeSet<>();
    TreeSet<String> loyalty = new TreeSet<>();
    Instant updated = Instant.MIN;
    List<Candidate<String>> given = new ArrayList<>();
    List<Candidate<String>> family = new ArrayList<>();
    List<Candidate<String>> email = new ArrayList<>();
    List<Candidate<String>> phone = new ArrayList<>();
    List<Candidate<PostalAddress>> address = new ArrayList<>();
    List<Candidate<String>> dob = new ArrayList<>();
    for (CustomerRecord r : records) {
      b.addRecord(r.key());
      channels.add(r.channel());
      if (r.updatedAt().isAfter(updated)) {
        updated = r.updatedAt();
      }
      r.givenName().ifPresent(v -> add(given, v.strip(), normalizer.name(v, true), r));
      r.familyName().ifPresent(v -> add(family, v.strip(), normalizer.name(v, false), r));
      for (String raw : r.emails()) {
        String e = normalizer.email(raw);
        if (e != null && !normalizer.isChannelScoped(e)) {
          emails.add(e);
          add(email, e, e, r);
        }
      }
      String region =
          r.addresses().isEmpty() ? config.defaultRegion() : r.addresses().get(0).countryCode();
      for (String raw : r.phones()) {
        String p = Normalizer.phone(raw, region);
        if (p != null) {
          phones.add(p);
          add(phone, p, p, r);
        }
      }
      for (String raw : r.loyaltyIds()) {
        String l = normalizer.identifier(raw);
        if (l != null) {
          loyalty.add(l);
        }
      }
      if (!r.addresses().isEmpty()) {
        PostalAddress a = r.addresses().get(0);
        add(address, a, addressForm(a, config), r);
      }
      String d = Normalizer.dateOfBirth(r.dateOfBirth().orElse(null));
      if (d != null) {
        add(dob, d.substring(0, 4) + "-" + d.substring(4, 6) + "-" + d.substring(6), d, r);
      }
    }
    pick(given, config.survivorshipOf(CustomerAttribute.GIVEN_NAME), config)
        .ifPresent(b::givenName);
    pick(family, config.survivorshipOf(CustomerAttribute.FAMILY_NAME), config)
        .ifPresent(b::familyName);
    pick(email, config.survivorshipOf(CustomerAttribute.EMAIL), config).ifPresent(b::email);
    pick(phone, config.survivorshipOf(CustomerAttribute.PHONE), config).ifPresent(b::phone);
    pick(address, config.survivorshipOf(CustomerAttribute.ADDRESS), config).ifPresent(b::address);
    pick(dob, config.survivorshipOf(CustomerAttribute.DATE_OF_BIRTH), config)
        .ifPresent(b::dateOfBirth);
    return b.channels(channels)
        .emails(emails)
        .phones(phones)
        .loyaltyIds(loyalty)
        .updatedAt(records.isEmpty() ? Instant.EPOCH : updated)
        .build();
  }

  private static String addressForm(PostalAddress a, IdentityConfig config) {
    StringBuilder s = new StringBuilder();
    for (String line : a.lines()) {
      String f = Text.fold(line, config.maxFieldLength());
      s.append(f == null ? "" : f).append('|');
    }
    s.append(a.postalCode().orElse("")).append('|').append(a.countryCode());
    return s.toString();
  }

  private static <T> void add(
      List<Candidate<T>> list, T value, @Nullable String comparable, CustomerRecord source) {
    if (comparable != null) {
      list.add(new Candidate<>(value, comparable, source));
    }
  }

  /** Most recent first; ties by record key, so the choice never depends on input order. */
  private static final Comparator<Candidate<?>> RECENT =
      Comparator.<Candidate<?>, Instant>comparing(c -> c.source().updatedAt())
          .reversed()
          .thenComparing(c -> c.source().key());

  private static <T> Optional<T> pick(
      List<Candidate<T>> candidates, Survivorship rule, IdentityConfig config) {
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    List<Candidate<T>> sorted = new ArrayList<>(candidates);
    sorted.sort(RECENT);
    switch (rule) {
      case MOST_RECENT -> {
        return Optional.of(sorted.get(0).value());
      }
      case MOST_FREQUENT -> {
        Map<String, Integer> counts = new TreeMap<>();
        for (Candidate<T> c : sorted) {
          counts.merge(c.comparable(), 1, Integer::sum);
        }
        Candidate<T> best = sorted.get(0);
        int bestCount = 0;
        // Walks most recent first, so ties go to the most recent.
        for (Candidate<T> c : sorted) {
          int n = counts.getOrDefault(c.comparable(), 0);
          if (n > bestCount) {
            best = c;
            bestCount = n;
          }
        }
        return Optional.of(best.value());
      }
      case SOURCE_PRIORITY -> {
        List<ChannelId> priority = config.sourcePriority();
        Function<Candidate<T>, Integer> rank =
            c -> {
              int p = priority.indexOf(c.source().channel());
              return p < 0 ? Integer.MAX_VALUE : p;
            };
        Candidate<T> best = sorted.get(0);
        for (Candidate<T> c : sorted) {
          if (rank.apply(c) < rank.apply(best)) {
            best = c;
          }
        }
        return Optional.of(best.value());
      }
    }
    throw new AssertionError(rule);
  }

  static CustomerView view(GoldenRecord golden, List<CustomerRecord> records) {
    Map<String, CustomerEvent> unique = new LinkedHashMap<>();
    for (CustomerRecord r : records) {
      for (CustomerEvent e : r.events()) {
        unique.putIfAbsent(e.kind() + "|" + e.channel() + "|" + e.reference(), e);
      }
    }
    List<CustomerEvent> events = new ArrayList<>(unique.values());
    events.sort(
        Comparator.comparing(CustomerEvent::at)
            .thenComparing(CustomerEvent::channel)
            .thenComparing(CustomerEvent::reference)
            .thenComparing(CustomerEvent::kind));
    TreeMap<ChannelId, Integer> orders = new TreeMap<>();
    TreeMap<ChannelId, Integer> returns = new TreeMap<>();
    TreeMap<String, Money> value = new TreeMap<>();
    CustomerEvent firstOrder = null;
    CustomerEvent lastOrder = null;
    for (CustomerEvent e : events) {
      String currency = e.amount().currency().getCurrencyCode();
      Money zero = Money.zero(e.amount().currency());
      Money sofar = value.getOrDefault(currency, zero);
      if (e.kind() == CustomerEvent.Kind.ORDER) {
        orders.merge(e.channel(), 1, Integer::sum);
        value.put(currency, sofar.plus(e.amount()));
        if (firstOrder == null) {
          firstOrder = e;
        }
        lastOrder = e;
      } else {
        returns.merge(e.channel(), 1, Integer::sum);
        value.put(currency, sofar.plus(e.amount().times(-1)));
      }
    }
    Optional<ChannelId> first;
    Optional<ChannelId> last;
    if (firstOrder != null && lastOrder != null) {
      first = Optional.of(firstOrder.channel());
      last = Optional.of(lastOrder.channel());
    } else {
      List<CustomerRecord> byTime = new ArrayList<>(records);
      byTime.sort(
          Comparator.comparing(CustomerRecord::updatedAt).thenComparing(CustomerRecord::key));
      first = byTime.stream().findFirst().map(CustomerRecord::channel);
      last =
          byTime.isEmpty()
              ? Optional.empty()
              : Optional.of(byTime.get(byTime.size() - 1).channel());
    }
    return ImmutableCustomerView.builder()
        .golden(golden)
        .events(ImmutableList.copyOf(events))
        .ordersByChannel(ImmutableSortedMap.copyOf(orders))
        .returnsByChannel(ImmutableSortedMap.copyOf(returns))
        .lifetimeValue(value)
        .firstChannel(first)
        .lastChannel(last)
        .build();
  }
}
