package org.dualprevention.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.danger.Transition;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.ControlMeasure;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.testkit.Seeds;
import org.dualprevention.testkit.gen.DangerGen;
import org.dualprevention.testkit.gen.Gen;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * The maintained statistics always equal a full recomputation by {@link Statistics}: seeded generated
 * histories (hidden dangers walked through the closed loop by the testkit's generator, their versions fed in
 * the order they were stored, interleaved with risk-point changes that move zones and control levels), checked
 * at random moments — forward in time, on the same day, and sometimes back — for every unit of the
 * organisation and three periods (a month, a quarter, the year).
 */
class MaintainedStatisticsPropertyTest {
    private static final ZoneId ZONE = DangerGen.DEFAULT_ZONE;

    /** One stored change: a hidden danger's version or a risk point's. */
    private record Change(Instant at, Optional<HiddenDanger> danger, Optional<RiskPoint> point) {
    }

    @RepeatedTest(12)
    void incrementalFiguresEqualAFullRecomputation(RepetitionInfo repetition) {
        long seed = Seeds.seed(Seeds.base(), repetition.getCurrentRepetition() - 1);
        Seeds.run(seed, gen -> check(gen, seed));
    }

    private static void check(Gen gen, long seed) {
        Organization org = gen.organization();
        List<OrgUnitId> units = org.units().stream().map(OrgUnit::id).toList();
        Map<RiskPointId, RiskPoint> points = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            RiskPoint p = gen.riskPoint(org).withVersion(1);
            points.put(p.id(), p);
        }
        List<RiskPoint> pointList = List.copyOf(points.values());
        // histories of hidden dangers, reported over the first 150 days of 2026
        List<Change> changes = new ArrayList<>();
        HiddenDangerState[] states = HiddenDangerState.values();
        int dangers = 40 + gen.intBetween(0, 60);
        for (int i = 0; i < dangers; i++) {
            Instant start = Gen.EPOCH.plus(gen.intBetween(0, 150 * 24), ChronoUnit.HOURS);
            Optional<RiskPoint> point = gen.chance(0.7) ? Optional.of(gen.pick(pointList)) : Optional.empty();
            for (Transition t : gen.dangers().history(org, point, states[gen.intBetween(0, states.length - 1)], start)) {
                changes.add(new Change(t.audit().at(), Optional.of(t.next()), Optional.empty()));
            }
        }
        // risk-point changes: another zone (or none), another control level of a measure
        for (int i = 0; i < 15; i++) {
            Instant at = Gen.EPOCH.plus(gen.intBetween(0, 200 * 24), ChronoUnit.HOURS);
            changes.add(new Change(at, Optional.empty(), Optional.of(gen.pick(pointList))));
        }
        changes.sort(Comparator.comparing(Change::at));

