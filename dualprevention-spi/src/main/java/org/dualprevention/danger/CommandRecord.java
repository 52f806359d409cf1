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
        Checks.checkArgument(isLowerHex64(fingerprint),
                "fingerprint [%s] of command [%s]; allowed: 64 lower-case hex digits", fingerprint, id);
        Objects.requireNonNull(dangerId, "dangerId");
        Checks.checkArgument(sequence >= 1, "sequence [%s] of command [%s]; allowed: 1 or more", sequence, id);
    }

    /** Whether the text is 64 lower-case hex digits (the regular expression {@code [0-9a-f]{64}}, without one). */
    private static boolean isLowerHex64(String s) {
        if (s.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = s.charAt(i);
            if (c >= LOWER_HEX.length || !LOWER_HEX[c]) {
                return false;
            }
        }
        return true;
    }

    /** Whether a character up to 'f' is a lower-case hex digit. */
    private static final boolean[] LOWER_HEX = new boolean['f' + 1];

    static {
        for (char c = '0'; c <= '9'; c++) {
            LOWER_HEX[c] = true;
        }
        for (char c = 'a'; c <= 'f'; c++) {
            LOWER_HEX[c] = true;
        }
    }
}
