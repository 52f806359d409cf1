package org.dualprevention.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.dualprevention.ValidationException;
import org.dualprevention.Violation;
import org.dualprevention.analytics.EnterpriseZoneMatrix.Item;
import org.dualprevention.analytics.EnterpriseZoneMatrix.Side;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.Score;
import org.dualprevention.testkit.Seeds;
import org.junit.jupiter.api.Test;

class EnterpriseZoneMatrixTest {
    /** DOMAIN.md §2.4(b): liguangnanfeng/smaq assess3.jsp gets the same cells by L×S ≤3 blue, ≤6 yellow, ≤9 orange, else red. */
    private static RiskLevel byProduct(int l, int s) {
        int p = l * s;
        return p <= 3 ? RiskLevel.LOW : p <= 6 ? RiskLevel.GENERAL : p <= 9 ? RiskLevel.SIGNIFICANT : RiskLevel.MAJOR;
    }

    @Test
    void all16CellsMatchTheReferenceTable() {
        String[] table = {"low low low general", "low general general significant", "low general significant major",
            "general significant major major"};
        for (int l = 1; l <= 4; l++) {
            String[] row = table[l - 1].split(" ");
            for (int s = 1; s <= 4; s++) {
                assertEquals(RiskLevel.fromCode(row[s - 1]), EnterpriseZoneMatrix.level(l, s), "cell " + l + "," + s);
                assertEquals(byProduct(l, s), EnterpriseZoneMatrix.level(l, s), "cell " + l + "," + s);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> EnterpriseZoneMatrix.level(0, 1));
        assertThrows(IllegalArgumentException.class, () -> EnterpriseZoneMatrix.level(1, 5));
    }

    @Test
    void agreesWithTheBuiltInMatrix4x4MethodAndEnterpriseSchemeOnAll16Cells() {
        org.dualprevention.method.Matrix4x4Method method = new org.dualprevention.method.Matrix4x4Method();
        org.dualprevention.spi.GradingScheme scheme = org.dualprevention.method.BuiltInSchemes.matrix4x4Enterprise();
        for (int l = 1; l <= 4; l++) {
            for (int s = 1; s <= 4; s++) {
                EnterpriseZoneMatrix.Result r = new EnterpriseZoneMatrix.Result(l, s, EnterpriseZoneMatrix.level(l, s));
                Score score = method.evaluate(r.toInput());
                assertEquals(r.score(), score, "cell " + l + "," + s);
                assertEquals(r.level(), scheme.grade(score).level(), "cell " + l + "," + s);
            }
        }
    }

    @Test
    void likelihoodIsTheMeanRoundedUpAndSeverityTheMax() {
        Map<Item, Integer> scores = new EnumMap<>(Item.class);
        for (Item i : Item.values()) {
            scores.put(i, 2);
        }
        scores.put(Item.HOT_WORK, 3); // sum 21, mean 2.1 -> L = 3
        scores.put(Item.SENSITIVE_TARGETS, 4); // S = 4
        EnterpriseZoneMatrix.Result r = EnterpriseZoneMatrix.assess(scores);
        assertEquals(3, r.likelihood());
        assertEquals(4, r.severity());
        assertEquals(RiskLevel.MAJOR, r.level());
        assertEquals(Score.ofCell(3, 4, java.math.BigDecimal.valueOf(12)), r.score());
        scores.put(Item.HOT_WORK, 2); // sum 20, mean 2.0 -> L = 2
        assertEquals(2, EnterpriseZoneMatrix.assess(scores).likelihood());
    }

    @Test
    void seededRandomScoresAgreeWithTheDefinition() {
        long seed = Seeds.base();
        RandomGenerator rnd = new java.util.SplittableRandom(seed);
        for (int n = 0; n < 20_000; n++) {
            Map<Item, Integer> scores = new EnumMap<>(Item.class);
            int sum = 0;
            int max = 0;
            for (Item i : Item.values()) {
                int v = rnd.nextInt(1, 5);
                scores.put(i, v);
                if (i.side() == Side.LIKELIHOOD) {
                    sum += v;
                } else {
                    max = Math.max(max, v);
                }
            }
            int l = (int) Math.ceil(sum / 10.0);
            EnterpriseZoneMatrix.Result r = EnterpriseZoneMatrix.assess(scores);
            assertEquals(l, r.likelihood(), "[seed=" + seed + " replay with -D" + Seeds.PROPERTY + "=" + seed + "]");
            assertEquals(max, r.severity(), "[seed=" + seed + " replay with -D" + Seeds.PROPERTY + "=" + seed + "]");
            assertEquals(byProduct(l, max), r.level(), "[seed=" + seed + " replay with -D" + Seeds.PROPERTY + "=" + seed + "]");
        }
    }

    @Test
    void missingAndOutOfRangeItemsAreAllReported() {
        Map<Item, Integer> scores = new EnumMap<>(Item.class);
        for (Item i : Item.values()) {
            scores.put(i, 1);
        }
        scores.remove(Item.ACUTE_TOXICITY);
        scores.put(Item.HOT_WORK, 5);
        scores.put(Item.MAJOR_HAZARD_GRADE, 0);
        ValidationException e = assertThrows(ValidationException.class, () -> EnterpriseZoneMatrix.assess(scores));
        assertEquals(Set.of("items.L3", "items.L7", "items.S4"),
                e.violations().stream().map(Violation::path).collect(Collectors.toSet()));
    }

    @Test
    void itemsHaveTenLikelihoodAndFiveSeverityItemsWithLabels() {
        assertEquals(10, java.util.Arrays.stream(Item.values()).filter(i -> i.side() == Side.LIKELIHOOD).count());
        assertEquals(5, java.util.Arrays.stream(Item.values()).filter(i -> i.side() == Side.SEVERITY).count());
        assertEquals("动火作业", Item.HOT_WORK.displayName(Locale.CHINA));
        assertEquals("Hot work", Item.HOT_WORK.displayName(Locale.ENGLISH));
        for (Item i : Item.values()) {
            assertEquals(false, i.displayName(Locale.CHINESE).isBlank());
        }
    }
}
