package org.dualprevention.analytics;

import static org.dualprevention.analytics.Checks.checkArgument;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A period of statistics: the days from {@link #start()} (inclusive) to {@link #end()} (exclusive),
 * in the organisation's time zone, with a kind (month, quarter, year or custom).
 *
 * <p>Quarters and years carry the national reporting deadline of 国家安监总局令第16号 Art. 14
 * (DOMAIN.md §5.2): the quarterly statistics table is due by the 15th of the first month of the next
 * quarter, the yearly one by 31 January of the next year. The deadline day itself is still in time.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param kind month, quarter, year or custom
 * @param start the first day
 * @param end the day after the last day
 * @since 0.1
 */
public record ReportingPeriod(ReportingPeriod.Kind kind, LocalDate start, LocalDate end) {
    /** The kind of a period. */
    public enum Kind {
        /** A calendar month. */
        MONTH,
        /** A calendar quarter (Q1 = January to March). */
        QUARTER,
        /** A calendar year. */
        YEAR,
        /** Any other range of days. */
        CUSTOM
    }

    /** Validates the range. */
    public ReportingPeriod {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        checkArgument(start.isBefore(end), "ReportingPeriod start [%s] must be before end [%s]", start, end);
    }

    /**
     * A calendar month.
     *
     * @param month the month
     * @return the period
     */
    public static ReportingPeriod month(YearMonth month) {
        return new ReportingPeriod(Kind.MONTH, month.atDay(1), month.plusMonths(1).atDay(1));
    }

    /**
     * A calendar quarter.
     *
     * @param year the year
     * @param quarter 1 to 4
     * @return the period
     */
    public static ReportingPeriod quarter(int year, int quarter) {
        checkArgument(quarter >= 1 && quarter <= 4, "quarter [%s] is not allowed; allowed: 1 to 4", quarter);
        LocalDate start = LocalDate.of(year, Month.of(3 * quarter - 2), 1);
        return new ReportingPeriod(Kind.QUARTER, start, start.plusMonths(3));
    }

    /**
     * The quarter that contains a day.
     *
     * @param day the day
     * @return the period
     */
    public static ReportingPeriod quarterOf(LocalDate day) {
        return quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    /**
     * A calendar year.
     *
     * @param year the year
     * @return the period
     */
    public static ReportingPeriod year(int year) {
        return new ReportingPeriod(Kind.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
    }

    /**
     * Any range of days.
     *
     * @param start first day
     * @param endExclusive the day after the last day
     * @return the period
     */
    public static ReportingPeriod of(LocalDate start, LocalDate endExclusive) {
        return new ReportingPeriod(Kind.CUSTOM, start, endExclusive);
    }

    /** @return the last day of the period */
    public LocalDate lastDay() {
        return end.minusDays(1);
    }

    /**
     * Whether a day lies in the period.
     *
     * @param day the day
     * @return true if {@code start <= day < end}
     */
    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && day.isBefore(end);
    }

    /**
     * The first instant of the period in a time zone.
     *
     * @param zone the organisation's zone
     * @return the instant the first day starts
     */
    public Instant startInstant(ZoneId zone) {
        return start.atStartOfDay(zone).toInstant();
    }

    /**
     * The instant the period ends (exclusive) in a time zone.
     *
     * @param zone the organisation's zone
     * @return the instant the day after the last day starts
     */
    public Instant endInstant(ZoneId zone) {
        return end.atStartOfDay(zone).toInstant();
    }

    /**
     * The national reporting deadline of the statistics table for this period (16号令 Art. 14): the
     * 15th of the month after a quarter, 31 January after a year.
     *
     * @return the last day on which the table is in time; empty for months and custom periods
     */
    public Optional<LocalDate> reportingDeadline() {
        switch (kind) {
            case QUARTER:
                return Optional.of(end.withDayOfMonth(15));
            case YEAR:
                return Optional.of(LocalDate.of(end.getYear(), 1, 31));
            default:
                return Optional.empty();
        }
    }

    /** Renders as {@code 2026-Q1}, {@code 2026}, {@code 2026-03} or {@code 2026-03-01..2026-03-15}. */
    @Override
    public String toString() {
        switch (kind) {
            case QUARTER:
                return start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
            case YEAR:
                return Integer.toString(start.getYear());
            case MONTH:
                return YearMonth.from(start).toString();
            default:
                return start + ".." + lastDay();
        }
    }
}
