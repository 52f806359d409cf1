package org.dualprevention.analytics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.dualprevention.danger.EffectiveLevel;
import org.dualprevention.danger.EffectiveLevelChanged;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.MapZoneId;
import org.dualprevention.risk.RiskPointId;

/**
 * Early warning (预警) with the named rules of {@link WarningRule}: each {@link Warning} names its rule, the
 * numbers and the records behind it.
 *
 * <p>Now comes from the injected {@link Clock}; today is now in the organisation's zone, given explicitly
 * (as to the engine's builder), never taken from the clock. "Months"
 * are calendar months; the trend and Poisson rules use complete months only, ending with the month before
 * the current one.
 *
 * <p><b>Observed months.</b> The month-based rules count only the months in which a unit or zone existed and
 * was observed, never the months before its data began as months with nothing found (a unit whose first
 * hidden dangers all fall in the last month would otherwise look improbably busy). A unit or zone is
 * observed from the month of its first record (a hidden danger of it or of its sub-units, withdrawn ones
 * included; one reported before the window makes the whole window observed), or from the day the host
 * names in {@link #withObservedSince(Map)} when that is earlier. The trend needs at least 3 observed months
 * in its window and the Poisson rule at least {@value #MIN_OBSERVED_HISTORY} observed months of history (or
 * all of {@link WarningSettings#poissonHistory()} when that is shorter); the figures {@code periods} and
 * {@code historyMonths} give the months actually used.
 *
 * <p>Hidden dangers and tasks are read once each, one element at a time; memory is
 * O(units × months + zones × months + hidden dangers in the windows), never the whole input. At most
 * {@value #MAX_RECORDS} records are listed per warning; the figure {@code records} always gives the full
 * count.
 *
 * <p>Warnings come in a stable order: by rule (in {@link WarningRule} order), then by subject.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @since 0.1
 */
public final class EarlyWarning {
    /** Most records listed in one warning. */
    public static final int MAX_RECORDS = 1000;
    /** Fewest observed months of history the {@code improbable-count} rule tests against. */
    public static final int MIN_OBSERVED_HISTORY = 3;
    private static final int MIN_TREND_MONTHS = 3;

    private final Organization organization;
    private final Clock clock;
    private final ZoneId zone;
    private final WarningSettings settings;
    private final Map<OrgUnitId, LocalDate> observedSince;

    private EarlyWarning(Organization organization, Clock clock, ZoneId zone, WarningSettings settings,
            Map<OrgUnitId, LocalDate> observedSince) {
        this.organization = Objects.requireNonNull(organization, "organization");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.observedSince = observedSince;
    }

    /**
     * An early-warning evaluator.
     *
     * @param organization the organisation (trends are per unit with its sub-units)
     * @param clock the clock (now)
     * @param zone the organisation's time zone (today, months)
     * @param settings the rules' parameters
     * @return the evaluator
     */
    public static EarlyWarning of(Organization organization, Clock clock, ZoneId zone, WarningSettings settings) {
        return new EarlyWarning(organization, clock, zone, settings, Map.of());
    }

    /**
     * A copy that knows from which day units were observed: the day the unit was set up, or the day its
     * hidden dangers began to be recorded (for example when the system went live), whichever is later.
     * From that month on a month without hidden dangers counts as a month with none; before it, months
     * are not counted at all. A day other than the first of its month starts the observation with the next
     * month. Units not named here are observed from their first record (see the class comment).
     *
     * @param since the first observed day per unit; replaces any map given before
     * @return the copy
     * @throws IllegalArgumentException if a unit is not in the organisation
     */
    public EarlyWarning withObservedSince(Map<OrgUnitId, LocalDate> since) {
        Objects.requireNonNull(since, "since");
        for (Map.Entry<OrgUnitId, LocalDate> e : since.entrySet()) {
            Objects.requireNonNull(e.getValue(), "since day of unit [" + e.getKey() + "]");
            if (!organization.contains(e.getKey())) {
                throw new IllegalArgumentException("observedSince unit [" + e.getKey()
                        + "] is not in the organisation; allowed: the ids of its units");
            }
        }
        return new EarlyWarning(organization, clock, zone, settings, Map.copyOf(since));
    }

    /** @return the rules' parameters */
    public WarningSettings settings() {
        return settings;
    }

