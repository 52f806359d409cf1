package org.dualprevention.benchmarks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;

import org.dualprevention.analytics.LevelSummary;
import org.dualprevention.analytics.ReportingPeriod;
import org.dualprevention.analytics.RiskMap;
import org.dualprevention.analytics.StorageAnalytics;
import org.dualprevention.analytics.UnitStatistics;
import org.dualprevention.danger.EffectiveLevel;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.HiddenDangerSource;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.engine.dynamic.DefaultEffectiveLevelPolicy;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.HazardCategory;
import org.dualprevention.risk.MapZone;
import org.dualprevention.risk.MapZoneId;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.query.HiddenDangerQuery;
import org.dualprevention.spi.LevelCombination;
import org.dualprevention.storage.memory.InMemoryStorage;

/**
 * Statistics and the four-colour risk map through {@link StorageAnalytics} over an {@link InMemoryStorage}
 * with 100,000 risk points and 250,000, 500,000 and 1,000,000 hidden dangers, each timed next to two loops
 * computing the same figures in the same JVM: the peer, a loop over the same {@link HiddenDanger} and
 * {@link RiskPoint} objects read in the order the store pages them (by id), the map loop also building the
 * per-risk-point rows and zone lists the library returns; and a floor over flat records (ints and longs, the
 * joins done in advance). All results are compared before any timing is reported. The tasks are timed in
 * turn, run after run, and the median of each is reported; a last line times the object loops over the
 * objects in the order they were made, to show what memory order alone is worth.
 *
 * <p>The store is filled through the repositories, not the facade: every hidden danger is walked through
 * the real closed loop ({@link HiddenDanger#report} / {@link HiddenDanger#apply} with fixed clocks, by
 * {@link DangerFixtures#walk}) and each transition saved with its audit entry, by two threads. The store
 * grows from one size to the next (the smaller sizes are prefixes of the larger).
 *
 * <p>Usage: {@code java -Xmx10g -cp benchmarks/target/benchmarks.jar org.dualprevention.benchmarks.AnalyticsScale
 * [riskPoints] [runs] [size...]} (defaults 100000, 7, 250000 500000 1000000).
 */
