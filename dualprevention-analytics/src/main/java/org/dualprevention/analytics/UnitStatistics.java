package org.dualprevention.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.HazardCategory;

/**
 * The statistics of DOMAIN.md §5.4 and §10.3 for one organisation unit, with its sub-units, over one
 * {@link ReportingPeriod}, as of a day.
 *
 * <h2>Definitions</h2>
 * The <em>as-of day</em> is the earlier of today (from the clock, in the organisation's zone) and the
 * period's last day; states are taken as they were on that day. Hidden dangers <em>found</em> are
 * those reported in the period and not withdrawn.
 * <ul>
 *   <li>{@link #rectification()} 整改率 = found ones rectified by the as-of day (rectification submitted
 *       or done on the spot; closed ones count) ÷ found; {@link #rectificationByGrade()} per grade code.</li>
 *   <li>{@link #closedLoop()} 闭环率 (销号率) = found ones closed after acceptance by the as-of day ÷ found.</li>
 *   <li>{@link #firstPassAcceptance()} = of those closed, the ones never rejected at acceptance ÷ those closed.</li>
 *   <li>{@link #onTimeRectification()} 按期整改率 = hidden dangers (reported at any time, not withdrawn)
 *       whose deadline in force lies in the period and has passed by the as-of day, or that were closed
 *       by then: closed on or before the deadline ÷ all of them.</li>
 *   <li>{@link #overdueOpen()}: open on the as-of day and past their deadline, whenever reported.</li>
 *   <li>{@link #meanDaysToClose()}: mean of (closed − reported) in days over those closed in the period,
 *       rounded half-up to two decimals; empty when none closed.</li>
 *   <li>Inspection tasks <em>due</em> are those whose due time lies in the period and before the as-of
 *       instant (the earlier of now and the period's end). {@link #inspectionCompletion()} 排查完成率 =
 *       done by the as-of instant ÷ due; {@link #onTimeInspection()} = done by their due time ÷ due;
 *       {@link #itemConformity()} 符合率 = items passed ÷ items checked over the done ones;
 *       {@link #planExecution()} 排查计划执行率 = the completion rate per inspection plan.</li>
 * </ul>
 * Every rate with a zero denominator is not applicable ({@link Rate#ratio()} empty). Counts by accident
 * type count a hidden danger once under each of its types, so they may sum to more than
 * {@link #found()}. Counts by hazard category use the two-digit class of GB/T 13861. Counts by control
 * level use the level of the failed control measure, or else the level of the responsible unit.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @since 0.1
 */
public final class UnitStatistics {
    private final OrgUnitId unit;
    private final ReportingPeriod period;
    private final LocalDate asOf;
    private final long found;
    private final long withdrawn;
    private final long majorFound;
    private final long majorPlanned;
    private final Rate rectification;
    private final Map<String, Rate> rectificationByGrade;
    private final Rate closedLoop;
    private final Rate firstPassAcceptance;
    private final Rate onTimeRectification;
    private final long overdueOpen;
    private final Optional<BigDecimal> meanDaysToClose;
    private final Rate inspectionCompletion;
    private final Rate onTimeInspection;
    private final Rate itemConformity;
    private final Map<String, Rate> planExecution;
    private final Map<String, Long> byGrade;
    private final Map<AccidentType, Long> byAccidentType;
    private final Map<HazardCategory, Long> byHazardCategory;
    private final Map<String, Long> bySource;
    private final Map<ControlLevel, Long> byControlLevel;

    UnitStatistics(OrgUnitId unit, ReportingPeriod period, LocalDate asOf, long found, long withdrawn, long majorFound,
            long majorPlanned, Rate rectification, Map<String, Rate> rectificationByGrade, Rate closedLoop,
            Rate firstPassAcceptance, Rate onTimeRectification, long overdueOpen, Optional<BigDecimal> meanDaysToClose,
            Rate inspectionCompletion, Rate onTimeInspection, Rate itemConformity, Map<String, Rate> planExecution,
            Map<String, Long> byGrade, Map<AccidentType, Long> byAccidentType,
            Map<HazardCategory, Long> byHazardCategory, Map<String, Long> bySource,
            Map<ControlLevel, Long> byControlLevel) {
        this.unit = unit;
        this.period = period;
        this.asOf = asOf;
        this.found = found;
        this.withdrawn = withdrawn;
        this.majorFound = majorFound;
        this.majorPlanned = majorPlanned;
        this.rectification = rectification;
        this.rectificationByGrade = Map.copyOf(rectificationByGrade);
        this.closedLoop = closedLoop;
        this.firstPassAcceptance = firstPassAcceptance;
        this.onTimeRectification = onTimeRectification;
        this.overdueOpen = overdueOpen;
        this.meanDaysToClose = meanDaysToClose;
        this.inspectionCompletion = inspectionCompletion;
        this.onTimeInspection = onTimeInspection;
        this.itemConformity = itemConformity;
        this.planExecution = Map.copyOf(planExecution);
        this.byGrade = Map.copyOf(byGrade);
        this.byAccidentType = Map.copyOf(byAccidentType);
        this.byHazardCategory = Map.copyOf(byHazardCategory);
        this.bySource = Map.copyOf(bySource);
        this.byControlLevel = Map.copyOf(byControlLevel);
    }