    /**
     * Every rule at once.
     *
     * @param map the current risk map (for {@link WarningRule#EFFECTIVE_LEVEL_RISE})
     * @param dangers hidden dangers, read once
     * @param tasks inspection tasks, read once
     * @return the warnings, by rule then subject
     */
    public List<Warning> evaluate(RiskMap map, Iterable<HiddenDangerFact> dangers, Iterable<InspectionTaskFact> tasks) {
        // every rule as of one reading of the clock (OneInstantPerCallTest): "today" of the hidden-danger rules and
        // "now" of the missed inspections must not straddle midnight
        EarlyWarning at = new EarlyWarning(organization, Clock.fixed(clock.instant(), zone), zone, settings,
                observedSince);
        List<Warning> out = new ArrayList<>(at.effectiveLevelRises(map));
        out.addAll(at.fromDangers(dangers));
        out.addAll(at.missedInspections(tasks));
        out.sort((a, b) -> a.rule().compareTo(b.rule()));
        return List.copyOf(out);
    }

    /**
     * Rule {@link WarningRule#EFFECTIVE_LEVEL_RISE}.
     *
     * @param map the risk map
     * @return one warning per raised risk point
     */
    public List<Warning> effectiveLevelRises(RiskMap map) {
        Objects.requireNonNull(map, "map");
        List<Warning> out = new ArrayList<>();
        for (PointStatus p : map.points()) {
            if (!p.isRaised()) {
                continue;
            }
            List<RecordRef> records = new ArrayList<>();
            StringBuilder why = new StringBuilder();
            for (EffectiveLevel.Reason r : p.reasons()) {
                records.add(RecordRef.of(RecordRef.HIDDEN_DANGER, r.danger().value()));
                why.append(why.length() == 0 ? "" : "; ").append(r.rule()).append(" [").append(r.danger()).append(']');
            }
            Map<String, BigDecimal> fig = new LinkedHashMap<>();
            fig.put("assessedSeverity", BigDecimal.valueOf(p.assessed().get().severity()));
            fig.put("effectiveSeverity", BigDecimal.valueOf(p.effective().get().severity()));
            fig.put("records", BigDecimal.valueOf(records.size()));
            out.add(new Warning(WarningRule.EFFECTIVE_LEVEL_RISE, RecordRef.of(RecordRef.RISK_POINT, p.id().value()),
                    "Risk point [" + p.id() + "] is raised from " + p.assessed().get() + " to " + p.effective().get()
                            + " on " + map.date() + " by: " + why,
                    fig, records));
        }
        return List.copyOf(out);
    }

    /**
     * Rule {@link WarningRule#EFFECTIVE_LEVEL_RISE} for one change event, as a host's listener receives it
     * when the level changes: a warning when the level rose, nothing when it fell.
     *
     * @param event the change
     * @return the warning, or empty when the effective level went down
     */
    public Optional<Warning> effectiveLevelRise(EffectiveLevelChanged event) {
        Objects.requireNonNull(event, "event");
        EffectiveLevel to = event.to();
        if (!to.effective().isMoreSevereThan(event.from())) {
            return Optional.empty();
        }
        List<RecordRef> records = new ArrayList<>();
        StringBuilder why = new StringBuilder();
        for (EffectiveLevel.Reason r : to.reasons()) {
            records.add(RecordRef.of(RecordRef.HIDDEN_DANGER, r.danger().value()));
            why.append(why.length() == 0 ? "" : "; ").append(r.rule()).append(" [").append(r.danger()).append(']');
        }
        Map<String, BigDecimal> fig = new LinkedHashMap<>();
        fig.put("assessedSeverity", BigDecimal.valueOf(to.assessed().severity()));
        fig.put("previousSeverity", BigDecimal.valueOf(event.from().severity()));
        fig.put("effectiveSeverity", BigDecimal.valueOf(to.effective().severity()));
        fig.put("records", BigDecimal.valueOf(records.size()));
        return Optional.of(new Warning(WarningRule.EFFECTIVE_LEVEL_RISE,
                RecordRef.of(RecordRef.RISK_POINT, event.riskPoint().value()), "Risk point [" + event.riskPoint()
                        + "] rose from " + event.from() + " to " + to.effective() + " at " + event.at() + " by: " + why,
                fig, records));
    }

