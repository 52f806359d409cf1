package org.dualprevention.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.danger.Transition;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.dualprevention.query.HiddenDangerQuery;
import org.dualprevention.query.Page;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.storage.memory.InMemoryStorage;
import org.dualprevention.testkit.Seeds;
import org.dualprevention.testkit.gen.DangerGen;
import org.dualprevention.testkit.gen.Gen;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Pins the statistics read from a store ({@link StorageAnalytics#statistics} and {@link StorageAnalytics#report},
 * which read the hidden dangers straight, making no {@link HiddenDangerFact} per hidden danger) to the plain
 * computation: {@link Statistics#compute} and {@link Statistics#report} over the facts
 * {@link HiddenDangerFact#from(HiddenDanger, Optional, ZoneId)} projects from every stored hidden danger joined with
 * its risk point. Seeded generated organisations, risk points (stored, some hidden dangers naming one that is not)
 * and hidden dangers walked through the closed loop into every state, some of units outside the organisation;
 * every unit, several periods (a year, a quarter, a month, one that has not begun) and days (before, inside and
 * after the period); more than 200 risk points in some cases, so that the store's risk points are read in pages.
 * Every figure must be equal: counts, rates (numerator and denominator), the mean days with its rounding, every
 * grouping. The seed is in every failure message (Seeds.cases).
 */
class StatisticsStoreEquivalenceTest {
    private static final ZoneId ZONE = DangerGen.DEFAULT_ZONE;

    @TestFactory
    Stream<DynamicTest> statisticsFromTheStoreEqualThePlainComputation() {
        categorisedInAllCases = 0;
        return Stream.concat(Seeds.cases("statistics from the store equal compute over the facts", 30,
                StatisticsStoreEquivalenceTest::check),
                Stream.of(DynamicTest.dynamicTest("the cases counted hazard categories", () -> assertTrue(
                        categorisedInAllCases > 0, "no case counted a hazard category"))));
    }

    /** Hazard categories counted over every case (the dynamic tests run one after the other). */
    private static long categorisedInAllCases;

    private static void check(Gen gen) {
        Organization org = gen.organization();
        InMemoryStorage storage = InMemoryStorage.create();
        storage.organization().save(org, 0);
        int nPoints = gen.chance(0.25) ? 210 + gen.intBetween(0, 40) : gen.intBetween(0, 12);
        List<RiskPoint> points = new ArrayList<>();
        Map<RiskPointId, RiskPoint> register = new HashMap<>();
        for (int i = 0; i < nPoints; i++) {
            RiskPoint p = gen.riskPoint(org).withVersion(1);
            if (register.containsKey(p.id())) {
                continue;
            }
            points.add(p);
            register.put(p.id(), p);
            storage.riskPoints().save(p, 0);
        }
        // risk points the hidden dangers may name without being stored
        List<RiskPoint> unstored = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            RiskPoint p = gen.riskPoint(org).withVersion(1);
            if (!register.containsKey(p.id())) {
                unstored.add(p);
            }
        }
        Organization foreign = gen.organization();
        HiddenDangerState[] states = HiddenDangerState.values();
        int dangers = gen.intBetween(0, 5) == 0 ? gen.intBetween(0, 3) : 30 + gen.intBetween(0, 90);
        for (int i = 0; i < dangers; i++) {
            Instant start = Gen.EPOCH.plus(gen.intBetween(-60 * 24, 300 * 24), ChronoUnit.HOURS);
            int which = gen.intBetween(0, 9);
            Optional<RiskPoint> point = which < 6 && !points.isEmpty() ? Optional.of(gen.pick(points))
                    : which < 8 && !unstored.isEmpty() ? Optional.of(gen.pick(unstored)) : Optional.empty();
            Organization in = gen.chance(0.08) ? foreign : org;
            for (Transition t : gen.dangers(ZONE).history(in, point, states[gen.intBetween(0, states.length - 1)],
                    start)) {
                if (storage.hiddenDangers().find(t.next().id()).isPresent() && t.next().version() == 1) {
                    break; // a generated id met again: keep the first hidden danger
                }
                storage.hiddenDangers().save(t.next(), t.next().version() - 1, t.audit());
            }
        }
        List<HiddenDanger> all = Page.stream(p -> storage.hiddenDangers().find(HiddenDangerQuery.all(), p), 37)
                .toList();
        assertEquals(storage.hiddenDangers().count(HiddenDangerQuery.all()), all.size());

        List<ReportingPeriod> periods = List.of(ReportingPeriod.year(2026), ReportingPeriod.quarter(2026,
                gen.intBetween(1, 4)), ReportingPeriod.month(YearMonth.of(2026, gen.intBetween(1, 12))),
                ReportingPeriod.year(2027));
        int compared = 0;
        long found = 0;
        long categorised = 0;
        long levels = 0;
        for (int c = 0; c < 3; c++) {
            Instant now = Gen.EPOCH.plus(gen.intBetween(-10 * 24, 420 * 24), ChronoUnit.HOURS);
            Clock clock = Clock.fixed(now, ZONE);
            StorageAnalytics analytics = StorageAnalytics.of(storage, clock, ZONE);
            Statistics plain = Statistics.of(org, clock, ZONE);
            for (ReportingPeriod period : periods) {
                for (OrgUnit u : org.units()) {
                    Set<OrgUnitId> units = org.selfAndDescendants(u.id());
                    Iterable<HiddenDangerFact> facts = HiddenDangerFact.project(
                            all.stream().filter(d -> units.contains(d.unit())).toList(), register, ZONE);
                    String what = u.id() + " " + period + " on " + LocalDate.ofInstant(now, ZONE);
                    UnitStatistics expected = plain.compute(u.id(), period, facts, List.of());
                    assertEquals(describe(expected), describe(analytics.statistics(u.id(), period)), what);
                    compared++;
                    found += expected.found();
                    categorised += expected.byHazardCategory().size();
                    levels += expected.byControlLevel().size();
                }
                OrgUnitId root = org.units().get(0).id();
                PeriodReport expected = plain.report(root, period, HiddenDangerFact.project(all, register, ZONE),
                        List.of());
                PeriodReport actual = analytics.report(root, period);
                assertEquals(describe(expected.total()), describe(actual.total()), "report totals " + period);
                assertEquals(expected.rows().size(), actual.rows().size(), "report rows " + period);
                for (int r = 0; r < expected.rows().size(); r++) {
                    assertEquals(describe(expected.rows().get(r)), describe(actual.rows().get(r)),
                            "report row " + r + " " + period);
                }
                assertEquals(expected.deadline(), actual.deadline(), "deadline " + period);
            }
        }
        assertTrue(compared > 0, "nothing compared");
        categorisedInAllCases += categorised;
        if (dangers >= 30) {
            assertTrue(found > 0 && levels > 0, "no hidden danger found in any period: " + found);
        }
    }

    /** Every figure, rates as numerator and denominator, maps in key order (equal statistics give equal text). */
    private static String describe(UnitStatistics s) {
        return String.join("\n", List.of("unit " + s.unit(), "period " + s.period(), "asOf " + s.asOf(),
                "found " + s.found(), "withdrawn " + s.withdrawn(), "majorFound " + s.majorFound(),
                "majorPlanned " + s.majorPlanned(), "rectification " + rate(s.rectification()),
                "rectificationByGrade " + sorted(s.rectificationByGrade()), "closedLoop " + rate(s.closedLoop()),
                "firstPass " + rate(s.firstPassAcceptance()), "onTime " + rate(s.onTimeRectification()),
                "overdueOpen " + s.overdueOpen(), "meanDays " + s.meanDaysToClose(),
                "inspection " + rate(s.inspectionCompletion()), "onTimeInspection " + rate(s.onTimeInspection()),
                "items " + rate(s.itemConformity()), "plans " + sorted(s.planExecution()),
                "byGrade " + sorted(s.byGrade()), "byAccident " + sorted(s.byAccidentType()),
                "byCategory " + sorted(s.byHazardCategory()), "bySource " + sorted(s.bySource()),
                "byLevel " + sorted(s.byControlLevel())));
    }

    private static String rate(Rate r) {
        return r.numerator() + "/" + r.denominator() + " " + r.percent(2);
    }

    private static Map<String, String> sorted(Map<?, ?> m) {
        Map<String, String> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v instanceof Rate r ? rate(r) : String.valueOf(v)));
        return out;
    }
}
