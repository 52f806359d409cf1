package org.dualprevention.json;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A small open-addressing table from text to a value, looked up with characters in a buffer (the parser's own
 * text buffer) so that a value seen before costs neither a {@link String} nor its hash: the streaming register
 * reader matches codes, method and scheme ids, units and assessors this way. Keys are compared character by
 * character, so a match is exact. It holds at most {@code max} keys; beyond, {@link #put} does nothing and only
 * the keys already held are found. Not thread-safe.
 *
 * @param <T> the values
 */
final class CharTable<T> {
    private @Nullable String[] keys;
    private @Nullable Object[] values;
    private int size;
    private final int max;

    /** An empty table that keeps at most {@code max} keys. */
    CharTable(int max) {
        this.max = max;
        this.keys = new String[16];
        this.values = new Object[16];
    }

    /** A full table of the given entries (which it never grows beyond). */
    static <T> CharTable<T> of(Map<String, T> entries) {
        CharTable<T> t = new CharTable<>(entries.size());
        entries.forEach(t::put);
        return t;
    }

    /** The number of keys held. */
    int size() {
        return size;
    }

    /** The value of the text {@code chars[off, off + len)}, or null if it is not held. */
    @SuppressWarnings("unchecked")
    @Nullable T get(char[] chars, int off, int len) {
        int h = 0;
        for (int i = 0; i < len; i++) {
            h = 31 * h + chars[off + i]; // String.hashCode's, so put can use the key's cached hash
        }
        @Nullable String[] k = keys;
        int mask = k.length - 1;
        for (int i = spread(h) & mask; ; i = (i + 1) & mask) {
            @Nullable String key = k[i];
            if (key == null) {
                return null;
            }
            if (key.length() == len && same(key, chars, off, len)) {
                return (T) values[i];
            }
        }
    }

    /** The value of a string, or null if it is not held (the same as {@link #get(char[], int, int)}). */
    @Nullable T get(String s) {
        return get(s.toCharArray(), 0, s.length());
    }

    private static boolean same(String key, char[] chars, int off, int len) {
        for (int i = 0; i < len; i++) {
            if (key.charAt(i) != chars[off + i]) {
                return false;
            }
        }
        return true;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }

    /** Adds or replaces the value of a key, unless the table is full and the key new. */
    void put(String key, T value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        int i = slot(keys, key);
        if (keys[i] != null) {
            values[i] = value;
            return;
        }
        if (size >= max) {
            return;
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
            i = slot(keys, key);
        }
        keys[i] = key;
        values[i] = value;
        size++;
    }

    /** The slot holding the key, or the empty slot where it belongs (the table is never more than half full). */
    private static int slot(@Nullable String[] k, String key) {
        int mask = k.length - 1;
        for (int i = spread(key.hashCode()) & mask; ; i = (i + 1) & mask) {
            @Nullable String at = k[i];
            if (at == null || at.equals(key)) {
                return i;
            }
        }
    }

    private void grow() {
        @Nullable String[] oldKeys = keys;
        @Nullable Object[] oldValues = values;
        keys = new String[oldKeys.length * 2];
        values = new Object[oldKeys.length * 2];
        for (int j = 0; j < oldKeys.length; j++) {
            @Nullable String key = oldKeys[j];
            if (key != null) {
                int i = slot(keys, key);
                keys[i] = key;
                values[i] = oldValues[j];
            }
        }
    }

    @Override
    public String toString() {
        return "CharTable" + Arrays.toString(keys);
    }
}
