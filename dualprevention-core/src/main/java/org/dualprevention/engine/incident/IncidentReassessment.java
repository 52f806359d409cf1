package org.dualprevention.engine.incident;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.incident.Incident;
import org.dualprevention.method.DirectMethod;
import org.dualprevention.risk.Assessment;
import org.dualprevention.risk.ControlMeasure;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.RiskPointId;

/**
 * When an incident makes a hazard due for reassessment, derived from stored facts (DOMAIN.md §10.2,
 * DOMAIN.md §12): a hazard is due while an incident at its risk point <em>involves</em> it and occurred after
 * the hazard's last assessment. An incident involves a hazard when it names the hazard, names one of the
 * hazard's control measures as failed, or names neither hazards nor measures (the risk point as a whole).
 * "Last assessment" leaves out the direct determination from a major hazard installation ({@code DIRECT}
 * with only {@code MAJOR_HAZARD} changed is made by the engine, not by a person); any other assessment counts.
 *
 * <p>This is the incident half of one definition: the hidden-danger half (a verified hidden danger naming
 * one of the hazard's measures after its last assessment) is stated beside the closed loop; a hazard is due
 * when either half says so. This class is stateless and thread-safe.
 *
 * @since 0.2
 */
public final class IncidentReassessment {
    private IncidentReassessment() {
    }

    /**
     * Whether an incident involves a hazard of a risk point.
     *
     * @param incident the incident
     * @param point the risk point holding the hazard
     * @param hazard the hazard
     * @return true if the incident is at the point and names the hazard, one of its measures, or neither
     */
    public static boolean involves(Incident incident, RiskPointId point, Hazard hazard) {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(hazard, "hazard");
        if (!incident.riskPoint().equals(point)) {
            return false;
        }
        if (incident.hazards().isEmpty() && incident.failedMeasures().isEmpty()) {
            return true;
        }
        return incident.hazards().contains(hazard.id())
                || hazard.measures().stream().map(ControlMeasure::id).anyMatch(incident.failedMeasures()::contains);
    }

    /**
     * The time of a hazard's last assessment, leaving out {@code DIRECT} (direct determination), which the
     * engine itself adds for major hazard installations and so says nothing about a person's reassessment.
     *
     * @param hazard the hazard
     * @return the instant, or empty if it was never assessed
     */
    public static Optional<Instant> lastAssessed(Hazard hazard) {
        return hazard.assessments().stream().filter(a -> !a.method().equals(DirectMethod.ID))
                .map(Assessment::assessedAt).max(Comparator.naturalOrder());
    }

    /**
     * The latest incident that makes a hazard due for reassessment now.
     *
     * @param point the risk point holding the hazard
     * @param hazard the hazard
     * @param incidents the incidents recorded (any; those elsewhere are ignored)
     * @return the latest involving incident after the last assessment, or empty if the hazard is not due
     */
    public static Optional<Incident> dueBecauseOf(RiskPointId point, Hazard hazard, Collection<Incident> incidents) {
        Objects.requireNonNull(incidents, "incidents");
        Optional<Instant> last = lastAssessed(hazard);
        return incidents.stream().filter(i -> involves(i, point, hazard))
                .filter(i -> last.isEmpty() || i.occurredAt().isAfter(last.get()))
                .max(Comparator.comparing(Incident::occurredAt).thenComparing(Incident::id));
    }
}
