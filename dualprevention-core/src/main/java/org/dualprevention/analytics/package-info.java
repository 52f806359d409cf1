/**
 * Analytics over both firewalls: the four-colour risk map (风险四色分布图) as data and as SVG, the
 * statistics of hidden-danger investigation and governance with their rates, early warnings with named
 * rules, and composite assessment by the analytic hierarchy process (AHP) and the enterprise 4×4 zone
 * matrix.
 *
 * <p>Statistics and warnings stream over {@link org.dualprevention.analytics.HiddenDangerFact} and
 * {@link org.dualprevention.analytics.InspectionTaskFact} iterables in one pass. Commons Math is used
 * inside for statistics (regression, Poisson tail, AHP eigenvector) and never for grading arithmetic;
 * no Commons Math type appears in a public signature. Collections returned are never {@code null}
 * and are immutable.
 *
 * @since 0.1
 */
package org.dualprevention.analytics;
