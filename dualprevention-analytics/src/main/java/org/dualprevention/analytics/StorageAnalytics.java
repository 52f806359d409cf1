package org.dualprevention.analytics;

import org.jspecify.annotations.Nullable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.MapZone;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.spi.EffectiveLevelPolicy;
import org.dualprevention.spi.LevelCombination;
import org.dualprevention.query.HiddenDangerQuery;
import org.dualprevention.query.InspectionTaskQuery;
import org.dualprevention.query.Page;
import org.dualprevention.query.PageRequest;
import org.dualprevention.query.RiskPointQuery;
import org.dualprevention.spi.Storage;

/**
 * Statistics, the risk map and early warnings computed straight from a {@link Storage}, by paging through
 * its queries: hidden dangers and inspection tasks are streamed page by page (never loaded into one
 * list); hidden dangers and risk points in pages of 10,000 ({@code PageRequest.MAX_LIMIT}). The risk points of
 * the units concerned are held once as a register for the joins (zone, hazard, control level), so memory is
 * O(risk points + one page).
 *
 * <p>The organisation's zone and the rule combining a hazard's assessments are given explicitly, as to the
 * engine's builder: pass the same values, e.g. {@code StorageAnalytics.of(storage, clock, zone)
 * .withLevelCombination(combination)}, so analytics and the engine agree on today and on each risk point's level.
 *
 * <p>This class is immutable and thread-safe if the storage is.
 *
 * @since 0.1
 */
public final class StorageAnalytics {
    /** Items per storage page of inspection tasks. */
    public static final int PAGE_SIZE = 1000;
    /**
     * Items per storage page of hidden dangers and risk points, the largest a page request allows: a statistics
     * run or a map reads every one of them, and each page costs the store a seek (a new query on a database).
     */
    static final int READ_PAGE_SIZE = PageRequest.MAX_LIMIT;

    private final Storage storage;
    private final Clock clock;
    private final ZoneId zone;
    private final LevelCombination combination;

