package org.dualprevention.analytics;

import org.jspecify.annotations.Nullable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;

/**
 * The hidden-danger statistics of one reporting period, kept current as hidden dangers and risk points
 * change, so that reading them costs the same whatever the number of hidden dangers: a dashboard asking
 * for this month's figures many times a day reads counters instead of scanning.
 *
 * <p>What it keeps: for every unit of the organisation (each with its sub-units, as {@link Statistics}
 * rolls up), the counts and sums behind {@link UnitStatistics} — found, withdrawn, major found and planned,
 * rectified, closed, first-pass acceptance, on time, overdue, closed in the period and the days it took; per
 * grade, source, control level, accident type and hazard class. Every one is a sum over hidden dangers of
 * what that hidden danger contributes (the same per-danger contribution {@link Statistics} computes), so a
 * change is applied by taking back the old contribution and adding the new one.
 *
 * <p>Time: contributions depend on the day the figures are taken ({@code asOf}: today, or the period's
 * last day once it has passed) — a hidden danger becomes overdue the day after its deadline with no stored
 * change. Each hidden danger is therefore also filed under the next day on which its contribution can
 * change (its report, rectification, closing, deadline and the day after); moving to a later day re-works
 * only the hidden dangers filed on or before it. A read for an earlier day than the last one re-works all
 * (a clock set back; rare).
 *
 * <p>Feeding it: pass each stored version of a hidden danger to {@link #hiddenDanger(HiddenDanger)} (from
 * the {@code Transition} a command returns, or by loading the id a {@code HiddenDangerEvent} names), and each
 * stored version of a risk point with its hidden dangers to {@link #riskPoint(RiskPoint, Iterable)} (a risk
 * point change can move its hidden dangers' zone, hazard class, accident types and control level). Start it
 * from the stored state with {@link #load}. The organisation is fixed: when it changes, make a new one and
 * load it again. Inspection tasks are not kept: their part of the figures (task completion, items passed,
 * plan completion) depends on the instant of the read and is computed from the tasks given to
 * {@link #statistics} (the storage's tasks due in the period, found through its due-date index).
 *
 * <p>Memory: one projected {@link HiddenDangerFact} and one contribution per hidden danger that counts in
 * the period or may come to count, the risk points, and counters per unit.
 *
 * <p>Thread-safe: every method is {@code synchronized} (changes are short; reads copy one unit's counters).
 *
 * @since 0.1
 */
public final class MaintainedStatistics {
    private final Organization organization;
    private final ReportingPeriod period;
    private final ZoneId zone;
    private final Map<OrgUnitId, Statistics.Acc> accs = new LinkedHashMap<>();
    private final Map<OrgUnitId, List<Statistics.Acc>> chains = new HashMap<>();
    private final Map<OrgUnitId, Set<OrgUnitId>> subtrees = new HashMap<>();
    private final Map<String, Entry> entries = new HashMap<>();
    private final Map<RiskPointId, RiskPoint> register = new HashMap<>();
    private final TreeMap<LocalDate, Set<String>> wakeUps = new TreeMap<>();
    private LocalDate asOf;

    /** One hidden danger: its facts, the contribution they make as of {@link #asOf}, and its wake-up day. */
    private static final class Entry {
        final HiddenDangerFact fact;
        Statistics.@Nullable Sample sample;
        @Nullable LocalDate wake;

        Entry(HiddenDangerFact fact) {
            this.fact = fact;
        }
    }

    private MaintainedStatistics(Organization organization, ReportingPeriod period, ZoneId zone, LocalDate asOf) {
        this.organization = organization;
        this.period = period;
        this.zone = zone;
        this.asOf = asOf;
        for (OrgUnit u : organization.units()) {
            accs.put(u.id(), new Statistics.Acc());
        }
        for (OrgUnit u : organization.units()) {
            List<Statistics.Acc> chain = new ArrayList<>();
            for (OrgUnit a : organization.selfAndAncestors(u.id())) {
                chain.add(accs.get(a.id()));
            }
            chains.put(u.id(), List.copyOf(chain));
            subtrees.put(u.id(), organization.selfAndDescendants(u.id()));
        }
    }

    /**
     * Empty statistics of a period, taken as of the clock's day.
     *
     * @param organization the organisation (fixed for the life of this object)
     * @param period the reporting period
     * @param clock now
     * @param zone the organisation's time zone
     * @return the statistics, with no hidden danger yet
     */
    public static MaintainedStatistics of(Organization organization, ReportingPeriod period, Clock clock, ZoneId zone) {
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(zone, "zone");
        return new MaintainedStatistics(organization, period, zone, asOfDay(period, clock, zone));
    }

    /**
     * Statistics of a period started from stored state: every risk point, then every hidden danger (one scan,
     * once; afterwards feed the changes).
     *
     * @param organization the organisation
     * @param period the period
     * @param clock now
     * @param zone the organisation's time zone
     * @param riskPoints the stored risk points
     * @param dangers the stored hidden dangers (their latest versions)
     * @return the statistics
     */
    public static MaintainedStatistics load(Organization organization, ReportingPeriod period, Clock clock, ZoneId zone,
            Iterable<RiskPoint> riskPoints, Iterable<HiddenDanger> dangers) {
        MaintainedStatistics s = of(organization, period, clock, zone);
        for (RiskPoint p : riskPoints) {
            s.register.put(p.id(), p);
        }
        for (HiddenDanger d : dangers) {
            s.hiddenDanger(d);
        }
        return s;
    }

