package dev.omnichannel.core.order;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * An amount in one currency. Immutable and thread-safe.
 *
 * @param amount the amount; its scale is kept as given
 * @param currency the ISO 4217 currency
 * @since 0.1.0
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {
  /** Creates the amount. */
  public Money {
    checkNotNull(amount, "amount");
    checkNotNull(currency, "currency");
  }

  /**
   * Returns {@code amount} in the currency with ISO 4217 code {@code currencyCode}.
   *
   * @throws IllegalArgumentException if the amount is not a decimal number or the code is unknown
   */
  public static Money of(String amount, String currencyCode) {
    checkNotNull(amount, "amount");
    checkNotNull(currencyCode, "currencyCode");
    return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
  }

  /** Returns {@code amount} in {@code currency}. */
  public static Money of(BigDecimal amount, Currency currency) {
    return new Money(amount, currency);
  }

  /** Returns zero in {@code currency}. */
  public static Money zero(Currency currency) {
    return new Money(BigDecimal.ZERO, currency);
  }

  /** Returns the sum; both amounts must be in the same currency. */
  public Money plus(Money other) {
    checkSameCurrency(other);
    return new Money(amount.add(other.amount), currency);
  }

  /** Returns this amount times {@code factor}. */
  public Money times(long factor) {
    return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
  }

  /** Compares amounts of the same currency by value, ignoring scale. */
  @Override
  public int compareTo(Money other) {
    checkSameCurrency(other);
    return amount.compareTo(other.amount);
  }

  private void checkSameCurrency(Money other) {
    checkArgument(
        currency.equals(other.currency), "currencies differ: %s and %s", currency, other.currency);
  }

  @Override
  public String toString() {
    return amount.toPlainString() + " " + currency.getCurrencyCode();
  }
}
