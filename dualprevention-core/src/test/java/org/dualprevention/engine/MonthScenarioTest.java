package org.dualprevention.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import java.util.stream.Collectors;
import org.dualprevention.danger.Funds;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.danger.RectificationPlan;
import org.dualprevention.inspection.InspectionItem;
import org.dualprevention.inspection.InspectionTask;
import org.dualprevention.inspection.ItemOutcome;
import org.dualprevention.inspection.ItemResult;
import org.dualprevention.inspection.TaskMissed;
import org.dualprevention.organization.Actor;
import org.dualprevention.organization.ActorId;
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
import org.dualprevention.query.HiddenDangerQuery;
import org.dualprevention.query.InspectionTaskQuery;
import org.dualprevention.query.Page;
import org.dualprevention.query.PageRequest;
import org.dualprevention.query.RiskPointQuery;
import org.dualprevention.storage.memory.InMemoryStorage;
import org.dualprevention.storage.memory.TestClock;
import org.junit.jupiter.api.Test;

/**
 * November 2026 at a small plant (company C, workshop W, team T, post P; a press owned by the team and a
 * crane owned by the workshop), with the default routine cadence. The seed only shuffles the order and
 * times of recording inside each task's window; every count below is hand-counted and must not depend on it.
 *
 * <p>Tasks due in [Nov 1 00:00, Dec 1 00:01): company monthly 1 (November, due Dec 1; October's starts before
 * the plans), comprehensive 0 (Q4 starts Oct 1), workshop weekly 4 (weeks of Nov 2, 9, 16, 23, due Nov 9,
 * 16, 23, 30; the week of Nov 30 is due Dec 7), team daily 30, post per day shift 30: 65.
 *
 * <p>Items per task by the cascade: C 1 (M1), W 3 (M1, M3#1, M3#2), T 4 (+M2), P 4. The post skips its
 * shift on the five Sundays (Nov 1, 8, 15, 22, 29): 5 missed, 60 recorded, 233 items checked
 * (1 + 4×3 + 30×4 + 25×4). Four items fail: the post's guard on Nov 3 and Nov 17, the team's rope on Nov 10,
 * the workshop's limit switch in the week of Nov 9. Their hidden dangers end the month CLOSED (rectified on
 * the spot, accepted), RECTIFYING (deadline Nov 20, so overdue), WITHDRAWN (a duplicate) and REPORTED.
 */
