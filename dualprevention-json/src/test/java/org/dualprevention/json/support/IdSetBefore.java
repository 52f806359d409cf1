package org.dualprevention.json.support;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/** The IdSet of main before the marks (85b537d), kept as the model of IdSetMarksTest. */
final class IdSetBefore {
    private static final long SEED_1 = 0x9E3779B97F4A7C15L;
    private static final long SEED_2 = 0xC2B2AE3D27D4EB4FL;
    private static final int KINDS_KEPT = 4;
    private long[] table = new long[2 * 1024];
    private int size;
    private final @Nullable String[] kinds = new String[KINDS_KEPT];
    private final long[] kindStates = new long[2 * KINDS_KEPT];
    private int nextKind;

    /** An empty set. */
    IdSetBefore() {
    }

    /**
     * Adds an id of a kind.
     *
     * @param kind what the id names, e.g. {@code "RP"} or {@code "hidden danger"}
     * @param id the id
     * @return false if it was there already
     */
    public boolean add(String kind, String id) {
        int k = kind(kind);
        long h1 = hash(kindStates[2 * k], id);
        long h2 = second(h1, hash(kindStates[2 * k + 1], id));
        if ((size + 1) * 2L > table.length / 2) {
            grow();
        }
        boolean added = insert(table, h1, h2);
        if (added) {
            size++;
        }
        return added;
    }

    /**
     * Whether an id of a kind was added.
     *
     * @param kind what the id names
     * @param id the id
     * @return whether {@link #add} has seen it
     */
    public boolean contains(String kind, String id) {
        int k = kind(kind);
        long h1 = hash(kindStates[2 * k], id);
        long h2 = second(h1, hash(kindStates[2 * k + 1], id));
        int i = find(table, h1, h2);
        return table[2 * i] != 0 || table[2 * i + 1] != 0;
    }

    /** @return how many different ids were added */
    public int size() {
        return size;
    }

    private static long second(long h1, long h2) {
        return h1 == 0 && h2 == 0 ? 1 : h2; // (0, 0) marks an empty slot
    }

    /**
     * The slot of the last kinds met (by identity: a reader passes the same few constant strings), with the hash
     * state after the kind under each seed, so an id's hash goes through its own characters only.
     */
    private int kind(String kind) {
        Objects.requireNonNull(kind, "kind");
        for (int i = 0; i < KINDS_KEPT; i++) {
            if (kinds[i] == kind) {
                return i;
            }
        }
        int i = nextKind;
        nextKind = (nextKind + 1) % KINDS_KEPT;
        kinds[i] = kind;
        kindStates[2 * i] = prefix(kind, SEED_1);
        kindStates[2 * i + 1] = prefix(kind, SEED_2);
        return i;
    }

    private static int slot(long h1, int slots) {
        return (int) (h1 ^ (h1 >>> 32)) & (slots - 1);
    }

    /** Adds the hash unless present; returns whether it was added. */
    private static boolean insert(long[] t, long h1, long h2) {
        int i = find(t, h1, h2);
        if (t[2 * i] != 0 || t[2 * i + 1] != 0) {
            return false;
        }
        t[2 * i] = h1;
        t[2 * i + 1] = h2;
        return true;
    }

    /** The slot holding the hash, or the empty slot where it belongs (linear probing; the table is never full). */
    private static int find(long[] t, long h1, long h2) {
        int slots = t.length / 2;
        int i = slot(h1, slots);
        while (true) {
            long a = t[2 * i];
            long b = t[2 * i + 1];
            if ((a == 0 && b == 0) || (a == h1 && b == h2)) {
                return i;
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

    /** The hash state after the kind and its separator. */
    private static long prefix(String kind, long seed) {
        long h = seed;
        for (int i = 0; i < kind.length(); i++) {
            h = mix(h ^ kind.charAt(i));
        }
        return mix(h ^ 0x1F);
    }

    /**
     * The hash of an id from the state after its kind ({@link #prefix}): its characters taken four at a time
     * as one 64-bit block (the last block padded with zeros), each block mixed in as a character used to be,
     * then the length. For ids of one length the blocks spell the id one-to-one, and the length tells the
     * padding apart, so the construction is the one of a character at a time with a quarter of the mixing.
     */
    static long hash(long prefix, String id) {
        Objects.requireNonNull(id, "id");
        long h = prefix;
        int n = id.length();
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            long block = id.charAt(i) | (long) id.charAt(i + 1) << 16 | (long) id.charAt(i + 2) << 32
                    | (long) id.charAt(i + 3) << 48;
            h = mix(h ^ block);
        }
        if (i < n) {
            long block = 0;
            for (int shift = 0; i < n; i++, shift += 16) {
                block |= (long) id.charAt(i) << shift;
            }
            h = mix(h ^ block);
        }
        return mix(h ^ n);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }
}
