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
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerState;
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
        Window w = Window.of(period, clock.instant(), zone);

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
        View view = new View();
        Sample sample = new Sample();
        for (HiddenDangerFact d : dangers) {
            OrgUnitId unit = d.unit();
            Acc a = unit == lastUnit ? last : own.get(unit);
            if (a == null) {
                skipped++;
                continue;
            }
            lastUnit = unit;
            last = a;
            view.set(d);
            if (sample.fill(view, period, w.asOf(), organization, unit, null)) {
                a.add(sample);
            }
        }
        return finish(period, w, all, own, skipped, tasks);
    }

    /**
     * As {@link #computeAll} over the facts {@link HiddenDangerFact#from(HiddenDanger, RiskPointJoin, ZoneId)} would
     * project, read straight from the hidden dangers with no fact made per hidden danger (the figures are the same,
     * StatisticsStoreEquivalenceTest): the one-pass read of {@link StorageAnalytics#statistics}. A hidden danger the
     * projection would reject (its checks) is projected by it, so its error is the projection's.
     *
     * @param units the units whose hidden dangers count; those of other units are passed over silently, as a query
     *     in these units leaves them out
     * @param joins the join of a risk point by its id's value, null when not stored
     */
    Map<OrgUnitId, UnitStatistics> computeAllFromDangers(ReportingPeriod period, Iterable<HiddenDanger> dangers,
            java.util.Set<OrgUnitId> units, java.util.function.Function<String, @Nullable RiskPointJoin> joins,
            Iterable<InspectionTaskFact> tasks) {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(dangers, "dangers");
        Objects.requireNonNull(tasks, "tasks");
        Window w = Window.of(period, clock.instant(), zone);
        List<OrgUnit> all = organization.units();
        Map<OrgUnitId, Acc> own = new HashMap<>();
        // the counters of the units asked for, by the unit id's value (a String's hash and equals, no record's)
        Map<String, Acc> byValue = new HashMap<>();
        for (OrgUnit u : all) {
            Acc a = new Acc();
            own.put(u.id(), a);
            if (units.contains(u.id())) {
                a.unitLevel = u.level();
                byValue.put(u.id().value(), a);
            }
        }
        View view = new View();
        Sample sample = new Sample();
        String lastUnit = null;
        Acc last = null;
        for (HiddenDanger d : dangers) {
            OrgUnitId unit = d.unit();
            String key = unit.value();
            Acc a = key == lastUnit ? last : byValue.get(key);
            if (a == null) {
                continue;
            }
            lastUnit = key;
            last = a;
            if (!view.set(d, joins, zone)) {
                java.util.Optional<org.dualprevention.risk.RiskPointId> p = d.riskPoint();
                view.set(HiddenDangerFact.from(d, p.isPresent() ? joins.apply(p.get().value()) : null, zone));
            }
            if (sample.fill(view, period, w.asOf(), organization, unit, a.unitLevel)) {
                a.add(sample);
            }
        }
        return finish(period, w, all, own, 0, tasks);
    }

    /**
     * The as-of day and instant of one reading of the clock: "today" and "now" always come from the same instant, so a
     * clock that ticks past midnight during a computation cannot count a task due after the as-of day
     * (OneInstantPerCallTest).
     *
     * @param asOf the as-of day: today, or the period's last day if it has ended
     * @param asOfInstant now, or the period's end if it has ended
     * @param periodStart the period's first instant
     */
    record Window(LocalDate asOf, Instant asOfInstant, Instant periodStart) {
        static Window of(ReportingPeriod period, Instant now, ZoneId zone) {
            LocalDate today = LocalDate.ofInstant(now, zone);
            Instant periodEnd = period.endInstant(zone);
            return new Window(today.isBefore(period.lastDay()) ? today : period.lastDay(),
                    now.isBefore(periodEnd) ? now : periodEnd, period.startInstant(zone));
        }

        /** Whether a task falls due in the period before the as-of instant. */
        boolean counts(InspectionTaskFact t) {
            return !t.dueAt().isBefore(periodStart) && t.dueAt().isBefore(asOfInstant);
        }
    }

    private Map<OrgUnitId, UnitStatistics> finish(ReportingPeriod period, Window w, List<OrgUnit> all,
            Map<OrgUnitId, Acc> own, long skippedDangers, Iterable<InspectionTaskFact> tasks) {
        LocalDate asOf = w.asOf();
        Instant asOfInstant = w.asOfInstant();
        long skipped = skippedDangers;
        for (InspectionTaskFact t : tasks) {
            Acc a = own.get(t.unit());
            if (a == null) {
                skipped++;
                continue;
            }
            if (!w.counts(t)) {
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
        return report(unit, period, computeAll(period, dangers, tasks));
    }

    /** The table of {@link #report(OrgUnitId, ReportingPeriod, Iterable, Iterable)} from every unit's statistics. */
    PeriodReport report(OrgUnitId unit, ReportingPeriod period, Map<OrgUnitId, UnitStatistics> all) {
        List<UnitStatistics> rows = new ArrayList<>();
        for (OrgUnitId c : organization.children(unit)) {
            rows.add(Checks.present(all.get(c), "statistics of " + c));
        }
        return new PeriodReport(unit, period, period.reportingDeadline(), Checks.present(all.get(unit), "statistics of " + unit), rows);
    }

    /**
     * The fields of one hidden danger's {@link HiddenDangerFact} that a {@link Sample} reads, filled from a fact or
     * straight from a hidden danger and its risk point's join (as {@link HiddenDangerFact#from(HiddenDanger,
     * RiskPointJoin, ZoneId)} would project it, without making the fact). Reused from one hidden danger to the next.
     */
    static final class View {
        boolean withdrawn;
        LocalDate reportedOn = LocalDate.MIN;
        @Nullable LocalDate rectifiedOn;
        @Nullable LocalDate closedOn;
        @Nullable LocalDate deadline;
        int rejections;
        boolean planned;
        String grade = HiddenDangerFact.UNGRADED;
        String source = HiddenDangerFact.INSPECTION;
        java.util.Set<AccidentType> accidentTypes = java.util.Set.of();
        /** The accident types as an array (from a join), or null to read {@link #accidentTypes}. */
        AccidentType @Nullable [] accidents;
        @Nullable HazardCategory hazardClass;
        @Nullable ControlLevel level;
        /** Codes already checked ({@link HiddenDangerFact#isCode}), by identity: the few constants of the enums. */
        private final String[] goodCodes = new String[8];

        void set(HiddenDangerFact d) {
            withdrawn = d.withdrawn();
            reportedOn = d.reportedOn();
            rectifiedOn = d.rectifiedOn().orElse(null);
            closedOn = d.closedOn().orElse(null);
            deadline = d.deadline().orElse(null);
            rejections = d.rejections();
            planned = d.planned();
            grade = d.grade();
            source = d.source();
            accidentTypes = d.accidentTypes();
            accidents = null;
            hazardClass = d.hazardCategory().map(HazardCategory::hazardClass).orElse(null);
            level = d.controlLevel().orElse(null);
        }

        /**
         * The projection of a hidden danger joined with its risk point, as {@link HiddenDangerFact#from(HiddenDanger,
         * RiskPointJoin, ZoneId)} makes it.
         *
         * @return false, with the view unusable, when the projection's checks might reject it (then the caller
         *     projects it by the fact, which throws its error or gives the fact)
         */
        boolean set(HiddenDanger d, java.util.function.Function<String, @Nullable RiskPointJoin> joins, ZoneId zone) {
            java.util.Optional<org.dualprevention.danger.HiddenDangerGrade> g = d.grade();
            String gradeCode = g.isPresent() ? g.get().code() : HiddenDangerFact.UNGRADED;
            String sourceCode = d.source().code();
            if (!good(gradeCode) || !good(sourceCode)) {
                return false;
            }
            grade = gradeCode;
            source = sourceCode;
            reportedOn = d.foundOn();
            rejections = d.rejections();
            if (rejections < 0) {
                return false;
            }
            planned = d.plan().isPresent();
            deadline = d.deadline().orElse(null);
            LocalDate rectified = d.completedOn().orElse(null);
            if (rectified != null && rectified.isBefore(reportedOn)) {
                return false;
            }
            rectifiedOn = rectified;
            closedOn = null;
            withdrawn = d.state() == HiddenDangerState.WITHDRAWN;
            if (!withdrawn && !d.isOpen()) {
                java.util.Optional<Instant> closedAt = d.closedAt();
                if (closedAt.isEmpty()) {
                    return false;
                }
                LocalDate closed = LocalDate.ofInstant(closedAt.get(), zone);
                if (closed.isBefore(reportedOn)) {
                    return false;
                }
                closedOn = closed;
            }
            accidentTypes = java.util.Set.of();
            accidents = null;
            hazardClass = null;
            level = null;
            java.util.Optional<org.dualprevention.risk.RiskPointId> pointId = d.riskPoint();
            if (pointId.isPresent()) {
                String id = pointId.get().value();
                RiskPointJoin point = joins.apply(id);
                if (point != null && id.equals(point.point.id().value())) {
                    int hazard = point.hazard(d.hazard());
                    if (hazard >= 0) {
                        accidentTypes = point.accidentTypes(hazard);
                        accidents = point.accidentArray(hazard);
                        hazardClass = point.hazardClass(hazard);
                    }
                    java.util.Optional<org.dualprevention.risk.ControlMeasureId> failed = d.failedMeasure();
                    if (failed.isPresent()) {
                        level = point.level(hazard, failed.get());
                    }
                }
            }
            return true;
        }

        private boolean good(String code) {
            String[] known = goodCodes;
            for (int i = 0; i < known.length; i++) {
                String k = known[i];
                if (k == code) {
                    return true;
                }
                if (k == null) {
                    if (!HiddenDangerFact.isCode(code)) {
                        return false;
                    }
                    known[i] = code;
                    return true;
                }
            }
            return HiddenDangerFact.isCode(code);
        }

        boolean isClosedBy(LocalDate day) {
            return closedOn != null && !closedOn.isAfter(day);
        }
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
        /** The accident types as an array, when the view had one; else null and {@link #accidentTypes} is read. */
        AccidentType @Nullable [] accidents;
        @Nullable HazardCategory hazardClass;
        @Nullable ControlLevel level;
        boolean onTimeCounted;
        boolean onTime;
        boolean overdue;
        boolean closedInPeriod;
        long daysToClose;

        /** @return the sample, or null when the hidden danger counts nowhere */
        static @Nullable Sample of(HiddenDangerFact d, ReportingPeriod period, LocalDate asOf, Organization organization) {
            View v = new View();
            v.set(d);
            Sample x = new Sample();
            return x.fill(v, period, asOf, organization, d.unit(), null) ? x : null;
        }

        /**
         * Sets every field to what the hidden danger of {@code d} contributes (a sample is reused from one hidden
         * danger to the next by a full statistics run).
         *
         * @param unitLevel the control level of {@code unit}, or null to look it up in the organisation
         * @return false when the hidden danger counts nowhere
         */
        boolean fill(View d, ReportingPeriod period, LocalDate asOf, Organization organization, OrgUnitId unit,
                @Nullable ControlLevel unitLevel) {
            withdrawnInPeriod = false;
            found = false;
            rectified = false;
            closed = false;
            firstPass = false;
            major = false;
            planned = false;
            grade = null;
            source = null;
            accidentTypes = null;
            accidents = null;
            hazardClass = null;
            level = null;
            onTimeCounted = false;
            onTime = false;
            overdue = false;
            closedInPeriod = false;
            daysToClose = 0;
            LocalDate reportedOn = d.reportedOn;
            boolean reportedInPeriod = period.contains(reportedOn) && !reportedOn.isAfter(asOf);
            if (d.withdrawn) {
                if (!reportedInPeriod) {
                    return false;
                }
                withdrawnInPeriod = true;
                return true;
            }
            boolean closedByAsOf = d.isClosedBy(asOf);
            if (reportedInPeriod) {
                found = true;
                rectified = (d.rectifiedOn != null && !d.rectifiedOn.isAfter(asOf)) || closedByAsOf;
                closed = closedByAsOf;
                firstPass = closed && d.rejections == 0;
                major = HiddenDangerFact.MAJOR.equals(d.grade);
                planned = d.planned;
                grade = d.grade;
                source = d.source;
                accidentTypes = d.accidentTypes;
                accidents = d.accidents;
                hazardClass = d.hazardClass;
                ControlLevel l = d.level;
                level = l != null ? l : unitLevel != null ? unitLevel : organization.require(unit).level();
            }
            LocalDate deadline = d.deadline;
            if (deadline != null && period.contains(deadline) && !reportedOn.isAfter(asOf)) {
                if (deadline.isBefore(asOf) || closedByAsOf) {
                    onTimeCounted = true;
                    onTime = d.isClosedBy(deadline);
                }
            }
            // HiddenDangerFact.isOverdueOn: open on the day (not withdrawn, reported by then, not closed by then)
            // and the day after the deadline in force (HiddenDanger.overdueOn)
            overdue = !reportedOn.isAfter(asOf) && !closedByAsOf && deadline != null && asOf.isAfter(deadline);
            LocalDate closedOn = d.closedOn;
            if (closedOn != null && period.contains(closedOn) && !closedOn.isAfter(asOf)) {
                closedInPeriod = true;
                daysToClose = ChronoUnit.DAYS.between(reportedOn, closedOn);
            }
            return found || onTimeCounted || overdue || closedInPeriod;
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
        /** The control level of the unit these are the own counters of, when a run knows it (not copied). */
        @Nullable ControlLevel unitLevel;
        /**
         * The counters of {@link #byGradeRect}, {@link #bySource}, {@link #byCategory} and {@link #byLevel} last
         * added to, as key, counters, key, counters...: a run's keys are a few shared objects, so most adds find
         * theirs by identity before hashing (a record's hash goes through method handles). Emptied when a key is
         * removed; not copied.
         */
        private final @Nullable Object[] gradeKeys = new Object[RECENT];
        private final @Nullable Object[] sourceKeys = new Object[RECENT];
        private final @Nullable Object[] categoryKeys = new Object[RECENT];
        private final @Nullable Object[] levelKeys = new Object[RECENT];
        private static final int RECENT = 8;

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

        private static <K> void count(Map<K, long[]> m, @Nullable Object[] recent, K key, int sign) {
            long[] c = counters(m, recent, key, 1);
            c[0] += sign;
            if (c[0] == 0) {
                m.remove(key);
                java.util.Arrays.fill(recent, null);
            }
        }

        /** The counters of a key, created if absent: found by identity in {@code recent} first, else in the map. */
        private static <K> long[] counters(Map<K, long[]> m, @Nullable Object[] recent, @Nullable K key, int size) {
            for (int i = 0; i < recent.length; i += 2) {
                Object k = recent[i];
                if (k == key && k != null) {
                    return (long[]) Checks.present(recent[i + 1], "counters");
                }
                if (k == null) {
                    long[] c = m.computeIfAbsent(key, x -> new long[size]);
                    if (key != null) {
                        recent[i] = key;
                        recent[i + 1] = c;
                    }
                    return c;
                }
            }
            return m.computeIfAbsent(key, x -> new long[size]);
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
                long[] g = counters(byGradeRect, gradeKeys, x.grade, 2);
                g[1] += sign;
                if (x.rectified) {
                    g[0] += sign;
                }
                if (g[1] == 0) {
                    byGradeRect.remove(x.grade);
                    java.util.Arrays.fill(gradeKeys, null);
                }
                if (x.major) {
                    majorFound += sign;
                    if (x.planned) {
                        majorPlanned += sign;
                    }
                }
                count(bySource, sourceKeys, Checks.present(x.source, "source of a found hidden danger"), sign);
                AccidentType[] types = x.accidents;
                if (types != null) {
                    for (AccidentType t : types) {
                        byAccident[t.ordinal()] += sign;
                    }
                } else {
                    for (AccidentType t : Checks.present(x.accidentTypes, "accident types of a found hidden danger")) {
                        byAccident[t.ordinal()] += sign;
                    }
                }
                if (x.hazardClass != null) {
                    count(byCategory, categoryKeys, x.hazardClass, sign);
                }
                count(byLevel, levelKeys, Checks.present(x.level, "control level of a found hidden danger"), sign);
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
