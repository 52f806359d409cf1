package org.dualprevention.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.dualprevention.analytics.HiddenDangerFact;
import org.dualprevention.analytics.Rate;
import org.dualprevention.analytics.ReportingPeriod;
import org.dualprevention.analytics.Statistics;
import org.dualprevention.analytics.UnitStatistics;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.danger.Transition;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.query.HiddenDangerQuery;
import org.dualprevention.query.Page;
import org.dualprevention.testkit.Seeds;
import org.dualprevention.testkit.gen.DangerGen;
import org.dualprevention.testkit.gen.Gen;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The hidden-danger counters kept in the transaction of each save equal a full recomputation by the analytics
 * module's {@link Statistics} over the same store: seeded generated histories (hidden dangers walked through the real
 * closed loop by the testkit's generator, each version saved through the JDBC repository in the order it was made),
 * checked at random moments — the same day, weeks later, sometimes before — for every unit of the organisation (with
 * its sub-units) and three periods (a month, a quarter, the year), on H2, PostgreSQL and MariaDB. Then the store's
 * counters are rebuilt from scratch ({@link JdbcStorage#rebuildTallies()}) and must give the same figures, and a
 * store written without tallies is counted by the rebuild.
 *
 * <p>The figures compared are those the counters keep: everything {@link Statistics} derives from the hidden
 * dangers themselves. The breakdowns by accident type, hazard class and control level come from the risk point's
 * current version and the inspection figures from the tasks; they are not kept (docs/ARCHITECTURE.md).
 */
class TalliesPropertyTest {
    private static final ZoneId ZONE = DangerGen.DEFAULT_ZONE;
    private static final List<ReportingPeriod> PERIODS = List.of(ReportingPeriod.month(YearMonth.of(2026, 3)),
            ReportingPeriod.quarter(2026, 1), ReportingPeriod.year(2026));
    private static final Map<TestDatabase.Kind, FreshStores> STORES = new java.util.EnumMap<>(TestDatabase.Kind.class);

    @BeforeAll
    static void open() {
        for (TestDatabase.Kind k : List.of(TestDatabase.Kind.H2_MEM, TestDatabase.Kind.POSTGRESQL, TestDatabase.Kind.MARIADB)) {
            STORES.put(k, new FreshStores(k));
        }
    }

    @AfterAll
    static void close() {
        STORES.values().forEach(FreshStores::close);
    }

    /** A store of a new tenant keeping tallies (or not), on the kind's shared database. */
    private static JdbcStorage store(TestDatabase.Kind kind, boolean keep) {
        FreshStores fresh = STORES.get(kind);
        String tenant = fresh.tenant().tenant();
        JdbcStorage.Builder b = JdbcStorage.builder().dataSource(fresh.pool()).tenant(tenant);
        return (keep ? b.keepTallies(ZONE) : b).build();
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = {"H2_MEM", "POSTGRESQL", "MARIADB"})
    void incrementalTalliesEqualAFullRecomputation(TestDatabase.Kind kind) {
        int repetitions = kind == TestDatabase.Kind.H2_MEM ? 12 : 4;
        for (int i = 0; i < repetitions; i++) {
            long seed = Seeds.seed(Seeds.base(), i);
            Seeds.run(seed, gen -> check(kind, gen, seed));
        }
    }

    /** A risk point change in the history: at an instant, the point's next version. */
    private record PointChange(Instant at, org.dualprevention.risk.RiskPointId point) {
    }

    private static void check(TestDatabase.Kind kind, Gen gen, long seed) {
        Organization org = gen.organization();
        Map<org.dualprevention.risk.RiskPointId, RiskPoint> points = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            RiskPoint p = gen.riskPoint(org).withVersion(1);
            points.put(p.id(), p);
        }
        List<RiskPoint> pointList = List.copyOf(points.values());
        List<Transition> changes = new ArrayList<>();
        HiddenDangerState[] states = HiddenDangerState.values();
        int dangers = 40 + gen.intBetween(0, 60);
        for (int i = 0; i < dangers; i++) {
            Instant start = Gen.EPOCH.plus(gen.intBetween(0, 150 * 24), ChronoUnit.HOURS);
            Optional<RiskPoint> point = gen.chance(0.7) ? Optional.of(gen.pick(pointList)) : Optional.empty();
            changes.addAll(gen.dangers().history(org, point, states[gen.intBetween(0, states.length - 1)], start));
        }
        changes.sort(Comparator.comparing(t -> t.audit().at()));
        // risk-point changes between the saves: another control level of a measure, other accident types or
        // another hazard class, another zone, a reassessment flag (which moves no count)
        List<PointChange> pointChanges = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            pointChanges.add(new PointChange(Gen.EPOCH.plus(gen.intBetween(0, 200 * 24), ChronoUnit.HOURS),
                    gen.pick(pointList).id()));
        }
        pointChanges.sort(Comparator.comparing(PointChange::at));
        JdbcStorage store = store(kind, true);
        store.organization().save(org, 0);
        for (RiskPoint p : points.values()) {
            store.riskPoints().save(p, 0);
        }
        int checks = 0;
        int pc = 0;
        for (int c = 0; c < changes.size(); c++) {
            Transition t = changes.get(c);
            while (pc < pointChanges.size() && pointChanges.get(pc).at().isBefore(t.audit().at())) {
                RiskPoint cur = points.get(pointChanges.get(pc++).point());
                RiskPoint next = changed(gen, cur).withVersion(cur.version() + 1);
                store.riskPoints().save(next, cur.version());
                points.put(next.id(), next);
                if (gen.chance(0.3)) {
                    compare(store, org, points, t.audit().at(), kind + " after a risk-point change before save " + (c + 1)
                            + "; seed " + seed);
                }
            }
            store.hiddenDangers().save(t.next(), t.expectedVersion(), t.audit());
            if (gen.chance(0.06) || c == changes.size() - 1) {
                Instant at = t.audit().at().plus(Duration.ofHours(gen.chance(0.2) ? gen.intBetween(-60 * 24, 90 * 24)
                        : gen.intBetween(0, 30)));
                compare(store, org, points, at, kind + " after " + (c + 1) + " of " + changes.size() + " saves; seed " + seed);
                checks++;
            }
        }
        assertTrue(checks > 0);
        Instant late = Gen.EPOCH.plus(Duration.ofDays(400));
        assertEquals(dangersIn(store).size(), store.rebuildTallies(), "rebuild counts every hidden danger; seed " + seed);
        compare(store, org, points, changes.get(changes.size() - 1).audit().at(), kind + " after the rebuild; seed " + seed);
        compare(store, org, points, late, kind + " after the rebuild, a year on; seed " + seed);

        // the organisation saved again with a unit at another control level: the roll-ups follow the stored tree
        Organization releveled = relevel(gen, org);
        store.organization().save(releveled, 1);
        compare(store, releveled, points, late, kind + " after a unit changed level; seed " + seed);

        // a bulk import into a store that keeps tallies: counted in the import's transaction, no rebuild needed
        java.util.Map<String, List<org.dualprevention.danger.AuditEntry>> chains = new java.util.LinkedHashMap<>();
        java.util.Map<String, HiddenDanger> finals = new java.util.LinkedHashMap<>();
        for (Transition t : changes) {
            chains.computeIfAbsent(t.next().id().value(), k -> new ArrayList<>()).add(t.audit());
            finals.put(t.next().id().value(), t.next());
        }
        JdbcStorage imported = store(kind, true);
        imported.organization().save(org, 0);
        for (RiskPoint p : points.values()) {
            imported.riskPoints().save(p.withVersion(1), 0);
        }
        assertEquals(dangers, imported.importHiddenDangers(new ArrayList<>(finals.values()),
                new ArrayList<>(chains.values())), "seed " + seed);
        Map<org.dualprevention.risk.RiskPointId, RiskPoint> importedPoints = new java.util.LinkedHashMap<>();
        points.values().forEach(p -> importedPoints.put(p.id(), p.withVersion(1)));
        compare(imported, org, importedPoints, late, kind + " after a bulk import; seed " + seed);
        compare(imported, org, importedPoints, changes.get(changes.size() - 1).audit().at(), kind + " after a bulk import; seed "
                + seed);

        // a store written without tallies (before V7): counted by the rebuild
        JdbcStorage old = store(kind, false);
        old.organization().save(org, 0);
        for (RiskPoint p : points.values()) {
            old.riskPoints().save(p.withVersion(1), 0);
        }
        for (Transition t : changes) {
            old.hiddenDangers().save(t.next(), t.expectedVersion(), t.audit());
        }
        assertThrows(IllegalStateException.class, old::rebuildTallies);
        JdbcStorage upgraded = JdbcStorage.builder().dataSource(STORES.get(kind).pool()).tenant(old.tenant())
                .keepTallies(ZONE).build();
        assertEquals(dangers, upgraded.rebuildTallies(), "seed " + seed);
        compare(upgraded, org, importedPoints, late, kind + " rebuilt from a store without tallies; seed " + seed);
    }

    /** Another control level for one measure, other accident types or class for one hazard, or another zone. */
    private static RiskPoint changed(Gen gen, RiskPoint p) {
        if (p.hazards().isEmpty() || gen.chance(0.15)) {
            return p.withDetails(p.name(), p.kind(), p.owningUnit(),
                    gen.chance(0.3) ? Optional.empty() : Optional.of(gen.mapZoneId()));
        }
        org.dualprevention.risk.Hazard h = gen.pick(p.hazards());
        if (!h.measures().isEmpty() && gen.chance(0.5)) {
            org.dualprevention.risk.ControlMeasure m = gen.pick(h.measures());
            org.dualprevention.risk.ControlMeasure moved = new org.dualprevention.risk.ControlMeasure(m.id(), m.category(),
                    m.description(), gen.pick(List.of(ControlLevel.COMPANY, ControlLevel.WORKSHOP, ControlLevel.TEAM,
                            ControlLevel.POST)), m.responsibleUnit(), m.inspectionStandard());
            List<org.dualprevention.risk.ControlMeasure> measures = new ArrayList<>(h.measures());
            measures.set(measures.indexOf(m), moved);
            return p.withHazardChanged(h.id(), x -> x.withMeasures(measures));
        }
        java.util.EnumSet<AccidentType> types = java.util.EnumSet.noneOf(AccidentType.class);
        for (int i = gen.intBetween(1, 3); i > 0; i--) {
            types.add(gen.pick(AccidentType.class));
        }
        org.dualprevention.risk.HazardCategory category = gen.chance(0.5) ? h.category()
                : gen.pick(List.of(org.dualprevention.risk.HazardCategory.CHEMICAL,
                        org.dualprevention.risk.HazardCategory.BEHAVIOURAL, org.dualprevention.risk.HazardCategory.RULES));
        return p.withHazardChanged(h.id(), x -> org.dualprevention.risk.Hazard.loaded(x.id(), x.description(), category,
                types, x.causes(), x.consequences(), x.measures(), x.assessments(), x.reassessment()));
    }

    /** The organisation with one leaf unit at another control level below its parent's (unchanged if none can). */
    private static Organization relevel(Gen gen, Organization org) {
        List<OrgUnit> leaves = org.units().stream().filter(u -> u.parent().isPresent() && org.children(u.id()).isEmpty())
                .toList();
        if (leaves.isEmpty()) {
            return org;
        }
        OrgUnit u = gen.pick(leaves);
        ControlLevel parent = org.require(u.parent().get()).level();
        List<ControlLevel> below = List.of(ControlLevel.DEPARTMENT, ControlLevel.WORKSHOP, ControlLevel.TEAM,
                ControlLevel.POST).stream().filter(l -> l.rank() > parent.rank() && !l.equals(u.level())).toList();
        if (below.isEmpty()) {
            return org;
        }
        ControlLevel level = gen.pick(below);
        List<OrgUnit> units = new ArrayList<>();
        for (OrgUnit x : org.units()) {
            units.add(x.id().equals(u.id()) ? new OrgUnit(x.id(), x.name(), level, x.parent()) : x);
        }
        return Organization.of(units);
    }

    private static List<HiddenDanger> dangersIn(JdbcStorage store) {
        return Page.stream(p -> store.hiddenDangers().find(HiddenDangerQuery.all(), p), 500).collect(Collectors.toList());
    }

    /**
     * Every unit, every period: the tallies' figures equal those of a full recomputation over the stored dangers
     * joined with the risk points' current versions; a unit's roll-up ({@link JdbcStorage#talliesOf}) also by
     * control level.
     */
    private static void compare(JdbcStorage store, Organization org,
            Map<org.dualprevention.risk.RiskPointId, RiskPoint> points, Instant at, String where) {
        Clock clock = Clock.fixed(at, ZONE);
        List<HiddenDangerFact> facts = dangersIn(store).stream()
                .map(d -> HiddenDangerFact.from(d, d.riskPoint().map(points::get), ZONE)).toList();
        LocalDate today = LocalDate.ofInstant(at, ZONE);
        for (ReportingPeriod p : PERIODS) {
            Map<OrgUnitId, UnitStatistics> full = Statistics.of(org, clock, ZONE).computeAll(p, facts, List.of());
            LocalDate asOf = today.isBefore(p.lastDay()) ? today : p.lastDay();
            PeriodTally rollUp = store.talliesOfAll(p.start(), p.lastDay(), asOf);
            Set<String> every = org.units().stream().map(u -> u.id().value()).collect(Collectors.toSet());
            assertEquals(describe(store.tallies(every, p.start(), p.lastDay(), asOf), false), describe(rollUp, false),
                    "the tenant's roll-up, " + p + ", at " + at + " (as of " + asOf + "), " + where);
            List<OrgUnit> roots = org.units().stream().filter(u -> u.parent().isEmpty()).toList();
            if (roots.size() == 1) {
                assertEquals(describe(full.get(roots.get(0).id()), false), describe(rollUp, false),
                        "the tenant's roll-up against the root, " + p + ", at " + at + ", " + where);
            }
            for (OrgUnit u : org.units()) {
                Set<String> below = org.selfAndDescendants(u.id()).stream().map(OrgUnitId::value)
                        .collect(Collectors.toSet());
                PeriodTally tally = store.tallies(below, p.start(), p.lastDay(), asOf);
                assertEquals(describe(full.get(u.id()), false), describe(tally, false), "unit " + u.id() + ", " + p
                        + ", at " + at + " (as of " + asOf + "), " + where);
                PeriodTally tree = store.talliesOf(u.id().value(), p.start(), p.lastDay(), asOf);
                assertEquals(describe(full.get(u.id()), true), describe(tree, true), "roll-up of unit " + u.id() + ", " + p
                        + ", at " + at + " (as of " + asOf + "), " + where);
            }
        }
    }

    /** The figures the counters keep, as {@link Statistics} reports them. */
    private static String describe(UnitStatistics s, boolean levels) {
        Map<String, Long> accidents = new TreeMap<>();
        s.byAccidentType().forEach((k, v) -> accidents.put(k.code(), v));
        Map<String, Long> classes = new TreeMap<>();
        s.byHazardCategory().forEach((k, v) -> classes.put(k.code(), v));
        Map<String, Long> byLevel = new TreeMap<>();
        s.byControlLevel().forEach((k, v) -> byLevel.put(k.code(), v));
        return String.join("\n", List.of("byAccidentType " + accidents, "byHazardClass " + classes,
                "byControlLevel " + (levels ? byLevel : "-"),"found " + s.found(), "withdrawn " + s.withdrawn(), "majorFound " + s.majorFound(),
                "majorPlanned " + s.majorPlanned(), "rectification " + s.rectification(),
                "rectificationByGrade " + sorted(s.rectificationByGrade()), "closedLoop " + s.closedLoop(),
                "firstPass " + s.firstPassAcceptance(), "onTime " + s.onTimeRectification(),
                "overdueOpen " + s.overdueOpen(), "meanDays " + s.meanDaysToClose(), "byGrade " + sorted(s.byGrade()),
                "bySource " + sorted(s.bySource())));
    }

    /** The same figures from the tallies (the mapping a host writes: rates are quotients of the counts). */
    static String describe(PeriodTally t, boolean levels) {
        Map<String, Rate> byGrade = new TreeMap<>();
        t.foundByGrade().forEach((g, n) -> byGrade.put(g, Rate.of(t.rectifiedByGrade().getOrDefault(g, 0L), n)));
        Optional<BigDecimal> meanDays = t.closedInPeriod() == 0 ? Optional.empty()
                : Optional.of(BigDecimal.valueOf(t.daysToCloseSum()).divide(BigDecimal.valueOf(t.closedInPeriod()), 2,
                        RoundingMode.HALF_UP));
        return String.join("\n", List.of("byAccidentType " + new TreeMap<>(t.foundByAccidentType()),
                "byHazardClass " + new TreeMap<>(t.foundByHazardClass()),
                "byControlLevel " + (levels ? new TreeMap<>(t.foundByControlLevel()) : "-"),
                "found " + t.found(), "withdrawn " + t.withdrawn(), "majorFound " + t.majorFound(),
                "majorPlanned " + t.majorPlanned(), "rectification " + Rate.of(t.rectified(), t.found()),
                "rectificationByGrade " + sorted(byGrade), "closedLoop " + Rate.of(t.closed(), t.found()),
                "firstPass " + Rate.of(t.closedFirstPass(), t.closed()), "onTime " + Rate.of(t.onTime(), t.onTimeDue()),
                "overdueOpen " + t.overdueOpen(), "meanDays " + meanDays, "byGrade " + sorted(t.foundByGrade()),
                "bySource " + sorted(t.foundBySource())));
    }

    private static Map<String, String> sorted(Map<?, ?> m) {
        Map<String, String> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        return out;
    }

    /**
     * Two threads saving different hidden dangers of the same units and days at once, each save in its own
     * transaction: the counters they share are updated in key order (no deadlock) and nothing is lost.
     */
    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = {"POSTGRESQL", "MARIADB"})
    void concurrentSavesOfOneUnitLoseNoCount(TestDatabase.Kind kind) throws Exception {
        long seed = Seeds.seed(Seeds.base(), 99);
        Seeds.run(seed, gen -> {
            Organization org = gen.organization();
            List<List<Transition>> histories = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                Instant start = Gen.EPOCH.plus(gen.intBetween(0, 3 * 24), ChronoUnit.HOURS);
                histories.add(gen.dangers().history(org, Optional.empty(), HiddenDangerState.values()[
                        gen.intBetween(0, HiddenDangerState.values().length - 1)], start));
            }
            JdbcStorage store = store(kind, true);
            store.organization().save(org, 0);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                List<java.util.concurrent.Future<?>> done = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    int first = t;
                    done.add(pool.submit(() -> {
                        for (int i = first; i < histories.size(); i += 2) {
                            for (Transition x : histories.get(i)) {
                                store.hiddenDangers().save(x.next(), x.expectedVersion(), x.audit());
                            }
                        }
                    }));
                }
                for (java.util.concurrent.Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            compare(store, org, Map.of(), Gen.EPOCH.plus(Duration.ofDays(20)), kind + " after concurrent saves; seed " + seed);
        });
    }

    @Test
    void badPeriodsAreRefusedByName() {
        JdbcStorage store = store(TestDatabase.Kind.H2_MEM, true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> store.tallies(Set.of("u"), LocalDate.of(2026, 3, 31), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1)));
        assertTrue(e.getMessage().contains("first <= last"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> store.tallies(Set.of("u"), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 1)));
        assertEquals(PeriodTally.EMPTY, store.tallies(Set.of(), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31),
                LocalDate.of(2026, 3, 31)));
    }
}
