package org.dualprevention.json;

/**
 * A set of ids that detects repeats across millions of items in constant memory per id: it keeps a
 * 128-bit hash of each id (kind included), 16 bytes, instead of the string (about 100 bytes with a
 * {@code HashSet}). Two different ids share a 128-bit hash with probability about n²/2¹²⁹, below 10⁻²⁶
 * for a billion ids, so a reported repeat is a repeat.
 */
final class IdSet {
    private long[] table = new long[2 * 1024];
    private int size;

    /** Adds an id; returns false if it was already present. */
    boolean add(String kind, String id) {
        long h1 = hash(kind, id, 0x9E3779B97F4A7C15L);
        long h2 = hash(kind, id, 0xC2B2AE3D27D4EB4FL);
        if (h1 == 0 && h2 == 0) {
            h2 = 1;
        }
        if ((size + 1) * 2L > table.length / 2) {
            grow();
        }
        return insert(table, h1, h2);
    }

    private boolean insert(long[] t, long h1, long h2) {
        int slots = t.length / 2;
        int i = (int) (h1 ^ (h1 >>> 32)) & (slots - 1);
        while (true) {
            long a = t[2 * i];
            long b = t[2 * i + 1];
            if (a == 0 && b == 0) {
                t[2 * i] = h1;
                t[2 * i + 1] = h2;
                if (t == table) {
                    size++;
                }
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

    private static long hash(String kind, String id, long seed) {
        long h = seed;
        for (int i = 0; i < kind.length(); i++) {
            h = mix(h ^ kind.charAt(i));
        }
        h = mix(h ^ 0x1F);
        for (int i = 0; i < id.length(); i++) {
            h = mix(h ^ id.charAt(i));
        }
        return mix(h ^ id.length());
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }
}