    /** @return the period kept */
    public ReportingPeriod period() {
        return period;
    }

    /**
     * Takes in a stored version of a hidden danger (new or changed); a version older than one already taken
     * in is not detected, so feed versions in the order they were stored.
     *
     * @param danger the hidden danger as stored
     */
    public synchronized void hiddenDanger(HiddenDanger danger) {
        Objects.requireNonNull(danger, "danger");
        Optional<RiskPoint> point = danger.riskPoint().map(register::get);
        put(HiddenDangerFact.from(danger, point, zone));
    }

    /**
     * Takes in a stored version of a risk point, and re-joins its hidden dangers with it.
     *
     * @param point the risk point as stored
     * @param itsDangers the stored hidden dangers linked to it (e.g. the storage's query {@code atRiskPoint})
     */
    public synchronized void riskPoint(RiskPoint point, Iterable<HiddenDanger> itsDangers) {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(itsDangers, "itsDangers");
        register.put(point.id(), point);
        for (HiddenDanger d : itsDangers) {
            hiddenDanger(d);
        }
    }

    /**
     * The statistics of a unit with its sub-units, equal to {@link Statistics#compute} over the projections
     * of the hidden dangers taken in (joined with the risk points taken in) and the tasks given.
     *
     * @param unit the unit
     * @param clock now
     * @param tasks inspection tasks (any unit, any period; filtered here as by {@link Statistics}), read once
     * @return the statistics
     * @throws IllegalArgumentException if the unit is not in the organisation
     */
    public synchronized UnitStatistics statistics(OrgUnitId unit, Clock clock, Iterable<InspectionTaskFact> tasks) {
        organization.require(unit);
        Objects.requireNonNull(tasks, "tasks");
        // one reading of the clock for the day and the instant (OneInstantPerCallTest)
        Statistics.Window w = Statistics.Window.of(period, Objects.requireNonNull(clock, "clock").instant(), zone);
        moveTo(w.asOf());
        Statistics.Acc acc = Checks.present(accs.get(unit), "counters of " + unit).copy();
        Set<OrgUnitId> below = Checks.present(subtrees.get(unit), "units below " + unit);
        for (InspectionTaskFact t : tasks) {
            if (!below.contains(t.unit()) || !w.counts(t)) {
                continue;
            }
            acc.add(t, w.asOfInstant());
        }
        return acc.result(unit, period, asOf);
    }

    /** @return how many hidden dangers are kept */
    public synchronized int size() {
        return entries.size();
    }

    private static LocalDate asOfDay(ReportingPeriod period, Clock clock, ZoneId zone) {
        return Statistics.Window.of(period, Objects.requireNonNull(clock, "clock").instant(), zone).asOf();
    }

    private void put(HiddenDangerFact fact) {
        Entry old = entries.remove(fact.id());
        if (old != null) {
            unfile(old);
            apply(old, -1);
        }
        if (!chains.containsKey(fact.unit())) {
            return; // a unit not in the organisation: skipped, as Statistics skips it
        }
        Entry e = new Entry(fact);
        e.sample = Statistics.Sample.of(fact, period, asOf, organization);
        apply(e, 1);
        entries.put(fact.id(), e);
        file(e);
    }

    private void apply(Entry e, int sign) {
        Statistics.Sample sample = e.sample;
        if (sample == null) {
            return;
        }
        for (Statistics.Acc a : chains.getOrDefault(e.fact.unit(), List.of())) {
            if (sign > 0) {
                a.add(sample);
            } else {
                a.subtract(sample);
            }
        }
    }

    /** Files the entry under the first day after {@link #asOf} on which its contribution may change. */
    private void file(Entry e) {
        LocalDate wake = null;
        HiddenDangerFact f = e.fact;
        List<LocalDate> days = new ArrayList<>(5);
        days.add(f.reportedOn());
        f.rectifiedOn().ifPresent(days::add);
        f.closedOn().ifPresent(days::add);
        f.deadline().ifPresent(d -> {
            days.add(d);
            days.add(d.plusDays(1));
        });
        for (LocalDate d : days) {
            if (d.isAfter(asOf) && (wake == null || d.isBefore(wake))) {
                wake = d;
            }
        }
        e.wake = wake;
        if (wake != null) {
            wakeUps.computeIfAbsent(wake, k -> new HashSet<>()).add(f.id());
        }
    }

    private void unfile(Entry e) {
        if (e.wake != null) {
            Set<String> ids = wakeUps.get(e.wake);
            if (ids != null) {
                ids.remove(e.fact.id());
                if (ids.isEmpty()) {
                    wakeUps.remove(e.wake);
                }
            }
            e.wake = null;
        }
    }

    /** Moves the contributions to another day: the entries filed up to it, or every entry when going back. */
    private void moveTo(LocalDate day) {
        if (day.equals(asOf)) {
            return;
        }
        List<Entry> due = new ArrayList<>();
        if (day.isBefore(asOf)) {
            due.addAll(entries.values());
        } else {
            for (Set<String> ids : wakeUps.headMap(day, true).values()) {
                for (String id : ids) {
                    due.add(entries.get(id));
                }
            }
        }
        for (Entry e : due) {
            unfile(e);
            apply(e, -1);
        }
        asOf = day;
        for (Entry e : due) {
            e.sample = Statistics.Sample.of(e.fact, period, asOf, organization);
            apply(e, 1);
            file(e);
        }
    }
}
