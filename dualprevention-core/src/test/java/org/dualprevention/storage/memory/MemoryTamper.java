package org.dualprevention.storage.memory;

import java.util.List;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerId;

/** Someone editing the in-memory store outside the library, for tests in other packages. */
public final class MemoryTamper {
    private MemoryTamper() {
    }

    /**
     * Replaces a stored hidden danger's snapshot and chain.
     *
     * @param storage the store
     * @param id the hidden danger
     * @param snapshot the new snapshot
     * @param chain the new chain
     */
    public static void replace(InMemoryStorage storage, HiddenDangerId id, HiddenDanger snapshot,
            List<AuditEntry> chain) {
        ((MemoryHiddenDangerRepository) storage.hiddenDangers()).tamper(id,
                (h, c) -> MemoryHiddenDangerRepository.record(snapshot, chain));
    }

    /**
     * The stored chain, read without loading the snapshot.
     *
     * @param storage the store
     * @param id the hidden danger
     * @return the chain
     */
    public static List<AuditEntry> chain(InMemoryStorage storage, HiddenDangerId id) {
        return org.dualprevention.query.Page.stream(p -> storage.auditLog().entries(id, p), 100).toList();
    }
}
