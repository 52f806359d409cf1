package org.dualprevention.engine.closedloop;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.RecordIntegrityException;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.ChainVerification;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.spi.AuditKeyProvider;
import org.jspecify.annotations.Nullable;

/**
 * Checks and replays the hash-chained audit log of one hidden danger.
 *
 * <p>{@link #verify(List)} walks the entries in order and reports the first one that breaks the chain:
 * an entry whose hash does not match its contents (edited), whose sequence number is not the next one
 * (removed, inserted or moved), whose previous hash is not the previous entry's hash, or that does not
 * follow on from the previous entry (another hidden danger, a time earlier than the previous entry, a state
 * before that is not the previous state after). An attacker who edits an entry and recomputes its hash is
 * caught at the next entry; editing the last entry and its hash is caught by comparing with the stored
 * aggregate ({@link #verify(List, HiddenDanger)}: its version and audit head).
 *
 * <p>{@link #replay(List)} rebuilds the hidden danger from a valid chain, applying each entry's command
 * without re-checking guards (they held when the command was accepted); each entry in
 * {@link AuditEntry#FORMAT_2 format 2} must replay to a state whose {@link StateHash} is the one it records.
 *
 * <p>{@link #checkSnapshot} is the cheap check of the read path: a stored hidden danger agrees with its head
 * entry (same id, version and audit head, the head's hash matches its contents, and the head's state hash is the
 * snapshot's), so a load costs the same at any chain length. Chains of release 0.1 (format 1, no state hash)
 * verify and replay as before; a chain may hold format-1 entries followed by format-2 ones, never the reverse.
 *
 * <p>This class is stateless and thread-safe.
 *
 * @since 0.1
 */
public final class AuditChain {
    private AuditChain() {
    }

    /**
     * Verifies a chain on its own.
     *
     * @param entries the entries in stored order, starting with entry 1
     * @return the result, naming the first bad entry if any
     */
    public static ChainVerification verify(List<AuditEntry> entries) {
        return verify(entries, (AuditKeyProvider) null);
    }

    /**
     * Verifies a chain on its own, with the host's keys: a keyed entry's hash must be the HMAC under the key it
     * names, and an unkeyed format-2 entry dated at or after {@link AuditKeyProvider#keyedSince()}, or after a keyed
     * entry, is refused (written without the key).
     *
     * @param entries the entries in stored order, starting with entry 1
     * @param keys the host's keys, or null to verify unkeyed entries only (a keyed entry is then refused)
     * @return the result, naming the first bad entry if any
     * @since 0.2
     */
    public static ChainVerification verify(List<AuditEntry> entries, @Nullable AuditKeyProvider keys) {
        Objects.requireNonNull(entries, "entries");
        @Nullable AuditEntry previous = null;
        for (int i = 0; i < entries.size(); i++) {
            AuditEntry e = Objects.requireNonNull(entries.get(i), "entries[" + i + "]");
            Optional<String> problem = problem(previous, e, i, keys);
            if (problem.isPresent()) {
                return ChainVerification.broken(entries.size(), i, e.sequence(), problem.get());
            }
            previous = e;
        }
        return ChainVerification.valid(entries.size());
    }

    /**
     * Verifies a chain against the stored hidden danger: the chain must verify, and its last entry must be
     * the one the aggregate points to (same sequence as its version, same hash as its audit head), so
     * entries removed from the end, or an edited last entry with a recomputed hash, are found too.
     *
     * @param entries the entries in stored order
     * @param current the stored hidden danger
     * @return the result
     */
    public static ChainVerification verify(List<AuditEntry> entries, HiddenDanger current) {
        return verify(entries, current, null);
    }

    /**
     * Verifies a chain against the stored hidden danger as {@link #verify(List, HiddenDanger)} does, with the
     * host's keys as {@link #verify(List, AuditKeyProvider)} uses them.
     *
     * @param entries the entries in stored order
     * @param current the stored hidden danger
     * @param keys the host's keys, or null
     * @return the result
     * @since 0.2
     */
    public static ChainVerification verify(List<AuditEntry> entries, HiddenDanger current,
            @Nullable AuditKeyProvider keys) {
        return verify(entries, current, keys, true);
    }

