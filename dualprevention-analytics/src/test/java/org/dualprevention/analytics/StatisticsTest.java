package org.dualprevention.analytics;

import static org.dualprevention.analytics.Fixtures.C;
import static org.dualprevention.analytics.Fixtures.ORG;
import static org.dualprevention.analytics.Fixtures.SHANGHAI;
import static org.dualprevention.analytics.Fixtures.T1;
import static org.dualprevention.analytics.Fixtures.W1;
import static org.dualprevention.analytics.Fixtures.W2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.HazardCategory;
import org.junit.jupiter.api.Test;

/**
 * Every rate on a hand-computed case. The expected numbers are worked out in the comments of
 * {@link #dangers()} and {@link #tasks()}.
 */
class StatisticsTest {
    private static final ReportingPeriod Q1 = ReportingPeriod.quarter(2026, 1);

    private static LocalDate d(String s) {
        return LocalDate.parse("2026-" + s);
    }

    private static Instant t(String s) {
        return LocalDateTime.parse(s).atZone(SHANGHAI).toInstant();
    }

    /*
     * d1 W1 general, reported 01-10, deadline 01-20, rectified 01-18, closed 01-19: on time, 9 days, first pass
     * d2 T1 major planned, random observation, reported 02-01, deadline 03-01, closed 03-10 after 1 rejection: late, 37 days
     * d3 W1 general, reported 03-15, deadline 03-25, open: overdue on 03-31
     * d4 W2 general, reported 03-20, withdrawn
     * d5 W2 general, reported 2025-12-20, deadline 01-05, closed 01-04: on time (deadline in Q1), 15 days, not found in Q1
     * d6 W2 major not planned, reported 03-30, deadline 04-30, rectified 04-02: found, not rectified by 03-31
     * d7 W1 general, reported 04-05: after Q1
     * d8 unit X (unknown): skipped
     */
    static List<HiddenDangerFact> dangers() {
        return List.of(
                HiddenDangerFact.builder("d1", W1, HiddenDangerFact.GENERAL, d("01-10")).deadline(d("01-20"))
                        .rectifiedOn(d("01-18")).closedOn(d("01-19")).accidentTypes(Set.of(AccidentType.MACHINERY))
                        .hazardCategory(HazardCategory.of("2101")).controlLevel(ControlLevel.WORKSHOP).build(),
                HiddenDangerFact.builder("d2", T1, HiddenDangerFact.MAJOR, d("02-01")).deadline(d("03-01")).planned(true)
                        .source(HiddenDangerFact.RANDOM_OBSERVATION).rectifiedOn(d("03-05")).closedOn(d("03-10"))
                        .rejections(1).accidentTypes(Set.of(AccidentType.FIRE, AccidentType.BURN))
                        .hazardCategory(HazardCategory.CHEMICAL).build(),
                HiddenDangerFact.builder("d3", W1, HiddenDangerFact.GENERAL, d("03-15")).deadline(d("03-25")).build(),
                HiddenDangerFact.builder("d4", W2, HiddenDangerFact.GENERAL, d("03-20")).withdrawn().build(),
                HiddenDangerFact.builder("d5", W2, HiddenDangerFact.GENERAL, LocalDate.of(2025, 12, 20))
                        .deadline(d("01-05")).closedOn(d("01-04")).build(),
                HiddenDangerFact.builder("d6", W2, HiddenDangerFact.MAJOR, d("03-30")).deadline(d("04-30"))
                        .rectifiedOn(d("04-02")).build(),
                HiddenDangerFact.builder("d7", W1, HiddenDangerFact.GENERAL, d("04-05")).deadline(d("04-06")).build(),
                HiddenDangerFact.builder("d8", OrgUnitId.of("X"), HiddenDangerFact.GENERAL, d("02-05")).build());
    }

