package org.dualprevention.engine.closedloop;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.dualprevention.DualPreventionException;
import org.dualprevention.RecordIntegrityException;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.ChainVerification;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.query.Page;
import org.dualprevention.query.PageRequest;
import org.dualprevention.spi.AuditKeyProvider;
import org.dualprevention.spi.Storage;
import org.jspecify.annotations.Nullable;

/**
 * Full verification (完整校验) of stored hidden dangers: each chain verified entry by entry, checked against the
 * stored snapshot, and replayed to a hidden danger equal to the snapshot. This is the slow check, whose cost grows
 * with the chains; loads check only the snapshot against its head entry ({@link AuditChain#checkSnapshot}).
 *
 * <p>{@link #verify(Storage, HiddenDangerId)} checks one hidden danger; {@link #verifyAll} streams through the
 * whole store page by page, reporting progress after each page with a token that resumes the run there, and
 * collects every fault instead of stopping at the first.
 *
 * <p>This class is stateless and thread-safe.
 *
 * @since 0.2
 */
public final class StoreVerification {
    private static final int PAGE = 200;

    private StoreVerification() {
    }

    /**
     * A stored hidden danger that fails full verification.
     *
     * @param dangerId the hidden danger
     * @param sequence the audit entry at fault (the head entry when the snapshot is at fault), 0 if none
     * @param reason what is wrong
     * @since 0.2
     */
    public record Fault(HiddenDangerId dangerId, long sequence, String reason) {
        /** Checks the components are present. */
        public Fault {
            Objects.requireNonNull(dangerId, "dangerId");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String toString() {
            return "hidden danger [" + dangerId + "] entry [" + sequence + "]: " + reason;
        }
    }

    /**
     * Where a run over the whole store is.
     *
     * @param checked how many hidden dangers were checked so far in this run
     * @param faults how many of them failed
     * @param resumeToken the token that resumes a later run after the last page checked; empty at the end
     * @since 0.2
     */
    public record Progress(long checked, long faults, Optional<String> resumeToken) {
        /** Checks the components are present. */
        public Progress {
            Objects.requireNonNull(resumeToken, "resumeToken");
        }
    }

    /**
     * The result of a run over the whole store.
     *
     * @param checked how many hidden dangers were checked
     * @param faults every hidden danger that failed, in store order
     * @since 0.2
     */
    public record Result(long checked, List<Fault> faults) {
        /** Checks and copies the components. */
        public Result {
            faults = List.copyOf(faults);
        }

        /** @return whether every hidden danger checked passed */
        public boolean isValid() {
            return faults.isEmpty();
        }
    }

    /**
     * Verifies one stored hidden danger fully.
     *
     * @param storage the store
     * @param id the hidden danger
     * @return the fault, or empty when it passes (an id neither stored nor with entries passes)
     */
    public static Optional<Fault> verify(Storage storage, HiddenDangerId id) {
        return verify(storage, id, null);
    }

    /**
     * Verifies one stored hidden danger fully, keyed entries under the host's keys.
     *
     * @param storage the store
     * @param id the hidden danger
     * @param keys the host's keys, or null (keyed entries are then faults)
     * @return the fault, or empty when it passes
     */
    public static Optional<Fault> verify(Storage storage, HiddenDangerId id, @Nullable AuditKeyProvider keys) {
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(id, "id");
        List<AuditEntry> entries;
        Optional<HiddenDanger> snapshot;
        try {
            entries = Page.stream(p -> storage.auditLog().entries(id, p), PAGE).toList();
        } catch (RecordIntegrityException e) {
            return Optional.of(new Fault(id, e.sequence(), e.reason()));
        } catch (DualPreventionException | IllegalArgumentException e) {
            return Optional.of(new Fault(id, 0, "its audit entries cannot be read: " + e.getMessage()));
        }
        try {
            snapshot = storage.hiddenDangers().find(id);
        } catch (RecordIntegrityException e) {
            ChainVerification chain = AuditChain.verify(entries, keys);
            if (!chain.isValid()) {
                return Optional.of(new Fault(id, chain.firstBadSequence().orElse(0), chain.reason()));
            }
            return Optional.of(new Fault(id, e.sequence(), e.reason()));
        } catch (DualPreventionException | IllegalArgumentException e) {
            return Optional.of(new Fault(id, 0, "its snapshot cannot be read: " + e.getMessage()));
        }
        if (snapshot.isEmpty()) {
            return entries.isEmpty() ? Optional.empty()
                    : Optional.of(new Fault(id, entries.get(entries.size() - 1).sequence(), "the audit log holds "
                            + entries.size() + " entries but no hidden danger is stored"));
        }
        HiddenDanger h = snapshot.get();
        ChainVerification chain = AuditChain.verify(entries, h, keys);
        if (!chain.isValid()) {
            return Optional.of(new Fault(id, chain.firstBadSequence().orElse(0), chain.reason()));
        }
        HiddenDanger replayed;
        try {
            replayed = AuditChain.replayVerified(entries); // verified just above: its hashes are not computed again
        } catch (IllegalArgumentException e) {
            return Optional.of(new Fault(id, h.version(), String.valueOf(e.getMessage())));
        }
        if (!replayed.equals(h)) {
            return Optional.of(new Fault(id, h.version(), "the stored snapshot is not the replay of its chain: stored "
                    + h + ", replayed " + replayed + " (state hash " + StateHash.of(h) + " against " + StateHash.of(replayed)
                    + ")"));
        }
        return Optional.empty();
    }