    /**
     * Rule {@link WarningRule#INSPECTION_MISSED}.
     *
     * @param tasks inspection tasks, read once
     * @return one warning per unit with missed tasks, by unit id
     */
    public List<Warning> missedInspections(Iterable<InspectionTaskFact> tasks) {
        Objects.requireNonNull(tasks, "tasks");
        Instant now = clock.instant();
        Instant from = now.minus(settings.missedLookbackDays(), ChronoUnit.DAYS);
        Map<OrgUnitId, List<RecordRef>> missed = new TreeMap<>();
        Map<OrgUnitId, long[]> counts = new HashMap<>();
        for (InspectionTaskFact t : tasks) {
            if (t.dueAt().isBefore(from) || !t.dueAt().isBefore(now)) {
                continue;
            }
            long[] c = counts.computeIfAbsent(t.unit(), k -> new long[2]);
            c[1]++;
            if (!t.isOnTime()) {
                c[0]++;
                List<RecordRef> l = missed.computeIfAbsent(t.unit(), k -> new ArrayList<>());
                if (l.size() < MAX_RECORDS) {
                    l.add(RecordRef.of(RecordRef.INSPECTION_TASK, t.id()));
                }
            }
        }
        List<Warning> out = new ArrayList<>();
        missed.forEach((unit, records) -> {
            long[] c = Checks.present(counts.get(unit), "counts of " + unit);
            Map<String, BigDecimal> fig = new LinkedHashMap<>();
            fig.put("missed", BigDecimal.valueOf(c[0]));
            fig.put("due", BigDecimal.valueOf(c[1]));
            fig.put("lookbackDays", BigDecimal.valueOf(settings.missedLookbackDays()));
            fig.put("records", BigDecimal.valueOf(c[0]));
            out.add(new Warning(WarningRule.INSPECTION_MISSED, RecordRef.of(RecordRef.ORG_UNIT, unit.value()),
                    "Unit [" + unit + "] missed " + c[0] + " of " + c[1] + " inspection tasks due in the last "
                            + days(settings.missedLookbackDays()),
                    fig, records));
        });
        return List.copyOf(out);
    }

