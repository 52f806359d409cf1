package org.dualprevention.incident;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.dualprevention.internal.Checks;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.RiskPointId;

/**
 * An accident or a near miss recorded against a risk point (DOMAIN.md §12): the hazards involved, the
 * control measures that failed, its GB 6441 accident type and its consequences. An incident is a fact: it is
 * recorded once and not changed. The engine checks it against the register (the hazards lie on the risk
 * point, the measures on those hazards, a near miss has no casualties) and derives an accident's grade.
 *
 * @param id the id
 * @param kind accident or near miss
 * @param riskPoint where it happened
 * @param hazards the hazards involved; empty means the risk point as a whole
 * @param failedMeasures the control measures that failed
 * @param accidentType the GB 6441 type (for a near miss: the type it would have been)
 * @param casualties the consequences; {@link Casualties#NONE} for a near miss
 * @param unit the organisation unit where it happened
 * @param occurredAt when it happened
 * @param reporter who recorded it
 * @param description what happened
 * @since 0.2
 */
public record Incident(IncidentId id, IncidentKind kind, RiskPointId riskPoint, List<HazardId> hazards,
        List<ControlMeasureId> failedMeasures, AccidentType accidentType, Casualties casualties, OrgUnitId unit,
        Instant occurredAt, ActorId reporter, String description) {
    /** Validates the components. */
    public Incident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(riskPoint, "riskPoint");
        hazards = List.copyOf(hazards);
        failedMeasures = List.copyOf(failedMeasures);
        Objects.requireNonNull(accidentType, "accidentType");
        Objects.requireNonNull(casualties, "casualties");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(reporter, "reporter");
        Checks.notBlank(description, "description");
    }

    /** @return true for a near miss */
    public boolean nearMiss() {
        return kind == IncidentKind.NEAR_MISS;
    }
}
