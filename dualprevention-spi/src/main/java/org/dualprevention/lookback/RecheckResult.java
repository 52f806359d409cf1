package org.dualprevention.lookback;

import java.time.LocalDate;
import java.util.Objects;
import org.dualprevention.internal.Checks;
import org.dualprevention.organization.ActorId;

/**
 * What a re-check found: whether the rectification held, who checked and when.
 *
 * @param passed true if the hidden danger had not come back
 * @param checkedBy who checked
 * @param checkedOn the day of the check
 * @param note what was seen
 * @since 0.2
 */
public record RecheckResult(boolean passed, ActorId checkedBy, LocalDate checkedOn, String note) {
    /** Validates the components. */
    public RecheckResult {
        Objects.requireNonNull(checkedBy, "checkedBy");
        Objects.requireNonNull(checkedOn, "checkedOn");
        Checks.text(note, "note");
    }
}