    /*
     * t1 W1 P1 due 01-10 17:00 done 16:00, 10 checked 9 passed: on time
     * t2 W1 P1 due 02-10 17:00 done 02-11 09:00, 5/5: late
     * t3 T1 P2 due 03-31 20:00, not done
     * t4 W2 ad hoc due 04-01 08:00: after Q1
     * t5 W2 P1 due 2025-12-31 23:30: before Q1
     */
    static List<InspectionTaskFact> tasks() {
        return List.of(
                InspectionTaskFact.done("t1", W1, Optional.of("P1"), t("2026-01-10T17:00"), t("2026-01-10T16:00"), 10, 9),
                InspectionTaskFact.done("t2", W1, Optional.of("P1"), t("2026-02-10T17:00"), t("2026-02-11T09:00"), 5, 5),
                InspectionTaskFact.pending("t3", T1, Optional.of("P2"), t("2026-03-31T20:00")),
                InspectionTaskFact.pending("t4", W2, Optional.empty(), t("2026-04-01T08:00")),
                InspectionTaskFact.pending("t5", W2, Optional.of("P1"), t("2025-12-31T23:30")));
    }

    private final Statistics afterQuarter = Statistics.of(ORG, Fixtures.clockAt("2026-04-20T10:00"), Fixtures.SHANGHAI);

    @Test
    void companyTotalsAfterTheQuarter() {
        UnitStatistics s = afterQuarter.compute(C, Q1, dangers(), tasks());
        assertEquals(LocalDate.of(2026, 3, 31), s.asOf());
        assertEquals(4, s.found());
        assertEquals(1, s.withdrawn());
        assertEquals(2, s.majorFound());
        assertEquals(1, s.majorPlanned());
        assertEquals(Rate.of(2, 4), s.rectification());
        assertEquals(Rate.of(1, 2), s.rectificationOf(HiddenDangerFact.GENERAL));
        assertEquals(Rate.of(1, 2), s.rectificationOf(HiddenDangerFact.MAJOR));
        assertEquals(Rate.of(2, 4), s.closedLoop());
        assertEquals(Rate.of(1, 2), s.firstPassAcceptance());
        assertEquals(Rate.of(2, 4), s.onTimeRectification());
        assertEquals(1, s.overdueOpen());
        assertEquals(Optional.of(new BigDecimal("20.33")), s.meanDaysToClose());
        assertEquals(Map.of("general", 2L, "major", 2L), s.byGrade());
        assertEquals(Map.of("inspection", 3L, "random-observation", 1L), s.bySource());
        assertEquals(Map.of(AccidentType.MACHINERY, 1L, AccidentType.FIRE, 1L, AccidentType.BURN, 1L),
                s.byAccidentType());
        assertEquals(Map.of(HazardCategory.PHYSICAL, 1L, HazardCategory.CHEMICAL, 1L), s.byHazardCategory());
        // d1 names a workshop-level measure; the others take their unit's level: d2 team, d3 and d6 workshop
        assertEquals(Map.of(ControlLevel.WORKSHOP, 3L, ControlLevel.TEAM, 1L), s.byControlLevel());
        assertEquals(Rate.of(2, 3), s.inspectionCompletion());
        assertEquals(Rate.of(1, 3), s.onTimeInspection());
        assertEquals(Rate.of(14, 15), s.itemConformity());
        assertEquals(Map.of("P1", Rate.of(2, 2), "P2", Rate.of(0, 1)), s.planExecution());
    }

    @Test
    void subUnitsRollUpAndZeroDenominatorsAreNotApplicable() {
        Map<OrgUnitId, UnitStatistics> all = afterQuarter.computeAll(Q1, dangers(), tasks());
        UnitStatistics w1 = all.get(W1);
        assertEquals(3, w1.found());
        assertEquals(Rate.of(2, 3), w1.rectification());
        assertEquals(Rate.of(2, 3), w1.closedLoop());
        assertEquals(Rate.of(1, 3), w1.onTimeRectification());
        assertEquals(1, w1.overdueOpen());
        assertEquals(Optional.of(new BigDecimal("23.00")), w1.meanDaysToClose());
        assertEquals(Rate.of(2, 3), w1.inspectionCompletion());

        UnitStatistics w2 = all.get(W2);
        assertEquals(1, w2.found());
        assertEquals(1, w2.withdrawn());
        assertEquals(Rate.of(0, 1), w2.rectification());
        assertEquals(Rate.of(0, 0), w2.firstPassAcceptance());
        assertFalse(w2.firstPassAcceptance().isApplicable());
        assertEquals(Rate.of(1, 1), w2.onTimeRectification());
        assertEquals(Optional.of(new BigDecimal("15.00")), w2.meanDaysToClose());
        assertFalse(w2.inspectionCompletion().isApplicable());
        assertFalse(w2.onTimeInspection().isApplicable());
        assertFalse(w2.itemConformity().isApplicable());
        assertTrue(w2.planExecution().isEmpty());
        assertFalse(w2.rectificationOf(HiddenDangerFact.GENERAL).isApplicable());

        UnitStatistics t1 = all.get(T1);
        assertEquals(Rate.of(1, 1), t1.rectification());
        assertEquals(Rate.of(0, 1), t1.firstPassAcceptance());
        assertEquals(Rate.of(0, 1), t1.onTimeRectification());
        assertEquals(Rate.of(0, 1), t1.inspectionCompletion());
    }

