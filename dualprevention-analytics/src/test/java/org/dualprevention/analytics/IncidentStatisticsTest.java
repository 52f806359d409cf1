package org.dualprevention.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.dualprevention.incident.Casualties;
import org.dualprevention.incident.Incident;
import org.dualprevention.incident.IncidentId;
import org.dualprevention.incident.IncidentKind;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.RiskPointId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Accident and near-miss figures of DOMAIN.md §12. */
class IncidentStatisticsTest {
    static final Instant FROM = Instant.parse("2026-10-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-11-01T00:00:00Z");
    static final OrgUnitId A = OrgUnitId.of("A");
    static final OrgUnitId B = OrgUnitId.of("B");

    static int n;

    static Incident incident(IncidentKind kind, OrgUnitId unit, AccidentType type, Instant at) {
        return new Incident(IncidentId.of("i" + (n++)), kind, RiskPointId.of("rp"), List.of(), List.of(), type,
                kind == IncidentKind.ACCIDENT ? new Casualties(0, 0, 1, BigDecimal.ZERO) : Casualties.NONE, unit, at,
                ActorId.of("x"), "事件");
    }

    @Test
    @DisplayName("counts by unit and type, the period's start included and its end excluded, ratio and share")
    void countsAndRatio() {
        List<Incident> all = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            all.add(incident(IncidentKind.ACCIDENT, A, AccidentType.FIRE, FROM.plus(Duration.ofDays(i))));
        }
        for (int i = 0; i < 12; i++) {
            all.add(incident(IncidentKind.NEAR_MISS, A, AccidentType.MACHINERY, FROM.plus(Duration.ofHours(i))));
        }
        all.add(incident(IncidentKind.NEAR_MISS, B, AccidentType.FIRE, FROM));
        all.add(incident(IncidentKind.ACCIDENT, B, AccidentType.FIRE, TO)); // excluded: end of period
        all.add(incident(IncidentKind.ACCIDENT, A, AccidentType.FIRE, FROM.minusSeconds(1))); // before
        IncidentStatistics st = IncidentStatistics.of(all, FROM, TO);
        assertEquals(new IncidentStatistics.Counts(3, 13), st.total());
        assertEquals(new IncidentStatistics.Counts(3, 12), st.byUnit().get(A));
        assertEquals(new IncidentStatistics.Counts(0, 1), st.byUnit().get(B));
        assertEquals(new IncidentStatistics.Counts(3, 1), st.byType().get(AccidentType.FIRE));
        assertEquals(new IncidentStatistics.Counts(0, 12), st.byType().get(AccidentType.MACHINERY));
        assertEquals(Optional.of(new BigDecimal("4")), st.byUnit().get(A).nearMissRatio());
        assertEquals(Rate.of(13, 16), st.total().nearMissShare());
        assertEquals(Optional.empty(), st.byUnit().get(B).nearMissRatio(), "no accident: not applicable, not 0");
        assertFalse(IncidentStatistics.of(List.of(), FROM, TO).total().nearMissShare().isApplicable());
    }

    @Test
    @DisplayName("seeded: totals equal the sums by unit and by type, and the number in the period")
    void totalsAddUp() {
        long seed = 16L;
        SplittableRandom r = new SplittableRandom(seed);
        List<Incident> all = new ArrayList<>();
        AccidentType[] types = AccidentType.values();
        for (int i = 0; i < 2000; i++) {
            Instant at = FROM.minus(Duration.ofDays(10)).plusSeconds(r.nextLong(60L * 86_400));
            all.add(incident(r.nextInt(5) == 0 ? IncidentKind.ACCIDENT : IncidentKind.NEAR_MISS,
                    OrgUnitId.of("u" + r.nextInt(7)), types[r.nextInt(types.length)], at));
        }
        IncidentStatistics st = IncidentStatistics.of(all, FROM, TO);
        long inPeriod = all.stream().filter(i -> !i.occurredAt().isBefore(FROM) && i.occurredAt().isBefore(TO)).count();
        assertEquals(inPeriod, st.total().incidents(), "seed " + seed);
        assertEquals(st.total().accidents(), st.byUnit().values().stream().mapToLong(IncidentStatistics.Counts::accidents)
                .sum(), "seed " + seed);
        assertEquals(st.total().nearMisses(), st.byType().values().stream()
                .mapToLong(IncidentStatistics.Counts::nearMisses).sum(), "seed " + seed);
    }
}
