package dev.omnichannel.core.identity;

/**
 * A field the probabilistic model compares between two records.
 *
 * @since 0.1.0
 */
public enum Field {
  /** Given name, nicknames resolved; compared both ways round when names look swapped. */
  GIVEN_NAME,
  /** Family name. */
  FAMILY_NAME,
  /** Date of birth. */
  DATE_OF_BIRTH,
  /** House number of the street address. */
  HOUSE_NUMBER,
  /** Street name and further address lines. */
  STREET,
  /** City, suburb or locality. */
  LOCALITY,
  /** Postal code. */
  POSTAL_CODE,
  /** State, province or region. */
  REGION,
  /** Email addresses, compared fuzzily (equal valid emails are a deterministic rule). */
  EMAIL,
  /** Phone numbers (equal valid numbers are a deterministic rule). */
  PHONE;

  static final Field[] ALL = values();
}
