package org.dualprevention.danger;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.RiskPointId;

/**
 * The effective level of a risk point changed (DOMAIN.md §10.2: every change is an event with its
 * reason). Not a {@link HiddenDangerEvent}: it belongs to the risk point, and may also follow a new
 * assessment.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param riskPoint the risk point
 * @param at when the change was found
 * @param from the effective level before
 * @param to the effective level now, with its reasons
 * @param trigger the hidden danger whose change caused it, if one did
 * @since 0.1
 */
public record EffectiveLevelChanged(RiskPointId riskPoint, Instant at, RiskLevel from, EffectiveLevel to,
        Optional<HiddenDangerId> trigger) {
    /** Checks the components. */
    public EffectiveLevelChanged {
        Objects.requireNonNull(riskPoint, "riskPoint");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(trigger, "trigger");
        if (!to.riskPoint().equals(riskPoint)) {
            throw new IllegalArgumentException("level of [" + to.riskPoint() + "] in an event of [" + riskPoint + "]");
        }
        if (from == to.effective()) {
            throw new IllegalArgumentException("no change: effective level stays [" + from + "]");
        }
    }

    /**
     * The event for a change from one effective level to another, if they differ.
     *
     * @param before the level before
     * @param after the level now
     * @param at when
     * @param trigger the hidden danger that caused it, if any
     * @return the event, or empty when the effective level is the same
     */
    public static Optional<EffectiveLevelChanged> between(EffectiveLevel before, EffectiveLevel after, Instant at,
            Optional<HiddenDangerId> trigger) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        if (before.effective() == after.effective()) {
            return Optional.empty();
        }
        return Optional.of(new EffectiveLevelChanged(after.riskPoint(), at, before.effective(), after, trigger));
    }
}
