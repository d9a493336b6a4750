package dev.omnichannel.core.identity;

/**
 * A field the probabilistic model compares between two records.
 *
 * @since 0.1.0
 */
public enum Field {
  /** Given name, nicknames resolved; compared both ways round when names look swapped. */
  GIVEN_NAME(0),
  /** Family name. */
  FAMILY_NAME(1),
  /** Date of birth. */
  DATE_OF_BIRTH(2),
  /** House number of the street address. */
  HOUSE_NUMBER(3),
  /** Street name and further address lines. */
  STREET(4),
  /** City, suburb or locality. */
  LOCALITY(5),
  /** Postal code. */
  POSTAL_CODE(6),
  /** State, province or region. */
  REGION(7),
  /** Email addresses, compared fuzzily (equal valid emails are a deterministic rule). */
  EMAIL(8),
  /** Phone numbers (equal valid numbers are a deterministic rule). */
  PHONE(9);

  static final Field[] ALL = values();

  /**
   * The field's position in comparison vectors and model tables: stated explicitly so that the
   * packing never depends on the order of declaration.
   */
  final int index;

  Field(int index) {
    this.index = index;
  }
}
