package dev.omnichannel.core.identity;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The records behind every key (identifier or blocking key), by 64-bit fingerprint. Not
 * thread-safe; lookups only, so no iteration order leaks.
 */
final class KeyIndex {
  private static final HashFunction FINGERPRINT = Hashing.farmHashFingerprint64();

  /** The records that carry one key. */
  static final class Bucket {
    final boolean strong;
    int[] members = new int[1];
    int size;

    Bucket(boolean strong) {
      this.strong = strong;
    }
  }

  private final Map<Long, Bucket> buckets = new HashMap<>();

  static long fingerprint(String key) {
    return FINGERPRINT.hashUnencodedChars(key).asLong();
  }

  static long[] fingerprints(String[] keys) {
    long[] out = new long[keys.length];
    for (int i = 0; i < keys.length; i++) {
      out[i] = fingerprint(keys[i]);
    }
    Arrays.sort(out);
    return out;
  }

  Bucket add(long key, boolean strong, int record) {
    Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(strong));
    if (b.size == b.members.length) {
      b.members = Arrays.copyOf(b.members, b.size * 2);
    }
    b.members[b.size++] = record;
    return b;
  }

  @Nullable Bucket get(long key) {
    return buckets.get(key);
  }

  /** Removes {@code record} from the key's bucket and returns the bucket, or null if now empty. */
  @Nullable Bucket remove(long key, int record) {
    Bucket b = buckets.get(key);
    if (b == null) {
      return null;
    }
    for (int i = 0; i < b.size; i++) {
      if (b.members[i] == record) {
        System.arraycopy(b.members, i + 1, b.members, i, b.size - i - 1);
        b.size--;
        break;
      }
    }
    if (b.size == 0) {
      buckets.remove(key);
      return null;
    }
    return b;
  }

  int keys() {
    return buckets.size();
  }
}