    /**
     * The rules over hidden dangers, in one pass: {@link WarningRule#HIDDEN_DANGER_OVERDUE},
     * {@link WarningRule#HIDDEN_DANGER_DUE_SOON}, {@link WarningRule#RISING_TREND},
     * {@link WarningRule#IMPROBABLE_COUNT} and {@link WarningRule#REPEATED_HIDDEN_DANGER}.
     *
     * @param dangers hidden dangers, read once
     * @return the warnings, by rule then subject
     */
    public List<Warning> fromDangers(Iterable<HiddenDangerFact> dangers) {
        Objects.requireNonNull(dangers, "dangers");
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        YearMonth lastMonth = YearMonth.from(today).minusMonths(1);
        int months = Math.max(settings.trendPeriods(), settings.poissonHistory() + 1);
        YearMonth firstMonth = lastMonth.minusMonths(months - 1L);
        LocalDate repeatFrom = today.minusDays(settings.repeatWindowDays() - 1L);

        Map<OrgUnitId, Series> unitSeries = new LinkedHashMap<>();
        Map<OrgUnitId, List<Series>> chains = new HashMap<>();
        for (OrgUnit u : organization.units()) {
            unitSeries.put(u.id(), new Series(months));
        }
        for (OrgUnit u : organization.units()) {
            List<Series> chain = new ArrayList<>();
            for (OrgUnit a : organization.selfAndAncestors(u.id())) {
                chain.add(unitSeries.get(a.id()));
            }
            chains.put(u.id(), chain);
        }
        Map<MapZoneId, Series> zoneSeries = new TreeMap<>();
        Map<RiskPointId, List<RecordRef>> byPoint = new TreeMap<>();
        Map<ControlMeasureId, List<RecordRef>> byMeasure = new TreeMap<>();
        List<Warning> overdue = new ArrayList<>();
        List<Warning> dueSoon = new ArrayList<>();

        for (OrgUnit u : organization.units()) {
            LocalDate since = observedSince.get(u.id());
            if (since != null) {
                YearMonth from = since.getDayOfMonth() == 1 ? YearMonth.from(since) : YearMonth.from(since).plusMonths(1);
                if (!from.isAfter(lastMonth)) {
                    Checks.present(unitSeries.get(u.id()), "series of " + u.id()).observe(Math.max(0, (int) firstMonth.until(from, ChronoUnit.MONTHS)));
                }
            }
        }

        for (HiddenDangerFact d : dangers) {
            YearMonth reported = YearMonth.from(d.reportedOn());
            if (!reported.isAfter(lastMonth)) {
                int idx = reported.isBefore(firstMonth) ? 0 : (int) firstMonth.until(reported, ChronoUnit.MONTHS);
                for (Series s : chains.getOrDefault(d.unit(), List.of())) {
                    s.observe(idx);
                }
                if (d.zone().isPresent()) {
                    zoneSeries.computeIfAbsent(d.zone().get(), k -> new Series(months)).observe(idx);
                }
            }
            if (d.withdrawn()) {
                continue;
            }
            RecordRef ref = RecordRef.of(RecordRef.HIDDEN_DANGER, d.id());
            if (d.isOverdueOn(today)) {
                long days = d.daysOverdueOn(today);
                Map<String, BigDecimal> fig = new LinkedHashMap<>();
                fig.put("daysOverdue", BigDecimal.valueOf(days));
                overdue.add(new Warning(WarningRule.HIDDEN_DANGER_OVERDUE, ref, "Hidden danger [" + d.id() + "] of unit ["
                        + d.unit() + "] is " + days(days) + " past its deadline " + d.deadline().get(), fig, List.of(ref)));
            } else if (d.isOpenOn(today) && d.deadline().isPresent()) {
                long left = ChronoUnit.DAYS.between(today, d.deadline().get());
                if (left >= 0 && left <= settings.dueSoonDays()) {
                    Map<String, BigDecimal> fig = new LinkedHashMap<>();
                    fig.put("daysLeft", BigDecimal.valueOf(left));
                    fig.put("dueSoonDays", BigDecimal.valueOf(settings.dueSoonDays()));
                    dueSoon.add(new Warning(WarningRule.HIDDEN_DANGER_DUE_SOON, ref, "Hidden danger [" + d.id()
                            + "] of unit [" + d.unit() + "] is due on " + d.deadline().get() + ", in " + days(left),
                            fig, List.of(ref)));
                }
            }
            YearMonth m = YearMonth.from(d.reportedOn());
            if (!m.isBefore(firstMonth) && !m.isAfter(lastMonth)) {
                int idx = (int) firstMonth.until(m, ChronoUnit.MONTHS);
                for (Series s : chains.getOrDefault(d.unit(), List.of())) {
                    s.add(idx, ref);
                }
                if (d.zone().isPresent()) {
                    zoneSeries.computeIfAbsent(d.zone().get(), k -> new Series(months)).add(idx, ref);
                }
            }
            if (!d.reportedOn().isBefore(repeatFrom) && !d.reportedOn().isAfter(today)) {
                d.riskPoint().ifPresent(p -> byPoint.computeIfAbsent(p, k -> new ArrayList<>()).add(ref));
                d.measure().ifPresent(p -> byMeasure.computeIfAbsent(p, k -> new ArrayList<>()).add(ref));
            }
        }

        List<Warning> out = new ArrayList<>();
        overdue.sort((a, b) -> a.subject().id().compareTo(b.subject().id()));
        dueSoon.sort((a, b) -> a.subject().id().compareTo(b.subject().id()));
        out.addAll(overdue);
        out.addAll(dueSoon);
        List<Warning> trends = new ArrayList<>();
        List<Warning> poisson = new ArrayList<>();
        unitSeries.forEach((id, s) -> test(RecordRef.of(RecordRef.ORG_UNIT, id.value()), s, firstMonth, trends, poisson));
        zoneSeries.forEach((id, s) -> test(RecordRef.of(RecordRef.MAP_ZONE, id.value()), s, firstMonth, trends, poisson));
        out.addAll(trends);
        out.addAll(poisson);
        byPoint.forEach((id, refs) -> repeat(out, RecordRef.of(RecordRef.RISK_POINT, id.value()), "risk point", refs));
        byMeasure.forEach((id, refs) -> repeat(out, RecordRef.of(RecordRef.CONTROL_MEASURE, id.value()),
                "control measure", refs));
        return List.copyOf(out);
    }

    private void repeat(List<Warning> out, RecordRef subject, String what, List<RecordRef> refs) {
        if (refs.size() < settings.repeatThreshold()) {
            return;
        }
        Map<String, BigDecimal> fig = new LinkedHashMap<>();
        fig.put("count", BigDecimal.valueOf(refs.size()));
        fig.put("threshold", BigDecimal.valueOf(settings.repeatThreshold()));
        fig.put("windowDays", BigDecimal.valueOf(settings.repeatWindowDays()));
        fig.put("records", BigDecimal.valueOf(refs.size()));
        out.add(new Warning(WarningRule.REPEATED_HIDDEN_DANGER, subject, refs.size() + " hidden dangers at " + what + " ["
                + subject.id() + "] in the last " + days(settings.repeatWindowDays()) + " (threshold "
                + settings.repeatThreshold() + "): its control is failing",
                fig, refs.subList(0, Math.min(refs.size(), MAX_RECORDS))));
    }

