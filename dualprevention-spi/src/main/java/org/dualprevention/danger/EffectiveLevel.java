package org.dualprevention.danger;

import java.util.List;
import java.util.Objects;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.RiskPointId;

/**
 * The effective (dynamic) risk level of a risk point (DOMAIN.md §10.2): its assessed level, raised while
 * linked hidden dangers are open, with the reasons. It is never below the assessed level; the constructor
 * rejects such a value, so no policy can produce one.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param riskPoint the risk point
 * @param assessed the level from its assessments
 * @param effective the level in force now, at least {@code assessed}
 * @param reasons why it is raised; empty exactly when {@code effective == assessed}
 * @since 0.1
 */
public record EffectiveLevel(RiskPointId riskPoint, RiskLevel assessed, RiskLevel effective, List<Reason> reasons) {
    /** Validates and copies the components. */
    public EffectiveLevel {
        Objects.requireNonNull(riskPoint, "riskPoint");
        Objects.requireNonNull(assessed, "assessed");
        Objects.requireNonNull(effective, "effective");
        reasons = List.copyOf(reasons);
        if (assessed.isMoreSevereThan(effective)) {
            throw new IllegalArgumentException("effective level [" + effective + "] of risk point [" + riskPoint
                    + "] is below its assessed level [" + assessed + "]; allowed: " + assessed + " or above");
        }
        if (reasons.isEmpty() != (effective == assessed)) {
            throw new IllegalArgumentException("effective level [" + effective + "] of risk point [" + riskPoint
                    + "] needs reasons exactly when it differs from the assessed level [" + assessed + "]");
        }
    }

    /**
     * The assessed level, not raised.
     *
     * @param riskPoint the risk point
     * @param assessed the assessed level
     * @return the level
     */
    public static EffectiveLevel asAssessed(RiskPointId riskPoint, RiskLevel assessed) {
        return new EffectiveLevel(riskPoint, assessed, assessed, List.of());
    }

    /** @return whether the effective level is above the assessed level */
    public boolean isRaised() {
        return effective != assessed;
    }

    /**
     * One reason for a raised level.
     *
     * <p>This class is immutable and thread-safe and must be treated as a value type.
     *
     * @param danger the hidden danger that raises it
     * @param rule the rule's stable code, e.g. {@code open-major} or {@code overdue-general}
     * @param text the reason in English, e.g. "open major hidden danger [HD-7]"
     * @since 0.1
     */
    public record Reason(HiddenDangerId danger, String rule, String text) {
        /** Checks the components are present. */
        public Reason {
            Objects.requireNonNull(danger, "danger");
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(text, "text");
        }
    }
}
