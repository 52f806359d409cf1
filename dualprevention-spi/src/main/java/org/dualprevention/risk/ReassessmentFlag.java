package org.dualprevention.risk;

import java.time.Instant;
import java.util.Objects;
import org.dualprevention.internal.Checks;

/**
 * Marks a hazard for reassessment because one of its control measures was found failing (the reverse
 * check of the dual prevention mechanism). A new assessment of the hazard clears it.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param reason why, e.g. "control measure [CM-7] failed inspection"
 * @param source the record that caused it, e.g. a hidden danger's id
 * @param flaggedAt when
 * @since 0.1
 */
public record ReassessmentFlag(String reason, String source, Instant flaggedAt) {
    /** Validates the components. */
    public ReassessmentFlag {
        reason = Checks.notBlank(reason, "reason");
        source = Checks.notBlank(source, "source");
        Objects.requireNonNull(flaggedAt, "flaggedAt");
    }
}
