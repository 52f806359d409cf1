package org.dualprevention.danger;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.organization.ActorId;

/**
 * One accepted command of a hidden danger, as recorded in its audit log (审计记录): who, when, which
 * action, the state before and after, the data given, and the hash chain.
 *
 * <p>Entries of one hidden danger are numbered 1, 2, … ({@link #sequence()} equals the hidden danger's
 * version after the command). Entry 1 is the {@link HiddenDangerAction#REPORT}, with no state before. The
 * {@link #data()} is a canonical, deterministic text of the command: {@code key=value} lines sorted by key,
 * each ending in a line feed, values escaping {@code \} as {@code \\}, line feed as {@code \n}, carriage
 * return as {@code \r} and other control characters as {@code \}{@code uXXXX}; complete enough for the
 * engine to replay the command and rebuild the hidden danger.
 *
 * <p>{@link #hash()} covers every other component, so an entry edited, removed, inserted or moved later
 * breaks the chain. Two {@link #format() formats} exist; the engine in {@code dualprevention-core} computes
 * the hash of both ({@code AuditEntries}) and verifies and replays chains of either, mixed in one chain
 * ({@code AuditChain}):
 * <ul>
 * <li>{@value #FORMAT_1} (written by release 0.1): the lower-case hex SHA-256 of one {@code name=value} line for
 * each of the first nine components in component order ({@code dangerId}, {@code sequence}, {@code actor},
 * {@code at}, the action's code, the codes of the states before (empty for entry 1) and after, {@code data},
 * {@code previousHash}), values escaped as in the data. No state hash, no key id.</li>
 * <li>{@value #FORMAT_2} (written from release 0.2 on): the lines of format 1 preceded by {@code format=2}, with
 * {@code stateHash} after {@code stateAfter} and {@code keyId} (empty when unkeyed) at the end. The
 * {@link #stateHash() state hash} is the digest of the hidden danger the entry produces (core's
 * {@code StateHash}), so the stored snapshot of a hidden danger can be checked against its head entry
 * without replaying the chain. Unkeyed, the hash is the SHA-256 of that text; keyed, it is the
 * HMAC-SHA-256 of it under the host's key named by {@link #keyId()}.</li>
 * </ul>
 * Entry 1's previous hash is {@link #GENESIS}.
 *
 * <p>The constructor checks only that the components are present, not the hash or the format, so a stored
 * entry can always be loaded and then verified.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param dangerId the hidden danger
 * @param sequence 1 for the report, then +1 per accepted command
 * @param actor who acted
 * @param at when the command was accepted
 * @param action the action
 * @param stateBefore the state before, empty for the report
 * @param stateAfter the state after
 * @param data the command's data in canonical form
 * @param previousHash the previous entry's hash, {@link #GENESIS} for entry 1
 * @param hash this entry's hash
 * @param format how the hash is computed: {@value #FORMAT_1} or {@value #FORMAT_2}
 * @param stateHash the digest of the hidden danger this entry produces; empty in format 1
 * @param keyId the id of the host's key the hash is keyed with; empty when unkeyed (always in format 1)
 * @since 0.1
 */
public record AuditEntry(HiddenDangerId dangerId, long sequence, ActorId actor, Instant at, HiddenDangerAction action,
        Optional<HiddenDangerState> stateBefore, HiddenDangerState stateAfter, String data, String previousHash,
        String hash, int format, Optional<String> stateHash, Optional<String> keyId) {

    /** The previous hash of the first entry: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    /** The format of release 0.1: no state hash, no key. */
    public static final int FORMAT_1 = 1;

    /**
     * The format written from release 0.2 on: binds the state hash, optionally keyed.
     *
     * @since 0.2
     */
    public static final int FORMAT_2 = 2;

    /**
     * An entry in {@link #FORMAT_1 format 1}, as release 0.1 wrote it.
     *
     * @param dangerId the hidden danger
     * @param sequence 1 for the report, then +1 per accepted command
     * @param actor who acted
     * @param at when the command was accepted
     * @param action the action
     * @param stateBefore the state before, empty for the report
     * @param stateAfter the state after
     * @param data the command's data in canonical form
     * @param previousHash the previous entry's hash, {@link #GENESIS} for entry 1
     * @param hash this entry's hash
     */
    public AuditEntry(HiddenDangerId dangerId, long sequence, ActorId actor, Instant at, HiddenDangerAction action,
            Optional<HiddenDangerState> stateBefore, HiddenDangerState stateAfter, String data, String previousHash,
            String hash) {
        this(dangerId, sequence, actor, at, action, stateBefore, stateAfter, data, previousHash, hash, FORMAT_1,
                Optional.empty(), Optional.empty());
    }

    /** Checks the components are present. */
    public AuditEntry {
        Objects.requireNonNull(dangerId, "dangerId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(stateBefore, "stateBefore");
        Objects.requireNonNull(stateAfter, "stateAfter");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(stateHash, "stateHash");
        Objects.requireNonNull(keyId, "keyId");
        // one shared Optional per state instead of one per entry (a store keeps millions of entries)
        stateBefore = stateBefore.isEmpty() ? Optional.empty() : STATES.get(stateBefore.get().ordinal());
    }

    /** {@code Optional.of(state)} for every state, by ordinal. */
    private static final java.util.List<Optional<HiddenDangerState>> STATES = java.util.Arrays
            .stream(HiddenDangerState.values()).map(Optional::of).toList();

    /**
     * The same entry with another hash (e.g. recomputed); every other component is kept.
     *
     * @param newHash the hash
     * @return the entry
     * @since 0.2
     */
    public AuditEntry withHash(String newHash) {
        return new AuditEntry(dangerId, sequence, actor, at, action, stateBefore, stateAfter, data, previousHash,
                newHash, format, stateHash, keyId);
    }
}