    /**
     * {@link #verify(List, HiddenDanger, AuditKeyProvider)}, the state hash check left to a caller that replays the
     * chain and compares the result with {@code current} (equal states have equal hashes).
     */
    static ChainVerification verify(List<AuditEntry> entries, HiddenDanger current, @Nullable AuditKeyProvider keys,
            boolean checkStateHash) {
        Objects.requireNonNull(current, "current");
        ChainVerification result = verify(entries, keys);
        if (!result.isValid()) {
            return result;
        }
        if (entries.isEmpty()) {
            return ChainVerification.broken(0, 0, 1, "the chain is empty but hidden danger [" + current.id()
                    + "] is at version [" + current.version() + "]");
        }
        AuditEntry last = entries.get(entries.size() - 1);
        if (!last.dangerId().equals(current.id())) {
            return ChainVerification.broken(entries.size(), 0, entries.get(0).sequence(),
                    "the chain belongs to [" + last.dangerId() + "], not to [" + current.id() + "]");
        }
        if (last.sequence() != current.version()) {
            return ChainVerification.broken(entries.size(), entries.size() - 1, last.sequence(),
                    "the chain ends at sequence [" + last.sequence() + "] but the hidden danger is at version ["
                            + current.version() + "]: entries are missing at the end");
        }
        if (!last.hash().equals(current.auditHead())) {
            return ChainVerification.broken(entries.size(), entries.size() - 1, last.sequence(),
                    "the last entry's hash is not the hidden danger's audit head [" + current.auditHead()
                            + "]: the last entry was replaced");
        }
        if (checkStateHash && last.stateHash().isPresent() && !last.stateHash().get().equals(StateHash.of(current))) {
            return ChainVerification.broken(entries.size(), entries.size() - 1, last.sequence(),
                    "the hidden danger's state hash [" + StateHash.of(current) + "] is not the one the last entry"
                            + " records [" + last.stateHash().get() + "]: the stored state was changed");
        }
        return result;
    }

    /**
     * Whether a stored hidden danger agrees with the head entry of its chain, without reading the rest of
     * the chain: the entry names the hidden danger, its sequence is the version, its hash is the audit head
     * and matches the entry's contents, and (for an entry in {@link AuditEntry#FORMAT_2 format 2}) its state
     * hash is the {@link StateHash} of the snapshot. A head in format 1 (written by release 0.1) binds no state:
     * only id, version and audit head are compared; replay the chain ({@link #verify(List, HiddenDanger)} and
     * {@link #replay}) to check such a snapshot fully.
     *
     * @param snapshot the stored hidden danger
     * @param head the last entry of its chain
     * @return what does not agree, or empty when they agree
     * @since 0.2
     */
    public static Optional<String> checkSnapshot(HiddenDanger snapshot, AuditEntry head) {
        return checkSnapshot(snapshot, head, null);
    }

    /**
     * {@link #checkSnapshot(HiddenDanger, AuditEntry)}, and with the host's keys a keyed head's HMAC too. Without
     * keys a keyed head's own hash is not checked (it cannot be): the snapshot is still compared with it.
     *
     * @param snapshot the stored hidden danger
     * @param head the last entry of its chain
     * @param keys the host's keys, or null
     * @return what does not agree, or empty when they agree
     * @since 0.2
     */
    public static Optional<String> checkSnapshot(HiddenDanger snapshot, AuditEntry head, @Nullable AuditKeyProvider keys) {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(head, "head");
        if (!head.dangerId().equals(snapshot.id())) {
            return Optional.of("the head entry belongs to [" + head.dangerId() + "], not to [" + snapshot.id() + "]");
        }
        if (head.sequence() != snapshot.version()) {
            return Optional.of("the head entry has sequence [" + head.sequence() + "] but the snapshot is at version ["
                    + snapshot.version() + "]");
        }
        if (!head.hash().equals(snapshot.auditHead())) {
            return Optional.of("the head entry's hash [" + head.hash() + "] is not the snapshot's audit head ["
                    + snapshot.auditHead() + "]");
        }
        Optional<String> format = AuditEntries.formatProblem(head);
        if (format.isPresent()) {
            return format;
        }
        if (head.keyId().isEmpty() || keys != null) {
            Optional<String> hash = hashProblem(head, keys);
            if (hash.isPresent()) {
                return Optional.of("the head entry's " + hash.get());
            }
        }
        if (keys != null && head.keyId().isEmpty() && head.format() >= AuditEntry.FORMAT_2
                && !head.at().isBefore(keys.keyedSince())) {
            return Optional.of("the head entry is unkeyed and dated [" + head.at() + "], at or after keyed chaining"
                    + " began [" + keys.keyedSince() + "]: it was written without the host's key");
        }
        if (head.stateHash().isPresent()) {
            String actual = StateHash.of(snapshot);
            if (!actual.equals(head.stateHash().get())) {
                return Optional.of("the snapshot's state hash [" + actual + "] is not the one the head entry records ["
                        + head.stateHash().get() + "]: the snapshot was changed");
            }
        }
        return Optional.empty();
    }

