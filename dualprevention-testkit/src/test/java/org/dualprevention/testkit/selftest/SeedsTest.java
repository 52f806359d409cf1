package org.dualprevention.testkit.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.dualprevention.testkit.SeededExtension;
import org.dualprevention.testkit.Seeds;
import org.dualprevention.testkit.gen.Gen;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Failures name their seed, and the seed replays the case. */
class SeedsTest {
    @Test
    void aFailureNamesItsSeedAndKeepsTheCause() {
        IllegalStateException cause = new IllegalStateException("boom");
        AssertionError e = assertThrows(AssertionError.class, () -> Seeds.run(42, gen -> {
            throw cause;
        }));
        assertTrue(e.getMessage().startsWith("[seed=42 replay with -Ddualprevention.seed=42]"), e.getMessage());
        assertSame(cause, e.getCause());
    }

    @Test
    void aPassingCaseRunsWithItsSeed() {
        AtomicLong seen = new AtomicLong();
        Seeds.run(7, gen -> seen.set(gen.seed()));
        assertEquals(7, seen.get());
    }

    @Test
    void casesAreNamedBySeedAndTheFirstIsTheBase() {
        List<DynamicTest> tests = Seeds.cases("x", 5, gen -> { }).collect(Collectors.toList());
        assertEquals(5, tests.size());
        assertEquals("x seed=" + Seeds.base(), tests.get(0).getDisplayName());
        Set<String> names = new HashSet<>();
        tests.forEach(t -> names.add(t.getDisplayName()));
        assertEquals(5, names.size());
    }

    @Test
    void derivedSeedsAreDistinct() {
        Set<Long> seeds = new HashSet<>();
        for (long i = 0; i < 10_000; i++) {
            seeds.add(Seeds.seed(Seeds.base(), i));
        }
        assertEquals(10_000, seeds.size());
    }

    @Test
    void forEachStopsAtTheFirstFailureAndNamesIt() {
        long failing = Seeds.seed(Seeds.base(), 3);
        AssertionError e = assertThrows(AssertionError.class, () -> Seeds.forEach(10, gen -> {
            if (gen.seed() == failing) {
                fail("case 3");
            }
        }));
        assertTrue(e.getMessage().contains("seed=" + failing), e.getMessage());
    }

    @Test
    void theExtensionResolvesAGenAndPutsTheSeedInFailures() {
        Map<String, ContractRunner.Outcome> outcomes = ContractRunner.run(FailingWithExtension.class);
        assertEquals(3, outcomes.size());
        for (ContractRunner.Outcome o : outcomes.values()) {
            assertTrue(o.failed(), o.toString());
            assertTrue(o.message().contains("[seed="), o.message());
        }
    }

    @ExtendWith(SeededExtension.class)
    static final class FailingWithExtension {
        @RepeatedTest(3)
        void fails(Gen gen) {
            fail("always, with " + gen);
        }
    }
}
