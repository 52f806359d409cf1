package org.dualprevention.danger;

import java.util.Objects;
import org.dualprevention.internal.Checks;

/**
 * What the store keeps of an accepted command: its id, a fingerprint of the command (to tell a retry of the
 * same command from another command that reuses the id), and the hidden danger version it produced.
 *
 * @param id the command id
 * @param fingerprint the SHA-256 (lower-case hex, 64 characters) of the command's identity: the hidden danger
 *     and the command's value
 * @param dangerId the hidden danger the command changed
 * @param sequence the version it produced, equal to the sequence of its audit entry
 * @since 0.2
 */
public record CommandRecord(CommandId id, String fingerprint, HiddenDangerId dangerId, long sequence) {
    /** Checks the fields. */
    public CommandRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Checks.checkArgument(Checks.isLowerHex64(fingerprint),
                "fingerprint [%s] of command [%s]; allowed: 64 lower-case hex digits", fingerprint, id);
        Objects.requireNonNull(dangerId, "dangerId");
        Checks.checkArgument(sequence >= 1, "sequence [%s] of command [%s]; allowed: 1 or more", sequence, id);
    }

}