public final class AnalyticsScale {
    private static final int WORKSHOPS = 20;
    private static final int TEAMS = 5;
    private static final int ZONES = 100;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-15T04:00:00Z"), DangerFixtures.ZONE);
    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 15);
    private static final ReportingPeriod PERIOD = ReportingPeriod.year(DangerFixtures.YEAR);
    private static final long NONE = Long.MAX_VALUE;

    /** Flat record of one hidden danger for the baseline (days as epoch days, NONE when absent). */
    record Flat(int unit, int grade, int source, long found, long deadline, long rectified, long closed,
            boolean withdrawn, boolean open, boolean planned, int rejections, int point) {
    }

    private static final String[] GRADES = {"ungraded", "general", "major"};
    private static final String[] SOURCES = {"inspection", "random-observation"};

    private final Organization org = DangerFixtures.organization(WORKSHOPS, TEAMS);
    private final List<OrgUnitId> teams = DangerFixtures.teams(WORKSHOPS, TEAMS);
    private final List<OrgUnitId> unitIds = new ArrayList<>();
    private final Map<OrgUnitId, Integer> unitIndex = new HashMap<>();
    private final int[][] chains;
    private final int[] unitLevel;
    private final int points;
    private final int[] pointUnit;
    private final int[] pointZone;
    private final int[] pointAssessed;
    private final int[] pointLevel;
    private final int[] pointCategory;
    private final AccidentType[][] pointAccidents;
    private final List<HazardCategory> categories = new ArrayList<>();
    private final List<ControlLevel> levels = new ArrayList<>();
    private final List<MapZone> zones = new ArrayList<>();
    private final InMemoryStorage storage = InMemoryStorage.create();
    private final StorageAnalytics analytics = StorageAnalytics.of(storage, CLOCK, DangerFixtures.ZONE);
    private Flat[] flats = new Flat[0];
    private HiddenDanger[] objects = new HiddenDanger[0];
    /**
     * The same objects in the order the store returns them (by id, as its pages do). The object loops read this
     * order: the objects are spread over the heap in the order they were made, so a loop in making order reads
     * memory almost sequentially while the library, paging by id, jumps about; with 100k hidden dangers (hundreds of
     * MB) that alone makes the loop several times faster, a difference of the fixture, not of the work.
     */
    private HiddenDanger[] inStoreOrder = new HiddenDanger[0];
    private final Map<RiskPointId, RiskPoint> register = new HashMap<>();
    private final Map<RiskPointId, Integer> pointIndex = new HashMap<>();
    private final Map<MapZoneId, Integer> zoneIndex = new HashMap<>();
    private int filled;
    /** The per-point rows of the last object-loop map (kept so that building them is not optimised away). */
    private List<PointRow> lastRows = List.of();

    private AnalyticsScale(int points) {
        this.points = points;
        for (OrgUnit u : org.units()) {
            unitIndex.put(u.id(), unitIds.size());
            unitIds.add(u.id());
        }
        chains = new int[unitIds.size()][];
        unitLevel = new int[unitIds.size()];
        for (int u = 0; u < unitIds.size(); u++) {
            chains[u] = org.selfAndAncestors(unitIds.get(u)).stream().mapToInt(a -> unitIndex.get(a.id())).toArray();
            unitLevel[u] = levelIndex(org.require(unitIds.get(u)).level());
        }
        storage.organization().save(org, 0);
        for (int z = 0; z < ZONES; z++) {
            zones.add(DangerFixtures.zone(z));
            zoneIndex.put(zones.get(z).id(), z);
        }
        pointUnit = new int[points];
        pointZone = new int[points];
        pointAssessed = new int[points];
        pointLevel = new int[points];
        pointCategory = new int[points];
        pointAccidents = new AccidentType[points][];
        for (int r = 0; r < points; r++) {
            RiskPoint p = DangerFixtures.riskPoint(r, teams, ZONES);
            storage.riskPoints().save(p.withVersion(1), 0);
            register.put(p.id(), p.withVersion(1));
            pointIndex.put(p.id(), r);
            Hazard h = p.hazards().get(0);
            pointUnit[r] = unitIndex.get(p.owningUnit());
            pointZone[r] = r % ZONES;
            pointAssessed[r] = LevelCombination.MOST_SEVERE.levelOf(p).orElseThrow().ordinal();
            pointLevel[r] = levelIndex(h.measures().get(0).controlLevel());
            HazardCategory c = h.category().hazardClass();
            if (!categories.contains(c)) {
                categories.add(c);
            }
            pointCategory[r] = categories.indexOf(c);
            pointAccidents[r] = h.accidentTypes().toArray(new AccidentType[0]);
        }
    }

    private int levelIndex(ControlLevel l) {
        if (!levels.contains(l)) {
            levels.add(l);
        }
        return levels.indexOf(l);
    }

    /** Fills the store and the flat records up to {@code size} hidden dangers with two threads. */
    private void fill(int size) throws Exception {
        flats = Arrays.copyOf(flats, size);
        objects = Arrays.copyOf(objects, size);
        int from = filled;
        int threads = 2;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = from + t;
                fs.add(pool.submit(() -> {
                    for (int i = first; i < size; i += threads) {
                        objects[i] = DangerFixtures.walk(i, teams, points, DangerFixtures.saver(storage));
                        flats[i] = flat(objects[i]);
                    }
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        filled = size;
        inStoreOrder = objects.clone();
        Arrays.sort(inStoreOrder, java.util.Comparator.comparing(HiddenDanger::id));
        long stored = storage.hiddenDangers().count(HiddenDangerQuery.all());
        if (stored != size) {
            throw new IllegalStateException("stored " + stored + ", expected " + size);
        }
    }

    private Flat flat(HiddenDanger h) {
        return flat(h, true);
    }

    private Flat flat(HiddenDanger h, boolean point) {
        return flat(h, point ? h.riskPoint().map(r -> Integer.parseInt(r.value().substring(3))).orElse(-1) : -1);
    }

    private Flat flat(HiddenDanger h, int point) {
        int grade = h.grade().map(g -> g == HiddenDangerGrade.MAJOR ? 2 : 1).orElse(0);
        return new Flat(unitIndex.get(h.unit()), grade, h.source() == HiddenDangerSource.INSPECTION ? 0 : 1,
                h.foundOn().toEpochDay(), h.deadline().map(LocalDate::toEpochDay).orElse(NONE),
                h.completedOn().map(LocalDate::toEpochDay).orElse(NONE),
                h.closedAt().map(t -> LocalDate.ofInstant(t, DangerFixtures.ZONE).toEpochDay()).orElse(NONE),
                h.state() == HiddenDangerState.WITHDRAWN, h.isOpen(), h.plan().isPresent(), h.rejections(), point);
    }

    // ------------------------------------------------------------------------------------------ baseline

    /** Counters per unit of the baseline statistics. */
    static final class Counts {
        long found;
        long withdrawn;
        long majorFound;
        long majorPlanned;
        long rectified;
        long closed;
        long closedFirstPass;
        long onTimeNum;
        long onTimeDen;
        long overdueOpen;
        long closedInPeriod;
        long daysToClose;
        final long[] byGrade = new long[3];
        final long[] bySource = new long[2];
        final long[] byLevel = new long[8];
        final long[] byAccident = new long[AccidentType.values().length];
        final long[] byCategory = new long[8];
    }

    /** The statistics counts of every unit with its sub-units, in a plain loop over the flat records. */
    private Counts[] plainStatistics() {
        Counts[] out = new Counts[unitIds.size()];
        for (int u = 0; u < out.length; u++) {
            out[u] = new Counts();
        }
        for (int i = 0; i < filled; i++) {
            Flat d = flats[i];
            add(out, d, d.point >= 0 ? pointLevel[d.point] : unitLevel[d.unit],
                    d.point >= 0 ? pointAccidents[d.point] : null, d.point >= 0 ? pointCategory[d.point] : -1);
        }
        return out;
    }

    /**
     * Baseline 2, the peer: the same counts in a plain loop over the same {@link HiddenDanger} objects the store
     * holds, each joined with its {@link RiskPoint} object through a {@code HashMap} (hazard, failed measure,
     * control level, accident types, category read from the objects), dates converted in the loop.
     */
    private Counts[] objectStatistics() {
        return objectStatistics(inStoreOrder);
    }

    /** {@link #objectStatistics()} over the objects in the given order. */
    private Counts[] objectStatistics(HiddenDanger[] objects) {
        Counts[] out = new Counts[unitIds.size()];
        for (int u = 0; u < out.length; u++) {
            out[u] = new Counts();
        }
        for (int i = 0; i < filled; i++) {
            HiddenDanger h = objects[i];
            Flat d = flat(h, false);
            int unit = d.unit;
            int level = unitLevel[unit];
            AccidentType[] accidents = null;
            int category = -1;
            RiskPoint p = h.riskPoint().isPresent() ? register.get(h.riskPoint().get()) : null;
            if (p != null && h.hazard().isPresent()) {
                Hazard hz = p.hazard(h.hazard().get()).orElse(null);
                if (hz != null) {
                    accidents = hz.accidentTypes().toArray(new AccidentType[0]);
                    category = categories.indexOf(hz.category().hazardClass());
                    if (h.failedMeasure().isPresent()) {
                        level = levelIndex(hz.measure(h.failedMeasure().get()).orElseThrow().controlLevel());
                    }
                }
            }
            add(out, d, level, accidents, category);
        }
        return out;
    }

    private void add(Counts[] out, Flat d, int level, AccidentType[] accidents, int category) {
        long start = PERIOD.start().toEpochDay();
        long end = PERIOD.end().toEpochDay();
        long asOf = AS_OF.toEpochDay();
        {
            boolean inPeriod = d.found >= start && d.found < end && d.found <= asOf;
            boolean closedByAsOf = d.closed <= asOf;
            for (int u : chains[d.unit]) {
                Counts c = out[u];
                if (d.withdrawn) {
                    if (inPeriod) {
                        c.withdrawn++;
                    }
                    continue;
                }
                if (inPeriod) {
                    c.found++;
                    if (d.rectified <= asOf || closedByAsOf) {
                        c.rectified++;
                    }
                    if (closedByAsOf) {
                        c.closed++;
                        if (d.rejections == 0) {
                            c.closedFirstPass++;
                        }
                    }
                    if (d.grade == 2) {
                        c.majorFound++;
                        if (d.planned) {
                            c.majorPlanned++;
                        }
                    }
                    c.byGrade[d.grade]++;
                    c.bySource[d.source]++;
                    c.byLevel[level]++;
                    if (accidents != null) {
                        for (AccidentType t : accidents) {
                            c.byAccident[t.ordinal()]++;
                        }
                        c.byCategory[category]++;
                    }
                }
                if (d.deadline != NONE && d.deadline >= start && d.deadline < end && d.found <= asOf
                        && (d.deadline < asOf || closedByAsOf)) {
                    c.onTimeDen++;
                    if (d.closed <= d.deadline) {
                        c.onTimeNum++;
                    }
                }
                if (d.found <= asOf && !closedByAsOf && d.deadline != NONE && asOf > d.deadline) {
                    c.overdueOpen++;
                }
                if (d.closed != NONE && d.closed >= start && d.closed < end && d.closed <= asOf) {
                    c.closedInPeriod++;
                    c.daysToClose += d.closed - d.found;
                }
            }
        }
    }

    /** The per-point row of the baseline map, as the library's {@code PointStatus} (with the policy's reasons). */
    record PointRow(RiskPointId id, String name, OrgUnitId unit, MapZoneId zone, RiskLevel assessed,
            RiskLevel effective, int open, int overdue, List<EffectiveLevel.Reason> reasons) {
    }

    /** Risk-map counters of one unit or zone. */
    static final class MapCounts {
        long points;
        long open;
        long overdue;
        final long[] byAssessed = new long[RiskLevel.values().length];
        final long[] byEffective = new long[RiskLevel.values().length];
        /** The object baseline's rows of the points of a zone (the library lists each zone's points too). */
        final List<RiskPointId> points2 = new ArrayList<>();
    }

    /** The risk-map counts per unit (index 0..units-1) and per zone (after them), in a plain loop. */
    private MapCounts[] plainMap() {
        int units = unitIds.size();
        MapCounts[] out = new MapCounts[units + ZONES];
        for (int i = 0; i < out.length; i++) {
            out[i] = new MapCounts();
        }
        int[] open = new int[points];
        int[] overdue = new int[points];
        boolean[] openMajor = new boolean[points];
        boolean[] overdueGeneral = new boolean[points];
        long asOf = AS_OF.toEpochDay();
        for (int i = 0; i < filled; i++) {
            Flat d = flats[i];
            if (!d.open) {
                continue;
            }
            boolean late = d.deadline != NONE && asOf > d.deadline;
            for (int u : chains[d.unit]) {
                out[u].open++;
                if (late) {
                    out[u].overdue++;
                }
            }
            if (d.point >= 0) {
                open[d.point]++;
                if (late) {
                    overdue[d.point]++;
                }
                if (d.grade == 2) {
                    openMajor[d.point] = true;
                } else if (d.grade == 1 && late) {
                    overdueGeneral[d.point] = true;
                }
            }
        }
        RiskLevel[] levels = RiskLevel.values();
        for (int r = 0; r < points; r++) {
            RiskLevel assessed = levels[pointAssessed[r]];
            RiskLevel effective = assessed;
            if (openMajor[r]) {
                effective = RiskLevel.MAJOR;
            }
            if (overdueGeneral[r]) {
                effective = RiskLevel.mostSevere(effective, assessed.raisedBy(1));
            }
            for (int u : chains[pointUnit[r]]) {
                out[u].points++;
                out[u].byAssessed[assessed.ordinal()]++;
                out[u].byEffective[effective.ordinal()]++;
            }
            MapCounts z = out[units + pointZone[r]];
            z.points++;
            z.byAssessed[assessed.ordinal()]++;
            z.byEffective[effective.ordinal()]++;
            z.open += open[r];
            z.overdue += overdue[r];
        }
        return out;
    }

    /**
     * Baseline 2 for the map, the peer: the same counts in a plain loop over the same open {@link HiddenDanger}
     * objects and the same {@link RiskPoint} objects (assessed level by the spi's combination rule, unit and
     * zone through {@code HashMap}s, the two policy rules written out, and for a raised risk point the reasons
     * its row carries, as the library's rows carry the policy's: before 2026-12-06 the loop left them out).
     */
    private MapCounts[] objectMap() {
        return objectMap(inStoreOrder);
    }

    /** {@link #objectMap()} over the objects in the given order. */
    private MapCounts[] objectMap(HiddenDanger[] objects) {
        int units = unitIds.size();
        MapCounts[] out = new MapCounts[units + ZONES];
        for (int i = 0; i < out.length; i++) {
            out[i] = new MapCounts();
        }
        Map<RiskPointId, Tally> perPoint = new HashMap<>();
        for (int i = 0; i < filled; i++) {
            HiddenDanger h = objects[i];
            if (!h.isOpen()) {
                continue;
            }
            boolean late = h.isOverdue(AS_OF);
            for (int u : chains[unitIndex.get(h.unit())]) {
                out[u].open++;
                if (late) {
                    out[u].overdue++;
                }
            }
            if (h.riskPoint().isPresent()) {
                Tally t = perPoint.computeIfAbsent(h.riskPoint().get(), k -> new Tally());
                int[] c = t.counts;
                c[0]++;
                if (late) {
                    c[1]++;
                }
                if (h.grade().orElse(null) == HiddenDangerGrade.MAJOR) {
                    c[2] = 1;
                } else if (h.grade().orElse(null) == HiddenDangerGrade.GENERAL && late) {
                    c[3] = 1;
                }
                t.open.add(h);
            }
        }
        Tally none = new Tally();
        List<PointRow> rows = new ArrayList<>(register.size());
        for (RiskPoint p : register.values()) {
            RiskLevel assessed = LevelCombination.MOST_SEVERE.levelOf(p).orElseThrow();
            Tally t = perPoint.getOrDefault(p.id(), none);
            int[] c = t.counts;
            RiskLevel effective = assessed;
            if (c[2] == 1) {
                effective = RiskLevel.MAJOR;
            }
            if (c[3] == 1) {
                effective = RiskLevel.mostSevere(effective, assessed.raisedBy(1));
            }
            List<EffectiveLevel.Reason> reasons = effective == assessed ? List.of() : reasons(t.open);
            for (int u : chains[unitIndex.get(p.owningUnit())]) {
                out[u].points++;
                out[u].byAssessed[assessed.ordinal()]++;
                out[u].byEffective[effective.ordinal()]++;
            }
            MapCounts z = out[units + zoneIndex.get(p.zone().orElseThrow())];
            z.points++;
            z.byAssessed[assessed.ordinal()]++;
            z.byEffective[effective.ordinal()]++;
            z.open += c[0];
            z.overdue += c[1];
            z.points2.add(p.id());
            rows.add(new PointRow(p.id(), p.name(), p.owningUnit(), p.zone().orElseThrow(), assessed, effective, c[0],
                    c[1], reasons));
        }
        lastRows = rows;
        return out;
    }

    /** The object map's tally of one risk point: open, overdue, open major, overdue general; its open dangers. */
    static final class Tally {
        final int[] counts = new int[4];
        final List<HiddenDanger> open = new ArrayList<>(2);
    }

    /**
     * The reasons a raised risk point's row carries, as the library's rows do (the policy's rule: the open graded
     * hidden dangers in id order, each open major one and each overdue general one with its text).
     */
    private static List<EffectiveLevel.Reason> reasons(List<HiddenDanger> open) {
        List<HiddenDanger> sorted = new ArrayList<>(open);
        sorted.sort(java.util.Comparator.comparing(HiddenDanger::id));
        List<EffectiveLevel.Reason> out = new ArrayList<>();
        for (HiddenDanger h : sorted) {
            if (h.grade().isEmpty()) {
                continue;
            }
            if (h.grade().get() == HiddenDangerGrade.MAJOR) {
                out.add(new EffectiveLevel.Reason(h.id(), DefaultEffectiveLevelPolicy.OPEN_MAJOR,
                        "open major hidden danger [" + h.id() + "] raises the level to " + RiskLevel.MAJOR));
            } else if (h.isOverdue(AS_OF)) {
                out.add(new EffectiveLevel.Reason(h.id(), DefaultEffectiveLevelPolicy.OVERDUE_GENERAL,
                        "general hidden danger [" + h.id() + "] overdue since " + h.deadline().orElseThrow().plusDays(1)
                                + " raises the level by one step"));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------ checks

    private void checkStatistics(UnitStatistics s, Counts c) {
        same("found", s.found(), c.found);
        same("withdrawn", s.withdrawn(), c.withdrawn);
        same("majorFound", s.majorFound(), c.majorFound);
        same("majorPlanned", s.majorPlanned(), c.majorPlanned);
        same("rectified", s.rectification().numerator(), c.rectified);
        same("closed", s.closedLoop().numerator(), c.closed);
        same("closedFirstPass", s.firstPassAcceptance().numerator(), c.closedFirstPass);
        same("onTime", s.onTimeRectification().numerator(), c.onTimeNum);
        same("onTimeDen", s.onTimeRectification().denominator(), c.onTimeDen);
        same("overdueOpen", s.overdueOpen(), c.overdueOpen);
        for (int g = 0; g < 3; g++) {
            same("byGrade " + GRADES[g], s.byGrade().getOrDefault(GRADES[g], 0L), c.byGrade[g]);
        }
        for (int g = 0; g < 2; g++) {
            same("bySource " + SOURCES[g], s.bySource().getOrDefault(SOURCES[g], 0L), c.bySource[g]);
        }
        for (int k = 0; k < levels.size(); k++) {
            same("byLevel " + levels.get(k), s.byControlLevel().getOrDefault(levels.get(k), 0L), c.byLevel[k]);
        }
        same("byLevel keys", s.byControlLevel().size(), Arrays.stream(c.byLevel).filter(v -> v > 0).count());
        for (AccidentType t : AccidentType.values()) {
            same("byAccident " + t, s.byAccidentType().getOrDefault(t, 0L), c.byAccident[t.ordinal()]);
        }
        for (int k = 0; k < categories.size(); k++) {
            same("byCategory " + categories.get(k), s.byHazardCategory().getOrDefault(categories.get(k), 0L),
                    c.byCategory[k]);
        }
    }

    private static void checkSummary(String what, LevelSummary s, MapCounts c) {
        same(what + " points", s.riskPoints(), c.points);
        same(what + " open", s.openDangers(), c.open);
        same(what + " overdue", s.overdueDangers(), c.overdue);
        for (RiskLevel l : RiskLevel.values()) {
            same(what + " assessed " + l, s.byAssessedLevel().get(l), c.byAssessed[l.ordinal()]);
            same(what + " effective " + l, s.byEffectiveLevel().get(l), c.byEffective[l.ordinal()]);
        }
    }

    private static void same(String what, long library, long plain) {
        if (library != plain) {
            throw new IllegalStateException(what + ": library " + library + ", plain loop " + plain);
        }
    }

    private void check() {
        RiskMap m = analytics.riskMap(zones, DefaultEffectiveLevelPolicy.create());
        for (Counts[] plain : List.of(plainStatistics(), objectStatistics())) {
            for (OrgUnitId u : List.of(DangerFixtures.COMPANY, OrgUnitId.of("W7"), OrgUnitId.of("W7-T2"))) {
                checkStatistics(analytics.statistics(u, PERIOD), plain[unitIndex.get(u)]);
            }
        }
        MapCounts[] objectMap = objectMap();
        same("point rows", lastRows.size(), m.points().size());
        for (PointRow row : lastRows) {
            org.dualprevention.analytics.PointStatus p = m.point(row.id()).orElseThrow();
            if (!p.assessed().equals(java.util.Optional.of(row.assessed()))
                    || !p.effective().equals(java.util.Optional.of(row.effective())) || p.openDangers() != row.open()
                    || p.overdueDangers() != row.overdue() || !p.zone().equals(java.util.Optional.of(row.zone()))
                    || !p.reasons().equals(row.reasons())) {
                throw new IllegalStateException("point " + row + ": library " + p);
            }
        }
        for (int z = 0; z < ZONES; z++) {
            same("zone points " + z, m.zones().get(z).riskPoints().size(), objectMap[unitIds.size() + z].points2.size());
        }
        for (MapCounts[] map : List.of(plainMap(), objectMap)) {
            for (OrgUnitId u : List.of(DangerFixtures.COMPANY, OrgUnitId.of("W7"), OrgUnitId.of("W7-T2"))) {
                checkSummary("unit " + u, m.unit(u).orElseThrow().summary(), map[unitIndex.get(u)]);
            }
            for (int z = 0; z < ZONES; z += 33) {
                checkSummary("zone " + z, m.zones().get(z).summary(), map[unitIds.size() + z]);
            }
        }
    }

    // ------------------------------------------------------------------------------------------ timing

    /**
     * Times each task {@code runs} times, interleaved (task 1, 2, 3, 4, then again), so that load and GC
     * drift hit every task alike; returns the median milliseconds of each.
     */
    private static double[] medianMs(int runs, LongSupplier... work) {
        double[][] ms = new double[work.length][runs];
        double[][] cpu = new double[work.length][runs];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int r = 0; r < runs; r++) {
            for (int w = 0; w < work.length; w++) {
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                sink += work[w].getAsLong();
                ms[w][r] = (System.nanoTime() - t0) / 1e6;
                cpu[w][r] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
            }
        }
        if (sink == Long.MIN_VALUE) {
            System.out.println("never");
        }
        double[] out = new double[work.length];
        lastCpuMs = new double[work.length];
        for (int w = 0; w < work.length; w++) {
            Arrays.sort(ms[w]);
            out[w] = ms[w][runs / 2];
            Arrays.sort(cpu[w]);
            lastCpuMs[w] = cpu[w][runs / 2];
        }
        return out;
    }

    /**
     * The median CPU time of the timing thread per task of the last {@link #medianMs} call (no garbage collector
     * threads, no time the thread waited for a core): on a loaded machine, where wall times swing with the other
     * processes, the ratio of these is the steadier one.
     */
    private static double[] lastCpuMs = new double[0];

    /**
     * Runs the measurement.
     *
     * @param args [riskPoints] [runs] [size...]
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        int points = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        int[] sizes = args.length > 2 ? Arrays.stream(args, 2, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {250_000, 500_000, 1_000_000};
        System.out.printf(Locale.ROOT, "JDK %s; %d cores; max heap %d MiB; %d risk points, %d units, %d zones%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                points, WORKSHOPS * (TEAMS + 1) + 1, ZONES);
        long t0 = System.nanoTime();
        AnalyticsScale s = new AnalyticsScale(points);
        System.out.printf(Locale.ROOT, "risk points stored in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        System.out.println("hidden dangers | statistics: library ms | object loop ms | ratio object/library"
                + " | flat-array floor ms | risk map: library ms | object loop ms | ratio object/library"
                + " | flat-array floor ms | fill s | load average");
        for (int size : sizes) {
            t0 = System.nanoTime();
            s.fill(size);
            long fillS = (System.nanoTime() - t0) / 1_000_000_000;
            s.check();
            // warm-up: three runs of each
            for (int w = 0; w < 3; w++) {
                s.analytics.statistics(DangerFixtures.COMPANY, PERIOD);
                s.analytics.riskMap(s.zones, DefaultEffectiveLevelPolicy.create());
                s.plainStatistics();
                s.objectStatistics();
                s.plainMap();
                s.objectMap();
            }
            double[] ms = medianMs(runs, () -> s.analytics.statistics(DangerFixtures.COMPANY, PERIOD).found(),
                    () -> s.objectStatistics()[0].found,
                    () -> s.plainStatistics()[0].found,
                    () -> s.analytics.riskMap(s.zones, DefaultEffectiveLevelPolicy.create()).units().size(),
                    () -> s.objectMap()[0].open,
                    () -> s.plainMap()[0].open);
            System.out.printf(Locale.ROOT, "%d | %.0f | %.1f | %.2f | %.1f | %.0f | %.1f | %.2f | %.1f | %d | %s%n", size,
                    ms[0], ms[1], ms[1] / ms[0], ms[2], ms[3], ms[4], ms[4] / ms[3], ms[5], fillS, load());
            double[] cpu = lastCpuMs;
            System.out.printf(Locale.ROOT, "timing thread's CPU ms (medians): statistics library %.0f, object loop %.1f,"
                    + " ratio %.2f | risk map library %.1f, object loop %.1f, ratio %.2f%n", cpu[0], cpu[1],
                    cpu[1] / cpu[0], cpu[3], cpu[4], cpu[4] / cpu[3]);
            double[] made = medianMs(runs, () -> s.objectStatistics(s.objects)[0].found,
                    () -> s.objectMap(s.objects)[0].open);
            System.out.printf(Locale.ROOT, "object loops over the objects in making order (not in the store's): "
                    + "statistics %.1f ms, risk map %.1f ms (load %s)%n", made[0], made[1], load());
        }
        Objects.requireNonNull(s.storage);
    }

    private static String load() {
        try {
            return new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg"))).trim();
        } catch (java.io.IOException e) {
            return "n/a";
        }
    }
}
