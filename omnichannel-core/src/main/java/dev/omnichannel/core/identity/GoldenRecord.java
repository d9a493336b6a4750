package dev.omnichannel.core.identity;

import com.google.common.collect.ImmutableList;
import dev.omnichannel.core.ChannelId;
import dev.omnichannel.core.OmnichannelStyle;
import dev.omnichannel.core.order.PostalAddress;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The best-known values of one customer, each attribute chosen among the customer's records by its
 * {@link Survivorship} rule. Only values that normalise take part: an invalid phone or email stays
 * on its record but never becomes the customer's.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
@Value.Immutable
@OmnichannelStyle
public abstract class GoldenRecord {
  GoldenRecord() {}

  /** Returns the customer. */
  public abstract CustomerId customerId();

  /** Returns the customer's records, sorted by key. */
  public abstract ImmutableList<RecordKey> records();

  /** Returns the channels the customer has records on, sorted. */
  public abstract ImmutableList<ChannelId> channels();

  /** Returns the given name as one record sent it. */
  public abstract Optional<String> givenName();

  /** Returns the family name as one record sent it. */
  public abstract Optional<String> familyName();

  /** Returns the preferred email, normalised. */
  public abstract Optional<String> email();

  /** Returns the preferred phone in E.164. */
  public abstract Optional<String> phone();

  /** Returns the preferred postal address as one record sent it. */
  public abstract Optional<PostalAddress> address();

  /** Returns the date of birth as {@code yyyy-MM-dd}. */
  public abstract Optional<String> dateOfBirth();

  /** Returns every valid email of the customer (channel-scoped relays excluded), sorted. */
  public abstract ImmutableList<String> emails();

  /** Returns every valid phone of the customer in E.164, sorted. */
  public abstract ImmutableList<String> phones();

  /** Returns every loyalty id of the customer, sorted. */
  public abstract ImmutableList<String> loyaltyIds();

  /** Returns the latest update among the customer's records. */
  public abstract Instant updatedAt();
}
