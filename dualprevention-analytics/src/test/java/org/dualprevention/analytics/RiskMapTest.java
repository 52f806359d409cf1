package org.dualprevention.analytics;

import static org.dualprevention.analytics.Fixtures.C;
import static org.dualprevention.analytics.Fixtures.T1;
import static org.dualprevention.analytics.Fixtures.W1;
import static org.dualprevention.analytics.Fixtures.W2;
import static org.dualprevention.analytics.MapFixtures.P1;
import static org.dualprevention.analytics.MapFixtures.P2;
import static org.dualprevention.analytics.MapFixtures.P3;
import static org.dualprevention.analytics.MapFixtures.P4;
import static org.dualprevention.analytics.MapFixtures.P5;
import static org.dualprevention.analytics.MapFixtures.Z1;
import static org.dualprevention.analytics.MapFixtures.Z2;
import static org.dualprevention.analytics.MapFixtures.Z3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dualprevention.engine.dynamic.DefaultEffectiveLevelPolicy;
import org.dualprevention.risk.MapZoneId;
import org.dualprevention.risk.RiskLevel;
import org.junit.jupiter.api.Test;

class RiskMapTest {
    private final RiskMap map = MapFixtures.map();

    private static Map<RiskLevel, Long> counts(long major, long significant, long general, long low) {
        return Map.of(RiskLevel.MAJOR, major, RiskLevel.SIGNIFICANT, significant, RiskLevel.GENERAL, general,
                RiskLevel.LOW, low);
    }

    @Test
    void riskPointsCarryAssessedAndEffectiveLevelsWithReasons() {
        PointStatus p1 = map.point(P1).orElseThrow();
        assertEquals(Optional.of(RiskLevel.GENERAL), p1.assessed());
        assertEquals(Optional.of(RiskLevel.MAJOR), p1.effective());
        assertEquals(1, p1.reasons().size());
        assertEquals(DefaultEffectiveLevelPolicy.OPEN_MAJOR, p1.reasons().get(0).rule());
        assertEquals(1, p1.openDangers());
        assertEquals(0, p1.overdueDangers());
        assertTrue(p1.isRaised());

        PointStatus p2 = map.point(P2).orElseThrow();
        assertEquals(Optional.of(RiskLevel.LOW), p2.assessed());
        assertEquals(Optional.of(RiskLevel.GENERAL), p2.effective());
        assertEquals(1, p2.openDangers()); // h6 withdrawn is not open
        assertEquals(1, p2.overdueDangers());

        PointStatus p3 = map.point(P3).orElseThrow();
        assertEquals(Optional.of(RiskLevel.SIGNIFICANT), p3.effective());
        assertEquals(0, p3.openDangers());
        assertFalse(p3.isRaised());

        PointStatus p4 = map.point(P4).orElseThrow();
        assertEquals(Optional.empty(), p4.assessed());
        assertEquals(Optional.empty(), p4.effective());
        assertEquals(1, p4.openDangers());
    }

    @Test
    void zonesTakeTheMostSevereLevelAndCountColours() {
        LevelSummary z1 = map.zone(Z1).orElseThrow().summary();
        assertEquals(Optional.of(RiskLevel.GENERAL), z1.assessed());
        assertEquals(Optional.of(RiskLevel.MAJOR), z1.effective());
        assertEquals(2, z1.riskPoints());
        assertEquals(counts(0, 0, 1, 1), z1.byAssessedLevel());
        assertEquals(counts(1, 0, 1, 0), z1.byEffectiveLevel());
        assertEquals(2, z1.openDangers());
        assertEquals(1, z1.overdueDangers());
        assertEquals(List.of(P1, P2), map.zone(Z1).orElseThrow().riskPoints());

        LevelSummary z2 = map.zone(Z2).orElseThrow().summary();
        assertEquals(Optional.of(RiskLevel.SIGNIFICANT), z2.effective());
        assertEquals(1, z2.notAssessed());
        assertEquals(1, z2.openDangers());

        LevelSummary z3 = map.zone(Z3).orElseThrow().summary();
        assertEquals(Optional.empty(), z3.effective());
        assertEquals(0, z3.riskPoints());
        assertEquals(counts(0, 0, 0, 0), z3.byEffectiveLevel());
    }

    @Test
    void unitsRollUpRiskPointsAndAllTheirHiddenDangers() {
        LevelSummary c = map.unit(C).orElseThrow().summary();
        assertEquals(5, c.riskPoints());
        assertEquals(Optional.of(RiskLevel.MAJOR), c.effective());
        assertEquals(counts(1, 1, 1, 1), c.byEffectiveLevel());
        assertEquals(1, c.notAssessed());
        // open: h1, h2, h4, h5 (h3 closed, h6 withdrawn); overdue: h2
        assertEquals(4, c.openDangers());
        assertEquals(1, c.overdueDangers());

        LevelSummary w1 = map.unit(W1).orElseThrow().summary();
        assertEquals(2, w1.riskPoints()); // P2 and P1 of its team T1
        assertEquals(Optional.of(RiskLevel.MAJOR), w1.effective());
        assertEquals(2, w1.openDangers());

        LevelSummary w2 = map.unit(W2).orElseThrow().summary();
        assertEquals(3, w2.riskPoints());
        assertEquals(2, w2.openDangers()); // h4 and h5, the latter without a risk point
        assertEquals(Optional.of(RiskLevel.SIGNIFICANT), w2.effective());

        assertEquals(Optional.of(RiskLevel.MAJOR), map.unit(T1).orElseThrow().summary().effective());
        assertEquals(Optional.of(RiskLevel.LOW), map.point(P5).orElseThrow().effective());
    }

    @Test
    void aZoneOwnLevelCombinesByTheMostSevere() {
        RiskMap m = RiskMap.builder(Fixtures.ORG, MapFixtures.DATE, DefaultEffectiveLevelPolicy.create())
                .zones(MapFixtures.zones()).riskPoints(MapFixtures.points()).dangers(MapFixtures.dangers())
                .zoneLevel(Z3, RiskLevel.SIGNIFICANT).zoneLevel(Z2, RiskLevel.LOW).build();
        assertEquals(Optional.of(RiskLevel.SIGNIFICANT), m.zone(Z3).orElseThrow().summary().effective());
        assertEquals(Optional.of(RiskLevel.SIGNIFICANT), m.zone(Z2).orElseThrow().summary().effective());
    }

    @Test
    void aRiskPointInAnUnknownZoneIsRefused() {
        RiskMap.Builder b = RiskMap.builder(Fixtures.ORG, MapFixtures.DATE, DefaultEffectiveLevelPolicy.create())
                .zones(List.of()).riskPoints(MapFixtures.points());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
        assertTrue(e.getMessage().contains("Z1"), e.getMessage());
        assertEquals(Optional.empty(), map.zone(MapZoneId.of("nope")));
    }
}
