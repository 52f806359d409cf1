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
 * <p>{@link #hash()} is the lower-case hex SHA-256 of the entry's canonical form: one {@code name=value} line
 * for each other component in component order ({@code dangerId}, {@code sequence}, {@code actor}, {@code at},
 * the action's code, the codes of the states before (empty for entry 1) and after, {@code data},
 * {@code previousHash}), values escaped as in the data. Entry 1's previous hash is {@link #GENESIS}. So an
 * entry edited, removed, inserted or moved later breaks the chain. The engine in {@code dualprevention-core}
 * computes the hash ({@code AuditEntries}) and verifies and replays chains ({@code AuditChain}).
 *
 * <p>The constructor does not check the hash, so a stored entry can always be loaded and then verified.
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
 * @since 0.1
 */
public record AuditEntry(HiddenDangerId dangerId, long sequence, ActorId actor, Instant at, HiddenDangerAction action,
        Optional<HiddenDangerState> stateBefore, HiddenDangerState stateAfter, String data, String previousHash,
        String hash) {

    /** The previous hash of the first entry: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

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
    }
}