    private StorageAnalytics(Storage storage, Clock clock, ZoneId zone, LevelCombination combination) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.combination = Objects.requireNonNull(combination, "combination");
    }

    /**
     * Analytics over a storage, combining a hazard's assessments by {@link LevelCombination#MOST_SEVERE}
     * (the engine's default too).
     *
     * @param storage the storage
     * @param clock the clock (now)
     * @param zone the organisation's time zone (today, deadlines, periods), the engine's {@code zone()}
     * @return the analytics
     */
    public static StorageAnalytics of(Storage storage, Clock clock, ZoneId zone) {
        return new StorageAnalytics(storage, clock, zone, LevelCombination.MOST_SEVERE);
    }

    /**
     * The same analytics with another rule for a hazard's level: pass the one the engine was built with.
     *
     * @param value the combination rule
     * @return new analytics
     */
    public StorageAnalytics withLevelCombination(LevelCombination value) {
        return new StorageAnalytics(storage, clock, zone, Objects.requireNonNull(value, "combination"));
    }

    /** @return the organisation's time zone */
    public ZoneId zone() {
        return zone;
    }

    /** @return the rule for a hazard's level */
    public LevelCombination levelCombination() {
        return combination;
    }

    /**
     * The stored organisation.
     *
     * @return the organisation
     * @throws IllegalStateException if none is stored
     */
    public Organization organization() {
        return storage.organization().load().orElseThrow(() -> new IllegalStateException(
                "No organisation stored; save one with storage.organization().save(..) first")).value();
    }

    /**
     * The statistics of a unit with its sub-units over a period.
     *
     * @param unit the unit
     * @param period the period
     * @return the statistics
     */
    public UnitStatistics statistics(OrgUnitId unit, ReportingPeriod period) {
        Organization org = organization();
        Set<OrgUnitId> units = org.selfAndDescendants(unit);
        org.require(unit);
        return Checks.present(all(org, units, period).get(unit), "statistics of " + unit);
    }

    /**
     * The quarterly or yearly statistics table of a unit.
     *
     * @param unit the unit
     * @param period a quarter or a year
     * @return the table
     */
    public PeriodReport report(OrgUnitId unit, ReportingPeriod period) {
        Organization org = organization();
        Set<OrgUnitId> units = org.selfAndDescendants(unit);
        org.require(unit);
        return Statistics.of(org, clock, zone).report(unit, period, all(org, units, period));
    }

    /**
     * The statistics of every unit from the hidden dangers and inspection tasks of some units: read
     * from the hidden dangers straight, with no {@link HiddenDangerFact} made per hidden danger (the same figures as
     * {@link Statistics#computeAll} over {@link #dangerFacts}, StatisticsStoreEquivalenceTest).
     */
    private Map<OrgUnitId, UnitStatistics> all(Organization org, Set<OrgUnitId> units, ReportingPeriod period) {
        // every unit of the organisation (the root's statistics): read every hidden danger, in id order, rather than
        // those of a set of all units (a union of one index per unit); those of units outside the organisation are
        // passed over, as the query in the units leaves them out
        HiddenDangerQuery query = units.size() == org.units().size() ? HiddenDangerQuery.all()
                : HiddenDangerQuery.all().inUnits(units);
        return Statistics.of(org, clock, zone).computeAllFromDangers(period, dangers(query), units,
                new RiskPointLookup(), taskFacts(units, period));
    }

    /**
     * The risk map of the whole organisation today, each risk point's level by the combination rule. The risk points
     * are paged; the open hidden dangers are read through {@link org.dualprevention.spi.HiddenDangerRepository#open()}
     * (the same items as paging the query of open ones, without pages on a store that walks them directly).
     *
     * @param zones the zones of the site plan
     * @param policy the effective-level policy
     * @return the map
     */
    public RiskMap riskMap(Iterable<MapZone> zones, EffectiveLevelPolicy policy) {
        Organization org = organization();
        return RiskMap.builder(org, LocalDate.ofInstant(clock.instant(), zone), policy).levelCombination(combination)
                .zones(zones)
                .riskPoints(riskPoints(RiskPointQuery.all()))
                .dangers(storage.hiddenDangers().open()).build();
    }

    /**
     * Every early warning today.
     *
     * @param map the current risk map (see {@link #riskMap})
     * @param settings the rules' parameters
     * @return the warnings
     */
    public List<Warning> warnings(RiskMap map, WarningSettings settings) {
        Organization org = organization();
        Set<OrgUnitId> all = new java.util.LinkedHashSet<>();
        for (OrgUnit u : org.units()) {
            all.add(u.id());
        }
        Instant now = clock.instant();
        Iterable<InspectionTaskFact> tasks = () -> Page.stream(p -> storage.inspectionTasks().find(
                InspectionTaskQuery.dueBetween(now.minus(settings.missedLookbackDays(), ChronoUnit.DAYS), now), p),
                PAGE_SIZE).map(InspectionTaskFact::from).iterator();
        // the tasks read up to now, and the rules evaluated as of the same instant
        return EarlyWarning.of(org, Clock.fixed(now, zone), zone, settings).evaluate(map, dangerFacts(all), tasks);
    }

    private Iterable<HiddenDanger> dangers(HiddenDangerQuery query) {
        return () -> Page.iterator(p -> storage.hiddenDangers().find(query, p), READ_PAGE_SIZE);
    }

    private Iterable<RiskPoint> riskPoints(RiskPointQuery query) {
        return () -> Page.iterator(p -> storage.riskPoints().find(query, p), READ_PAGE_SIZE);
    }

    private Iterable<HiddenDangerFact> dangerFacts(Set<OrgUnitId> units) {
        RiskPointLookup lookup = new RiskPointLookup();
        return HiddenDangerFact.projectJoined(dangers(HiddenDangerQuery.all().inUnits(units)),
                id -> lookup.apply(id.value()), zone);
    }

    /**
     * The risk points joined to the hidden dangers of one call, each as its {@link RiskPointJoin} (worked out once
     * per risk point), by the value of its id (a String's hash and equals; a record's go through method handles):
     * the first {@link #SINGLE_READS} distinct ones read one by one (a small unit's statistics
     * touch few), then, if more are asked for, all of them in pages at once (a whole organisation's touch most,
     * and one paged read beats thousands of single ones). Each risk point is read at most once per call; none is
     * read when no hidden danger names one. The joins of one call share their hazard classes and control levels
     * ({@link RiskPointJoin.Shared}).
     */
    private final class RiskPointLookup implements java.util.function.Function<String, @Nullable RiskPointJoin> {
        private static final int SINGLE_READS = 200;
        private final Map<String, java.util.Optional<RiskPointJoin>> read = new HashMap<>();
        private final RiskPointJoin.Shared shared = new RiskPointJoin.Shared();
        private @Nullable Map<String, RiskPointJoin> all;

        @Override
        public @Nullable RiskPointJoin apply(String id) {
            Map<String, RiskPointJoin> every = all;
            if (every != null) {
                return every.get(id);
            }
            java.util.Optional<RiskPointJoin> p = read.get(id);
            if (p == null) {
                if (read.size() == SINGLE_READS) {
                    every = new HashMap<>();
                    for (RiskPoint each : riskPoints(RiskPointQuery.all())) {
                        every.put(each.id().value(), new RiskPointJoin(each, shared));
                    }
                    all = every;
                    read.clear();
                    return every.get(id);
                }
                p = storage.riskPoints().find(RiskPointId.of(id)).map(each -> new RiskPointJoin(each, shared));
                read.put(id, p);
            }
            return p.orElse(null);
        }
    }

    private Iterable<InspectionTaskFact> taskFacts(Set<OrgUnitId> units, ReportingPeriod period) {
        InspectionTaskQuery q = InspectionTaskQuery.dueBetween(period.startInstant(zone), period.endInstant(zone))
                .inUnits(units);
        return () -> Page.stream(p -> storage.inspectionTasks().find(q, p), PAGE_SIZE).map(InspectionTaskFact::from)
                .iterator();
    }
}
