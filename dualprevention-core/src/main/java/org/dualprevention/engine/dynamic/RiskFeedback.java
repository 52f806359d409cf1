package org.dualprevention.engine.dynamic;

import java.time.Instant;
import java.util.Objects;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerEvent;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.ReassessmentFlag;
import org.dualprevention.risk.RiskPoint;

/**
 * The reverse check of the dual prevention mechanism (DOMAIN.md §10.2): a hidden danger that names a
 * failed control measure flags that measure's hazard for reassessment; a new assessment of the hazard
 * clears the flag ({@link org.dualprevention.risk.Hazard#withAssessment}).
 *
 * <p>This class is stateless and thread-safe.
 *
 * @since 0.1
 */
public final class RiskFeedback {
    private RiskFeedback() {
    }

    /**
     * The risk point with the hazard of a hidden danger's failed control measure flagged for reassessment.
     *
     * @param point the risk point the hidden danger is linked to
     * @param danger the hidden danger
     * @param at when the flag is set
     * @return the changed risk point; {@code point} itself if the hidden danger names no failed measure
     * @throws IllegalArgumentException if the hidden danger belongs to another risk point, or its hazard or
     *     measure is not on this one
     */
    public static RiskPoint flagForReassessment(RiskPoint point, HiddenDanger danger, Instant at) {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(danger, "danger");
        Objects.requireNonNull(at, "at");
        if (danger.failedMeasure().isEmpty()) {
            return point;
        }
        if (!danger.riskPoint().orElseThrow().equals(point.id())) {
            throw new IllegalArgumentException("hidden danger [" + danger.id() + "] belongs to risk point ["
                    + danger.riskPoint().get() + "], not to [" + point.id() + "]");
        }
        return flag(point, danger.hazard().orElseThrow(), danger.failedMeasure().get(), danger.id().value(), at);
    }

    /**
     * The risk point with the hazard named by a reassessment request flagged.
     *
     * @param point the risk point named by the event
     * @param event the event
     * @return the changed risk point
     * @throws IllegalArgumentException if the event names another risk point, or a hazard or measure not on it
     */
    public static RiskPoint flagForReassessment(RiskPoint point, HiddenDangerEvent.ReassessmentRequested event) {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(event, "event");
        if (!event.riskPoint().equals(point.id())) {
            throw new IllegalArgumentException("the request names risk point [" + event.riskPoint() + "], not ["
                    + point.id() + "]");
        }
        return flag(point, event.hazard(), event.failedMeasure(), event.dangerId().value(), event.at());
    }

    private static RiskPoint flag(RiskPoint point, HazardId hazard, ControlMeasureId measure, String source,
            Instant at) {
        if (point.hazard(hazard).isEmpty()) {
            throw new IllegalArgumentException("hazard [" + hazard + "] is not on risk point [" + point.id() + "]");
        }
        if (point.hazard(hazard).get().measure(measure).isEmpty()) {
            throw new IllegalArgumentException("control measure [" + measure + "] is not on hazard [" + hazard + "]");
        }
        ReassessmentFlag flag = new ReassessmentFlag("control measure [" + measure + "] failed: hidden danger ["
                + source + "]", source, at);
        return point.withHazardChanged(hazard, h -> h.withReassessment(flag));
    }
}
