package org.dualprevention.analytics;

import static org.dualprevention.analytics.Fixtures.W1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.HazardCategory;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.RiskPoint;
import org.junit.jupiter.api.Test;

class HiddenDangerFactTest {
    private static final LocalDate JAN5 = LocalDate.of(2026, 1, 5);

    @Test
    void projectsAnAggregateJoinedWithItsRiskPoint() {
        RiskPoint p = MapFixtures.point(MapFixtures.P1, "tank", W1, Optional.of(MapFixtures.Z1),
                Optional.of(RiskLevel.LOW));
        HiddenDanger d = Dangers.planned(Dangers.general(Dangers.reportedWithMeasure("x", W1, JAN5, p.id(),
                MapFixtures.H, MapFixtures.M), JAN5), JAN5, LocalDate.of(2026, 1, 20));
        HiddenDangerFact f = HiddenDangerFact.from(d, Optional.of(p), Fixtures.SHANGHAI);
        assertEquals("x", f.id());
        assertEquals(HiddenDangerFact.GENERAL, f.grade());
        assertEquals(HiddenDangerFact.RANDOM_OBSERVATION, f.source());
        assertEquals(JAN5, f.reportedOn());
        assertEquals(Optional.of(MapFixtures.Z1), f.zone());
        assertEquals(Optional.of(MapFixtures.M), f.measure());
        assertEquals(Optional.of(ControlLevel.TEAM), f.controlLevel());
        assertEquals(Set.of(AccidentType.FIRE, AccidentType.POISONING_ASPHYXIA), f.accidentTypes());
        assertEquals(Optional.of(HazardCategory.of("2201")), f.hazardCategory());
        assertEquals(Optional.of(LocalDate.of(2026, 1, 20)), f.deadline());
        assertTrue(f.planned());
        assertTrue(f.isOverdueOn(LocalDate.of(2026, 1, 21)));
        assertFalse(f.isOverdueOn(LocalDate.of(2026, 1, 20)));
        assertEquals(0, f.daysOverdueOn(LocalDate.of(2026, 1, 20)));
        assertEquals(1, f.daysOverdueOn(LocalDate.of(2026, 1, 21)));
        assertEquals(d.daysOverdue(LocalDate.of(2026, 3, 1)), f.daysOverdueOn(LocalDate.of(2026, 3, 1)));
        assertEquals(40, f.daysOverdueOn(LocalDate.of(2026, 3, 1)));
    }

    @Test
    void closedWithdrawnAndUngradedAreProjected() {
        HiddenDanger closed = Dangers.closedOnSpot(Dangers.reported("c", W1, JAN5, Optional.empty()), JAN5);
        HiddenDanger withdrawn = Dangers.withdrawn(Dangers.reported("w", W1, JAN5, Optional.empty()), JAN5);
        HiddenDanger ungraded = Dangers.reported("u", W1, JAN5, Optional.empty());
        List<HiddenDangerFact> facts = new ArrayList<>();
        HiddenDangerFact.project(List.of(closed, withdrawn, ungraded), Map.of(), Fixtures.SHANGHAI).forEach(facts::add);
        assertEquals(Optional.of(JAN5), facts.get(0).closedOn());
        assertFalse(facts.get(0).isOpenOn(JAN5));
        assertFalse(facts.get(1).isOpenOn(JAN5), "withdrawn: never a hidden danger");
        assertEquals(Optional.of(JAN5), facts.get(0).rectifiedOn());
        assertEquals(HiddenDangerFact.GENERAL, facts.get(0).grade());
        assertTrue(facts.get(1).withdrawn());
        assertEquals(HiddenDangerFact.UNGRADED, facts.get(2).grade());
        assertTrue(facts.get(2).isOpenOn(JAN5));
        assertEquals(Optional.empty(), facts.get(2).zone());
    }

    @Test
    void inconsistentFactsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> HiddenDangerFact.builder("a", W1, "general", JAN5)
                .closedOn(JAN5.minusDays(1)).build());
        assertThrows(IllegalArgumentException.class, () -> HiddenDangerFact.builder("a", W1, "general", JAN5)
                .closedOn(JAN5).withdrawn().build());
        assertThrows(IllegalArgumentException.class, () -> HiddenDangerFact.builder("a", W1, "Major!", JAN5).build());
        assertThrows(IllegalArgumentException.class, () -> HiddenDangerFact.builder("a", W1, "general", JAN5)
                .rejections(-1).build());
    }
}