    /**
     * {@link #checkSnapshot} as a precondition of a load: returns the snapshot when it agrees with its head
     * entry and throws otherwise, so a storage never returns a snapshot its chain disowns.
     *
     * @param snapshot the stored hidden danger
     * @param head the last entry of its chain
     * @return the snapshot
     * @throws RecordIntegrityException naming the hidden danger, the head entry's sequence and what does not
     *     agree
     * @since 0.2
     */
    public static HiddenDanger requireSnapshot(HiddenDanger snapshot, AuditEntry head) {
        return requireSnapshot(snapshot, head, null);
    }

    /**
     * {@link #requireSnapshot(HiddenDanger, AuditEntry)} with the host's keys: a keyed head's HMAC is checked
     * too, and an unkeyed head of this release dated at or after {@link AuditKeyProvider#keyedSince()} is refused.
     *
     * @param snapshot the stored hidden danger
     * @param head the last entry of its chain
     * @param keys the host's keys, or null
     * @return the snapshot
     * @throws RecordIntegrityException naming the hidden danger, the head entry's sequence and what does not
     *     agree (for an unknown key id, the id; never a key)
     * @since 0.2
     */
    public static HiddenDanger requireSnapshot(HiddenDanger snapshot, AuditEntry head,
            @Nullable AuditKeyProvider keys) {
        Optional<String> problem = checkSnapshot(snapshot, head, keys);
        if (problem.isPresent()) {
            throw new RecordIntegrityException(snapshot.id().value(), head.sequence(), problem.get());
        }
        return snapshot;
    }

    /** Why an entry's hash is not the one its contents (and key) give, if it is not. */
    private static Optional<String> hashProblem(AuditEntry e, @Nullable AuditKeyProvider keys) {
        if (e.keyId().isPresent() && keys == null) {
            return Optional.of("hash is keyed with the host's key [" + e.keyId().get() + "]: verify it with the key"
                    + " provider");
        }
        String expected;
        try {
            expected = keys == null ? AuditEntries.computeHash(e) : AuditEntries.computeHash(e, keys);
        } catch (IllegalArgumentException x) {
            return Optional.of("hash cannot be checked: " + x.getMessage());
        }
        if (!e.hash().equals(expected)) {
            return Optional.of("hash [" + e.hash() + "] does not match the entry's contents" + (e.keyId().isPresent()
                    ? " under key [" + e.keyId().get() + "]" : " [" + expected + "]") + ": the entry was edited");
        }
        return Optional.empty();
    }

    private static Optional<String> problem(@Nullable AuditEntry previous, AuditEntry e, int index,
            @Nullable AuditKeyProvider keys) {
        long expectedSequence = index + 1L;
        if (e.sequence() != expectedSequence) {
            String what = e.sequence() > expectedSequence ? "entries before it were removed"
                    : "it was inserted or moved";
            return Optional.of("sequence [" + e.sequence() + "] where [" + expectedSequence + "] was expected: " + what);
        }
        String expectedPrevious = previous == null ? AuditEntry.GENESIS : previous.hash();
        if (!e.previousHash().equals(expectedPrevious)) {
            return Optional.of("previous hash [" + e.previousHash() + "] is not the hash of the entry before ["
                    + expectedPrevious + "]: the entry before it was edited, or entries were removed, inserted or"
                    + " reordered");
        }
        Optional<String> format = AuditEntries.formatProblem(e);
        if (format.isPresent()) {
            return format;
        }
        Optional<String> hash = hashProblem(e, keys);
        if (hash.isPresent()) {
            return hash;
        }
        if (keys != null && e.keyId().isEmpty() && e.format() >= AuditEntry.FORMAT_2) {
            if (!e.at().isBefore(keys.keyedSince())) {
                return Optional.of("unkeyed entry dated [" + e.at() + "], at or after keyed chaining began ["
                        + keys.keyedSince() + "]: it was written without the host's key");
            }
            if (previous != null && previous.keyId().isPresent()) {
                return Optional.of("unkeyed entry after an entry keyed with [" + previous.keyId().get()
                        + "]: it was written without the host's key");
            }
        }
        if (previous != null && e.format() < previous.format()) {
            return Optional.of("format [" + e.format() + "] after an entry in format [" + previous.format()
                    + "]: the engine never writes an older format after a newer one");
        }
        if (previous == null) {
            if (!ClosedLoopActions.of(e.action()).creates() || e.stateBefore().isPresent()) {
                return Optional.of("the first entry must be a " + ClosedLoopActions.creating().action()
                        + " with no state before, found [" + e.action() + "]");
            }
        } else {
            if (!e.dangerId().equals(previous.dangerId())) {
                return Optional.of("hidden danger [" + e.dangerId() + "] in a chain of [" + previous.dangerId() + "]");
            }
            if (e.at().isBefore(previous.at())) {
                return Optional.of("time [" + e.at() + "] is before the previous entry's [" + previous.at() + "]");
            }
            if (!e.stateBefore().equals(Optional.of(previous.stateAfter()))) {
                return Optional.of("state before [" + e.stateBefore().map(Enum::name).orElse("none")
                        + "] is not the previous state after [" + previous.stateAfter() + "]");
            }
        }
        if (e.stateBefore().isPresent()
                && !TransitionTable.target(e.stateBefore().get(), e.action()).equals(Optional.of(e.stateAfter()))) {
            return Optional.of("the table does not lead from [" + e.stateBefore().get() + "] by [" + e.action()
                    + "] to [" + e.stateAfter() + "]");
        }
        return Optional.empty();
    }

