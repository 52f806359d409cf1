package org.dualprevention.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.risk.Assessment;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.RiskPoint;

/**
 * Decides the level of a hazard that was assessed by several methods (e.g. LEC and LS), from its
 * {@linkplain Hazard#currentAssessments() current assessments}.
 *
 * <p>The default, {@link #MOST_SEVERE}, takes the most severe level among the current assessments,
 * following the principle 从严从高 (DOMAIN.md §4.3: "风险等级判定应遵循从严从高的原则"). A hazard that was
 * never assessed has no level ({@link Optional#empty()}); it is never treated as low.
 *
 * <p>A risk point's assessed level ({@link #levelOf(RiskPoint)}) is the most severe of its hazards'
 * levels; hazards without a level are ignored, and a risk point none of whose hazards has a level has
 * no level.
 *
 * <h2>Contract</h2>
 * Implementations are stateless, thread-safe, deterministic and side-effect free. {@link #combine}
 * returns {@link Optional#empty()} for an empty list and a level for a non-empty one; it never
 * returns {@code null}. The list it receives is immutable.
 *
 * <h2>Registration</h2>
 * Not discovered: pass an instance to the engine's builder explicitly.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface LevelCombination {
    /**
     * The default rule: the most severe level among the assessments (从严从高); empty for none.
     */
    LevelCombination MOST_SEVERE = assessments -> {
        RiskLevel worst = null;
        for (Assessment a : assessments) {
            RiskLevel level = a.level();
            worst = worst == null ? level : RiskLevel.mostSevere(worst, level);
        }
        return Optional.ofNullable(worst);
    };

    /**
     * Combines the levels of the current assessments of one hazard.
     *
     * @param currentAssessments the latest assessment per method, as returned by
     *     {@link Hazard#currentAssessments()}; possibly empty
     * @return the hazard's level, empty if and only if the list is empty
     */
    Optional<RiskLevel> combine(List<Assessment> currentAssessments);

    /**
     * The level of a hazard: {@link #combine} applied to {@link Hazard#currentAssessments()}.
     *
     * @param hazard the hazard
     * @return its level, empty if it was never assessed
     */
    default Optional<RiskLevel> levelOf(Hazard hazard) {
        Objects.requireNonNull(hazard, "hazard");
        return Objects.requireNonNull(combine(hazard.currentAssessments()), "combine returned null");
    }

    /**
     * The assessed level of a risk point: the most severe of its hazards' levels.
     *
     * @param riskPoint the risk point
     * @return its level, empty if none of its hazards has a level
     */
    default Optional<RiskLevel> levelOf(RiskPoint riskPoint) {
        Objects.requireNonNull(riskPoint, "riskPoint");
        RiskLevel worst = null;
        for (Hazard h : riskPoint.hazards()) {
            Optional<RiskLevel> level = levelOf(h);
            if (level.isPresent()) {
                worst = worst == null ? level.get() : RiskLevel.mostSevere(worst, level.get());
            }
        }
        return Optional.ofNullable(worst);
    }
}
