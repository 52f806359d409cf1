package org.dualprevention.danger;

import java.time.Instant;
import java.util.Objects;
import org.dualprevention.organization.ActorId;

/**
 * The acceptance that closed a hidden danger's loop (验收销号).
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param acceptor who accepted the rectification
 * @param closedAt when; the hidden danger's last action
 * @since 0.1
 */
public record Acceptance(ActorId acceptor, Instant closedAt) {
    /** Checks the components are present. */
    public Acceptance {
        Objects.requireNonNull(acceptor, "acceptor");
        Objects.requireNonNull(closedAt, "closedAt");
    }
}
