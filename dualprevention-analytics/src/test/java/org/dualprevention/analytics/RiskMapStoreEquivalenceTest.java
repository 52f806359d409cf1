package org.dualprevention.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.dualprevention.danger.EffectiveLevel;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.engine.dynamic.DefaultEffectiveLevelPolicy;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.query.HiddenDangerQuery;
import org.dualprevention.query.Page;
import org.dualprevention.risk.MapZone;
import org.dualprevention.risk.MapZoneId;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.spi.EffectiveLevelPolicy;
import org.dualprevention.spi.LevelCombination;
import org.dualprevention.spi.Storage;
import org.dualprevention.storage.memory.InMemoryStorage;
import org.dualprevention.testkit.Seeds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Pins the risk map read from an in-memory store ({@link StorageAnalytics#riskMap}) to an independent, naive
 * computation from every stored hidden danger, on seeded generated stores: risk points with and without a zone,
 * assessed and not, in units of the organisation and outside it, none at all; hidden dangers open (ungraded,
 * general, major, overdue or not), closed and withdrawn, with a stored risk point, an unknown one or none, in units
 * of the organisation and outside it, none at all or none open. Every row, its order, its reasons, every unit's and
 * zone's summary must be equal; and a policy that records what it is given must see, for each assessed risk point in
 * id order, exactly its open hidden dangers in id order (what the map gave the policy before it was made faster).
 * The default policy, which says which hidden dangers may raise a level ({@link EffectiveLevelPolicy#mayRaise}) and is
 * given only those, must give the same map as the same rule behind a policy that does not say (the general path), from
 * the store and from the builder given the hidden dangers shuffled; a policy that says must be given exactly the open
 * hidden dangers it accepts. The seed is in every failure message.
 */
class RiskMapStoreEquivalenceTest {
    private static final LocalDate DATE = LocalDate.of(2026, 3, 20);
    private static final Clock CLOCK = Fixtures.clockAt("2026-03-20T12:00");
    private static final OrgUnitId FOREIGN = OrgUnitId.of("X1");
    private static final List<OrgUnitId> UNITS = List.of(Fixtures.C, Fixtures.W1, Fixtures.W2, Fixtures.T1, FOREIGN);

    @AfterEach
    void reset() {
        Dangers.sink = tr -> { };
    }

    @RepeatedTest(60)
    void mapFromTheStoreEqualsTheNaiveMap(RepetitionInfo repetition) {
        long seed = Seeds.seed(Seeds.base(), repetition.getCurrentRepetition() - 1);
        Seeds.run(seed, gen -> check(seed, repetition.getCurrentRepetition()));
    }

    private static void check(long seed, int repetition) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Storage storage = InMemoryStorage.create();
        storage.organization().save(Fixtures.ORG, 0);
        List<MapZone> zones = MapFixtures.zones();
        // a few stores are empty of one kind or the other, or have no open hidden danger
        int shape = repetition % 6;
        int nPoints = shape == 0 ? 0 : rnd.nextInt(1, 40);
        int nDangers = shape == 1 ? 0 : rnd.nextInt(1, 150);
        boolean noneOpen = shape == 2;
        List<RiskPoint> points = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < nPoints; i++) {
            String id = "P" + rnd.nextInt(1000);
            if (!ids.add(id)) {
                continue;
            }
            Optional<MapZoneId> zone = rnd.nextInt(5) == 0 ? Optional.empty()
                    : Optional.of(zones.get(rnd.nextInt(zones.size())).id());
            Optional<RiskLevel> level = rnd.nextInt(6) == 0 ? Optional.empty()
                    : Optional.of(RiskLevel.values()[rnd.nextInt(RiskLevel.values().length)]);
            OrgUnitId unit = UNITS.get(rnd.nextInt(rnd.nextInt(10) == 0 ? UNITS.size() : UNITS.size() - 1));
            RiskPoint p = MapFixtures.point(RiskPointId.of(id), "point " + id, unit, zone, level).withVersion(1);
            storage.riskPoints().save(p, 0);
            points.add(p);
        }
        Dangers.sink = tr -> storage.hiddenDangers().save(tr.next(), tr.next().version() - 1, tr.audit());
        Set<String> dangerIds = new HashSet<>();
        for (int i = 0; i < nDangers; i++) {
            String id = "h" + rnd.nextInt(100_000);
            if (!dangerIds.add(id)) {
                continue;
            }
            int which = rnd.nextInt(10);
            Optional<RiskPointId> point = which < 7 && !points.isEmpty()
                    ? Optional.of(points.get(rnd.nextInt(points.size())).id())
                    : which < 8 ? Optional.of(RiskPointId.of("PX" + rnd.nextInt(3))) : Optional.empty();
            OrgUnitId unit = UNITS.get(rnd.nextInt(rnd.nextInt(10) == 0 ? UNITS.size() : UNITS.size() - 1));
            LocalDate found = DATE.minusDays(rnd.nextInt(1, 60));
            HiddenDanger d = Dangers.reported(id, unit, found, point);
            int fate = noneOpen ? 7 + rnd.nextInt(3) : rnd.nextInt(10);
            // a deadline from the day found on (before the map's date, on it, the day before it, after it)
            LocalDate deadline = switch (rnd.nextInt(4)) {
                case 0 -> DATE;
                case 1 -> DATE.minusDays(1).isBefore(found) ? found : DATE.minusDays(1);
                default -> found.plusDays(rnd.nextInt(0, 80));
            };
            switch (fate) {
                case 0 -> { } // reported, ungraded
                case 1 -> Dangers.general(d, found);
                case 2, 3 -> Dangers.planned(Dangers.general(d, found), found, deadline);
                case 4 -> Dangers.major(d, found);
                case 5 -> Dangers.planned(Dangers.general(d, found), found, DATE.minusDays(1).isBefore(found) ? found
                        : DATE.minusDays(1));
                case 6 -> Dangers.general(d, found); // verified general without plan
                case 7 -> Dangers.closedOnSpot(d, found);
                case 8 -> Dangers.withdrawn(d, found);
                default -> Dangers.withdrawn(Dangers.general(d, found), found);
            }
        }
        Dangers.sink = tr -> { };
        List<HiddenDanger> all = Page.stream(p -> storage.hiddenDangers().find(HiddenDangerQuery.all(), p), 50).toList();
        String msg = "[seed=" + seed + " replay with -D" + Seeds.PROPERTY + "=" + seed + "]";

        StorageAnalytics analytics = StorageAnalytics.of(storage, CLOCK, Fixtures.SHANGHAI);
        RiskMap map = analytics.riskMap(zones, DefaultEffectiveLevelPolicy.create());
        ExpectedMap expected = naive(points, all, zones);
        assertEquals(DATE, map.date(), msg);
        assertEquals(expected.points(), map.points(), msg);
        assertEquals(expected.units(), map.units(), msg);
        assertEquals(expected.zones(), map.zones(), msg);
        for (PointStatus p : expected.points()) {
            assertEquals(Optional.of(p), map.point(p.id()), msg);
            // the index hands out the very status listed (the builder's map of the risk points, values replaced)
            assertSame(map.points().get(expected.points().indexOf(p)), map.point(p.id()).orElseThrow(), msg);
        }
        // ids named by hidden dangers but not risk points of the map, and one never named, are not in the index
        for (String absent : List.of("PX0", "PX1", "PX2", "P1000")) {
            assertEquals(Optional.empty(), map.point(RiskPointId.of(absent)), msg);
        }

        // what a policy is given: per assessed risk point in id order, its open hidden dangers in id order
        Map<RiskPointId, List<HiddenDangerId>> given = new LinkedHashMap<>();
        EffectiveLevelPolicy recording = new EffectiveLevelPolicy() {
            @Override
            public EffectiveLevel evaluate(RiskPointId riskPoint, RiskLevel assessed, Collection<HiddenDanger> dangers,
                    LocalDate today) {
                assertEquals(DATE, today, msg);
                given.put(riskPoint, dangers.stream().map(HiddenDanger::id).toList());
                return EffectiveLevel.asAssessed(riskPoint, assessed);
            }
        };
        analytics.riskMap(zones, recording);
        Map<RiskPointId, List<HiddenDangerId>> expectedGiven = new LinkedHashMap<>();
        for (RiskPoint p : sortedById(points)) {
            if (LevelCombination.MOST_SEVERE.levelOf(p).isPresent()) {
                expectedGiven.put(p.id(), openOf(p.id(), all).stream().map(HiddenDanger::id).toList());
            }
        }
        assertEquals(expectedGiven, given, msg);
        assertEquals(List.copyOf(expectedGiven.keySet()), List.copyOf(given.keySet()), msg);

        // the default policy's path (it says which hidden dangers may raise a level: only those are kept and given)
        // against the general path of a third-party policy that does not say (given every open hidden danger) with the
        // very same rule: equal maps, from the store and from the builder given the hidden dangers in another order
        EffectiveLevelPolicy general = (riskPoint, assessed, dangers, today) -> DefaultEffectiveLevelPolicy.create()
                .evaluate(riskPoint, assessed, dangers, today);
        assertSameMap(analytics.riskMap(zones, general), map, msg + " (store)");
        List<HiddenDanger> shuffled = new ArrayList<>(all);
        java.util.Collections.shuffle(shuffled, new java.util.Random(seed));
        assertSameMap(built(points, shuffled, zones, general), built(points, shuffled, zones,
                DefaultEffectiveLevelPolicy.create()), msg + " (builder, hidden dangers shuffled)");

        // a policy that says is given, per assessed risk point in id order, exactly its open hidden dangers it accepts,
        // in id order; the rows still count every open and overdue one
        Map<RiskPointId, List<HiddenDanger>> givenSaying = new LinkedHashMap<>();
        EffectiveLevelPolicy saying = new EffectiveLevelPolicy() {
            @Override
            public EffectiveLevel evaluate(RiskPointId riskPoint, RiskLevel assessed, Collection<HiddenDanger> dangers,
                    LocalDate today) {
                givenSaying.put(riskPoint, List.copyOf(dangers));
                return DefaultEffectiveLevelPolicy.create().evaluate(riskPoint, assessed, dangers, today);
            }

            @Override
            public boolean mayRaise(HiddenDanger danger, LocalDate today) {
                assertEquals(DATE, today, msg);
                return DefaultEffectiveLevelPolicy.create().mayRaise(danger, today);
            }
        };
        assertSameMap(analytics.riskMap(zones, saying), map, msg + " (saying)");
        Map<RiskPointId, List<HiddenDanger>> expectedSaying = new LinkedHashMap<>();
        for (RiskPoint p : sortedById(points)) {
            if (LevelCombination.MOST_SEVERE.levelOf(p).isPresent()) {
                expectedSaying.put(p.id(), openOf(p.id(), all).stream()
                        .filter(d -> DefaultEffectiveLevelPolicy.create().mayRaise(d, DATE)).toList());
            }
        }
        assertEquals(expectedSaying, givenSaying, msg);
        assertEquals(List.copyOf(expectedSaying.keySet()), List.copyOf(givenSaying.keySet()), msg);
    }

    /** A map built from lists, as a host without a store would. */
    private static RiskMap built(List<RiskPoint> points, List<HiddenDanger> dangers, List<MapZone> zones,
            EffectiveLevelPolicy policy) {
        return RiskMap.builder(Fixtures.ORG, DATE, policy).zones(zones).riskPoints(points).dangers(dangers).build();
    }

    private static void assertSameMap(RiskMap expected, RiskMap actual, String msg) {
        assertEquals(expected.date(), actual.date(), msg);
        assertEquals(expected.points(), actual.points(), msg);
        assertEquals(expected.units(), actual.units(), msg);
        assertEquals(expected.zones(), actual.zones(), msg);
        for (PointStatus p : expected.points()) {
            assertEquals(Optional.of(p), actual.point(p.id()), msg);
        }
    }

    private static List<RiskPoint> sortedById(List<RiskPoint> points) {
        List<RiskPoint> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparing(RiskPoint::id));
        return sorted;
    }

    /** The open hidden dangers naming a risk point, in id order. */
    private static List<HiddenDanger> openOf(RiskPointId point, List<HiddenDanger> all) {
        return all.stream().filter(d -> d.isOpen() && d.riskPoint().equals(Optional.of(point)))
                .sorted(Comparator.comparing(HiddenDanger::id)).toList();
    }

    /** The map computed naively: every figure filtered from all hidden dangers, the policy's rule written out. */
    private static ExpectedMap naive(List<RiskPoint> points, List<HiddenDanger> all, List<MapZone> zones) {
        List<PointStatus> rows = new ArrayList<>();
        for (RiskPoint p : sortedById(points)) {
            List<HiddenDanger> open = openOf(p.id(), all);
            long overdue = open.stream().filter(d -> d.isOverdue(DATE)).count();
            Optional<RiskLevel> assessed = LevelCombination.MOST_SEVERE.levelOf(p);
            Optional<RiskLevel> effective = Optional.empty();
            List<EffectiveLevel.Reason> reasons = List.of();
            if (assessed.isPresent()) {
                RiskLevel e = assessed.get();
                List<EffectiveLevel.Reason> why = new ArrayList<>();
                boolean overdueGeneral = false;
                for (HiddenDanger d : open) {
                    if (d.grade().equals(Optional.of(HiddenDangerGrade.MAJOR))) {
                        e = RiskLevel.MAJOR;
                        why.add(new EffectiveLevel.Reason(d.id(), DefaultEffectiveLevelPolicy.OPEN_MAJOR,
                                "open major hidden danger [" + d.id() + "] raises the level to MAJOR"));
                    } else if (d.grade().equals(Optional.of(HiddenDangerGrade.GENERAL)) && d.isOverdue(DATE)) {
                        overdueGeneral = true;
                        why.add(new EffectiveLevel.Reason(d.id(), DefaultEffectiveLevelPolicy.OVERDUE_GENERAL,
                                "general hidden danger [" + d.id() + "] overdue since "
                                        + d.deadline().orElseThrow().plusDays(1) + " raises the level by one step"));
                    }
                }
                if (overdueGeneral) {
                    e = RiskLevel.mostSevere(e, assessed.get().raisedBy(1));
                }
                effective = Optional.of(e);
                reasons = e == assessed.get() ? List.of() : why;
            }
            rows.add(new PointStatus(p.id(), p.name(), p.owningUnit(), p.zone(), assessed, effective, reasons,
                    open.size(), overdue));
        }
        List<UnitStatus> units = new ArrayList<>();
        for (OrgUnit u : Fixtures.ORG.units()) {
            List<PointStatus> mine = rows.stream().filter(r -> within(r.unit(), u.id())).toList();
            List<HiddenDanger> open = all.stream().filter(d -> d.isOpen() && within(d.unit(), u.id())).toList();
            units.add(new UnitStatus(u.id(), summary(mine, open.size(),
                    open.stream().filter(d -> d.isOverdue(DATE)).count())));
        }
        List<ZoneStatus> zoneRows = new ArrayList<>();
        for (MapZone z : zones) {
            List<PointStatus> mine = rows.stream().filter(r -> r.zone().equals(Optional.of(z.id()))).toList();
            zoneRows.add(new ZoneStatus(z, summary(mine, mine.stream().mapToLong(PointStatus::openDangers).sum(),
                    mine.stream().mapToLong(PointStatus::overdueDangers).sum()),
                    mine.stream().map(PointStatus::id).toList()));
        }
        return new ExpectedMap(rows, units, zoneRows);
    }

    private static boolean within(OrgUnitId unit, OrgUnitId ancestor) {
        return Fixtures.ORG.unit(unit).isPresent() && Fixtures.ORG.isWithin(unit, ancestor);
    }

    private static LevelSummary summary(List<PointStatus> rows, long open, long overdue) {
        Map<RiskLevel, Long> byAssessed = new EnumMap<>(RiskLevel.class);
        Map<RiskLevel, Long> byEffective = new EnumMap<>(RiskLevel.class);
        Optional<RiskLevel> assessed = Optional.empty();
        Optional<RiskLevel> effective = Optional.empty();
        long notAssessed = 0;
        for (PointStatus r : rows) {
            if (r.assessed().isEmpty()) {
                notAssessed++;
            } else {
                byAssessed.merge(r.assessed().get(), 1L, Long::sum);
                assessed = Optional.of(assessed.map(a -> RiskLevel.mostSevere(a, r.assessed().get()))
                        .orElse(r.assessed().get()));
            }
            if (r.effective().isPresent()) {
                byEffective.merge(r.effective().get(), 1L, Long::sum);
                effective = Optional.of(effective.map(a -> RiskLevel.mostSevere(a, r.effective().get()))
                        .orElse(r.effective().get()));
            }
        }
        return new LevelSummary(assessed, effective, rows.size(), byAssessed, byEffective, notAssessed, open, overdue);
    }

    /** The expected map's parts. */
    private record ExpectedMap(List<PointStatus> points, List<UnitStatus> units, List<ZoneStatus> zones) {
    }
}
