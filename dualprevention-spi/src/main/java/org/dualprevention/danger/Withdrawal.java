package org.dualprevention.danger;

import java.util.Objects;
import org.dualprevention.organization.ActorId;

/**
 * The withdrawal of a report as not a hidden danger (撤销).
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param withdrawnBy who withdrew it
 * @param reason why it is not a hidden danger
 * @since 0.1
 */
public record Withdrawal(ActorId withdrawnBy, String reason) {
    /** Checks the components are present. */
    public Withdrawal {
        Objects.requireNonNull(withdrawnBy, "withdrawnBy");
        Objects.requireNonNull(reason, "reason");
    }
}