    /**
     * Rebuilds a hidden danger from its audit chain.
     *
     * @param entries the whole chain, starting with the report
     * @return the hidden danger as it was after the last entry, equal to the one the commands produced
     * @throws IllegalArgumentException if the chain does not verify (naming the first bad entry) or its data
     *     cannot be read
     */
    public static HiddenDanger replay(List<AuditEntry> entries) {
        return replay(entries, null);
    }

    /**
     * Rebuilds a hidden danger from its audit chain, verified with the host's keys.
     *
     * @param entries the whole chain, starting with the report
     * @param keys the host's keys, or null (a keyed chain then does not verify)
     * @return the hidden danger as it was after the last entry
     * @throws IllegalArgumentException if the chain does not verify (naming the first bad entry) or its data
     *     cannot be read
     * @since 0.2
     */
    public static HiddenDanger replay(List<AuditEntry> entries, @Nullable AuditKeyProvider keys) {
        ChainVerification check = verify(entries, keys);
        if (!check.isValid()) {
            throw new IllegalArgumentException("cannot replay a broken audit chain: " + check);
        }
        return replayVerified(entries);
    }

    /**
     * {@link #replay(List, AuditKeyProvider)} of a chain the caller has just verified (its hashes are not computed
     * again).
     */
    static HiddenDanger replayVerified(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("cannot replay an empty audit chain");
        }
        Optional<HiddenDanger> current = Optional.empty();
        for (AuditEntry e : entries) {
            ActionDefinition<?> definition = ClosedLoopActions.of(e.action());
            HiddenDangerCommand command = definition.decode(e.actor(), e.data());
            HiddenDanger next;
            try {
                next = ClosedLoop.evolve(definition, current, command, e.at(), e.hash());
            } catch (IllegalArgumentException | IllegalStateException | NoSuchElementException ex) {
                throw new IllegalArgumentException("entry [" + e.sequence() + "] does not replay: " + ex.getMessage(),
                        ex);
            }
            if (next.state() != e.stateAfter() || next.version() != e.sequence()) {
                throw new IllegalArgumentException("entry [" + e.sequence() + "] replays to state [" + next.state()
                        + "] version [" + next.version() + "], but records [" + e.stateAfter() + "]");
            }
            if (e.stateHash().isPresent() && !e.stateHash().get().equals(StateHash.of(next))) {
                throw new IllegalArgumentException("entry [" + e.sequence() + "] replays to a state with hash ["
                        + StateHash.of(next) + "], but records state hash [" + e.stateHash().get() + "]");
            }
            current = Optional.of(next);
        }
        return current.orElseThrow();
    }

    /**
     * The command an entry records, rebuilt from its data (for display or re-validation).
     *
     * @param entry the entry
     * @return the command
     * @throws IllegalArgumentException if the data cannot be read
     */
    public static HiddenDangerCommand command(AuditEntry entry) {
        Objects.requireNonNull(entry, "entry");
        return ClosedLoopActions.of(entry.action()).decode(entry.actor(), entry.data());
    }
}
