/**
 * Analytics over both firewalls: the four-colour risk map (风险四色分布图) as data and as SVG, the
 * statistics of hidden-danger investigation and governance (隐患排查治理) with their rates, early
 * warnings (预警) with named rules, and composite assessment by the analytic hierarchy process (AHP,
 * 层次分析法) and the enterprise 4×4 zone matrix.
 *
 * <h2>Entry points</h2>
 * <ul>
 *   <li>{@link org.dualprevention.analytics.RiskMap} (data) and
 *       {@link org.dualprevention.analytics.SvgRiskMapRenderer} (a standalone SVG document).</li>
 *   <li>{@link org.dualprevention.analytics.Statistics}: {@link org.dualprevention.analytics.UnitStatistics}
 *       per unit (with sub-units) and {@link org.dualprevention.analytics.ReportingPeriod}, and the quarterly
 *       or yearly {@link org.dualprevention.analytics.PeriodReport} with the deadline of 16号令 Art. 14.
 *       Every rate is a {@link org.dualprevention.analytics.Rate}: numerator, denominator and an exact ratio,
 *       "not applicable" when the denominator is 0.</li>
 *   <li>{@link org.dualprevention.analytics.EarlyWarning} with the rules of
 *       {@link org.dualprevention.analytics.WarningRule} and the parameters of
 *       {@link org.dualprevention.analytics.WarningSettings}.</li>
 *   <li>{@link org.dualprevention.analytics.PairwiseComparisons} and
 *       {@link org.dualprevention.analytics.AhpMethod}; {@link org.dualprevention.analytics.EnterpriseZoneMatrix}.</li>
 *   <li>{@link org.dualprevention.analytics.StorageAnalytics}: all of the above straight from a
 *       {@link org.dualprevention.spi.Storage}, paging through its queries.</li>
 * </ul>
 *
 * <h2>Streaming</h2>
 * Statistics and warnings read {@link org.dualprevention.analytics.HiddenDangerFact} and
 * {@link org.dualprevention.analytics.InspectionTaskFact} iterables once, one element at a time, in one
 * pass: O(records × depth of the organisation) time, memory independent of the number of records (except
 * the warnings produced). {@link org.dualprevention.analytics.HiddenDangerFact#project} turns stored hidden
 * dangers into facts lazily.
 *
 * <p>Commons Math is used inside for statistics (OLS regression, Poisson tail) and the AHP eigenvector,
 * never for grading arithmetic; no Commons Math type appears in a public signature. Collections returned
 * are never {@code null} and are immutable.
 *
 * @since 0.1
 */
@NullMarked
package org.dualprevention.analytics;

import org.jspecify.annotations.NullMarked;
