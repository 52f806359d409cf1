package org.dualprevention.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Core's seed helper keeps the testkit's conventions: replayable cases, the seed first in every failure. */
class SeedsTest {
    @Test
    void theFirstCaseIsTheBaseAndTheOthersAreDistinct() {
        long base = Seeds.base();
        assertEquals(base, Seeds.seed(base, 0));
        Set<Long> seeds = new HashSet<>();
        for (long i = 0; i < 10_000; i++) {
            seeds.add(Seeds.seed(base, i));
        }
        assertEquals(10_000, seeds.size());
        assertNotEquals(Seeds.seed(base, 1), Seeds.seed(base + 1, 1));
    }

    @Test
    void theSameSeedDrawsTheSameNumbers() {
        assertEquals(Seeds.random(7).nextLong(), Seeds.random(7).nextLong());
        assertNotEquals(Seeds.random(7).nextLong(), Seeds.random(8).nextLong());
    }

    @Test
    void aFailureNamesItsSeedAndKeepsTheCause() {
        IllegalStateException cause = new IllegalStateException("boom");
        AssertionError e = assertThrows(AssertionError.class, () -> Seeds.run(42, () -> {
            throw cause;
        }));
        assertTrue(e.getMessage().startsWith("[seed=42 replay with -Ddualprevention.seed=42] "), e.getMessage());
        assertSame(cause, e.getCause());
        AssertionError again = assertThrows(AssertionError.class, () -> Seeds.run(42, () -> {
            throw e;
        }));
        assertSame(e, again, "a message that already names its seed is not wrapped twice");
    }
}
