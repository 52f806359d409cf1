package org.dualprevention.engine.closedloop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.dualprevention.RecordIntegrityException;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.Checkpoint;
import org.dualprevention.danger.CheckpointFinding;
import org.dualprevention.danger.CheckpointVerification;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.storage.memory.InMemoryStorage;
import org.dualprevention.storage.memory.MemoryTamper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A checkpoint verified without keys or detail reports a hidden danger the store refuses to load as a finding, as the
 * keyed and detailed forms do; before, it threw {@link RecordIntegrityException} and compared nothing.
 */
class UnkeyedCheckpointTest {
    private final InMemoryStorage storage = InMemoryStorage.create();

    private void store(List<AuditEntry> chain) {
        for (int n = 1; n <= chain.size(); n++) {
            storage.hiddenDangers().save(AuditChain.replay(chain.subList(0, n)), n - 1, chain.get(n - 1));
        }
    }

    @Test
    @DisplayName("an edited snapshot the store refuses: a CHAIN_BROKEN finding naming the hidden danger, no exception")
    void refusedSnapshotIsAFinding() {
        List<AuditEntry> story = Forger.story();
        store(story);
        HiddenDangerId id = story.get(0).dangerId();
        Instant asOf = story.get(story.size() - 1).at().plus(Duration.ofHours(1));
        Checkpoint cp = Checkpoints.of(storage, asOf);
        assertTrue(Checkpoints.verify(storage, cp).isValid());

        HiddenDanger h = storage.hiddenDangers().find(id).orElseThrow();
        // the plan's funds lowered in the snapshot, the chain left alone
        HiddenDanger edited = h.toBuilder().planning(h.planning().map(p -> new org.dualprevention.danger.Planning(
                new org.dualprevention.danger.RectificationPlan(p.plan().responsible(), p.plan().measures(),
                        org.dualprevention.danger.Funds.cny("1.00"), p.plan().deadline(), p.plan().contingencyPlan(),
                        p.plan().scheme()), p.extensions()))).build();
        MemoryTamper.replace(storage, id, edited, MemoryTamper.chain(storage, id));
        assertThrows(RecordIntegrityException.class, () -> storage.hiddenDangers().find(id), "the store refuses it");

        CheckpointVerification v = Checkpoints.verify(storage, cp);
        assertFalse(v.isValid(), v.toString());
        assertEquals(List.of(id), v.dangers(CheckpointFinding.Kind.CHAIN_BROKEN), v.toString());
        assertEquals(cp, v.found(), "its chain still gives the checkpoint's head");
        assertTrue(v.problem().orElseThrow().contains("1"), v.toString());
        // the keyed-less three-argument form says the same
        assertEquals(v, Checkpoints.verify(storage, cp, null));
    }
}