    /** @return the unit (its sub-units are included) */
    public OrgUnitId unit() {
        return unit;
    }

    /** @return the period */
    public ReportingPeriod period() {
        return period;
    }

    /** @return the as-of day */
    public LocalDate asOf() {
        return asOf;
    }

    /** @return hidden dangers reported in the period and not withdrawn (排查出隐患总数) */
    public long found() {
        return found;
    }

    /** @return hidden dangers reported in the period and withdrawn as not hidden dangers */
    public long withdrawn() {
        return withdrawn;
    }

    /** @return major hidden dangers found */
    public long majorFound() {
        return majorFound;
    }

    /** @return major hidden dangers found that have a rectification plan (列入治理计划数) */
    public long majorPlanned() {
        return majorPlanned;
    }

    /** @return 整改率 */
    public Rate rectification() {
        return rectification;
    }

    /** @return 整改率 per grade code; a grade with no hidden danger found is absent */
    public Map<String, Rate> rectificationByGrade() {
        return rectificationByGrade;
    }

    /**
     * The rectification rate of one grade.
     *
     * @param grade a grade code
     * @return the rate, 0/0 (not applicable) when none of that grade was found
     */
    public Rate rectificationOf(String grade) {
        return rectificationByGrade.getOrDefault(grade, Rate.of(0, 0));
    }

    /** @return 闭环率 (销号率) */
    public Rate closedLoop() {
        return closedLoop;
    }

    /** @return first-pass acceptance rate */
    public Rate firstPassAcceptance() {
        return firstPassAcceptance;
    }

    /** @return 按期整改率 */
    public Rate onTimeRectification() {
        return onTimeRectification;
    }

    /** @return open hidden dangers past their deadline on the as-of day */
    public long overdueOpen() {
        return overdueOpen;
    }

    /** @return mean days from report to close of those closed in the period; empty when none */
    public Optional<BigDecimal> meanDaysToClose() {
        return meanDaysToClose;
    }

    /** @return 排查完成率 */
    public Rate inspectionCompletion() {
        return inspectionCompletion;
    }

    /** @return on-time inspection rate */
    public Rate onTimeInspection() {
        return onTimeInspection;
    }

    /** @return item conformity rate (符合率) */
    public Rate itemConformity() {
        return itemConformity;
    }

    /** @return 排查计划执行率 per inspection plan id; plans with no task due are absent */
    public Map<String, Rate> planExecution() {
        return planExecution;
    }

    /** @return hidden dangers found per grade code */
    public Map<String, Long> byGrade() {
        return byGrade;
    }

    /** @return hidden dangers found per GB 6441 accident type of the linked hazard */
    public Map<AccidentType, Long> byAccidentType() {
        return byAccidentType;
    }

    /** @return hidden dangers found per GB/T 13861 two-digit class of the linked hazard */
    public Map<HazardCategory, Long> byHazardCategory() {
        return byHazardCategory;
    }

    /** @return hidden dangers found per source code (inspection, random observation, …) */
    public Map<String, Long> bySource() {
        return bySource;
    }

    /** @return hidden dangers found per control level (of the failed measure, else of the responsible unit) */
    public Map<ControlLevel, Long> byControlLevel() {
        return byControlLevel;
    }

    @Override
    public String toString() {
        return "UnitStatistics[" + unit + " " + period + " as of " + asOf + ": found " + found + ", rectification "
                + rectification + ", closed loop " + closedLoop + ", overdue open " + overdueOpen
                + ", inspection completion " + inspectionCompletion + "]";
    }
}
