package org.dualprevention.danger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.organization.ActorId;

/**
 * One accepted command of a hidden danger, as recorded in its audit log (审计记录): who, when, which
 * action, the state before and after, the data given, and the hash chain.
 *
 * <p>Entries of one hidden danger are numbered 1, 2, … ({@link #sequence()} equals the hidden danger's
 * version after the command). Entry 1 is the {@link HiddenDangerAction#REPORT}, with no state before. The
 * {@link #data()} is a canonical, deterministic text of the command (sorted {@code key=value} lines, see
 * {@link AuditChain}), complete enough for {@link AuditChain#replay} to rebuild the hidden danger.
 *
 * <p>{@link #hash()} is the lower-case hex SHA-256 of {@link #canonicalForm()}, which covers every other
 * component, {@link #previousHash()} included; entry 1's previous hash is {@link #GENESIS}. So an entry
 * edited, removed, inserted or moved later breaks the chain, which {@link AuditChain#verify} reports.
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
     * @param previousHash the previous entry's hash, or {@link #GENESIS}
     * @return the entry
     */
    public static AuditEntry create(HiddenDangerId dangerId, long sequence, ActorId actor, Instant at,
            HiddenDangerAction action, Optional<HiddenDangerState> stateBefore, HiddenDangerState stateAfter, String data,
            String previousHash) {
        String form = canonicalForm(dangerId, sequence, actor, at, action, stateBefore, stateAfter, data, previousHash);
        return new AuditEntry(dangerId, sequence, actor, at, action, stateBefore, stateAfter, data, previousHash,
                sha256(form));
    }

    /**
     * The text the hash is computed over: one {@code name=value} line per component except the hash, in
     * component order, values escaped as in {@link #data()} so no value contains a line break.
     *
     * @return the canonical form
     */
    public String canonicalForm() {
        return canonicalForm(dangerId, sequence, actor, at, action, stateBefore, stateAfter, data, previousHash);
    }

    /**
     * Recomputes the hash from the other components.
     *
     * @return the hash this entry should have
     */
    public String computeHash() {
        return sha256(canonicalForm());
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

    static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
