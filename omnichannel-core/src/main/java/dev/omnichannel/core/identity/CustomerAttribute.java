package dev.omnichannel.core.identity;

/**
 * An attribute of the golden record, each with its own {@link Survivorship} rule.
 *
 * @since 0.1.0
 */
public enum CustomerAttribute {
  /** The given name. */
  GIVEN_NAME,
  /** The family name. */
  FAMILY_NAME,
  /** The preferred email. */
  EMAIL,
  /** The preferred phone. */
  PHONE,
  /** The preferred postal address. */
  ADDRESS,
  /** The date of birth. */
  DATE_OF_BIRTH
}
