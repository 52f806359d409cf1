package org.dualprevention.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.dualprevention.testkit.Seeds;
import org.junit.jupiter.api.Test;

/** The compact id set agrees with a HashSet of (kind, id) over seeded ids with many repeats, through its growth. */
class SeenIdsTest {
    @Test
    void agreesWithAHashSet() {
        Seeds.forEach(5, gen -> {
            SeenIds seen = new SeenIds();
            Set<String> oracle = new HashSet<>();
            for (int i = 0; i < 20_000; i++) {
                String kind = gen.pick(java.util.List.of("RP", "HZ", "M", "A"));
                String id = gen.chance(0.3) ? Integer.toString(gen.intBetween(0, 500)) : gen.hostKey("X");
                assertEquals(oracle.add(kind + "\u0000" + id), seen.add(kind, id), kind + " " + id);
                assertTrue(seen.contains(kind, id));
            }
            for (String k : oracle) {
                String[] p = k.split("\u0000", 2);
                assertTrue(seen.contains(p[0], p[1]), k);
            }
            assertTrue(!seen.contains("RP", "never added ✗"));
        });
    }
}
