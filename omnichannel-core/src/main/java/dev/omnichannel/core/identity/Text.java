package dev.omnichannel.core.identity;

import org.jspecify.annotations.Nullable;

/** String folding, phonetic codes and similarity measures used by normalisation and matching. */
final class Text {
  private Text() {}

  /**
   * Folds {@code s} to lower-case ASCII-ish words: accents stripped, every run of characters that
   * are neither letters nor digits becomes one space. Returns null when nothing is left or the
   * input is longer than {@code maxLength} (kept as data, never compared).
   */
  static @Nullable String fold(@Nullable String s, int maxLength) {
    if (s == null || s.isEmpty() || s.length() > maxLength) {
      return null;
    }
    String decomposed =
        isPlainAscii(s) ? s : java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKD);
    StringBuilder out = new StringBuilder(decomposed.length());
    boolean pendingSpace = false;
    for (int i = 0; i < decomposed.length(); ) {
      int cp = decomposed.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      if (type == Character.NON_SPACING_MARK
          || type == Character.ENCLOSING_MARK
          || type == Character.COMBINING_SPACING_MARK
          || type == Character.FORMAT) {
        continue;
      }
      if (Character.isLetterOrDigit(cp)) {
        if (pendingSpace && out.length() > 0) {
          out.append(' ');
        }
        pendingSpace = false;
        appendFolded(out, cp);
      } else {
        pendingSpace = true;
      }
    }
    return out.length() == 0 ? null : out.toString();
  }

  private static boolean isPlainAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private static void appendFolded(StringBuilder out, int cp) {
    switch (cp) {
      case 'ß' -> out.append("ss");
      case 'æ', 'Æ' -> out.append("ae");
      case 'œ', 'Œ' -> out.append("oe");
      case 'ø', 'Ø' -> out.append('o');
      case 'ł', 'Ł' -> out.append('l');
      case 'đ', 'Đ' -> out.append('d');
      case 'ı' -> out.append('i');
      case 'þ', 'Þ' -> out.append("th");
      default -> out.appendCodePoint(Character.toLowerCase(cp));
    }
  }

  /**
   * Returns the American Soundex code of the letters of {@code s} (first letter and three digits),
   * or null when {@code s} has no ASCII letter.
   */
  static @Nullable String soundex(@Nullable String s) {
    if (s == null) {
      return null;
    }
    char[] code = new char[4];
    int n = 0;
    char last = 0;
    for (int i = 0; i < s.length() && n < 4; i++) {
      char c = s.charAt(i);
      if (c < 'a' || c > 'z') {
        continue;
      }
      char d = soundexDigit(c);
      if (n == 0) {
        code[n++] = c;
        last = d;
      } else if (d == '0') {
        // Vowels separate equal codes; h and w do not.
        if (c != 'h' && c != 'w') {
          last = 0;
        }
      } else if (d != last) {
        code[n++] = d;
        last = d;
      }
    }
    if (n == 0) {
      return null;
    }
    while (n < 4) {
      code[n++] = '0';
    }
    return new String(code);
  }

  private static char soundexDigit(char c) {
    return switch (c) {
      case 'b', 'f', 'p', 'v' -> '1';
      case 'c', 'g', 'j', 'k', 'q', 's', 'x', 'z' -> '2';
      case 'd', 't' -> '3';
      case 'l' -> '4';
      case 'm', 'n' -> '5';
      case 'r' -> '6';
      default -> '0';
    };
  }

  /**
   * Returns the Jaro–Winkler similarity of two strings, from 0 (nothing alike) to 1 (equal).
   * Strings longer than 64 characters are compared on their first 64, which keeps the matched
   * positions in two bit sets and the call free of allocation.
   */
  static double jaroWinkler(String a, String b) {
    if (a.equals(b)) {
      return 1.0;
    }
    int la = Math.min(a.length(), 64);
    int lb = Math.min(b.length(), 64);
    if (la == 0 || lb == 0) {
      return 0.0;
    }
    int window = Math.max(0, Math.max(la, lb) / 2 - 1);
    long matchedA = 0;
    long matchedB = 0;
    int matches = 0;
    for (int i = 0; i < la; i++) {
      int from = Math.max(0, i - window);
      int to = Math.min(lb - 1, i + window);
      char c = a.charAt(i);
      for (int j = from; j <= to; j++) {
        if ((matchedB & (1L << j)) == 0 && b.charAt(j) == c) {
          matchedA |= 1L << i;
          matchedB |= 1L << j;
          matches++;
          break;
        }
      }
    }
    if (matches == 0) {
      return 0.0;
    }
    int transpositions = 0;
    long restB = matchedB;
    for (int i = 0; i < la; i++) {
      if ((matchedA & (1L << i)) != 0) {
        int j = Long.numberOfTrailingZeros(restB);
        restB &= restB - 1;
        if (a.charAt(i) != b.charAt(j)) {
          transpositions++;
        }
      }
    }
    double m = matches;
    double jaro = (m / la + m / lb + (m - transpositions / 2.0) / m) / 3.0;
    int prefix = 0;
    int maxPrefix = Math.min(4, Math.min(la, lb));
    while (prefix < maxPrefix && a.charAt(prefix) == b.charAt(prefix)) {
      prefix++;
    }
    return jaro + prefix * 0.1 * (1.0 - jaro);
  }

  /**
   * Returns whether two strings are at most one edit apart: one substitution, insertion, deletion
   * or swap of neighbouring characters.
   */
  static boolean withinOneEdit(String a, String b) {
    int la = a.length();
    int lb = b.length();
    if (Math.abs(la - lb) > 1) {
      return false;
    }
    int i = 0;
    while (i < la && i < lb && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    if (i == la && i == lb) {
      return true;
    }
    if (la == lb) {
      if (a.regionMatches(i + 1, b, i + 1, la - i - 1)) {
        return true;
      }
      return i + 1 < la
          && a.charAt(i) == b.charAt(i + 1)
          && a.charAt(i + 1) == b.charAt(i)
          && a.regionMatches(i + 2, b, i + 2, la - i - 2);
    }
    return la > lb ? a.regionMatches(i + 1, b, i, lb - i) : b.regionMatches(i + 1, a, i, la - i);
  }
}
