package dev.omnichannel.core.identity;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import java.util.Arrays;
import java.util.Collection;

/**
 * The records behind every key (identifier or blocking key), by 64-bit fingerprint: an
 * open-addressing table from fingerprint to a bucket of record indexes, compact because most keys
 * belong to one record. Not thread-safe for writes; concurrent reads without writes are safe.
 */
final class KeyIndex {
  private static final HashFunction FINGERPRINT = Hashing.farmHashFingerprint64();
  private static final int[] NONE = new int[0];

  private long[] keys = new long[1 << 10];

  /** Bucket number plus one per slot; 0 marks an empty slot. */
  private int[] slots = new int[1 << 10];

  private int used;

  private int[] sizes = new int[1 << 9];
  private int[] first = new int[1 << 9];
  private int[][] rest = new int[1 << 9][];
  private boolean[] strong = new boolean[1 << 9];
  private int buckets;

  static long fingerprint(String key) {
    return FINGERPRINT.hashUnencodedChars(key).asLong();
  }

  static long[] fingerprints(Collection<String> keys) {
    long[] out = new long[keys.size()];
    int i = 0;
    for (String k : keys) {
      out[i++] = fingerprint(k);
    }
    Arrays.sort(out);
    return out;
  }

  private int slot(long key) {
    int mask = keys.length - 1;
    int i = (int) (key ^ (key >>> 32)) * 0x9E3779B1 & mask;
    while (slots[i] != 0 && keys[i] != key) {
      i = (i + 1) & mask;
    }
    return i;
  }

  /** Returns the bucket of {@code key}, or -1. */
  int bucket(long key) {
    return slots[slot(key)] - 1;
  }

  int size(int bucket) {
    return sizes[bucket];
  }

  boolean strong(int bucket) {
    return strong[bucket];
  }

  int member(int bucket, int i) {
    return i == 0 ? first[bucket] : rest[bucket][i - 1];
  }

  int[] members(int bucket) {
    int n = sizes[bucket];
    if (n == 0) {
      return NONE;
    }
    int[] out = new int[n];
    out[0] = first[bucket];
    if (n > 1) {
      System.arraycopy(rest[bucket], 0, out, 1, n - 1);
    }
    return out;
  }

  /** Adds {@code record} to the key's bucket and returns the bucket. */
  int add(long key, boolean isStrong, int record) {
    int s = slot(key);
    int b = slots[s] - 1;
    if (b < 0) {
      if (buckets == sizes.length) {
        int grown = buckets * 2;
        sizes = Arrays.copyOf(sizes, grown);
        first = Arrays.copyOf(first, grown);
        rest = Arrays.copyOf(rest, grown);
        strong = Arrays.copyOf(strong, grown);
      }
      b = buckets++;
      strong[b] = isStrong;
      keys[s] = key;
      slots[s] = b + 1;
      if (++used * 2 > keys.length) {
        rehash();
      }
    }
    int n = sizes[b];
    if (n == 0) {
      first[b] = record;
    } else {
      int[] r = rest[b];
      if (r == null) {
        r = new int[2];
      } else if (r.length == n - 1) {
        r = Arrays.copyOf(r, r.length * 2);
      }
      r[n - 1] = record;
      rest[b] = r;
    }
    sizes[b] = n + 1;
    return b;
  }

  /**
   * Removes {@code record} from the key's bucket and returns the bucket, or -1 if the key is
   * unknown. An emptied bucket stays, empty, for the key's next record.
   */
  int remove(long key, int record) {
    int b = bucket(key);
    if (b < 0) {
      return -1;
    }
    int[] all = members(b);
    int n = all.length;
    int at = -1;
    for (int i = 0; i < n; i++) {
      if (all[i] == record) {
        at = i;
        break;
      }
    }
    if (at < 0) {
      return b;
    }
    System.arraycopy(all, at + 1, all, at, n - at - 1);
    n--;
    sizes[b] = n;
    if (n > 0) {
      first[b] = all[0];
      if (n > 1) {
        int[] r = rest[b];
        if (r != null) {
          System.arraycopy(all, 1, r, 0, n - 1);
        }
      }
    }
    return b;
  }

  private void rehash() {
    long[] oldKeys = keys;
    int[] oldSlots = slots;
    keys = new long[oldKeys.length * 2];
    slots = new int[oldSlots.length * 2];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldSlots[i] != 0) {
        int s = slot(oldKeys[i]);
        keys[s] = oldKeys[i];
        slots[s] = oldSlots[i];
      }
    }
  }
}
