package org.dualprevention.json.support;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A set of ids that finds repeats across millions of items in constant memory per id: it keeps a 128-bit
 * hash of each id (its kind included), 16 bytes and a 2-byte mark of the hash plus the table's slack, instead
 * of the string (about 100 bytes in a {@code HashSet}). A probe reads the array of marks (an eighth of the
 * bytes of the hashes, so it stays in the cache longer) and compares the whole hash only where the mark is the
 * same; the set holds exactly the hashes added, whatever the marks. Two different ids share a 128-bit hash with
 * probability about n²/2¹²⁹, below 10⁻²⁶ for a billion ids, so a reported repeat is a repeat. The same id under
 * two kinds (a risk point and a hazard both called {@code 1}) are two ids.
 *
 * <p>The one implementation for the library's import readers: the JSON import (register, ledger, audit log)
 * and the Excel register reader. Not thread-safe.
 *
 * @since 0.1
 */
public final class IdSet {
    private static final long SEED_1 = 0x9E3779B97F4A7C15L;
    private static final long SEED_2 = 0xC2B2AE3D27D4EB4FL;
    private static final int KINDS_KEPT = 4;
    private long[] table = new long[2 * 1024];
    /** The mark of the hash in each slot of {@link #table} (never 0), or 0 for an empty slot. */
    private char[] marks = new char[1024];
    private int size;
    private final @Nullable String[] kinds = new String[KINDS_KEPT];
    private final long[] kindStates = new long[2 * KINDS_KEPT];
    private int nextKind;

    /** An empty set. */
    public IdSet() {
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
        return addHash(h1, second(h1, hash(kindStates[2 * k + 1], id)));
    }

    /** Adds a 128-bit hash unless present (the tests give hashes that collide in their slot and mark). */
    boolean addHash(long h1, long h2) {
        if ((size + 1) * 2L > marks.length) {
            grow();
        }
        boolean added = insert(marks, table, h1, h2);
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
        return containsHash(h1, second(h1, hash(kindStates[2 * k + 1], id)));
    }

    /** Whether the 128-bit hash was added. */
    boolean containsHash(long h1, long h2) {
        return marks[find(marks, table, h1, h2)] != 0;
    }

    /** @return how many different ids were added */
    public int size() {
        return size;
    }

    private static long second(long h1, long h2) {
        return h1 == 0 && h2 == 0 ? 1 : h2; // (0, 0) marked an empty slot before the marks; kept, so the set is the same
    }

    /** The mark of a hash: 15 bits of its second half, never 0. */
    private static char mark(long h2) {
        return (char) (h2 >>> 48 | 1);
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
    private static boolean insert(char[] m, long[] t, long h1, long h2) {
        int i = find(m, t, h1, h2);
        if (m[i] != 0) {
            return false;
        }
        m[i] = mark(h2);
        t[2 * i] = h1;
        t[2 * i + 1] = h2;
        return true;
    }

    /**
     * The slot holding the hash, or the empty slot where it belongs (linear probing; the table is never full):
     * the marks are read first, the hashes only where the mark is the hash's.
     */
    private static int find(char[] m, long[] t, long h1, long h2) {
        int slots = m.length;
        char mark = mark(h2);
        int i = slot(h1, slots);
        while (true) {
            char at = m[i];
            if (at == 0 || at == mark && t[2 * i] == h1 && t[2 * i + 1] == h2) {
                return i;
            }
            i = (i + 1) & (slots - 1);
        }
    }

    private void grow() {
        char[] oldMarks = marks;
        long[] old = table;
        char[] m = new char[oldMarks.length * 2];
        long[] t = new long[old.length * 2];
        for (int i = 0; i < oldMarks.length; i++) {
            if (oldMarks[i] != 0) {
                insert(m, t, old[2 * i], old[2 * i + 1]);
            }
        }
        marks = m;
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
