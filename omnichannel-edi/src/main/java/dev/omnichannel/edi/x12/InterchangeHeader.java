package dev.omnichannel.edi.x12;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The content of an ISA header the {@link X12Writer} writes; the writer pads every field to its
 * fixed width. ISA11 follows the delimiters and the version (the repetition separator from 00402,
 * {@code U} before). Immutable and thread-safe.
 *
 * @param senderQualifier ISA05, for example {@code ZZ} or {@code 12}
 * @param senderId ISA06, at most 15 characters
 * @param receiverQualifier ISA07
 * @param receiverId ISA08, at most 15 characters
 * @param date ISA09, six digits {@code yyMMdd}
 * @param time ISA10, four digits {@code HHmm}
 * @param version ISA12, for example {@code 00401} or {@code 00501}
 * @param controlNumber ISA13, or empty to take the next one from the writer's {@link
 *     dev.omnichannel.edi.x12.spi.ControlNumberSource}
 * @param acknowledgmentRequested ISA14
 * @param test ISA15 {@code T} when true, {@code P} otherwise
 * @since 0.1.0
 */
public record InterchangeHeader(
    String senderQualifier,
    String senderId,
    String receiverQualifier,
    String receiverId,
    String date,
    String time,
    String version,
    OptionalLong controlNumber,
    boolean acknowledgmentRequested,
    boolean test) {

  /** Creates the header. */
  public InterchangeHeader {
    checkField("senderQualifier", senderQualifier, 2);
    checkField("senderId", senderId, 15);
    checkField("receiverQualifier", receiverQualifier, 2);
    checkField("receiverId", receiverId, 15);
    checkArgument(date.matches("[0-9]{6}"), "date must be yyMMdd: %s", date);
    checkArgument(time.matches("[0-9]{4}"), "time must be HHmm: %s", time);
    checkArgument(version.matches("[0-9]{5}"), "version must be 5 digits: %s", version);
    checkNotNull(controlNumber, "controlNumber");
    controlNumber.ifPresent(
        n ->
            checkArgument(
                n >= 0 && n <= 999_999_999L, "controlNumber must have at most 9 digits: %s", n));
  }

  /** Returns a production header without acknowledgment request at {@code at}. */
  public static InterchangeHeader of(
      String senderQualifier,
      String senderId,
      String receiverQualifier,
      String receiverId,
      LocalDateTime at,
      String version) {
    checkNotNull(at, "at");
    return new InterchangeHeader(
        senderQualifier,
        senderId,
        receiverQualifier,
        receiverId,
        at.format(DateTimeFormatter.ofPattern("yyMMdd", Locale.ROOT)),
        at.format(DateTimeFormatter.ofPattern("HHmm", Locale.ROOT)),
        version,
        OptionalLong.empty(),
        false,
        false);
  }

  /** Returns this header with a fixed control number. */
  public InterchangeHeader withControlNumber(long number) {
    return new InterchangeHeader(
        senderQualifier,
        senderId,
        receiverQualifier,
        receiverId,
        date,
        time,
        version,
        OptionalLong.of(number),
        acknowledgmentRequested,
        test);
  }

  private static void checkField(String name, String value, int max) {
    checkNotNull(value, name);
    checkArgument(
        !value.isEmpty() && value.length() <= max,
        "%s must have 1 to %s characters: '%s'",
        name,
        max,
        value);
  }
}