    /**
     * Verifies every stored hidden danger fully, page by page, in the store's id order.
     *
     * @param storage the store
     * @param resumeToken a {@link Progress#resumeToken()} of an earlier run, to go on after it; empty to start
     * @param progress told after each page
     * @return every fault found
     */
    public static Result verifyAll(Storage storage, Optional<String> resumeToken, Consumer<Progress> progress) {
        return verifyAll(storage, resumeToken, progress, null);
    }

    /**
     * Verifies every stored hidden danger fully, keyed entries under the host's keys.
     *
     * @param storage the store
     * @param resumeToken a {@link Progress#resumeToken()} of an earlier run, or empty
     * @param progress told after each page
     * @param keys the host's keys, or null
     * @return every fault found
     */
    public static Result verifyAll(Storage storage, Optional<String> resumeToken, Consumer<Progress> progress,
            @Nullable AuditKeyProvider keys) {
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(resumeToken, "resumeToken");
        Objects.requireNonNull(progress, "progress");
        List<Fault> faults = new ArrayList<>();
        long checked = 0;
        Optional<String> token = resumeToken;
        do {
            Page<HiddenDangerId> page = storage.hiddenDangers().ids(
                    token.map(t -> PageRequest.after(t, PAGE)).orElse(PageRequest.first(PAGE)));
            for (HiddenDangerId id : page.items()) {
                verify(storage, id, keys).ifPresent(faults::add);
                checked++;
            }
            token = page.next();
            progress.accept(new Progress(checked, faults.size(), token));
        } while (token.isPresent());
        return new Result(checked, faults);
    }

    /**
     * The check of a bulk import, before anything is stored: every chain verifies against its hidden danger (entry
     * by entry, its last entry the hidden danger's head, the head's state hash the hidden danger's) and replays to a
     * hidden danger equal to it. A store's bulk import calls it and stores nothing of the batch when it throws.
     *
     * @param dangers the hidden dangers
     * @param chains the audit chain of each, in the same order
     * @param keys the host's keys, or null
     * @throws IllegalArgumentException naming the first hidden danger at fault, the entry and why; also when the
     *     lists differ in length
     */
    public static void requireImportable(List<HiddenDanger> dangers, List<List<AuditEntry>> chains,
            @Nullable AuditKeyProvider keys) {
        Objects.requireNonNull(dangers, "dangers");
        Objects.requireNonNull(chains, "chains");
        if (dangers.size() != chains.size()) {
            throw new IllegalArgumentException("[" + dangers.size() + "] hidden dangers but [" + chains.size()
                    + "] audit chains; allowed: one chain per hidden danger");
        }
        for (int i = 0; i < dangers.size(); i++) {
            requireImportable(i, Objects.requireNonNull(dangers.get(i), "dangers[" + i + "]"),
                    Objects.requireNonNull(chains.get(i), "chains[" + i + "]"), keys);
        }
    }

    /**
     * The check of one item of a bulk import ({@link #requireImportable(List, List, AuditKeyProvider)} item by item):
     * a store that streams a batch into the database checks each item before it writes it, and rolls the whole
     * batch back when one throws.
     *
     * @param item the item's position in the batch (named in the message)
     * @param h the hidden danger
     * @param chain its audit chain
     * @param keys the host's keys, or null
     * @throws IllegalArgumentException naming the hidden danger, the entry and why
     * @since 0.2
     */
    public static void requireImportable(int item, HiddenDanger h, List<AuditEntry> chain,
            @Nullable AuditKeyProvider keys) {
        Objects.requireNonNull(h, "h");
        Objects.requireNonNull(chain, "chain");
        int i = item;
        // every entry's hash once, then the replay (which checks each entry's state hash against the state it
        // gives); the state given must equal the replay, so its own state hash need not be computed unless it
        // differs (then the message says which check failed, as a full verification would)
        ChainVerification v = AuditChain.verify(chain, h, keys, false);
        if (!v.isValid()) {
            throw new IllegalArgumentException("hidden danger [" + h.id() + "] (item [" + i + "] of the batch) entry ["
                    + v.firstBadSequence().orElse(0) + "]: " + v.reason() + "; nothing of the batch was imported");
        }
        HiddenDanger replayed;
        try {
            replayed = AuditChain.replayVerified(chain);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("hidden danger [" + h.id() + "] (item [" + i + "] of the batch): "
                    + e.getMessage() + "; nothing of the batch was imported", e);
        }
        if (!replayed.equals(h)) {
            ChainVerification full = AuditChain.verify(chain, h, keys);
            if (!full.isValid()) {
                throw new IllegalArgumentException("hidden danger [" + h.id() + "] (item [" + i + "] of the batch)"
                        + " entry [" + full.firstBadSequence().orElse(0) + "]: " + full.reason()
                        + "; nothing of the batch was imported");
            }
            throw new IllegalArgumentException("hidden danger [" + h.id() + "] (item [" + i + "] of the batch) entry ["
                    + h.version() + "]: the state given is not its chain's replay (state hash " + StateHash.of(h)
                    + ", replayed " + StateHash.of(replayed) + "); nothing of the batch was imported");
        }
    }
}
