package org.dualprevention.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.risk.RiskLevel;
import org.junit.jupiter.api.Test;

class GradedControlPolicyTest {
    private static final List<ControlLevel> LEVELS = List.of(ControlLevel.COMPANY, ControlLevel.DEPARTMENT,
            ControlLevel.WORKSHOP, ControlLevel.TEAM, ControlLevel.POST);

    @Test
    void defaultsAreReference7() {
        GradedControlPolicy p = GradedControlPolicy.defaults();
        assertEquals(ControlLevel.COMPANY, p.responsibleLevel(RiskLevel.MAJOR));
        assertEquals(ControlLevel.DEPARTMENT, p.responsibleLevel(RiskLevel.SIGNIFICANT));
        assertEquals(ControlLevel.WORKSHOP, p.responsibleLevel(RiskLevel.GENERAL));
        assertEquals(ControlLevel.TEAM, p.responsibleLevel(RiskLevel.LOW));
    }

    /** All 5^4 maps over the built-in levels: accepted exactly when a more severe risk is never controlled lower. */
    @Test
    void everyMapIsAcceptedExactlyWhenItIsMonotone() {
        RiskLevel[] bySeverity = {RiskLevel.LOW, RiskLevel.GENERAL, RiskLevel.SIGNIFICANT, RiskLevel.MAJOR};
        int accepted = 0;
        for (int code = 0; code < 625; code++) {
            int[] rank = new int[4];
            Map<RiskLevel, ControlLevel> map = new EnumMap<>(RiskLevel.class);
            for (int i = 0, c = code; i < 4; i++, c /= 5) {
                rank[i] = c % 5;
                map.put(bySeverity[i], LEVELS.get(rank[i]));
            }
            boolean monotone = rank[0] >= rank[1] && rank[1] >= rank[2] && rank[2] >= rank[3];
            if (monotone) {
                GradedControlPolicy p = GradedControlPolicy.of(map);
                for (RiskLevel l : RiskLevel.values()) {
                    assertEquals(map.get(l), p.responsibleLevel(l), map.toString());
                }
                accepted++;
            } else {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GradedControlPolicy.of(map),
                        map.toString());
                assertTrue(e.getMessage().contains("allowed: a more severe risk is controlled at the same or a higher level"),
                        e.getMessage());
            }
        }
        assertEquals(70, accepted); // multisets of size 4 from 5 levels: C(8,4)
    }

    @Test
    void aMissingRiskLevelIsRefused() {
        Map<RiskLevel, ControlLevel> map = new EnumMap<>(RiskLevel.class);
        map.put(RiskLevel.MAJOR, ControlLevel.COMPANY);
        map.put(RiskLevel.SIGNIFICANT, ControlLevel.COMPANY);
        map.put(RiskLevel.GENERAL, ControlLevel.COMPANY);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GradedControlPolicy.of(map));
        assertEquals("graded control map has no control level for risk level [low]; allowed: a map with all of"
                + " [major, significant, general, low]", e.getMessage());
    }

    @Test
    void thePolicyDoesNotSeeLaterChangesOfTheMap() {
        Map<RiskLevel, ControlLevel> map = new EnumMap<>(RiskLevel.class);
        for (RiskLevel l : RiskLevel.values()) {
            map.put(l, ControlLevel.COMPANY);
        }
        GradedControlPolicy p = GradedControlPolicy.of(map);
        map.put(RiskLevel.LOW, ControlLevel.POST);
        assertEquals(ControlLevel.COMPANY, p.responsibleLevel(RiskLevel.LOW));
    }
}
