package org.dualprevention.danger;

import java.util.Objects;
import org.dualprevention.internal.Checks;

/**
 * A change whose events are still to be delivered: the hidden danger and the version (the audit entry's
 * sequence) whose events the listeners have not been handed yet. The events themselves are not stored: they
 * follow from the audit entry and the versions before and after it, so the outbox stays small and cannot
 * disagree with the chain.
 *
 * @param dangerId the hidden danger
 * @param sequence the version whose events are pending
 * @since 0.2
 */
public record OutboxEntry(HiddenDangerId dangerId, long sequence) {
    /** Checks the fields. */
    public OutboxEntry {
        Objects.requireNonNull(dangerId, "dangerId");
        Checks.checkArgument(sequence >= 1, "sequence [%s] of hidden danger [%s]; allowed: 1 or more", sequence,
                dangerId);
    }
}
