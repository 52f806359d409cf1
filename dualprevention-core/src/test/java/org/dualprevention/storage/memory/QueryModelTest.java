package org.dualprevention.storage.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.danger.Transition;
import org.dualprevention.inspection.InspectionItem;
import org.dualprevention.inspection.InspectionItemId;
import org.dualprevention.inspection.ChecklistClass;
import org.dualprevention.inspection.InspectionPlanId;
import org.dualprevention.inspection.InspectionRecord;
import org.dualprevention.inspection.InspectionTask;
import org.dualprevention.inspection.InspectionTaskId;
import org.dualprevention.inspection.ItemResult;
import org.dualprevention.inspection.PlanKind;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.MapZoneId;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.risk.RiskPointKind;
import org.dualprevention.risk.ReassessmentFlag;
import org.dualprevention.query.HiddenDangerQuery;
import org.dualprevention.query.InspectionTaskQuery;
import org.dualprevention.query.Page;
import org.dualprevention.query.PageRequest;
import org.dualprevention.query.RiskPointQuery;
import org.dualprevention.testsupport.Seeds;
import org.junit.jupiter.api.Test;

/** Index and query correctness against a plain list filtered by the query's own predicate, on seeded data. */
class QueryModelTest {
    private static final List<OrgUnitId> UNITS = List.of("C", "D1", "W1", "W2", "T1", "T2", "P1").stream()
            .map(OrgUnitId::of).collect(Collectors.toList());
    private static final List<RiskPointId> POINTS = List.of("RP1", "RP2", "RP3", "RP4").stream()
            .map(RiskPointId::of).collect(Collectors.toList());
    private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");


    private static <T> Set<T> subset(RandomGenerator r, List<T> all) {
        Set<T> s = new HashSet<>();
        for (T t : all) {
            if (r.nextInt(3) == 0) {
                s.add(t);
            }
        }
        return s;
    }

    private static <T, I> void checkPaged(String what, List<T> model, Predicate<T> p,
            Function<PageRequest, Page<T>> fetch, int pageSize, Function<T, I> id, long count, long seed) {
        List<I> expected = model.stream().filter(p).map(id).sorted(Comparator.comparing(Object::toString))
                .collect(Collectors.toList());
        List<T> got = new ArrayList<>();
        PageRequest req = PageRequest.first(pageSize);
        while (true) {
            Page<T> page = fetch.apply(req);
            assertTrue(page.items().size() <= pageSize, what + " page too large; seed " + seed);
            got.addAll(page.items());
            if (page.next().isEmpty()) {
                break;
            }
            req = PageRequest.after(page.next().get(), pageSize);
        }
        List<I> gotIds = got.stream().map(id).sorted(Comparator.comparing(Object::toString)).collect(Collectors.toList());
        assertEquals(expected, gotIds, what + " " + Seeds.describe(seed));
        assertEquals(expected.size(), count, what + " count with seed " + seed);
    }

    @Test
    void hiddenDangerQueriesAgreeWithTheReferenceModel() {
        long seed = Seeds.base();
        Seeds.run(seed, () -> hiddenDangerQueries(seed));
    }

