package org.dualprevention.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * {@link CharTable} (the streaming reader's look-up of codes and shared values in the parser's characters) agrees
 * with a {@code HashMap} bounded the same way, on seeded keys of every length from 0, with strings that share
 * their {@code hashCode} ("Aa" and "BB"), keys that are prefixes of one another, text found inside a larger
 * buffer at an offset, and more keys than it keeps.
 */
class CharTableTest {
    private static final long SEED = Long.getLong("dualprevention.json.equivalenceSeed", 20261206L);

    private static String key(SplittableRandom r) {
        String alphabet = "AaBb01-风险\u0000\uD83D\uDE00";
        int n = r.nextInt(7);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    @Test
    void agreesWithABoundedHashMap() {
        for (long s = SEED; s < SEED + 20; s++) {
            SplittableRandom r = new SplittableRandom(s);
            int max = 1 + r.nextInt(200);
            CharTable<Integer> table = new CharTable<>(max);
            Map<String, Integer> oracle = new HashMap<>();
            for (int i = 0; i < 2_000; i++) {
                String k = key(r);
                String at = "seed " + s + ", step " + i + ", key [" + k + "]";
                if (r.nextBoolean()) {
                    table.put(k, i);
                    if (oracle.containsKey(k) || oracle.size() < max) {
                        oracle.put(k, i);
                    }
                }
                // the text inside a larger buffer, at an offset
                String pad = key(r);
                char[] buf = (pad + k + key(r)).toCharArray();
                assertEquals(oracle.get(k), table.get(buf, pad.length(), k.length()), at);
                assertEquals(oracle.get(k), table.get(k), at);
                assertEquals(oracle.size(), table.size(), at);
            }
        }
    }

    @Test
    void keysWithTheSameHashAndPrefixesAreTold() {
        assertEquals("Aa".hashCode(), "BB".hashCode());
        CharTable<String> t = new CharTable<>(1024);
        List<String> keys = new ArrayList<>(List.of("Aa", "BB", "AaAa", "BBBB", "AaBB", "BBAa", "A", "", "Aa\u0000"));
        for (String k : keys) {
            t.put(k, "v" + k);
        }
        for (String k : keys) {
            char[] c = ("xx" + k + "yy").toCharArray();
            assertEquals("v" + k, t.get(c, 2, k.length()), k);
        }
        assertNull(t.get("AB".toCharArray(), 0, 2));
        assertNull(t.get("AaB".toCharArray(), 0, 3));
    }

    @Test
    void aFullTableStillReplacesAndFindsItsKeys() {
        CharTable<Integer> t = CharTable.of(Map.of("red", 1, "blue", 2));
        t.put("green", 3);
        assertNull(t.get("green"));
        t.put("red", 4);
        assertEquals(4, t.get("red"));
        assertEquals(2, t.size());
    }
}
