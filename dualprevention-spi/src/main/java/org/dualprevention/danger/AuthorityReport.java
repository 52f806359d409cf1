package org.dualprevention.danger;

import org.dualprevention.internal.Checks;

/**
 * What a unit reports to the authority about a major hidden danger (16号令 Art. 14): ① its current
 * state and cause, ② an analysis of the harm and of how hard it is to rectify, ③ the treatment plan.
 * The verify command carries it when it grades a hidden danger major; blank texts are violations at
 * {@code authorityReport.<field>}.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param statusAndCause 隐患的现状及其产生原因
 * @param harmAndDifficulty 隐患的危害程度和整改难易程度分析
 * @param treatmentPlan 隐患的治理方案
 * @since 0.1
 */
public record AuthorityReport(String statusAndCause, String harmAndDifficulty, String treatmentPlan) {
    /** Checks the components are present. */
    public AuthorityReport {
        Checks.text(statusAndCause, "statusAndCause");
        Checks.text(harmAndDifficulty, "harmAndDifficulty");
        Checks.text(treatmentPlan, "treatmentPlan");
    }
}