    private static void hiddenDangerQueries(long seed) {
        RandomGenerator r = Seeds.random(seed);
        InMemoryStorage storage = InMemoryStorage.create();
        TestClock clock = new TestClock(T0, Dangers.ZONE);
        Map<HiddenDangerId, HiddenDanger> model = new LinkedHashMap<>();
        HiddenDangerState[] states = HiddenDangerState.values();
        for (int i = 0; i < 300; i++) {
            clock.advance(Duration.ofMinutes(r.nextInt(600)));
            LocalDate today = LocalDate.ofInstant(clock.instant(), Dangers.ZONE);
            Dangers.Spec spec = new Dangers.Spec(HiddenDangerId.of("HD-" + i), UNITS.get(r.nextInt(UNITS.size())),
                    r.nextInt(4) == 0 ? Optional.empty() : Optional.of(POINTS.get(r.nextInt(POINTS.size()))),
                    r.nextBoolean() ? HiddenDangerGrade.GENERAL : HiddenDangerGrade.MAJOR,
                    today.plusDays(r.nextInt(20)), states[r.nextInt(states.length)]);
            List<Transition> ts = Dangers.lifecycle(spec, clock);
            // store a random prefix, so some stop earlier than their target
            int n = 1 + r.nextInt(ts.size());
            for (Transition t : ts.subList(0, n)) {
                storage.hiddenDangers().save(t.next(), t.expectedVersion(), t.audit());
                model.put(t.next().id(), t.next());
            }
        }
        List<HiddenDanger> all = List.copyOf(model.values());
        LocalDate first = LocalDate.ofInstant(T0, Dangers.ZONE);
        for (int q = 0; q < 200; q++) {
            HiddenDangerQuery query = HiddenDangerQuery.all();
            if (r.nextBoolean()) {
                query = query.inUnits(subset(r, UNITS));
            }
            switch (r.nextInt(4)) {
                case 0:
                    query = query.inStates(subset(r, List.of(states)));
                    break;
                case 1:
                    query = query.open();
                    break;
                default:
                    break;
            }
            if (r.nextInt(3) == 0) {
                query = query.overdueAsOf(first.plusDays(r.nextInt(200)));
            }
            if (r.nextInt(3) == 0) {
                query = query.atRiskPoint(POINTS.get(r.nextInt(POINTS.size())));
            }
            if (r.nextInt(4) == 0) {
                query = query.ofGrades(subset(r, List.of(HiddenDangerGrade.values())));
            }
            if (r.nextInt(4) == 0) {
                Instant a = T0.plus(Duration.ofHours(r.nextInt(24 * 60)));
                query = query.reportedBetween(a, a.plus(Duration.ofDays(r.nextInt(30))));
            }
            HiddenDangerQuery fq = query;
            checkPaged(query.toString(), all, fq::matches, p -> storage.hiddenDangers().find(fq, p), 1 + r.nextInt(40),
                    HiddenDanger::id, storage.hiddenDangers().count(fq), seed);
        }
        // the overdue query means: open, deadline in force before the day
        LocalDate day = first.plusDays(15);
        assertEquals(all.stream().filter(d -> d.isOverdue(day)).count(),
                storage.hiddenDangers().count(HiddenDangerQuery.all().overdueAsOf(day)), "seed " + seed);
    }

    @Test
    void riskPointAndTaskQueriesAgreeWithTheReferenceModel() {
        long seed = Seeds.base();
        Seeds.run(seed, () -> riskPointAndTaskQueries(seed));
    }

