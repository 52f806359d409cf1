package org.dualprevention.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.dualprevention.engine.dynamic.DefaultEffectiveLevelPolicy;
import org.dualprevention.risk.RiskPoint;
import org.junit.jupiter.api.Test;

/**
 * The map does not depend on the order its risk points come in (the store gives them by id, a host any way), and a
 * risk point given twice is refused wherever the second copy is: next to the first in id order, or anywhere else.
 */
class RiskMapInputOrderTest {

    private static RiskMap map(List<RiskPoint> points) {
        return RiskMap.builder(Fixtures.ORG, MapFixtures.DATE, DefaultEffectiveLevelPolicy.create())
                .zones(MapFixtures.zones()).riskPoints(points).dangers(MapFixtures.dangers()).build();
    }

    @Test
    void aRiskPointGivenTwiceIsRefusedInIdOrderAndOutOfIt() {
        List<RiskPoint> sorted = new ArrayList<>(MapFixtures.points());
        sorted.sort((a, b) -> a.id().compareTo(b.id()));
        for (int at = 0; at < sorted.size(); at++) {
            List<RiskPoint> adjacent = new ArrayList<>(sorted);
            adjacent.add(at + 1, sorted.get(at));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> map(adjacent),
                    "adjacent copy of " + sorted.get(at).id());
            assertEquals("risk point [" + sorted.get(at).id() + "] is given twice", e.getMessage());
            List<RiskPoint> atEnd = new ArrayList<>(sorted);
            atEnd.add(sorted.get(at));
            IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class, () -> map(atEnd),
                    "copy at the end of " + sorted.get(at).id());
            assertEquals("risk point [" + sorted.get(at).id() + "] is given twice", e2.getMessage());
        }
    }

    @Test
    void shuffledRiskPointsGiveTheSameFiguresAndTheirOwnOrder() {
        RiskMap reference = map(MapFixtures.points());
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        for (int i = 0; i < 20; i++) {
            List<RiskPoint> shuffled = new ArrayList<>(MapFixtures.points());
            Collections.shuffle(shuffled, random);
            RiskMap m = map(shuffled);
            String where = "seed " + seed + ", order " + shuffled.stream().map(p -> p.id().value()).toList();
            assertEquals(shuffled.stream().map(RiskPoint::id).toList(), m.points().stream().map(PointStatus::id)
                    .toList(), where);
            for (PointStatus p : reference.points()) {
                assertEquals(p, m.point(p.id()).orElseThrow(), where);
            }
            assertEquals(reference.units(), m.units(), where);
            for (ZoneStatus z : reference.zones()) {
                ZoneStatus other = m.zone(z.zone().id()).orElseThrow();
                assertEquals(z.summary(), other.summary(), where);
                assertEquals(new java.util.HashSet<>(z.riskPoints()), new java.util.HashSet<>(other.riskPoints()),
                        where);
            }
        }
    }
}
