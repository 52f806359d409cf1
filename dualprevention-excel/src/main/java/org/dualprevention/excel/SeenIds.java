package org.dualprevention.excel;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The ids an import has read, to refuse a repeated one, in 16 bytes per id (plus the table's slack) rather
 * than a string in a hash set (about a hundred bytes): each id is kept as the first 128 bits of the SHA-256
 * of its kind and text. Two different ids share them with probability about n²/2¹²⁹, so a repeat reported
 * is a repeat.
 */
final class SeenIds {
    private final MessageDigest sha;
    private long[] table = new long[2 * 1024];
    private int size;

    SeenIds() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Adds an id of a kind; returns false if it was there already. */
    boolean add(String kind, String id) {
        long[] h = hash(kind, id);
        if ((size + 1) * 4L > table.length) {
            grow();
        }
        boolean added = insert(table, h[0], h[1]);
        if (added) {
            size++;
        }
        return added;
    }

    /** Whether an id of a kind was added. */
    boolean contains(String kind, String id) {
        long[] h = hash(kind, id);
        int slots = table.length / 2;
        int i = (int) (h[0] ^ (h[0] >>> 32)) & (slots - 1);
        while (true) {
            long a = table[2 * i];
            long b = table[2 * i + 1];
            if (a == 0 && b == 0) {
                return false;
            }
            if (a == h[0] && b == h[1]) {
                return true;
            }
            i = (i + 1) & (slots - 1);
        }
    }

    private long[] hash(String kind, String id) {
        sha.reset();
        sha.update(kind.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        ByteBuffer d = ByteBuffer.wrap(sha.digest(id.getBytes(StandardCharsets.UTF_8)));
        long h1 = d.getLong();
        long h2 = d.getLong();
        if (h1 == 0 && h2 == 0) {
            h2 = 1; // (0, 0) marks an empty slot
        }
        return new long[] {h1, h2};
    }

    private static boolean insert(long[] t, long h1, long h2) {
        int slots = t.length / 2;
        int i = (int) (h1 ^ (h1 >>> 32)) & (slots - 1);
        while (true) {
            long a = t[2 * i];
            long b = t[2 * i + 1];
            if (a == 0 && b == 0) {
                t[2 * i] = h1;
                t[2 * i + 1] = h2;
                return true;
            }
            if (a == h1 && b == h2) {
                return false;
            }
            i = (i + 1) & (slots - 1);
        }
    }

    private void grow() {
        long[] old = table;
        long[] t = new long[old.length * 2];
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != 0 || old[i + 1] != 0) {
                insert(t, old[i], old[i + 1]);
            }
        }
        table = t;
    }
}