    private static void riskPointAndTaskQueries(long seed) {
        RandomGenerator r = Seeds.random(seed);
        InMemoryStorage storage = InMemoryStorage.create();
        List<MapZoneId> zones = List.of(MapZoneId.of("Z1"), MapZoneId.of("Z2"), MapZoneId.of("Z3"));
        Map<RiskPointId, RiskPoint> points = new LinkedHashMap<>();
        for (int i = 0; i < 200; i++) {
            RiskPoint p = RiskPoint.of(RiskPointId.of("P" + i), "p", RiskPointKind.PLACE,
                    UNITS.get(r.nextInt(UNITS.size())),
                    r.nextInt(4) == 0 ? Optional.empty() : Optional.of(zones.get(r.nextInt(zones.size()))))
                    .withHazard(InMemoryStorageTest.hazard("H" + i)).withVersion(1);
            storage.riskPoints().save(p, 0);
            points.put(p.id(), p);
        }
        // change some: move unit or zone, flag a hazard
        for (int i = 0; i < 100; i++) {
            RiskPoint cur = points.get(RiskPointId.of("P" + r.nextInt(200)));
            RiskPoint next = r.nextBoolean()
                    ? cur.withDetails(cur.name(), cur.kind(), UNITS.get(r.nextInt(UNITS.size())),
                            Optional.of(zones.get(r.nextInt(zones.size()))))
                    : cur.withHazardChanged(cur.hazards().get(0).id(), h -> h.withReassessment(
                            new ReassessmentFlag("measure failed", "HD-x", T0)));
            next = next.withVersion(cur.version() + 1);
            storage.riskPoints().save(next, cur.version());
            points.put(next.id(), next);
        }
        List<RiskPoint> all = List.copyOf(points.values());
        for (int q = 0; q < 150; q++) {
            RiskPointQuery query = RiskPointQuery.all();
            if (r.nextBoolean()) {
                query = query.inUnits(subset(r, UNITS));
            }
            if (r.nextBoolean()) {
                query = query.inZones(subset(r, zones));
            }
            if (r.nextInt(3) == 0) {
                query = query.flaggedForReassessment();
            }
            RiskPointQuery fq = query;
            checkPaged(query.toString(), all, fq::matches, p -> storage.riskPoints().find(fq, p), 1 + r.nextInt(30),
                    RiskPoint::id, storage.riskPoints().count(fq), seed);
        }

        // tasks: due order and window semantics
        Map<InspectionTaskId, InspectionTask> tasks = new LinkedHashMap<>();
        List<InspectionTask> fresh = new ArrayList<>();
        InspectionItem item = InspectionItem.checklist(InspectionItemId.of("I1"), "check", "standard",
                ChecklistClass.ON_SITE);
        for (int i = 0; i < 300; i++) {
            Instant due = T0.plus(Duration.ofHours(r.nextInt(24 * 40)));
            InspectionTask t = InspectionTask.of(InspectionTaskId.of("T" + i),
                    InspectionPlanId.of("PL" + r.nextInt(5)), PlanKind.ROUTINE, UNITS.get(r.nextInt(UNITS.size())),
                    Optional.empty(), due.minus(Duration.ofHours(8)), due, List.of(item)).withVersion(1);
            fresh.add(t);
            tasks.put(t.id(), t);
        }
        assertEquals(300, storage.inspectionTasks().insertMissing(fresh));
        assertEquals(0, storage.inspectionTasks().insertMissing(fresh.subList(0, 50)));
        for (int i = 0; i < 80; i++) {
            InspectionTask cur = tasks.get(InspectionTaskId.of("T" + r.nextInt(300)));
            if (cur.record().isPresent()) {
                continue;
            }
            InspectionTask next = cur.withRecord(new InspectionRecord(ActorId.of("a"), cur.due(),
                    List.of(ItemResult.passed(item.id())))).withVersion(2);
            storage.inspectionTasks().save(next, 1);
            tasks.put(next.id(), next);
        }
        List<InspectionTask> allTasks = List.copyOf(tasks.values());
        for (int q = 0; q < 150; q++) {
            Instant a = T0.plus(Duration.ofHours(r.nextInt(24 * 40)));
            InspectionTaskQuery query = InspectionTaskQuery.dueBetween(a, a.plus(Duration.ofHours(r.nextInt(24 * 10))));
            if (r.nextBoolean()) {
                query = query.inUnits(subset(r, UNITS));
            }
            if (r.nextInt(3) == 0) {
                query = query.ofPlan(InspectionPlanId.of("PL" + r.nextInt(5)));
            }
            if (r.nextInt(3) == 0) {
                query = query.recorded(r.nextBoolean());
            }
            InspectionTaskQuery fq = query;
            checkPaged(query.toString(), allTasks, fq::matches, p -> storage.inspectionTasks().find(fq, p),
                    1 + r.nextInt(30), InspectionTask::id, storage.inspectionTasks().count(fq), seed);
            List<Instant> dues = Page.stream(p -> storage.inspectionTasks().find(fq, p), 7).map(InspectionTask::due)
                    .collect(Collectors.toList());
            List<Instant> sorted = new ArrayList<>(dues);
            sorted.sort(Comparator.naturalOrder());
            assertEquals(sorted, dues, "tasks in due order; seed " + seed);
        }
        assertTrue(EnumSet.allOf(HiddenDangerState.class).size() > 0);
    }
}
