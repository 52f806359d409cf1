package org.dualprevention.danger;

import java.util.List;
import java.util.Objects;

/**
 * The result of an accepted command: the next version of the hidden danger, the one audit entry that
 * records the command, and the events to publish after the next version is stored.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param next the next version; {@code next.version() == audit.sequence()}
 * @param audit the audit entry to store atomically with {@code next}
 * @param events the events, in order, possibly empty
 * @since 0.1
 */
public record Transition(HiddenDanger next, AuditEntry audit, List<HiddenDangerEvent> events) {
    /** Checks and copies the components. */
    public Transition {
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(audit, "audit");
        events = List.copyOf(events);
    }

    /**
     * The version the stored hidden danger must have for this transition to be saved: 0 when it is new.
     *
     * @return {@code next.version() - 1}
     */
    public long expectedVersion() {
        return next.version() - 1;
    }
}
