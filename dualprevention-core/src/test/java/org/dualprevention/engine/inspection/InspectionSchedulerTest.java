package org.dualprevention.engine.inspection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.dualprevention.inspection.Cadence;
import org.dualprevention.inspection.ChecklistClass;
import org.dualprevention.inspection.InspectionItem;
import org.dualprevention.inspection.InspectionItemId;
import org.dualprevention.inspection.InspectionPlan;
import org.dualprevention.inspection.InspectionPlanId;
import org.dualprevention.inspection.InspectionTask;
import org.dualprevention.inspection.PlanKind;
import org.dualprevention.inspection.Schedule;
import org.dualprevention.inspection.Shift;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.ControlMeasure;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.HazardCategory;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.MeasureCategory;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.risk.RiskPointKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InspectionSchedulerTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final OrgUnitId C = OrgUnitId.of("C");
    static final OrgUnitId D = OrgUnitId.of("D");
    static final OrgUnitId W = OrgUnitId.of("W");
    static final OrgUnitId W2 = OrgUnitId.of("W2");
    static final OrgUnitId T = OrgUnitId.of("T");
    static final OrgUnitId P = OrgUnitId.of("P");
    static final Organization ORG = Organization.of(List.of(
            OrgUnit.root(C, "Company", ControlLevel.COMPANY),
            OrgUnit.child(D, "Safety dept", ControlLevel.DEPARTMENT, C),
            OrgUnit.child(W, "Workshop 1", ControlLevel.WORKSHOP, C),
            OrgUnit.child(W2, "Workshop 2", ControlLevel.WORKSHOP, C),
            OrgUnit.child(T, "Team A", ControlLevel.TEAM, W),
            OrgUnit.child(P, "Press post", ControlLevel.POST, T)));

    private final InspectionScheduler scheduler = new InspectionScheduler(SHANGHAI);

    static Instant at(String localDateTime, ZoneId zone) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    static InspectionPlan plan(Schedule s) {
        return InspectionPlan.of(InspectionPlanId.of("PL"), "plan", PlanKind.SPECIAL, W, s,
                List.of(InspectionItem.checklist(InspectionItemId.of("I"), "c", "s", ChecklistClass.ON_SITE)),
                LocalDate.of(2026, 1, 1), Optional.empty());
    }

    /** Tasks due in November 2026 (Asia/Shanghai), counted by hand per cadence. */
    @ParameterizedTest
    @CsvSource({
            "DAY, 30, PL@2026-10-31, PL@2026-11-29",
            // weeks end on Mondays 00:00: Nov 2, 9, 16, 23, 30
            "WEEK, 5, PL@2026-W44, PL@2026-W48",
            // only October's task is due on Nov 1 00:00; November's is due Dec 1
            "MONTH, 1, PL@2026-10, PL@2026-10",
            "QUARTER, 0, , "})
    void cadenceCountsOverAMonth(Cadence cadence, int expected, String firstId, String lastId) {
        List<InspectionTask> tasks = scheduler.tasks(plan(Schedule.every(cadence)), List.of(),
                at("2026-11-01T00:00", SHANGHAI), at("2026-12-01T00:00", SHANGHAI));
        assertEquals(expected, tasks.size(), cadence.toString());
        if (expected > 0) {
            assertEquals(firstId, tasks.get(0).id().value());
            assertEquals(lastId, tasks.get(tasks.size() - 1).id().value());
        }
    }

    @Test
    void quarterTaskIsDueAtTheMidnightAfterTheQuarter() {
        List<InspectionTask> tasks = scheduler.tasks(plan(Schedule.every(Cadence.QUARTER)), List.of(),
                at("2026-01-01T00:00", SHANGHAI), at("2027-01-01T00:00", SHANGHAI).plusNanos(1));
        // 2025-Q4 is due on 2026-01-01 but starts before the plan is valid (2026-01-01), so it is not generated
        assertEquals(List.of("PL@2026-Q1", "PL@2026-Q2", "PL@2026-Q3", "PL@2026-Q4"),
                tasks.stream().map(t -> t.id().value()).collect(Collectors.toList()));
        assertEquals(at("2026-04-01T00:00", SHANGHAI), tasks.get(0).due());
    }

    @Test
    void shiftsAcrossMidnightBelongToTheirStartDay() {
        Shift night = Shift.of("night", LocalTime.of(22, 0), Duration.ofHours(8));
        Shift day = Shift.of("day", LocalTime.of(8, 0), Duration.ofHours(8));
        List<InspectionTask> tasks = scheduler.tasks(plan(Schedule.perShift(List.of(day, night))), List.of(),
                at("2026-11-02T00:00", SHANGHAI), at("2026-11-03T00:00", SHANGHAI));
        assertEquals(List.of("PL@2026-11-01/night", "PL@2026-11-02/day"),
                tasks.stream().map(t -> t.id().value()).collect(Collectors.toList()));
        assertEquals(at("2026-11-02T06:00", SHANGHAI), tasks.get(0).due());
        assertEquals(at("2026-11-01T22:00", SHANGHAI), tasks.get(0).windowStart());
    }

    @Test
    void daysFollowTheZoneAcrossDaylightSavingTime() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        InspectionScheduler s = new InspectionScheduler(berlin);
        List<InspectionTask> tasks = s.tasks(plan(Schedule.every(Cadence.DAY)), List.of(),
                at("2026-03-29T00:00", berlin), at("2026-03-30T00:00", berlin).plusNanos(1));
        InspectionTask dstDay = tasks.stream().filter(t -> t.id().value().equals("PL@2026-03-29")).findFirst()
                .orElseThrow();
        assertEquals(Duration.ofHours(23), Duration.between(dstDay.windowStart(), dstDay.due()));
    }

    @Test
    void generationIsDeterministicAndRespectsValidity() {
        InspectionPlan p = plan(Schedule.every(Cadence.DAY)).withValidity(LocalDate.of(2026, 11, 10),
                Optional.of(LocalDate.of(2026, 11, 12)));
        Instant a = at("2026-11-01T00:00", SHANGHAI);
        Instant b = at("2026-12-01T00:00", SHANGHAI);
        List<InspectionTask> once = scheduler.tasks(p, List.of(), a, b);
        assertEquals(once, scheduler.tasks(p, List.of(), a, b));
        assertEquals(List.of("PL@2026-11-10", "PL@2026-11-11", "PL@2026-11-12"),
                once.stream().map(t -> t.id().value()).collect(Collectors.toList()));
        // windows split anywhere give the same tasks
        Instant mid = at("2026-11-11T13:17", SHANGHAI);
        List<InspectionTask> split = new java.util.ArrayList<>(scheduler.tasks(p, List.of(), a, mid));
        split.addAll(scheduler.tasks(p, List.of(), mid, b));
        assertEquals(once, split);
        assertTrue(once.stream().allMatch(t -> t.version() == 1));
    }

    @Test
    void oncePlanYieldsOneTaskDueAfterItsLastDay() {
        InspectionPlan p = plan(Schedule.once(LocalDate.of(2026, 9, 28), LocalDate.of(2026, 9, 30)))
                .withValidity(LocalDate.of(2026, 9, 28), Optional.empty());
        List<InspectionTask> tasks = scheduler.tasks(p, List.of(), at("2026-09-01T00:00", SHANGHAI),
                at("2026-11-01T00:00", SHANGHAI));
        assertEquals(1, tasks.size());
        assertEquals("PL@once", tasks.get(0).id().value());
        assertEquals(at("2026-10-01T00:00", SHANGHAI), tasks.get(0).due());
    }

    static ControlMeasure measure(String id, ControlLevel level, String standard) {
        return new ControlMeasure(ControlMeasureId.of(id), MeasureCategory.ENGINEERING, "measure " + id, level, C,
                standard);
    }

    static RiskPoint point(String id, OrgUnitId owner, ControlMeasure... measures) {
        Hazard h = Hazard.of(HazardId.of("H-" + id), "hazard", HazardCategory.PHYSICAL,
                Set.of(AccidentType.values()[0]), "", "").withMeasures(List.of(measures));
        return RiskPoint.of(RiskPointId.of(id), id, RiskPointKind.EQUIPMENT, owner, Optional.empty()).withHazard(h);
    }

    @Test
    void cascadeAUnitInspectsMeasuresAtOrAboveItsLevelOnItsBranch() {
        RiskPoint press = point("press", T, measure("M-company", ControlLevel.COMPANY, "guard fitted; interlock works"),
                measure("M-team", ControlLevel.TEAM, "daily lubrication"),
                measure("M-post", ControlLevel.POST, "gloves worn"));
        RiskPoint other = point("crane", W2, measure("M2", ControlLevel.COMPANY, "ropes ok"));
        List<RiskPoint> reg = List.of(press, other);
        // the company-level measure has two standard lines -> two items
        assertEquals(List.of("M-company#1", "M-company#2", "M2#1"), ids(C, reg));
        assertEquals(List.of("M-company#1", "M-company#2"), ids(W, reg));
        assertEquals(List.of("M-company#1", "M-company#2", "M-team#1"), ids(T, reg));
        assertEquals(List.of("M-company#1", "M-company#2", "M-team#1", "M-post#1"), ids(P, reg));
        // the department is not on the press's branch; workshop 2 only sees its crane
        assertEquals(List.of(), ids(D, reg));
        assertEquals(List.of("M2#1"), ids(W2, reg));
        assertFalse(InspectionScheduler.branch(ORG, W2).contains(T));
    }

    private static List<String> ids(OrgUnitId unit, List<RiskPoint> reg) {
        return InspectionScheduler.controlledItems(ORG, unit, reg).stream().map(i -> i.id().value())
                .collect(Collectors.toList());
    }

    @Test
    void routinePlansFollowTheDefaultCadence() {
        List<InspectionPlan> plans = InspectionScheduler.routinePlans(ORG, RoutineCadence.defaults(),
                LocalDate.of(2026, 11, 1));
        assertEquals(List.of("routine.C", "comprehensive.C", "routine.D", "routine.W", "routine.W2", "routine.T",
                "routine.P"), plans.stream().map(p -> p.id().value()).collect(Collectors.toList()));
        assertEquals(Cadence.MONTH, plans.get(0).schedule().cadence());
        assertEquals(PlanKind.COMPREHENSIVE, plans.get(1).kind());
        assertEquals(Cadence.QUARTER, plans.get(1).schedule().cadence());
        assertEquals(Cadence.WEEK, plans.get(2).schedule().cadence());
        assertEquals(Cadence.DAY, plans.get(5).schedule().cadence());
        assertEquals(Cadence.SHIFT, plans.get(6).schedule().cadence());
    }

    @Test
    void routinePlansAreNamedInChineseUnlessEnglishIsAsked() {
        LocalDate day = LocalDate.of(2026, 11, 1);
        List<InspectionPlan> zh = InspectionScheduler.routinePlans(ORG, RoutineCadence.defaults(), day);
        List<InspectionPlan> en = InspectionScheduler.routinePlans(ORG, RoutineCadence.defaults(), day,
                java.util.Locale.ENGLISH);
        assertEquals(List.of("Company日常排查", "Company综合性排查", "Safety dept日常排查", "Workshop 1日常排查",
                "Workshop 2日常排查", "Team A日常排查", "Press post日常排查"),
                zh.stream().map(InspectionPlan::name).collect(Collectors.toList()));
        assertEquals(List.of("Routine inspection of Company", "Comprehensive inspection of Company",
                "Routine inspection of Safety dept", "Routine inspection of Workshop 1",
                "Routine inspection of Workshop 2", "Routine inspection of Team A", "Routine inspection of Press post"),
                en.stream().map(InspectionPlan::name).collect(Collectors.toList()));
        assertEquals(zh, InspectionScheduler.routinePlans(ORG, RoutineCadence.defaults(), day,
                java.util.Locale.SIMPLIFIED_CHINESE));
        for (int i = 0; i < zh.size(); i++) { // only the names differ
            assertEquals(zh.get(i).id(), en.get(i).id());
            assertEquals(zh.get(i).schedule(), en.get(i).schedule());
            assertEquals(zh.get(i).kind(), en.get(i).kind());
            assertEquals(zh.get(i).unit(), en.get(i).unit());
        }
    }
}
