package dev.omnichannel.edi.retail;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * GS1 check digits: validates GTIN-8/12/13/14 and SSCC-18 and builds SSCC-18 numbers for cartons
 * and pallets. Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class Gs1 {
  private Gs1() {}

  /**
   * Returns the GS1 mod-10 check digit for {@code digits} (the number without its check digit).
   *
   * @throws IllegalArgumentException if {@code digits} is empty or holds a non-digit
   */
  public static int checkDigit(String digits) {
    checkNotNull(digits, "digits");
    checkArgument(!digits.isEmpty() && isDigits(digits), "digits only: '%s'", digits);
    int sum = 0;
    boolean triple = true; // the rightmost digit is weighted 3
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      sum += triple ? 3 * d : d;
      triple = !triple;
    }
    return (10 - sum % 10) % 10;
  }

  /** Returns whether {@code number} (check digit last) has a correct GS1 check digit. */
  public static boolean hasValidCheckDigit(String number) {
    checkNotNull(number, "number");
    if (number.length() < 2 || !isDigits(number)) {
      return false;
    }
    int expected = checkDigit(number.substring(0, number.length() - 1));
    return number.charAt(number.length() - 1) - '0' == expected;
  }

  /** Returns whether {@code gtin} is a GTIN-8, -12, -13 or -14 with a correct check digit. */
  public static boolean isValidGtin(String gtin) {
    int n = gtin.length();
    return (n == 8 || n == 12 || n == 13 || n == 14) && hasValidCheckDigit(gtin);
  }

  /**
   * Returns whether {@code sscc} is an SSCC-18, or the 20-digit form with application identifier
   * {@code 00} in front, with a correct check digit.
   */
  public static boolean isValidSscc(String sscc) {
    String s = sscc.length() == 20 && sscc.startsWith("00") ? sscc.substring(2) : sscc;
    return s.length() == 18 && hasValidCheckDigit(s);
  }

  /**
   * Returns the SSCC-18 for extension digit, GS1 company prefix and serial reference: 17 digits
   * plus the check digit.
   *
   * @throws IllegalArgumentException if the prefix is not 6 to 12 digits, the extension not 0 to 9,
   *     or the serial reference does not fit in the remaining digits
   */
  public static String sscc(int extension, String companyPrefix, long serialReference) {
    checkArgument(extension >= 0 && extension <= 9, "extension digit 0 to 9: %s", extension);
    checkArgument(
        companyPrefix.length() >= 6 && companyPrefix.length() <= 12 && isDigits(companyPrefix),
        "company prefix must be 6 to 12 digits: '%s'",
        companyPrefix);
    int serialDigits = 16 - companyPrefix.length();
    long max = (long) Math.pow(10, serialDigits) - 1;
    checkArgument(
        serialReference >= 0 && serialReference <= max,
        "serial reference must be 0 to %s for prefix %s: %s",
        max,
        companyPrefix,
        serialReference);
    String body =
        extension
            + companyPrefix
            + String.format(java.util.Locale.ROOT, "%0" + serialDigits + "d", serialReference);
    return body + checkDigit(body);
  }

  static boolean isDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
