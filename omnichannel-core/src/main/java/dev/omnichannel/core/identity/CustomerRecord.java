package dev.omnichannel.core.identity;

import com.google.common.collect.ImmutableList;
import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.OmnichannelStyle;
import dev.omnichannel.core.order.PostalAddress;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A customer as one channel knows it: names, emails, phones, postal addresses, loyalty ids, date of
 * birth and the orders and returns seen there. Every value is kept as sent; normalisation happens
 * inside the graph, and values that do not normalise (an invalid phone, an email without a domain,
 * an absurdly long name) stay on the record but are never used as keys.
 *
 * <p>Immutable and thread-safe; build with {@link #builder()}.
 *
 * @since 0.1.0
 */
@Value.Immutable
@OmnichannelStyle
public abstract class CustomerRecord {
  CustomerRecord() {}

  /** Returns a new builder. */
  public static ImmutableCustomerRecord.Builder builder() {
    return ImmutableCustomerRecord.builder();
  }

  /** Returns the channel the record comes from. */
  public abstract ChannelId channel();

  /** Returns the channel's own customer id (an account number, a buyer id, a guest checkout id). */
  public abstract String customerId();

  /** Returns the record's key: channel and customer id. */
  public RecordKey key() {
    return RecordKey.of(channel(), customerId());
  }

  /** Returns the given (first) name as sent, if any. */
  public abstract Optional<String> givenName();

  /** Returns the family name (surname) as sent, if any. */
  public abstract Optional<String> familyName();

  /** Returns the email addresses as sent. */
  public abstract ImmutableList<String> emails();

  /** Returns the phone numbers as sent, in any format. */
  public abstract ImmutableList<String> phones();

  /** Returns the postal addresses, most relevant first. */
  public abstract ImmutableList<PostalAddress> addresses();

  /** Returns the loyalty-programme ids. */
  public abstract ImmutableList<String> loyaltyIds();

  /**
   * Returns identifiers that mean something only on this record's channel (an Amazon buyer id, a
   * TikTok Shop buyer id). They link records of the same channel, never records of different
   * channels.
   */
  public abstract ImmutableList<String> channelScopedIds();

  /** Returns the date of birth as sent ({@code 1971-06-24} or {@code 19710624}), if given. */
  public abstract Optional<String> dateOfBirth();

  /** Returns when the channel last changed the record; survivorship prefers recent values. */
  public abstract Instant updatedAt();

  /** Returns the orders and returns the channel reported for this customer. */
  public abstract ImmutableList<CustomerEvent> events();

  @Value.Check
  void check() {
    // Validates the customer id with the key's rules, at the boundary.
    RecordKey.of(channel(), customerId());
  }
}
