package dev.omnichannel.core.identity;

import com.google.common.collect.ImmutableList;

/**
 * The outcome of adding or correcting a record: the customer it belongs to now and the customers
 * that were merged into that one by this change.
 *
 * @param record the record added or corrected
 * @param customer its customer
 * @param merged ids that stopped being customers of their own by this change, oldest first
 * @since 0.1.0
 */
public record Resolution(RecordKey record, CustomerId customer, ImmutableList<CustomerId> merged) {}