class MonthScenarioTest {
    static final long SEED = 20261101L;
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final OrgUnitId C = OrgUnitId.of("C");
    static final OrgUnitId W = OrgUnitId.of("W");
    static final OrgUnitId T = OrgUnitId.of("T");
    static final OrgUnitId P = OrgUnitId.of("P");
    static final Actor SAFETY = Actor.of(ActorId.of("safety"), C);
    static final Actor HEAD = Actor.of(ActorId.of("head"), W);
    static final Actor LEADER = Actor.of(ActorId.of("leader"), T);
    static final Actor WORKER = Actor.of(ActorId.of("worker"), P);
    static final URI PHOTO = URI.create("https://example.org/p.jpg");

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(ZONE).toInstant();
    }

    /** One thing that happens at an instant. */
    record Step(Instant at, String what, Runnable run) {
    }

    @Test
    void aMonthOfInspections() {
        TestClock clock = new TestClock(at("2026-10-31T12:00"), ZONE);
        DualPrevention dp = DualPrevention.builder().storage(InMemoryStorage.create()).clock(clock).discover(false)
                .build();
        dp.register().saveOrganization(Organization.of(List.of(OrgUnit.root(C, "Company", ControlLevel.COMPANY),
                OrgUnit.child(W, "Workshop", ControlLevel.WORKSHOP, C), OrgUnit.child(T, "Team", ControlLevel.TEAM, W),
                OrgUnit.child(P, "Press post", ControlLevel.POST, T))));
        dp.register().addRiskPoint(point("press", T, "H1",
                measure("M1", ControlLevel.COMPANY, "guard fitted"), measure("M2", ControlLevel.TEAM, "lockout followed")));
        dp.register().addRiskPoint(point("crane", W, "H2",
                measure("M3", ControlLevel.WORKSHOP, "rope inspected; limit switch works")));
        assertEquals(5, dp.inspections().createRoutinePlans(LocalDate.of(2026, 11, 1)).size(),
                "routine C, W, T, P and comprehensive C");

        Instant from = at("2026-11-01T00:00");
        Instant before = at("2026-12-01T00:01");
        List<InspectionTask> tasks = Page.stream(p -> dp.inspections().tasksDue(from, before, p), 50)
                .collect(Collectors.toList());
        Map<OrgUnitId, Long> perUnit = tasks.stream().collect(Collectors.groupingBy(InspectionTask::unit,
                Collectors.counting()));
        assertEquals(Map.of(C, 1L, W, 4L, T, 30L, P, 30L), perUnit, "tasks per unit");
        assertEquals(Map.of(C, 1, W, 3, T, 4, P, 4), tasks.stream().collect(Collectors.toMap(InspectionTask::unit,
                t -> t.items().size(), (a, b) -> a)), "items per task");

        RandomGenerator r = RandomGeneratorFactory.of("L64X128MixRandom").create(SEED);
        List<Step> steps = new ArrayList<>();
        for (InspectionTask t : tasks) {
            LocalDate day = LocalDate.ofInstant(t.windowStart(), ZONE);
            if (t.unit().equals(P) && day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue; // missed
            }
            long windowMinutes = Duration.between(t.windowStart(), t.due()).toMinutes();
            Instant when = t.windowStart().plus(Duration.ofMinutes(60 + r.nextLong(windowMinutes - 120)));
            String fail = null;
            if (t.unit().equals(P) && (day.getDayOfMonth() == 3 || day.getDayOfMonth() == 17)) {
                fail = "M1#1";
            } else if (t.unit().equals(T) && day.getDayOfMonth() == 10) {
                fail = "M3#1";
            } else if (t.unit().equals(W) && day.equals(LocalDate.of(2026, 11, 9))) {
                fail = "M3#2";
                when = at("2026-11-14T10:00");
            }
            String failing = fail;
            Actor who = t.unit().equals(P) ? WORKER : t.unit().equals(T) ? LEADER : t.unit().equals(W) ? HEAD : SAFETY;
            steps.add(new Step(when, "record " + t.id(),
                    () -> dp.inspections().recordTask(t.id(), who, results(t, failing))));
        }
        HiddenDangerId guard3 = HiddenDangerId.of("routine.P@2026-11-03/day/M1#1");
        HiddenDangerId rope = HiddenDangerId.of("routine.T@2026-11-10/M3#1");
        HiddenDangerId limit = HiddenDangerId.of(tasks.stream().filter(t -> t.unit().equals(W)
                && LocalDate.ofInstant(t.windowStart(), ZONE).equals(LocalDate.of(2026, 11, 9))).findFirst()
                .orElseThrow().id().value() + "/M3#2");
        steps.add(new Step(at("2026-11-03T16:30"), "rectify guard on the spot", () -> dp.hiddenDangers().apply(guard3,
                new HiddenDangerCommand.RectifyOnSpot(LEADER, "guard refitted", List.of(PHOTO), LocalDate.of(2026, 11, 3)))));
        steps.add(new Step(at("2026-11-04T09:00"), "accept guard",
                () -> dp.hiddenDangers().apply(guard3, new HiddenDangerCommand.Accept(SAFETY, "ok"))));
        steps.add(new Step(at("2026-11-11T09:00"), "verify rope",
                () -> dp.hiddenDangers().apply(rope, HiddenDangerCommand.Verify.general(HEAD, "worn rope"))));
        steps.add(new Step(at("2026-11-11T10:00"), "plan rope",
                () -> dp.hiddenDangers().apply(rope, new HiddenDangerCommand.Plan(HEAD, RectificationPlan.of(LEADER.id(),
                        "replace rope", Funds.cny("3000"), LocalDate.of(2026, 11, 20), "crane out of service")))));
        steps.add(new Step(at("2026-11-12T09:00"), "start rope",
                () -> dp.hiddenDangers().apply(rope, HiddenDangerCommand.Start.by(LEADER))));
        steps.add(new Step(at("2026-11-14T11:00"), "verify limit switch",
                () -> dp.hiddenDangers().apply(limit, HiddenDangerCommand.Verify.general(SAFETY, "checked"))));
        steps.add(new Step(at("2026-11-14T12:00"), "withdraw limit switch",
                () -> dp.hiddenDangers().apply(limit,
                        new HiddenDangerCommand.Withdraw(SAFETY, "duplicate of the rope finding"))));
        Collections.shuffle(steps, new java.util.Random(SEED)); // then sorted: order within equal instants is seeded
        steps.sort(Comparator.comparing(Step::at));
        for (Step s : steps) {
            clock.set(s.at());
            try {
                s.run().run();
            } catch (RuntimeException e) {
                throw new AssertionError("step [" + s.what() + "] at " + s.at() + " failed; seed " + SEED, e);
            }
        }

        clock.set(at("2026-12-01T00:30"));
        List<TaskMissed> missed = dp.inspections().sweepMissed(from);
        assertEquals(List.of(1, 8, 15, 22, 29), missed.stream().map(m -> LocalDate.ofInstant(m.due(), ZONE)
                .getDayOfMonth()).collect(Collectors.toList()), "missed post shifts on Sundays; seed " + SEED);
        InspectionTaskQuery month = InspectionTaskQuery.dueBetween(from, before);
        assertEquals(65, dp.storage().inspectionTasks().count(month));
        assertEquals(60, dp.storage().inspectionTasks().count(month.recorded(true)));
        List<InspectionTask> done = Page.stream(p -> dp.storage().inspectionTasks().find(month.recorded(true), p), 20)
                .collect(Collectors.toList());
        assertEquals(233, done.stream().mapToLong(t -> t.record().orElseThrow().results().stream()
                .filter(x -> x.outcome() != ItemOutcome.NOT_APPLICABLE).count()).sum(), "items checked");
        assertEquals(4, done.stream().mapToLong(t -> t.record().orElseThrow().failedCount()).sum(), "items failed");

        assertEquals(4, count(dp, HiddenDangerQuery.all()));
        assertEquals(1, count(dp, HiddenDangerQuery.all().inStates(Set.of(HiddenDangerState.CLOSED))));
        assertEquals(1, count(dp, HiddenDangerQuery.all().inStates(Set.of(HiddenDangerState.RECTIFYING))));
        assertEquals(1, count(dp, HiddenDangerQuery.all().inStates(Set.of(HiddenDangerState.WITHDRAWN))));
        assertEquals(1, count(dp, HiddenDangerQuery.all().inStates(Set.of(HiddenDangerState.REPORTED))));
        assertEquals(2, count(dp, HiddenDangerQuery.all().open()));
        assertEquals(1, count(dp, HiddenDangerQuery.all().overdueAsOf(dp.today())));
        assertEquals(2, count(dp, HiddenDangerQuery.all().inUnits(Set.of(P))));
        assertEquals(3, count(dp, HiddenDangerQuery.all().inUnits(dp.register().unitAndBelow(T))));
        assertEquals(1, dp.hiddenDangers().sweepOverdue(LocalDate.of(2026, 11, 20)).size());
        // the press (guard, rectified on the spot) and the crane (rope, limit switch verified) are flagged
        assertEquals(2, dp.storage().riskPoints().count(RiskPointQuery.all().flaggedForReassessment()));
        for (HiddenDanger d : Page.stream(p -> dp.hiddenDangers().find(HiddenDangerQuery.all(), p), 10)
                .collect(Collectors.toList())) {
            assertEquals(true, dp.hiddenDangers().verifyAuditChain(d.id()).isValid(), d.id().toString());
        }
    }

    static long count(DualPrevention dp, HiddenDangerQuery q) {
        return dp.storage().hiddenDangers().count(q);
    }

    static List<ItemResult> results(InspectionTask t, String failing) {
        List<ItemResult> out = new ArrayList<>();
        for (InspectionItem i : t.items()) {
            out.add(i.id().value().equals(failing) ? ItemResult.failed(i.id(), "not as the standard says", List.of(PHOTO))
                    : ItemResult.passed(i.id()));
        }
        return out;
    }

    static ControlMeasure measure(String id, ControlLevel level, String standard) {
        return new ControlMeasure(ControlMeasureId.of(id), MeasureCategory.ENGINEERING, "measure " + id, level, C,
                standard);
    }

    static RiskPoint point(String id, OrgUnitId owner, String hazard, ControlMeasure... measures) {
        Hazard h = Hazard.of(HazardId.of(hazard), "hazard " + hazard, HazardCategory.PHYSICAL,
                Set.of(AccidentType.values()[0]), "", "").withMeasures(List.of(measures));
        return RiskPoint.of(RiskPointId.of(id), id, RiskPointKind.EQUIPMENT, owner, Optional.empty()).withHazard(h);
    }

    static PageRequest first() {
        return PageRequest.first(100);
    }
}
