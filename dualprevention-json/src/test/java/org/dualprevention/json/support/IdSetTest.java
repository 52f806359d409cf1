package org.dualprevention.json.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The compact id set (the one the JSON import and the Excel reader share) agrees with a HashSet of
 * (kind, id) over seeded ids with many repeats, through its growth.
 */
class IdSetTest {
    private static final List<String> KINDS = List.of("RP", "HZ", "M", "A", "hidden danger");

    @Test
    void agreesWithAHashSet() {
        for (long seed = 1; seed <= 5; seed++) {
            Random random = new Random(seed);
            String at = "seed " + seed + ": ";
            IdSet seen = new IdSet();
            Set<String> oracle = new HashSet<>();
            for (int i = 0; i < 20_000; i++) {
                String kind = KINDS.get(random.nextInt(KINDS.size()));
                String id = random.nextDouble() < 0.3 ? Integer.toString(random.nextInt(500))
                        : "X-" + Long.toHexString(random.nextLong()) + (random.nextBoolean() ? "风险点" : "");
                assertEquals(oracle.add(kind + "\u0000" + id), seen.add(kind, id), at + kind + " " + id);
                assertTrue(seen.contains(kind, id), at + kind + " " + id);
            }
            assertEquals(oracle.size(), seen.size(), at + "size");
            for (String k : oracle) {
                String[] p = k.split("\u0000", 2);
                assertTrue(seen.contains(p[0], p[1]), at + k);
            }
            assertFalse(seen.contains("RP", "never added ✗"), at);
        }
    }

    @Test
    void theKindIsPartOfTheId() {
        IdSet seen = new IdSet();
        assertTrue(seen.add("RP", "1"));
        assertFalse(seen.contains("HZ", "1"));
        assertTrue(seen.add("HZ", "1"));
        assertFalse(seen.add("RP", "1"));
        // where the kind ends and the id begins is part of the hash, so moving a character across is another id
        assertTrue(seen.add("R", "P1"));
        assertTrue(seen.add("RP1", ""));
        assertTrue(seen.add("RP\u001F", "1"));
        assertTrue(seen.add("RP", "\u001F1"));
        assertEquals(6, seen.size());
    }

    /**
     * The hash takes four characters at a time, the last block padded with zeros: ids that differ only by
     * trailing NUL characters (which pad like the padding), or across a block boundary, are still different ids.
     */
    @Test
    void idsThatPadAlikeAreDifferentIds() {
        IdSet seen = new IdSet();
        List<String> ids = List.of("", "\u0000", "\u0000\u0000", "a", "a\u0000", "a\u0000\u0000\u0000", "abc",
                "abc\u0000", "abcd", "abcd\u0000", "abcde", "abcd\u0000e", "\u0000abcd", "abce", "bbcd");
        for (String id : ids) {
            assertTrue(seen.add("RP", id), "[" + id.replace("\u0000", "\\0") + "]");
        }
        for (String id : ids) {
            assertFalse(seen.add("RP", id), "[" + id.replace("\u0000", "\\0") + "]");
        }
        assertEquals(ids.size(), seen.size());
    }

    /** Ids of every length from 0 to 40 around the block boundaries, many sharing long prefixes, agree with a set. */
    @Test
    void idsAroundTheBlockBoundariesAgreeWithAHashSet() {
        long seed = 20261206L;
        Random random = new Random(seed);
        IdSet seen = new IdSet();
        Set<String> oracle = new HashSet<>();
        for (int i = 0; i < 50_000; i++) {
            int n = random.nextInt(41);
            StringBuilder sb = new StringBuilder();
            for (int j = 0; j < n; j++) {
                sb.append((char) (random.nextInt(8) == 0 ? random.nextInt(0x10000) : 'A' + random.nextInt(3)));
            }
            String id = sb.toString();
            assertEquals(oracle.add(id), seen.add("HZ", id), "seed " + seed + ", step " + i);
        }
        assertEquals(oracle.size(), seen.size(), "seed " + seed);
    }
}
