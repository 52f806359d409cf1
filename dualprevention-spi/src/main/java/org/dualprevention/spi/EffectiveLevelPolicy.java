package org.dualprevention.spi;

import java.time.LocalDate;
import java.util.Collection;
import org.dualprevention.danger.EffectiveLevel;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.RiskPointId;

/**
 * Computes the effective (dynamic) risk level of a risk point from its assessed level and the hidden
 * dangers linked to it (DOMAIN.md §10.2). The default, in core, raises to major for an open major hidden
 * danger and by one step for an open overdue general one.
 *
 * <h2>Contract</h2>
 * Implementations are stateless, thread-safe, deterministic and do no I/O. They ignore hidden dangers not
 * linked to {@code riskPoint}. The result is never below {@code assessed} ({@link EffectiveLevel} rejects
 * it) and carries one reason per hidden danger that raises the level.
 *
 * <h2>Registration</h2>
 * Passed to the engine's builder explicitly.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface EffectiveLevelPolicy {
    /**
     * Computes the effective level on a day.
     *
     * @param riskPoint the risk point
     * @param assessed its assessed level (the engine's combination of its hazards' current assessments)
     * @param dangers hidden dangers, at least those linked to the risk point, open or not
     * @param today the day, in the organisation's zone
     * @return the effective level with reasons
     */
    EffectiveLevel evaluate(RiskPointId riskPoint, RiskLevel assessed, Collection<HiddenDanger> dangers, LocalDate today);
}
