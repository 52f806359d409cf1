package org.dualprevention.engine.closedloop;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.HiddenDangerAction;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.engine.digest.Sha256;
import org.dualprevention.organization.ActorId;

/**
 * Creates {@link AuditEntry audit entries} and computes their hashes: the lower-case hex SHA-256 of the
 * entry's canonical form, which covers every other component. The form is fixed: entries written by
 * any release hash the same in every later one.
 *
 * <p>This class is stateless and thread-safe.
 *
 * @since 0.1
 */
public final class AuditEntries {
    private AuditEntries() {
    }

    /**
     * Creates an entry and computes its hash.
     *
     * @param dangerId the hidden danger
     * @param sequence the sequence number
     * @param actor who acted
     * @param at when
     * @param action the action
     * @param stateBefore the state before, empty for the report
     * @param stateAfter the state after
     * @param data the canonical data
     * @param previousHash the previous entry's hash, or {@link AuditEntry#GENESIS}
     * @return the entry
     */
    public static AuditEntry create(HiddenDangerId dangerId, long sequence, ActorId actor, Instant at,
            HiddenDangerAction action, Optional<HiddenDangerState> stateBefore, HiddenDangerState stateAfter, String data,
            String previousHash) {
        String form = canonicalForm(dangerId, sequence, actor, at, action, stateBefore, stateAfter, data, previousHash);
        return new AuditEntry(dangerId, sequence, actor, at, action, stateBefore, stateAfter, data, previousHash,
                Sha256.hex(form));
    }

    /**
     * The text an entry's hash is computed over: one {@code name=value} line per component except the hash,
     * in component order, values escaped as in {@link AuditEntry#data()} so no value contains a line break.
     *
     * @param entry the entry
     * @return the canonical form
     */
    public static String canonicalForm(AuditEntry entry) {
        Objects.requireNonNull(entry, "entry");
        return canonicalForm(entry.dangerId(), entry.sequence(), entry.actor(), entry.at(), entry.action(),
                entry.stateBefore(), entry.stateAfter(), entry.data(), entry.previousHash());
    }

    /**
     * Recomputes an entry's hash from its other components.
     *
     * @param entry the entry
     * @return the hash the entry should have
     */
    public static String computeHash(AuditEntry entry) {
        return Sha256.hex(canonicalForm(entry));
    }

    private static String canonicalForm(HiddenDangerId dangerId, long sequence, ActorId actor, Instant at,
            HiddenDangerAction action, Optional<HiddenDangerState> stateBefore, HiddenDangerState stateAfter, String data,
            String previousHash) {
        return "dangerId=" + CanonicalData.escape(dangerId.value()) + '\n'
                + "sequence=" + sequence + '\n'
                + "actor=" + CanonicalData.escape(actor.value()) + '\n'
                + "at=" + at + '\n'
                + "action=" + action.code() + '\n'
                + "stateBefore=" + stateBefore.map(HiddenDangerState::code).orElse("") + '\n'
                + "stateAfter=" + stateAfter.code() + '\n'
                + "data=" + CanonicalData.escape(data) + '\n'
                + "previousHash=" + CanonicalData.escape(previousHash) + '\n';
    }
}
