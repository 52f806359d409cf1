package org.dualprevention.engine.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.dualprevention.incident.AccidentGrade;
import org.dualprevention.incident.Casualties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** 国务院令第493号 grades (DOMAIN.md §6.3), every count around every bound, from the table typed here. */
class AccidentGradesTest {
    /** Lower bounds of 较大, 重大, 特别重大 per criterion ("以上含本数"), typed from DOMAIN.md §6.3. */
    static final int[] DEATHS = {3, 10, 30};
    static final int[] SERIOUS = {10, 50, 100};
    static final long[] LOSS = {10_000_000L, 50_000_000L, 100_000_000L};

    static AccidentGrade byBounds(long value, long[] bounds) {
        AccidentGrade[] up = {AccidentGrade.SIGNIFICANT, AccidentGrade.MAJOR, AccidentGrade.ESPECIALLY_MAJOR};
        AccidentGrade g = AccidentGrade.GENERAL;
        for (int i = 0; i < 3; i++) {
            if (value >= bounds[i]) {
                g = up[i];
            }
        }
        return g;
    }

    static AccidentGrade worst(AccidentGrade a, AccidentGrade b) {
        return a.severity() >= b.severity() ? a : b;
    }

    @Test
    @DisplayName("every combination of deaths 0–35 and serious injuries 0–110, no loss")
    void deathsAndInjuries() {
        for (int d = 0; d <= 35; d++) {
            for (int s = 0; s <= 110; s++) {
                AccidentGrade expected = worst(byBounds(d, new long[] {3, 10, 30}), byBounds(s, new long[] {10, 50, 100}));
                assertEquals(expected, AccidentGrades.of(new Casualties(d, s, 0, BigDecimal.ZERO)), d + " deaths " + s
                        + " serious");
            }
        }
    }

    @Test
    @DisplayName("direct loss at each bound, one fen and one yuan either side, with and without casualties")
    void loss() {
        for (long bound : LOSS) {
            for (String delta : new String[] {"-1", "-0.01", "0", "0.01", "1"}) {
                BigDecimal loss = BigDecimal.valueOf(bound).add(new BigDecimal(delta));
                AccidentGrade byLoss = delta.startsWith("-") ? byBounds(bound - 1, LOSS) : byBounds(bound, LOSS);
                for (int d : new int[] {0, 2, 3, 9, 10, 29, 30}) {
                    AccidentGrade expected = worst(byLoss, byBounds(d, new long[] {3, 10, 30}));
                    assertEquals(expected, AccidentGrades.of(new Casualties(d, 0, 5, loss)), loss + " yuan, " + d);
                }
            }
        }
        assertEquals(AccidentGrade.GENERAL, AccidentGrades.of(Casualties.NONE));
    }
}
