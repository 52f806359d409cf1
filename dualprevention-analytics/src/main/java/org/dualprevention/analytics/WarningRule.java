package org.dualprevention.analytics;

/**
 * The named early-warning rules of {@link EarlyWarning}. Each warning names its rule; persist
 * {@link #code()}, never the ordinal. The parameters are those of {@link WarningSettings}.
 *
 * @since 0.1
 */
public enum WarningRule {
    /**
     * {@code effective-level-rise}: a risk point's effective level is above its assessed level
     * (DOMAIN.md §10.2: an open major hidden danger raises it to red, an open overdue general one by one
     * step). One warning per raised risk point, naming the hidden dangers that raise it.
     */
    EFFECTIVE_LEVEL_RISE("effective-level-rise"),
    /**
     * {@code hidden-danger-overdue}: an open hidden danger is past its deadline in force today. One
     * warning per hidden danger, with the deadline and the days overdue.
     */
    HIDDEN_DANGER_OVERDUE("hidden-danger-overdue"),
    /**
     * {@code hidden-danger-due-soon}: an open hidden danger's deadline is today or within the next
     * {@link WarningSettings#dueSoonDays()} days. One warning per hidden danger.
     */
    HIDDEN_DANGER_DUE_SOON("hidden-danger-due-soon"),
    /**
     * {@code inspection-missed}: inspection tasks due in the last {@link WarningSettings#missedLookbackDays()}
     * days (before now) that were not done by their due time. One warning per unit, naming the tasks.
     */
    INSPECTION_MISSED("inspection-missed"),
    /**
     * {@code rising-trend}: the monthly counts of hidden dangers reported for a unit (with sub-units) or a
     * zone over the last {@link WarningSettings#trendPeriods()} complete months rise: the ordinary least
     * squares slope of count against month is positive and its two-sided p-value (t test of slope = 0,
     * n − 2 degrees of freedom) is below {@link WarningSettings#trendAlpha()}; at least
     * {@link WarningSettings#trendMinTotal()} hidden dangers in the window.
     */
    RISING_TREND("rising-trend"),
    /**
     * {@code improbable-count}: the count of hidden dangers reported for a unit (with sub-units) or a zone in
     * the last complete month is improbably high against its own history: with λ the mean monthly count of
     * the {@link WarningSettings#poissonHistory()} months before it, P(X ≥ observed) for X ~ Poisson(λ) is
     * below {@link WarningSettings#poissonAlpha()}, and the count is at least
     * {@link WarningSettings#poissonMinCount()}. With λ = 0, P(X ≥ k) is 0 for every k ≥ 1.
     */
    IMPROBABLE_COUNT("improbable-count"),
    /**
     * {@code repeated-hidden-danger}: at least {@link WarningSettings#repeatThreshold()} hidden dangers (not
     * withdrawn) reported at the same risk point, or naming the same failed control measure, in the last
     * {@link WarningSettings#repeatWindowDays()} days: the control is failing.
     */
    REPEATED_HIDDEN_DANGER("repeated-hidden-danger");

    private final String code;

    WarningRule(String code) {
        this.code = code;
    }

    /** @return the stable code */
    public String code() {
        return code;
    }

    /**
     * The rule's name for people, e.g. "隐患逾期未整改"; Chinese for a locale whose language is {@code zh},
     * English otherwise.
     *
     * @param locale the locale
     * @return the name
     */
    public String displayName(java.util.Locale locale) {
        return AnalyticsLabels.get("WarningRule." + code, locale);
    }
}
