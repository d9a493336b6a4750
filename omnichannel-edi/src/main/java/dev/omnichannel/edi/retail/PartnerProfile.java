package dev.omnichannel.edi.retail;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.omnichannel.edi.Severity;
import dev.omnichannel.edi.x12.Delimiters;
import dev.omnichannel.edi.x12.InterchangeHeader;
import java.time.Duration;
import java.time.LocalDateTime;

/**
 * What one trading partner expects: envelope version, delimiters and identifiers, and the
 * compliance rules above syntax that its routing guide adds (how CTT is counted, how strictly GTIN
 * and SSCC-18 check digits are enforced, how soon after shipment the ASN must arrive, whether
 * shipping more than ordered is tolerated). Immutable and thread-safe.
 *
 * @param partnerId the host's name for the partner
 * @param version GS08 the partner uses, for example {@code 004010} or {@code 004010VICS}
 * @param delimiters the delimiters to write to the partner
 * @param interchangeQualifier ISA07 for the partner
 * @param interchangeId ISA08 for the partner
 * @param applicationId GS03 for the partner
 * @param cttHashTotal whether CTT02 must equal the sum of the line quantities
 * @param gtinCheckDigit severity of a GTIN/UPC with a wrong check digit
 * @param ssccCheckDigit severity of an SSCC-18 with a wrong check digit
 * @param asnWindow the longest time from shipment to ASN the partner accepts
 * @param allowOverShipment whether shipping more units than ordered is only a warning
 * @since 0.1.0
 */
public record PartnerProfile(
    String partnerId,
    String version,
    Delimiters delimiters,
    String interchangeQualifier,
    String interchangeId,
    String applicationId,
    boolean cttHashTotal,
    Severity gtinCheckDigit,
    Severity ssccCheckDigit,
    Duration asnWindow,
    boolean allowOverShipment) {

  /** Creates the profile. */
  public PartnerProfile {
    checkArgument(!partnerId.isEmpty(), "partnerId must not be empty");
    checkArgument(version.length() >= 6, "version must be a GS08 version: %s", version);
    checkNotNull(delimiters, "delimiters");
    checkArgument(interchangeQualifier.length() == 2, "qualifier must have 2 characters");
    checkArgument(
        !interchangeId.isEmpty() && interchangeId.length() <= 15,
        "interchangeId must have 1 to 15 characters: %s",
        interchangeId);
    checkArgument(!applicationId.isEmpty(), "applicationId must not be empty");
    checkNotNull(gtinCheckDigit, "gtinCheckDigit");
    checkNotNull(ssccCheckDigit, "ssccCheckDigit");
    checkArgument(
        !asnWindow.isNegative() && !asnWindow.isZero(),
        "asnWindow must be positive: %s",
        asnWindow);
  }

  /**
   * Returns a profile with common retail defaults: 004010, {@code * > ~}, CTT02 hash totals
   * checked, wrong check digits as errors, ASN within one hour of shipment, no over-shipment.
   */
  public static PartnerProfile retailDefaults(String partnerId, String qualifier, String id) {
    return new PartnerProfile(
        partnerId,
        "004010",
        Delimiters.standard().withoutRepetition(),
        qualifier,
        id,
        id,
        true,
        Severity.ERROR,
        Severity.ERROR,
        Duration.ofHours(1),
        false);
  }

  /**
   * Returns the ISA header for an interchange to this partner from {@code ownQualifier}/{@code
   * ownId} at {@code at}, in the interchange version that matches the profile's group version.
   */
  public InterchangeHeader interchangeTo(String ownQualifier, String ownId, LocalDateTime at) {
    String isaVersion = "00" + version.substring(2, 5);
    return InterchangeHeader.of(
        ownQualifier, ownId, interchangeQualifier, interchangeId, at, isaVersion);
  }

  /** Returns this profile with other check-digit severities. */
  public PartnerProfile withCheckDigitSeverity(Severity gtin, Severity sscc) {
    return new PartnerProfile(
        partnerId,
        version,
        delimiters,
        interchangeQualifier,
        interchangeId,
        applicationId,
        cttHashTotal,
        gtin,
        sscc,
        asnWindow,
        allowOverShipment);
  }

  /** Returns this profile with another CTT02 rule. */
  public PartnerProfile withCttHashTotal(boolean checked) {
    return new PartnerProfile(
        partnerId,
        version,
        delimiters,
        interchangeQualifier,
        interchangeId,
        applicationId,
        checked,
        gtinCheckDigit,
        ssccCheckDigit,
        asnWindow,
        allowOverShipment);
  }
}
