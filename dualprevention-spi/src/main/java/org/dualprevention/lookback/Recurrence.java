package org.dualprevention.lookback;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.RiskPointId;

/**
 * A closed hidden danger that came back (反弹, DOMAIN.md §10.4): linked to the failed re-check or to the new
 * hidden danger that shows it, with the unit and the acceptor whose rectification did not hold.
 *
 * @param earlier the closed hidden danger that came back
 * @param reason why it counts
 * @param later the new hidden danger, for {@link RecurrenceReason#SAME_MEASURE} and
 *     {@link RecurrenceReason#SAME_HAZARD_CATEGORY}
 * @param recheck the failed re-check, for {@link RecurrenceReason#FAILED_RECHECK}
 * @param riskPoint where
 * @param grade the earlier hidden danger's grade
 * @param unit the unit responsible for the earlier hidden danger
 * @param acceptor who accepted the earlier rectification
 * @param on the day it showed (the re-check's day or the new hidden danger's day of finding)
 * @since 0.2
 */
public record Recurrence(HiddenDangerId earlier, RecurrenceReason reason, Optional<HiddenDangerId> later,
        Optional<RecheckId> recheck, RiskPointId riskPoint, HiddenDangerGrade grade, OrgUnitId unit,
        Optional<ActorId> acceptor, LocalDate on) {
    /** Validates the components. */
    public Recurrence {
        Objects.requireNonNull(earlier, "earlier");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(later, "later");
        Objects.requireNonNull(recheck, "recheck");
        Objects.requireNonNull(riskPoint, "riskPoint");
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(acceptor, "acceptor");
        Objects.requireNonNull(on, "on");
        if ((reason == RecurrenceReason.FAILED_RECHECK) != recheck.isPresent()
                || (reason == RecurrenceReason.FAILED_RECHECK) == later.isPresent()) {
            throw new IllegalArgumentException("a recurrence names the failed re-check, or else the later hidden danger");
        }
    }
}
