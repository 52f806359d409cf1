package org.dualprevention.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.organization.OrgUnitId;

/**
 * The quarterly or yearly statistics table of hidden-danger investigation and governance
 * (隐患排查治理统计分析表) of one unit: totals, one row per direct sub-unit, and the reporting deadline.
 *
 * <p>国家安监总局令第16号 Art. 14 (DOMAIN.md §5.2) requires the table each quarter by the 15th of the
 * first month of the next quarter and each year by 31 January of the next year, signed by the principal.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param unit the reporting unit
 * @param period the quarter or year
 * @param deadline the last day on which the table is in time; empty for other periods
 * @param total the unit's statistics, sub-units included
 * @param rows one row per direct sub-unit, in the organisation's order
 * @since 0.1
 */
public record PeriodReport(OrgUnitId unit, ReportingPeriod period, Optional<LocalDate> deadline, UnitStatistics total,
        List<UnitStatistics> rows) {
    /** Validates and copies the components. */
    public PeriodReport {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(total, "total");
        rows = List.copyOf(rows);
    }

    /**
     * Whether the table is late if submitted on a day.
     *
     * @param submittedOn the day of submission
     * @return true if after the deadline; false when there is no deadline
     */
    public boolean isLateOn(LocalDate submittedOn) {
        return deadline.isPresent() && submittedOn.isAfter(deadline.get());
    }
}
