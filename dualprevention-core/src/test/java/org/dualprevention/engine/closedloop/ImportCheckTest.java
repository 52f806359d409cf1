package org.dualprevention.engine.closedloop;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.organization.ActorId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Bulk import checks every chain and that each state is its replay, naming the hidden danger and the entry. */
class ImportCheckTest {
    private static final List<AuditEntry> STORY = Forger.story();
    private static final HiddenDanger STATE = AuditChain.replay(STORY);
    private static final List<AuditEntry> OTHER = Forger.rehash(STORY.subList(0, 3).stream().map(e -> new AuditEntry(
            org.dualprevention.danger.HiddenDangerId.of("HD-OTHER"), e.sequence(), e.actor(), e.at(), e.action(),
            e.stateBefore(), e.stateAfter(), e.data().replace("id=HD-2026-0099\n", "id=HD-OTHER\n"), e.previousHash(),
            e.hash(), e.format(), e.stateHash(), e.keyId())).toList());
    private static final HiddenDanger OTHER_STATE = AuditChain.replay(OTHER);

    @Test
    @DisplayName("an honest batch passes")
    void honestBatchPasses() {
        StoreVerification.requireImportable(List.of(STATE, OTHER_STATE), List.of(STORY, OTHER), null);
    }

    @Test
    @DisplayName("an edited entry is refused, naming the hidden danger and the entry")
    void editedEntryIsRefused() {
        List<AuditEntry> edited = new ArrayList<>(STORY);
        AuditEntry e = edited.get(4);
        edited.set(4, new AuditEntry(e.dangerId(), e.sequence(), ActorId.of("mallory"), e.at(), e.action(),
                e.stateBefore(), e.stateAfter(), e.data(), e.previousHash(), e.hash(), e.format(), e.stateHash(),
                e.keyId()));
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> StoreVerification
                .requireImportable(List.of(OTHER_STATE, STATE), List.of(OTHER, edited), null));
        assertTrue(x.getMessage().contains("hidden danger [HD-2026-0099] (item [1] of the batch) entry [5]")
                && x.getMessage().contains("edited"), x.getMessage());
    }

    @Test
    @DisplayName("a state paired with another's chain, or not its chain's replay, is refused")
    void foreignOrChangedStateIsRefused() {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> StoreVerification.requireImportable(List.of(STATE), List.of(OTHER), null));
        assertTrue(x.getMessage().contains("hidden danger [HD-2026-0099]"), x.getMessage());
        HiddenDanger general = STATE.toBuilder().grading(STATE.grading().map(g -> new org.dualprevention.danger.Grading(
                HiddenDangerGrade.GENERAL, g.verifier(), java.util.Optional.empty()))).build();
        x = assertThrows(IllegalArgumentException.class,
                () -> StoreVerification.requireImportable(List.of(general), List.of(STORY), null));
        assertTrue(x.getMessage().contains("entry [10]") && x.getMessage().contains("state hash"), x.getMessage());
    }
}
