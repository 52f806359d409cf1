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

    /**
     * Whether a hidden danger can count in {@link #evaluate}'s result on a day. A caller that gathers the
     * hidden dangers of many risk points (a risk map) asks this once per hidden danger, while it reads it, and
     * may leave out of {@code evaluate}'s collection every one for which this returns {@code false}.
     *
     * <p>An implementation that overrides it promises that leaving out such hidden dangers (keeping the others
     * in their order) gives an equal result, reasons in the same order; it is pure, like {@code evaluate}, and
     * must not depend on the risk point. The default returns {@code true}, so a policy that does not override it
     * is given every hidden danger, as before this method existed.
     *
     * @param danger a hidden danger linked to the risk point being evaluated
     * @param today the day, in the organisation's zone
     * @return {@code false} only if {@code evaluate} gives the same result without it
     * @since 0.2
     */
    default boolean mayRaise(HiddenDanger danger, LocalDate today) {
        java.util.Objects.requireNonNull(danger, "danger");
        java.util.Objects.requireNonNull(today, "today");
        return true;
    }
}
