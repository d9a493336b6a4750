package dev.omnichannel.edi.x12.spi;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands out control numbers for outbound interchanges (ISA13), groups (GS06) and transaction sets
 * (ST02). A host implements it over its database so that numbers keep increasing across restarts;
 * implementations must be thread-safe and must never return the same number twice for one scope and
 * sender.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ControlNumberSource {
  /**
   * Returns the next control number for {@code scope} and the sending identifier {@code sender};
   * between 1 and 999,999,999.
   */
  long next(Scope scope, String sender);

  /**
   * Returns a source that counts in memory from 1; numbers restart with the process, so use it in
   * tests and examples only. Thread-safe.
   */
  static ControlNumberSource inMemory() {
    ConcurrentHashMap<String, AtomicLong> counters = new ConcurrentHashMap<>();
    return (scope, sender) -> {
      long n =
          counters.computeIfAbsent(scope + "|" + sender, k -> new AtomicLong()).incrementAndGet();
      return (n - 1) % 999_999_999L + 1;
    };
  }

  /**
   * What a control number identifies.
   *
   * @since 0.1.0
   */
  enum Scope {
    /** ISA13/IEA02. */
    INTERCHANGE,
    /** GS06/GE02. */
    GROUP,
    /** ST02/SE02. */
    TRANSACTION
  }
}
