package org.dualprevention.lookback;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.RiskPointId;

/**
 * One look-back re-check of a closed hidden danger (DOMAIN.md §10.4): an inspection of its risk point
 * against the item that failed (its control measure), due a number of days after closing.
 *
 * @param id the hidden danger and the round
 * @param riskPoint where to check
 * @param hazard the hazard the hidden danger named, if any
 * @param failedMeasure the control measure that failed, if named: the item to check
 * @param title the hidden danger's title, to show the checker
 * @param grade the hidden danger's grade
 * @param unit the unit responsible for the hidden danger
 * @param acceptor who accepted its rectification
 * @param closedOn the day it was closed
 * @param dueOn the day the re-check is due
 * @param result the result, once recorded
 * @since 0.2
 */
public record Recheck(RecheckId id, RiskPointId riskPoint, Optional<HazardId> hazard,
        Optional<ControlMeasureId> failedMeasure, String title, HiddenDangerGrade grade, OrgUnitId unit,
        Optional<ActorId> acceptor, LocalDate closedOn, LocalDate dueOn, Optional<RecheckResult> result) {
    /** Validates the components. */
    public Recheck {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(riskPoint, "riskPoint");
        Objects.requireNonNull(hazard, "hazard");
        Objects.requireNonNull(failedMeasure, "failedMeasure");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(acceptor, "acceptor");
        Objects.requireNonNull(closedOn, "closedOn");
        Objects.requireNonNull(dueOn, "dueOn");
        Objects.requireNonNull(result, "result");
    }

    /** @return true once a result is recorded */
    public boolean done() {
        return result.isPresent();
    }

    /**
     * Whether the re-check is due and not done on a day.
     *
     * @param day the day
     * @return true if {@code dueOn <= day} and no result is recorded
     */
    public boolean dueOn(LocalDate day) {
        return !dueOn.isAfter(day) && result.isEmpty();
    }

    /**
     * A copy with a result.
     *
     * @param r the result
     * @return the copy
     */
    public Recheck withResult(RecheckResult r) {
        return new Recheck(id, riskPoint, hazard, failedMeasure, title, grade, unit, acceptor, closedOn, dueOn,
                Optional.of(r));
    }
}