        List<ReportingPeriod> periods = List.of(ReportingPeriod.month(java.time.YearMonth.of(2026, 3)),
                ReportingPeriod.quarter(2026, 1), ReportingPeriod.year(2026));
        Clock start = Clock.fixed(Gen.EPOCH, ZONE);
        List<MaintainedStatistics> kept = new ArrayList<>();
        for (ReportingPeriod p : periods) {
            kept.add(MaintainedStatistics.load(org, p, start, ZONE, points.values(), List.of()));
        }
        Map<HiddenDangerId, HiddenDanger> stored = new LinkedHashMap<>();
        List<InspectionTaskFact> tasks = tasks(gen, units);
        int checks = 0;
        for (int c = 0; c < changes.size(); c++) {
            Change ch = changes.get(c);
            if (ch.danger().isPresent()) {
                HiddenDanger d = ch.danger().get();
                stored.put(d.id(), d);
                for (MaintainedStatistics m : kept) {
                    m.hiddenDanger(d);
                }
            } else {
                RiskPoint cur = points.get(ch.point().get().id());
                RiskPoint next = changed(gen, cur).withVersion(cur.version() + 1);
                points.put(next.id(), next);
                List<HiddenDanger> linked = stored.values().stream()
                        .filter(d -> d.riskPoint().equals(Optional.of(next.id()))).toList();
                for (MaintainedStatistics m : kept) {
                    m.riskPoint(next, linked);
                }
            }
            if (gen.chance(0.08) || c == changes.size() - 1) {
                // mostly after the change, sometimes on a day long after or before it
                Instant at = ch.at().plus(Duration.ofHours(gen.chance(0.2) ? gen.intBetween(-60 * 24, 90 * 24)
                        : gen.intBetween(0, 30)));
                Clock clock = Clock.fixed(at, ZONE);
                List<HiddenDangerFact> facts = stored.values().stream()
                        .map(d -> HiddenDangerFact.from(d, d.riskPoint().map(points::get), ZONE)).toList();
                for (int k = 0; k < periods.size(); k++) {
                    Map<OrgUnitId, UnitStatistics> full = Statistics.of(org, clock, ZONE)
                            .computeAll(periods.get(k), facts, tasks);
                    for (OrgUnitId u : units) {
                        assertEquals(describe(full.get(u)), describe(kept.get(k).statistics(u, clock, tasks)),
                                "unit " + u + ", " + periods.get(k) + ", at " + at + " after " + (c + 1) + " changes; "
                                        + "seed " + seed);
                    }
                }
                checks++;
            }
        }
        assertTrue(checks > 0);
        assertEquals(stored.size(), kept.get(0).size(), "every hidden danger kept once; " + "seed " + seed);
    }

    /** Another zone (or none) or, on a hazard with measures, another control level for one measure. */
    private static RiskPoint changed(Gen gen, RiskPoint p) {
        if (gen.chance(0.5) || p.hazards().stream().allMatch(h -> h.measures().isEmpty())) {
            return p.withDetails(p.name(), p.kind(), p.owningUnit(),
                    gen.chance(0.3) ? Optional.empty() : Optional.of(gen.mapZoneId()));
        }
        Hazard h = gen.pick(p.hazards().stream().filter(x -> !x.measures().isEmpty()).toList());
        ControlMeasure m = gen.pick(h.measures());
        ControlMeasure moved = new ControlMeasure(m.id(), m.category(), m.description(),
                gen.pick(List.of(ControlLevel.COMPANY, ControlLevel.WORKSHOP, ControlLevel.TEAM, ControlLevel.POST)), m.responsibleUnit(), m.inspectionStandard());
        List<ControlMeasure> measures = new ArrayList<>(h.measures());
        measures.set(measures.indexOf(m), moved);
        return p.withHazardChanged(h.id(), x -> x.withMeasures(measures));
    }

    private static List<InspectionTaskFact> tasks(Gen gen, List<OrgUnitId> units) {
        List<InspectionTaskFact> tasks = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Instant due = Gen.EPOCH.plus(gen.intBetween(0, 200 * 24), ChronoUnit.HOURS);
            OrgUnitId unit = gen.pick(units);
            Optional<String> plan = gen.chance(0.5) ? Optional.of("P" + gen.intBetween(0, 2)) : Optional.empty();
            if (gen.chance(0.25)) {
                tasks.add(InspectionTaskFact.pending("t" + i, unit, plan, due));
            } else {
                int checked = gen.intBetween(0, 5);
                tasks.add(InspectionTaskFact.done("t" + i, unit, plan, due,
                        due.plus(gen.intBetween(-36, 12), ChronoUnit.HOURS), checked, gen.intBetween(0, checked)));
            }
        }
        return tasks;
    }

    /** Every figure, maps in key order (equal statistics give equal text). */
    private static String describe(UnitStatistics s) {
        return String.join("\n", List.of("unit " + s.unit(), "period " + s.period(), "asOf " + s.asOf(),
                "found " + s.found(), "withdrawn " + s.withdrawn(), "majorFound " + s.majorFound(),
                "majorPlanned " + s.majorPlanned(), "rectification " + s.rectification(),
                "rectificationByGrade " + sorted(s.rectificationByGrade()), "closedLoop " + s.closedLoop(),
                "firstPass " + s.firstPassAcceptance(), "onTime " + s.onTimeRectification(),
                "overdueOpen " + s.overdueOpen(), "meanDays " + s.meanDaysToClose(),
                "inspection " + s.inspectionCompletion(), "onTimeInspection " + s.onTimeInspection(),
                "items " + s.itemConformity(), "plans " + sorted(s.planExecution()),
                "byGrade " + sorted(s.byGrade()), "byAccident " + sorted(s.byAccidentType()),
                "byCategory " + sorted(s.byHazardCategory()), "bySource " + sorted(s.bySource()),
                "byLevel " + sorted(s.byControlLevel())));
    }

    private static Map<String, String> sorted(Map<?, ?> m) {
        Map<String, String> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        return out;
    }
}
