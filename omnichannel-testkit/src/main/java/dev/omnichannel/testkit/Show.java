package dev.omnichannel.testkit;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Renders counterexamples for failure messages: quoted strings, hex bytes, bounded length. */
final class Show {
  private static final int LIMIT = 2_000;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Show() {}

  static String show(@Nullable Object value) {
    StringBuilder out = new StringBuilder();
    append(out, value);
    if (out.length() > LIMIT) {
      return out.substring(0, LIMIT) + "… (" + out.length() + " characters in all)";
    }
    return out.toString();
  }

  private static void append(StringBuilder out, @Nullable Object value) {
    if (out.length() > LIMIT) {
      return;
    }
    if (value == null) {
      out.append("null");
    } else if (value instanceof CharSequence chars) {
      appendQuoted(out, chars.toString());
    } else if (value instanceof byte[] bytes) {
      appendBytes(out, bytes);
    } else if (value instanceof Object[] array) {
      appendAll(out, java.util.Arrays.asList(array).iterator(), "[", "]");
    } else if (value instanceof Collection<?> collection) {
      appendAll(out, collection.iterator(), "[", "]");
    } else if (value instanceof Map<?, ?> map) {
      appendAll(out, map.entrySet().iterator(), "{", "}");
    } else if (value instanceof Map.Entry<?, ?> entry) {
      append(out, entry.getKey());
      out.append('=');
      append(out, entry.getValue());
    } else if (value.getClass().isArray()) {
      appendPrimitiveArray(out, value);
    } else {
      out.append(value);
    }
  }

  private static void appendAll(StringBuilder out, Iterator<?> values, String open, String close) {
    out.append(open);
    boolean first = true;
    while (values.hasNext() && out.length() <= LIMIT) {
      if (!first) {
        out.append(", ");
      }
      append(out, values.next());
      first = false;
    }
    out.append(close);
  }

  private static void appendPrimitiveArray(StringBuilder out, Object array) {
    int length = java.lang.reflect.Array.getLength(array);
    out.append('[');
    for (int i = 0; i < length && out.length() <= LIMIT; i++) {
      if (i > 0) {
        out.append(", ");
      }
      out.append(java.lang.reflect.Array.get(array, i));
    }
    out.append(']');
  }

  private static void appendBytes(StringBuilder out, byte[] bytes) {
    out.append("byte[").append(bytes.length).append("] {");
    for (int i = 0; i < bytes.length && out.length() <= LIMIT; i++) {
      out.append(i == 0 ? "" : " ").append(HEX[(bytes[i] >> 4) & 0xf]).append(HEX[bytes[i] & 0xf]);
    }
    out.append('}');
  }

  private static void appendQuoted(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length() && out.length() <= LIMIT; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f || (Character.isSurrogate(c) && !isPaired(s, i))) {
            out.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf]);
            out.append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static boolean isPaired(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }
}
