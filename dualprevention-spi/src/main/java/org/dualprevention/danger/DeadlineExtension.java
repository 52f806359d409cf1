package org.dualprevention.danger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.dualprevention.organization.ActorId;
import org.dualprevention.internal.Checks;

/**
 * One accepted extension of a hidden danger's rectification deadline (延期).
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param from the deadline in force before
 * @param to the new deadline, after {@code from}
 * @param reason why
 * @param requestedBy who asked
 * @param approver who approved
 * @param at when it was recorded
 * @since 0.1
 */
public record DeadlineExtension(LocalDate from, LocalDate to, String reason, ActorId requestedBy, ActorId approver,
        Instant at) {
    /** Checks the components are present. */
    public DeadlineExtension {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Checks.text(reason, "reason");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(approver, "approver");
        Objects.requireNonNull(at, "at");
    }
}