    @Test
    void anEmptyInputGivesNotApplicableEverywhere() {
        UnitStatistics s = afterQuarter.compute(C, Q1, List.of(), List.of());
        assertEquals(0, s.found());
        for (Rate r : List.of(s.rectification(), s.closedLoop(), s.firstPassAcceptance(), s.onTimeRectification(),
                s.inspectionCompletion(), s.onTimeInspection(), s.itemConformity())) {
            assertFalse(r.isApplicable(), r.toString());
        }
        assertEquals(Optional.empty(), s.meanDaysToClose());
    }

    @Test
    void midQuarterTheStateIsTakenAsOfToday() {
        Statistics mid = Statistics.of(ORG, Fixtures.clockAt("2026-03-16T12:00"), Fixtures.SHANGHAI);
        UnitStatistics s = mid.compute(C, Q1, dangers(), tasks());
        assertEquals(LocalDate.of(2026, 3, 16), s.asOf());
        // d1, d2, d3 found (d6 reported 03-30 is in the future)
        assertEquals(3, s.found());
        assertEquals(0, s.withdrawn());
        // d3 deadline 03-25 not passed yet: not overdue, not in the on-time denominator
        assertEquals(0, s.overdueOpen());
        assertEquals(Rate.of(2, 3), s.onTimeRectification());
        // t3 is due on 03-31, after now
        assertEquals(Rate.of(2, 2), s.inspectionCompletion());
        assertEquals(Rate.of(1, 2), s.onTimeInspection());
    }

    @Test
    void quarterlyReportCarriesTheDeadlineAndOneRowPerSubUnit() {
        PeriodReport r = afterQuarter.report(C, Q1, dangers(), tasks());
        assertEquals(Optional.of(LocalDate.of(2026, 4, 15)), r.deadline());
        assertEquals(List.of(W1, W2), r.rows().stream().map(UnitStatistics::unit).toList());
        assertEquals(4, r.total().found());
        assertFalse(r.isLateOn(LocalDate.of(2026, 4, 15)));
        assertTrue(r.isLateOn(LocalDate.of(2026, 4, 16)));
        PeriodReport y = afterQuarter.report(C, ReportingPeriod.year(2026), dangers(), tasks());
        assertEquals(Optional.of(LocalDate.of(2027, 1, 31)), y.deadline());
        // as of 04-20: d7 reported 04-05 is found in the year, d7 deadline 04-06 passed: overdue
        assertEquals(5, y.total().found());
        assertEquals(2, y.total().overdueOpen());
    }

    @Test
    void inputsAreReadOnceAndStreamed() {
        AtomicInteger iterations = new AtomicInteger();
        Iterable<HiddenDangerFact> once = () -> {
            if (iterations.incrementAndGet() > 1) {
                throw new AssertionError("iterated twice");
            }
            Iterator<HiddenDangerFact> it = dangers().iterator();
            return it;
        };
        assertEquals(4, afterQuarter.compute(C, Q1, once, new ArrayList<>()).found());
        assertEquals(1, iterations.get());
    }

    @Test
    void unknownUnitIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> afterQuarter.compute(OrgUnitId.of("nope"), Q1, List.of(), List.of()));
    }
}