    private void test(RecordRef subject, Series s, YearMonth firstMonth, List<Warning> trends, List<Warning> poisson) {
        int months = s.counts.length;
        // rising trend over the observed months among the last trendPeriods months
        int from = Math.max(months - settings.trendPeriods(), s.observedFrom);
        int k = months - from;
        if (k >= MIN_TREND_MONTHS) {
            long[] window = new long[k];
            System.arraycopy(s.counts, from, window, 0, k);
            long total = 0;
            for (long c : window) {
                total += c;
            }
            if (total > 0 && total >= settings.trendMinTotal()) {
                StatisticalTests.Trend t = StatisticalTests.trend(window);
                if (t.slope > 0 && t.pValue < settings.trendAlpha()) {
                    Map<String, BigDecimal> fig = new LinkedHashMap<>();
                    fig.put("slope", decimal(t.slope));
                    fig.put("pValue", decimal(t.pValue));
                    fig.put("alpha", decimal(settings.trendAlpha()));
                    fig.put("periods", BigDecimal.valueOf(k));
                    for (int i = 0; i < k; i++) {
                        fig.put(firstMonth.plusMonths((long) from + i).toString(), BigDecimal.valueOf(window[i]));
                    }
                    List<RecordRef> refs = s.refs(from);
                    fig.put("records", BigDecimal.valueOf(total));
                    trends.add(new Warning(WarningRule.RISING_TREND, subject, String.format(Locale.ROOT,
                            "Hidden dangers of %s [%s] rise by %.3f per month over the %d months %s to %s (p = %.4f < %s)",
                            subject.kind(), subject.id(), t.slope, k, firstMonth.plusMonths(from),
                            firstMonth.plusMonths(months - 1L), t.pValue, settings.trendAlpha()), fig, refs));
                }
            }
        }
        // improbable count in the last month against the observed history before it
        int h = settings.poissonHistory();
        int historyFrom = Math.max(months - 1 - h, s.observedFrom);
        int observedHistory = months - 1 - historyFrom;
        long observed = s.counts[months - 1];
        if (observed >= settings.poissonMinCount() && observedHistory >= Math.min(MIN_OBSERVED_HISTORY, h)) {
            long sum = 0;
            for (int i = historyFrom; i < months - 1; i++) {
                sum += s.counts[i];
            }
            double mean = (double) sum / observedHistory;
            double p = StatisticalTests.poissonUpperTail(mean, observed);
            if (p < settings.poissonAlpha()) {
                Map<String, BigDecimal> fig = new LinkedHashMap<>();
                fig.put("observed", BigDecimal.valueOf(observed));
                fig.put("mean", decimal(mean));
                fig.put("pValue", decimal(p));
                fig.put("alpha", decimal(settings.poissonAlpha()));
                fig.put("historyMonths", BigDecimal.valueOf(observedHistory));
                fig.put("records", BigDecimal.valueOf(observed));
                poisson.add(new Warning(WarningRule.IMPROBABLE_COUNT, subject, String.format(Locale.ROOT,
                        "%d hidden dangers of %s [%s] in %s are improbably many against a mean of %.3f over the %d"
                                + " observed months before (P(X >= %d) = %.3g < %s)",
                        observed, subject.kind(), subject.id(), firstMonth.plusMonths(months - 1L), mean,
                        observedHistory, observed, p, settings.poissonAlpha()), fig, s.refs(months - 1)));
            }
        }
    }

    /** @return "1 day" or "n days" */
    private static String days(long n) {
        return n == 1 ? "1 day" : n + " days";
    }

    private static BigDecimal decimal(double v) {
        return new BigDecimal(v, MathContext.DECIMAL64).stripTrailingZeros();
    }

    /** Monthly counts of one subject, with the records of the window (capped). */
    private static final class Series {
        final long[] counts;
        final List<List<RecordRef>> refs;
        /** Index of the first observed month; {@code counts.length} while nothing was observed. */
        int observedFrom;

        Series(int months) {
            observedFrom = months;
            counts = new long[months];
            refs = new ArrayList<>(months);
            for (int i = 0; i < months; i++) {
                refs.add(null);
            }
        }

        void observe(int idx) {
            observedFrom = Math.min(observedFrom, idx);
        }

        void add(int idx, RecordRef ref) {
            counts[idx]++;
            List<RecordRef> l = refs.get(idx);
            if (l == null) {
                l = new ArrayList<>();
                refs.set(idx, l);
            }
            if (l.size() < MAX_RECORDS) {
                l.add(ref);
            }
        }

        List<RecordRef> refs(int fromIdx) {
            List<RecordRef> out = new ArrayList<>();
            for (int i = fromIdx; i < counts.length && out.size() < MAX_RECORDS; i++) {
                List<RecordRef> l = refs.get(i);
                if (l != null) {
                    out.addAll(l.subList(0, Math.min(l.size(), MAX_RECORDS - out.size())));
                }
            }
            return out;
        }
    }
}
