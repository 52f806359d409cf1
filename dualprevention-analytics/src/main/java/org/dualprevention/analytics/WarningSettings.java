package org.dualprevention.analytics;

import static org.dualprevention.analytics.Checks.checkArgument;

/**
 * The parameters of the early-warning rules ({@link WarningRule}). {@link #defaults()} are the library's
 * own choices (no standard fixes them); change them with the {@code with…} methods.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param dueSoonDays days ahead for {@code hidden-danger-due-soon} (default 3; 0 = due today only)
 * @param missedLookbackDays days back for {@code inspection-missed} (default 7)
 * @param trendPeriods complete months in the {@code rising-trend} regression (default 6, at least 3)
 * @param trendAlpha significance level of the trend (default 0.05)
 * @param trendMinTotal fewest hidden dangers in the trend window to test at all (default 5)
 * @param poissonHistory months of history before the observed month for {@code improbable-count} (default 12)
 * @param poissonAlpha significance level of the Poisson upper tail (default 0.01)
 * @param poissonMinCount smallest observed count that can warn (default 3)
 * @param repeatThreshold hidden dangers at one risk point or measure that warn (default 3)
 * @param repeatWindowDays days back for {@code repeated-hidden-danger} (default 90)
 * @since 0.1
 */
public record WarningSettings(int dueSoonDays, int missedLookbackDays, int trendPeriods, double trendAlpha,
        int trendMinTotal, int poissonHistory, double poissonAlpha, int poissonMinCount, int repeatThreshold,
        int repeatWindowDays) {
    /** Validates the parameters. */
    public WarningSettings {
        checkArgument(dueSoonDays >= 0 && dueSoonDays <= 365, "dueSoonDays [%s] is not allowed; allowed: 0 to 365",
                dueSoonDays);
        checkArgument(missedLookbackDays >= 1 && missedLookbackDays <= 366,
                "missedLookbackDays [%s] is not allowed; allowed: 1 to 366", missedLookbackDays);
        checkArgument(trendPeriods >= 3 && trendPeriods <= 120, "trendPeriods [%s] is not allowed; allowed: 3 to 120",
                trendPeriods);
        checkArgument(trendAlpha > 0 && trendAlpha < 1, "trendAlpha [%s] is not allowed; allowed: 0 < alpha < 1",
                trendAlpha);
        checkArgument(trendMinTotal >= 0, "trendMinTotal [%s] must not be negative", trendMinTotal);
        checkArgument(poissonHistory >= 1 && poissonHistory <= 120,
                "poissonHistory [%s] is not allowed; allowed: 1 to 120", poissonHistory);
        checkArgument(poissonAlpha > 0 && poissonAlpha < 1, "poissonAlpha [%s] is not allowed; allowed: 0 < alpha < 1",
                poissonAlpha);
        checkArgument(poissonMinCount >= 1, "poissonMinCount [%s] is not allowed; allowed: 1 or more", poissonMinCount);
        checkArgument(repeatThreshold >= 2, "repeatThreshold [%s] is not allowed; allowed: 2 or more", repeatThreshold);
        checkArgument(repeatWindowDays >= 1 && repeatWindowDays <= 3660,
                "repeatWindowDays [%s] is not allowed; allowed: 1 to 3660", repeatWindowDays);
    }

    /** @return the library defaults */
    public static WarningSettings defaults() {
        return new WarningSettings(3, 7, 6, 0.05, 5, 12, 0.01, 3, 3, 90);
    }

    /**
     * A copy with another due-soon horizon.
     *
     * @param days days ahead
     * @return the copy
     */
    public WarningSettings withDueSoonDays(int days) {
        return new WarningSettings(days, missedLookbackDays, trendPeriods, trendAlpha, trendMinTotal, poissonHistory,
                poissonAlpha, poissonMinCount, repeatThreshold, repeatWindowDays);
    }

    /**
     * A copy with another look-back for missed inspections.
     *
     * @param days days back
     * @return the copy
     */
    public WarningSettings withMissedLookbackDays(int days) {
        return new WarningSettings(dueSoonDays, days, trendPeriods, trendAlpha, trendMinTotal, poissonHistory,
                poissonAlpha, poissonMinCount, repeatThreshold, repeatWindowDays);
    }

    /**
     * A copy with other trend parameters.
     *
     * @param periods complete months
     * @param alpha significance level
     * @param minTotal fewest hidden dangers in the window
     * @return the copy
     */
    public WarningSettings withTrend(int periods, double alpha, int minTotal) {
        return new WarningSettings(dueSoonDays, missedLookbackDays, periods, alpha, minTotal, poissonHistory,
                poissonAlpha, poissonMinCount, repeatThreshold, repeatWindowDays);
    }

    /**
     * A copy with other Poisson parameters.
     *
     * @param history months of history
     * @param alpha significance level
     * @param minCount smallest count that can warn
     * @return the copy
     */
    public WarningSettings withPoisson(int history, double alpha, int minCount) {
        return new WarningSettings(dueSoonDays, missedLookbackDays, trendPeriods, trendAlpha, trendMinTotal, history,
                alpha, minCount, repeatThreshold, repeatWindowDays);
    }

    /**
     * A copy with other repeat parameters.
     *
     * @param threshold hidden dangers that warn
     * @param windowDays days back
     * @return the copy
     */
    public WarningSettings withRepeat(int threshold, int windowDays) {
        return new WarningSettings(dueSoonDays, missedLookbackDays, trendPeriods, trendAlpha, trendMinTotal,
                poissonHistory, poissonAlpha, poissonMinCount, threshold, windowDays);
    }
}
