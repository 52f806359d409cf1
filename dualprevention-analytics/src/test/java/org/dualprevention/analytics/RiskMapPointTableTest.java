package org.dualprevention.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.dualprevention.testkit.Seeds;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * The risk map's table of risk points by the value of their id ({@link RiskMap.PointTable}) against a {@code HashMap}
 * given the same puts, on seeded random keys: from none to 20,000 (so it grows many times), with keys whose hashes
 * are equal ("Aa" and "BB" hash alike, and so does every string made of those blocks), whose hashes differ only in
 * high bits, equal keys in new String objects, keys put twice (the value replaced), and keys never put. Every key
 * answers what the model answers, after every growth, and after {@code replaceAll}. The seed is in every message.
 */
class RiskMapPointTableTest {

    @RepeatedTest(12)
    void tableAnswersAsAHashMap(RepetitionInfo repetition) {
        long seed = Seeds.seed(Seeds.base(), repetition.getCurrentRepetition() - 1);
        Seeds.run(seed, gen -> check(seed, repetition.getCurrentRepetition()));
    }

    private static void check(long seed, int repetition) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = switch (repetition % 4) {
            case 0 -> 0;
            case 1 -> rnd.nextInt(1, 40);
            case 2 -> rnd.nextInt(40, 2_000);
            default -> 20_000;
        };
        String msg = "[seed=" + seed + " replay with -D" + Seeds.PROPERTY + "=" + seed + "], " + n + " puts";
        RiskMap.PointTable table = new RiskMap.PointTable();
        Map<String, Object> model = new HashMap<>();
        List<String> asked = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String key = key(rnd);
            Object value = Integer.valueOf(i);
            table.put(key, value);
            model.put(key, value);
            asked.add(key);
            asked.add(key(rnd)); // most never put
            if (rnd.nextInt(50) == 0) {
                // every key so far, in new String objects, mid-way
                for (String k : model.keySet()) {
                    assertSame(model.get(k), table.get(new String(k)), msg + ", key " + k + " after " + i);
                }
            }
        }
        assertEquals(model.size(), table.size(), msg);
        for (String k : asked) {
            assertSame(model.get(k), table.get(new String(k)), msg + ", key " + k);
        }
        for (String k : List.of("", "Aa", "BB", "AaAa", "BBBB", "AaBB", "P-1")) {
            assertSame(model.get(k), table.get(k), msg + ", key " + k);
        }
        table.replaceAll(v -> "v" + v);
        for (Map.Entry<String, Object> e : model.entrySet()) {
            assertEquals("v" + e.getValue(), table.get(e.getKey()), msg + ", key " + e.getKey() + " replaced");
        }
    }

    /** A key: an id as a store names risk points, a string of hash-colliding blocks, or one of a few fixed ones. */
    private static String key(SplittableRandom rnd) {
        switch (rnd.nextInt(4)) {
            case 0: {
                StringBuilder b = new StringBuilder();
                int blocks = rnd.nextInt(1, 7);
                for (int i = 0; i < blocks; i++) {
                    b.append(rnd.nextBoolean() ? "Aa" : "BB");
                }
                return b.toString();
            }
            case 1:
                // hashes apart by multiples of 2^16 and more (the spread folds the high bits in)
                return "RP-" + (rnd.nextInt(64) << 16);
            case 2:
                return List.of("", "P-1", "P-2", "Aa", "BB").get(rnd.nextInt(5));
            default:
                return "RP-" + rnd.nextInt(40_000);
        }
    }

    @Test
    void emptyTableAnswersNothing() {
        RiskMap.PointTable table = new RiskMap.PointTable();
        assertNull(table.get("RP-1"));
        assertNull(table.get(""));
        assertEquals(0, table.size());
    }
    /**
     * 16,384 ids with one hash (every string of 14 blocks "Aa" or "BB"), as a host could send them: probing would be
     * quadratic, so the table gives way to a {@code HashMap} and still answers every id, unknown colliding ids, the
     * size and {@code replaceAll} as the model does.
     */
    @Test
    void collidingIdsGiveWayToAHashMap() {
        RiskMap.PointTable table = new RiskMap.PointTable();
        Map<String, Object> model = new HashMap<>();
        int blocks = 14;
        for (int bits = 0; bits < 1 << blocks; bits++) {
            String key = colliding(bits, blocks);
            Integer value = bits;
            table.put(key, value);
            model.put(key, value);
            if (bits % 4096 == 0) {
                assertSame(model.get(key), table.get(new String(key)), "key " + key);
            }
        }
        assertEquals("AaAaAaAaAaAaAaAaAaAaAaAaAaAa".hashCode(), colliding((1 << blocks) - 1, blocks).hashCode());
        assertTrue(table.gaveWay(), "16,384 colliding ids probed without giving way");
        assertEquals(model.size(), table.size());
        table.put(colliding(7, blocks), "again");
        model.put(colliding(7, blocks), "again");
        assertEquals(model.size(), table.size());
        for (Map.Entry<String, Object> e : model.entrySet()) {
            assertSame(e.getValue(), table.get(new String(e.getKey())), "key " + e.getKey());
        }
        assertNull(table.get(colliding(5, blocks + 1)));
        assertNull(table.get("RP-1"));
        table.replaceAll(v -> "v" + v);
        for (Map.Entry<String, Object> e : model.entrySet()) {
            assertEquals("v" + e.getValue(), table.get(e.getKey()), "key " + e.getKey() + " replaced");
        }
    }

    /** Ids as a store names them do not come near the longest probe: the table keeps its arrays. */
    @Test
    void ordinaryIdsKeepTheTable() {
        RiskMap.PointTable table = new RiskMap.PointTable();
        for (int i = 0; i < 100_000; i++) {
            table.put("RP-" + i, i);
        }
        assertFalse(table.gaveWay());
        assertEquals(100_000, table.size());
        assertEquals(99_999, table.get("RP-99999"));
    }

    /** The string of {@code blocks} blocks, "BB" where the bit is set and "Aa" where not: all of one length hash alike. */
    private static String colliding(int bits, int blocks) {
        StringBuilder b = new StringBuilder(2 * blocks);
        for (int i = 0; i < blocks; i++) {
            b.append((bits >>> i & 1) == 1 ? "BB" : "Aa");
        }
        return b.toString();
    }
}
