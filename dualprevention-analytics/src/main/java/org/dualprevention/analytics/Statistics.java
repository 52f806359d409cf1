package org.dualprevention.analytics;

import org.jspecify.annotations.Nullable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.HazardCategory;

/**
 * Computes {@link UnitStatistics} per organisation unit and period in one streaming pass over hidden
 * dangers and inspection tasks.
 *
 * <p>The inputs are {@link Iterable}s and are read exactly once, one element at a time; nothing is
 * collected into a list, so a storage query that pages through a million rows can be passed directly
 * (a {@code Stream} is passed as {@code stream::iterator}). Each record is added to its own unit's counters
 * only, and each unit's counters to its own and every ancestor's totals at the end, so the cost is O(records +
 * units × depth of the organisation) and memory is O(units). Records
 * of units that are not in the organisation are skipped and reported in one log line.
 *
 * <p>Now comes from the injected {@link Clock}; today and the bounds of periods are taken in the
 * organisation's zone, given explicitly (as to the engine's builder), never taken from the clock.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @since 0.1
 */
public final class Statistics {
    private static final System.Logger LOG = System.getLogger(Statistics.class.getName());

    private final Organization organization;
    private final Clock clock;
    private final ZoneId zone;

    private Statistics(Organization organization, Clock clock, ZoneId zone) {
        this.organization = Objects.requireNonNull(organization, "organization");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * A calculator for an organisation.
     *
     * @param organization the organisation tree
     * @param clock the clock (now)
     * @param zone the organisation's time zone (today, the bounds of periods)
     * @return the calculator
     */
    public static Statistics of(Organization organization, Clock clock, ZoneId zone) {
        return new Statistics(organization, clock, zone);
    }

    /**
     * The statistics of one unit with its sub-units.
     *
     * @param unit the unit
     * @param period the period
     * @param dangers hidden dangers (any unit, any period; filtered here), read once
     * @param tasks inspection tasks (any unit, any period; filtered here), read once
     * @return the statistics
     * @throws IllegalArgumentException if the unit is not in the organisation
     */
    public UnitStatistics compute(OrgUnitId unit, ReportingPeriod period, Iterable<HiddenDangerFact> dangers,
            Iterable<InspectionTaskFact> tasks) {
        organization.require(unit);
        return Checks.present(computeAll(period, dangers, tasks).get(unit), "statistics of " + unit);
    }

    /**
     * The statistics of every unit of the organisation, each with its sub-units, in one pass.
     *
     * @param period the period
     * @param dangers hidden dangers, read once
     * @param tasks inspection tasks, read once
     * @return statistics per unit, in the organisation's order
     */
    public Map<OrgUnitId, UnitStatistics> computeAll(ReportingPeriod period, Iterable<HiddenDangerFact> dangers,
            Iterable<InspectionTaskFact> tasks) {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(dangers, "dangers");
        Objects.requireNonNull(tasks, "tasks");
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate asOf = today.isBefore(period.lastDay()) ? today : period.lastDay();
        Instant now = clock.instant();
        Instant periodEnd = period.endInstant(zone);
        Instant asOfInstant = now.isBefore(periodEnd) ? now : periodEnd;
        Instant periodStart = period.startInstant(zone);

        // each record is counted once, in its own unit's counters (found by the unit's index); the counters of a
        // unit with its sub-units are the sums of its subtree's own counters, added up once at the end
        List<OrgUnit> all = organization.units();
        Map<OrgUnitId, Acc> own = new HashMap<>();
        for (OrgUnit u : all) {
            own.put(u.id(), new Acc());
        }
        long skipped = 0;
        OrgUnitId lastUnit = null;
        Acc last = null;
        for (HiddenDangerFact d : dangers) {
            OrgUnitId unit = d.unit();
            Acc a = unit == lastUnit ? last : own.get(unit);
            if (a == null) {
                skipped++;
                continue;
            }
            lastUnit = unit;
            last = a;
            Sample sample = Sample.of(d, period, asOf, organization);
            if (sample == null) {
                continue;
            }
            a.add(sample);
        }
        for (InspectionTaskFact t : tasks) {
            Acc a = own.get(t.unit());
            if (a == null) {
                skipped++;
                continue;
            }
            if (t.dueAt().isBefore(periodStart) || !t.dueAt().isBefore(asOfInstant)) {
                continue;
            }
            a.add(t, asOfInstant);
        }
        Map<OrgUnitId, Acc> accs = new LinkedHashMap<>();
        for (OrgUnit u : all) {
            accs.put(u.id(), new Acc());
        }
        for (OrgUnit u : all) {
            Acc mine = Checks.present(own.get(u.id()), "counters of " + u.id());
            for (OrgUnit a : organization.selfAndAncestors(u.id())) {
                Checks.present(accs.get(a.id()), "counters of " + a.id()).addAll(mine);
            }
        }
        if (skipped > 0) {
            LOG.log(System.Logger.Level.WARNING, "Statistics for {0} skipped {1} records of units not in the organisation",
                    period, skipped);
        }
        Map<OrgUnitId, UnitStatistics> out = new LinkedHashMap<>();
        for (Map.Entry<OrgUnitId, Acc> e : accs.entrySet()) {
            out.put(e.getKey(), e.getValue().result(e.getKey(), period, asOf));
        }
        return out;
    }

    /**
     * The quarterly or yearly statistics table (隐患排查治理统计分析表) of a unit: its totals, one row per
     * direct sub-unit, and the national reporting deadline of DOMAIN.md §5.2.
     *
     * @param unit the reporting unit
     * @param period a quarter or a year (other periods are allowed and carry no deadline)
     * @param dangers hidden dangers, read once
     * @param tasks inspection tasks, read once
     * @return the table
     */
    public PeriodReport report(OrgUnitId unit, ReportingPeriod period, Iterable<HiddenDangerFact> dangers,
            Iterable<InspectionTaskFact> tasks) {
        organization.require(unit);
        Map<OrgUnitId, UnitStatistics> all = computeAll(period, dangers, tasks);
        List<UnitStatistics> rows = new ArrayList<>();
        for (OrgUnitId c : organization.children(unit)) {
            rows.add(Checks.present(all.get(c), "statistics of " + c));
        }
        return new PeriodReport(unit, period, period.reportingDeadline(), Checks.present(all.get(unit), "statistics of " + unit), rows);
    }

    /**
     * What one hidden danger contributes, worked out once and added to each unit of its chain. Also kept by
     * {@link MaintainedStatistics}, which adds and subtracts samples as hidden dangers change.
     */
    static final class Sample {
        boolean withdrawnInPeriod;
        boolean found;
        boolean rectified;
        boolean closed;
        boolean firstPass;
        boolean major;
        boolean planned;
        @Nullable String grade;
        @Nullable String source;
        java.util.@Nullable Set<AccidentType> accidentTypes;
        @Nullable HazardCategory hazardClass;
        @Nullable ControlLevel level;
        boolean onTimeCounted;
        boolean onTime;
        boolean overdue;
        boolean closedInPeriod;
        long daysToClose;

        /** @return the sample, or null when the hidden danger counts nowhere */
        static @Nullable Sample of(HiddenDangerFact d, ReportingPeriod period, LocalDate asOf, Organization organization) {
            Sample x = new Sample();
            boolean reportedInPeriod = period.contains(d.reportedOn()) && !d.reportedOn().isAfter(asOf);
            if (d.withdrawn()) {
                if (!reportedInPeriod) {
                    return null;
                }
                x.withdrawnInPeriod = true;
                return x;
            }
            if (reportedInPeriod) {
                x.found = true;
                x.rectified = d.isRectifiedBy(asOf);
                x.closed = d.isClosedBy(asOf);
                x.firstPass = x.closed && d.rejections() == 0;
                x.major = d.isMajor();
                x.planned = d.planned();
                x.grade = d.grade();
                x.source = d.source();
                x.accidentTypes = d.accidentTypes();
                x.hazardClass = d.hazardCategory().map(HazardCategory::hazardClass).orElse(null);
                x.level = d.controlLevel().orElseGet(() -> organization.require(d.unit()).level());
            }
            if (d.deadline().isPresent() && period.contains(d.deadline().get()) && !d.reportedOn().isAfter(asOf)) {
                LocalDate deadline = d.deadline().get();
                if (deadline.isBefore(asOf) || d.isClosedBy(asOf)) {
                    x.onTimeCounted = true;
                    x.onTime = d.isClosedBy(deadline);
                }
            }
            x.overdue = d.isOverdueOn(asOf);
            if (d.closedOn().isPresent() && period.contains(d.closedOn().get()) && !d.closedOn().get().isAfter(asOf)) {
                x.closedInPeriod = true;
                x.daysToClose = ChronoUnit.DAYS.between(d.reportedOn(), d.closedOn().get());
            }
            return x.found || x.onTimeCounted || x.overdue || x.closedInPeriod ? x : null;
        }
    }

    /** Mutable counters of one unit; used by one thread at a time. Every field is a sum over samples. */
    static final class Acc {
        long found;
        long withdrawn;
        long majorFound;
        long majorPlanned;
        long rectified;
        long closed;
        long closedFirstPass;
        long onTimeDen;
        long onTimeNum;
        long overdueOpen;
        long closedInPeriod;
        long daysToCloseSum;
        final Map<String, long[]> byGradeRect = new HashMap<>();
        final long[] byAccident = new long[AccidentType.values().length];
        final Map<HazardCategory, long[]> byCategory = new HashMap<>();
        final Map<String, long[]> bySource = new HashMap<>();
        final Map<ControlLevel, long[]> byLevel = new HashMap<>();
        long tasksDue;
        long tasksDone;
        long tasksOnTime;
        long itemsChecked;
        long itemsPassed;
        final Map<String, long[]> plans = new HashMap<>();

        /** A deep copy (the maintained aggregate adds the tasks of a read to a copy). */
        Acc copy() {
            Acc c = new Acc();
            c.found = found;
            c.withdrawn = withdrawn;
            c.majorFound = majorFound;
            c.majorPlanned = majorPlanned;
            c.rectified = rectified;
            c.closed = closed;
            c.closedFirstPass = closedFirstPass;
            c.onTimeDen = onTimeDen;
            c.onTimeNum = onTimeNum;
            c.overdueOpen = overdueOpen;
            c.closedInPeriod = closedInPeriod;
            c.daysToCloseSum = daysToCloseSum;
            byGradeRect.forEach((k, v) -> c.byGradeRect.put(k, v.clone()));
            System.arraycopy(byAccident, 0, c.byAccident, 0, byAccident.length);
            byCategory.forEach((k, v) -> c.byCategory.put(k, v.clone()));
            bySource.forEach((k, v) -> c.bySource.put(k, v.clone()));
            byLevel.forEach((k, v) -> c.byLevel.put(k, v.clone()));
            c.tasksDue = tasksDue;
            c.tasksDone = tasksDone;
            c.tasksOnTime = tasksOnTime;
            c.itemsChecked = itemsChecked;
            c.itemsPassed = itemsPassed;
            plans.forEach((k, v) -> c.plans.put(k, v.clone()));
            return c;
        }

        void add(Sample x) {
            change(x, 1);
        }

        /** Adds every count of another unit's counters (those of a sub-unit, when a unit's totals are summed). */
        void addAll(Acc o) {
            found += o.found;
            withdrawn += o.withdrawn;
            majorFound += o.majorFound;
            majorPlanned += o.majorPlanned;
            rectified += o.rectified;
            closed += o.closed;
            closedFirstPass += o.closedFirstPass;
            onTimeDen += o.onTimeDen;
            onTimeNum += o.onTimeNum;
            overdueOpen += o.overdueOpen;
            closedInPeriod += o.closedInPeriod;
            daysToCloseSum += o.daysToCloseSum;
            addAll(byGradeRect, o.byGradeRect);
            for (int i = 0; i < byAccident.length; i++) {
                byAccident[i] += o.byAccident[i];
            }
            addAll(byCategory, o.byCategory);
            addAll(bySource, o.bySource);
            addAll(byLevel, o.byLevel);
            tasksDue += o.tasksDue;
            tasksDone += o.tasksDone;
            tasksOnTime += o.tasksOnTime;
            itemsChecked += o.itemsChecked;
            itemsPassed += o.itemsPassed;
            addAll(plans, o.plans);
        }

        private static <K> void addAll(Map<K, long[]> into, Map<K, long[]> from) {
            from.forEach((k, v) -> {
                long[] c = into.computeIfAbsent(k, x -> new long[v.length]);
                for (int i = 0; i < v.length; i++) {
                    c[i] += v[i];
                }
            });
        }

        /** Takes back what {@link #add(Sample)} added; a key whose count drops to 0 is removed, as if never added. */
        void subtract(Sample x) {
            change(x, -1);
        }

        private static <K> void count(Map<K, long[]> m, K key, int sign) {
            long[] c = m.computeIfAbsent(key, k -> new long[1]);
            c[0] += sign;
            if (c[0] == 0) {
                m.remove(key);
            }
        }

        private void change(Sample x, int sign) {
            if (x.withdrawnInPeriod) {
                withdrawn += sign;
                return;
            }
            if (x.found) {
                found += sign;
                if (x.rectified) {
                    rectified += sign;
                }
                if (x.closed) {
                    closed += sign;
                    if (x.firstPass) {
                        closedFirstPass += sign;
                    }
                }
                long[] g = byGradeRect.computeIfAbsent(x.grade, k -> new long[2]);
                g[1] += sign;
                if (x.rectified) {
                    g[0] += sign;
                }
                if (g[1] == 0) {
                    byGradeRect.remove(x.grade);
                }
                if (x.major) {
                    majorFound += sign;
                    if (x.planned) {
                        majorPlanned += sign;
                    }
                }
                count(bySource, Checks.present(x.source, "source of a found hidden danger"), sign);
                for (AccidentType t : Checks.present(x.accidentTypes, "accident types of a found hidden danger")) {
                    byAccident[t.ordinal()] += sign;
                }
                if (x.hazardClass != null) {
                    count(byCategory, x.hazardClass, sign);
                }
                count(byLevel, Checks.present(x.level, "control level of a found hidden danger"), sign);
            }
            if (x.onTimeCounted) {
                onTimeDen += sign;
                if (x.onTime) {
                    onTimeNum += sign;
                }
            }
            if (x.overdue) {
                overdueOpen += sign;
            }
            if (x.closedInPeriod) {
                closedInPeriod += sign;
                daysToCloseSum += sign * x.daysToClose;
            }
        }

        void add(InspectionTaskFact t, Instant asOfInstant) {
            tasksDue++;
            boolean done = t.isDoneBy(asOfInstant);
            long[] p = t.plan().map(id -> plans.computeIfAbsent(id, k -> new long[2])).orElse(null);
            if (p != null) {
                p[1]++;
            }
            if (done) {
                tasksDone++;
                itemsChecked += t.itemsChecked();
                itemsPassed += t.itemsPassed();
                if (p != null) {
                    p[0]++;
                }
            }
            if (t.isOnTime()) {
                tasksOnTime++;
            }
        }

        UnitStatistics result(OrgUnitId unit, ReportingPeriod period, LocalDate asOf) {
            Map<String, Rate> gradeRates = new HashMap<>();
            Map<String, Long> byGrade = new HashMap<>();
            byGradeRect.forEach((k, v) -> {
                gradeRates.put(k, Rate.of(v[0], v[1]));
                byGrade.put(k, v[1]);
            });
            Map<AccidentType, Long> accidents = new HashMap<>();
            for (AccidentType t : AccidentType.values()) {
                if (byAccident[t.ordinal()] > 0) {
                    accidents.put(t, byAccident[t.ordinal()]);
                }
            }
            Map<String, Rate> planRates = new HashMap<>();
            plans.forEach((k, v) -> planRates.put(k, Rate.of(v[0], v[1])));
            Optional<BigDecimal> meanDays = closedInPeriod == 0 ? Optional.empty()
                    : Optional.of(BigDecimal.valueOf(daysToCloseSum)
                            .divide(BigDecimal.valueOf(closedInPeriod), 2, RoundingMode.HALF_UP));
            return new UnitStatistics(unit, period, asOf, found, withdrawn, majorFound, majorPlanned,
                    Rate.of(rectified, found), gradeRates, Rate.of(closed, found), Rate.of(closedFirstPass, closed),
                    Rate.of(onTimeNum, onTimeDen), overdueOpen, meanDays, Rate.of(tasksDone, tasksDue),
                    Rate.of(tasksOnTime, tasksDue), Rate.of(itemsPassed, itemsChecked), planRates, byGrade, accidents,
                    counts(byCategory), counts(bySource), counts(byLevel));
        }

        private static <K> Map<K, Long> counts(Map<K, long[]> in) {
            Map<K, Long> out = new HashMap<>();
            in.forEach((k, v) -> out.put(k, v[0]));
            return out;
        }
    }
}
