package org.dualprevention.storage.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dualprevention.RecordIntegrityException;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.CheckpointDetail;
import org.dualprevention.danger.CheckpointFinding;
import org.dualprevention.danger.CheckpointVerification;
import org.dualprevention.danger.Funds;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.danger.Planning;
import org.dualprevention.danger.RectificationPlan;
import org.dualprevention.engine.closedloop.AuditChain;
import org.dualprevention.engine.closedloop.AuditEntries;
import org.dualprevention.engine.closedloop.Checkpoints;
import org.dualprevention.engine.closedloop.Forger;
import org.dualprevention.engine.closedloop.StoreVerification;
import org.dualprevention.engine.closedloop.TestKeys;
import org.dualprevention.query.HiddenDangerQuery;
import org.dualprevention.query.Page;
import org.dualprevention.spi.AuditKeyProvider;
import org.dualprevention.spi.Storage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The README's table "What the audit chain detects": each attack of someone with write access to the store (and no
 * key), tried on a plain chain, on a plain chain with a checkpoint (and its detail) taken before the attack, and on
 * a keyed chain verified with the host's keys. Each test asserts all three columns of its row, including the cells
 * where the attack is <em>not</em> detected, so the README cannot claim more than holds.
 *
 * <p>The attacker writes the in-memory store directly ({@code tamper}): chain and snapshot are left consistent with
 * each other (the snapshot is the replay of the forged chain), as someone with SQL access who knows the formats can.
 */
class TamperMatrixTest {
    static final HiddenDangerId STORY = HiddenDangerId.of("HD-2026-0099");
    static final HiddenDangerId OTHER = HiddenDangerId.of("HD-OTHER-1");
    static final Instant SINCE = Instant.parse("2026-01-01T00:00:00Z");

    /** One column of the table: a store holding the story and another hidden danger. */
    static final class Setup {
        final @Nullable TestKeys keys;
        final InMemoryStorage storage;
        final MemoryHiddenDangerRepository repo;
        final List<AuditEntry> story;

        Setup(boolean keyed, int storyLength) {
            keys = keyed ? new TestKeys("k1", SINCE) : null;
            storage = keys == null ? InMemoryStorage.create() : InMemoryStorage.create(keys);
            repo = (MemoryHiddenDangerRepository) storage.hiddenDangers();
            List<AuditEntry> full = keys == null ? Forger.story() : Forger.keyedStory(keys);
            story = full.subList(0, storyLength);
            store(story);
            List<AuditEntry> other = Forger.rehash(renamed(Forger.story().subList(0, 3), OTHER), keys);
            store(other);
        }

        void store(List<AuditEntry> chain) {
            for (int n = 1; n <= chain.size(); n++) {
                repo.save(AuditChain.replay(chain.subList(0, n), keys), n - 1, chain.get(n - 1));
            }
        }

        Instant lastAt() {
            return story.get(story.size() - 1).at();
        }

        CheckpointDetail checkpoint() {
            return Checkpoints.detail(storage, lastAt());
        }

        /** The story's record replaced by a chain and its replay (made without the keys: an attacker has none). */
        void replaceStory(List<AuditEntry> forged, HiddenDanger snapshot) {
            repo.tamper(STORY, (h, chain) -> MemoryHiddenDangerRepository.record(snapshot, forged));
        }

        void replaceStory(List<AuditEntry> forged) {
            replaceStory(forged, AuditChain.replay(forged, keys));
        }

        StoreVerification.Result verifyAll(Storage s) {
            return StoreVerification.verifyAll(s, Optional.empty(), p -> { }, keys);
        }
    }

    static List<AuditEntry> renamed(List<AuditEntry> chain, HiddenDangerId id) {
        return chain.stream().map(e -> new AuditEntry(id, e.sequence(), e.actor(), e.at(), e.action(), e.stateBefore(),
                e.stateAfter(), e.data().replace("id=" + e.dangerId().value() + "\n", "id=" + id.value() + "\n"),
                e.previousHash(), e.hash(), e.format(), e.stateHash(), e.keyId())).toList();
    }

    /** The chain with entry {@code index}'s data edited and nothing rehashed. */
    static List<AuditEntry> edited(List<AuditEntry> chain, int index) {
        List<AuditEntry> out = new ArrayList<>(chain);
        AuditEntry e = out.get(index);
        out.set(index, new AuditEntry(e.dangerId(), e.sequence(), e.actor(), e.at(), e.action(), e.stateBefore(),
                e.stateAfter(), e.data().replace("plan.funds.amount=120000.50", "plan.funds.amount=1.00"),
                e.previousHash(), e.hash(), e.format(), e.stateHash(), e.keyId()));
        return out;
    }

    private static void assertOnly(CheckpointVerification v, CheckpointFinding.Kind kind, HiddenDangerId id) {
        assertFalse(v.isValid(), "the checkpoint did not see it");
        assertEquals(1, v.findings().size(), v.toString());
        assertEquals(List.of(id), v.dangers(kind), v.toString());
    }

    private static void assertFault(StoreVerification.Result r, HiddenDangerId id, long sequence, String reason) {
        assertEquals(1, r.faults().size(), r.faults().toString());
        StoreVerification.Fault f = r.faults().get(0);
        assertEquals(id, f.dangerId());
        assertEquals(sequence, f.sequence(), f.toString());
        assertTrue(f.reason().contains(reason), f.toString());
    }

    @Test
    @DisplayName("edit a field without rehashing: found by full verification in every column (the checkpoint alone does not see it)")
    void editWithoutRehashing() {
        for (boolean keyed : new boolean[] {false, true}) {
            Setup s = new Setup(keyed, 10);
            CheckpointDetail cp = s.checkpoint();
            List<AuditEntry> forged = edited(s.story, 2);
            // the head is unchanged, so the snapshot still loads
            s.repo.tamper(STORY, (h, chain) -> MemoryHiddenDangerRepository.record(h, forged));
            assertFault(s.verifyAll(s.storage), STORY, 3, "does not match the entry's contents");
            assertTrue(Checkpoints.verify(s.storage, cp, null).isValid(), "no head changed");
        }
    }

    @Test
    @DisplayName("rehash the chain: plain not found; a checkpoint names it rewritten; a key refuses it")
    void rehashTheChain() {
        Setup plain = new Setup(false, 10);
        CheckpointDetail cp = plain.checkpoint();
        plain.replaceStory(Forger.editAndRehash(plain.story, 2,
                d -> d.replace("plan.funds.amount=120000.50", "plan.funds.amount=1.00")));
        assertTrue(plain.verifyAll(plain.storage).isValid(), "plain chain: not detected");
        assertOnly(Checkpoints.verify(plain.storage, cp, null), CheckpointFinding.Kind.REWRITTEN, STORY);

        Setup keyed = new Setup(true, 10);
        // rehashed as the attacker can: plain SHA-256, dated after keyed chaining began
        keyed.replaceStory(Forger.editAndRehash(keyed.story, 2,
                d -> d.replace("plan.funds.amount=120000.50", "plan.funds.amount=1.00")), AuditChain.replay(
                Forger.editAndRehash(keyed.story, 2, d -> d.replace("plan.funds.amount=120000.50",
                        "plan.funds.amount=1.00"))));
        assertFault(keyed.verifyAll(keyed.storage), STORY, 1, "at or after keyed chaining began");
        assertThrows(RecordIntegrityException.class, () -> keyed.repo.find(STORY));
        // the same rehash keeping the key ids: the HMAC does not match
        List<AuditEntry> keepingIds = new ArrayList<>();
        List<AuditEntry> rehashed = Forger.editAndRehash(keyed.story, 2,
                d -> d.replace("plan.funds.amount=120000.50", "plan.funds.amount=1.00"));
        for (AuditEntry e : rehashed) {
            keepingIds.add(new AuditEntry(e.dangerId(), e.sequence(), e.actor(), e.at(), e.action(), e.stateBefore(),
                    e.stateAfter(), e.data(), e.previousHash(), e.hash(), e.format(), e.stateHash(), Optional.of("k1")));
        }
        assertFalse(AuditChain.verify(keepingIds, keyed.keys).isValid());
        assertTrue(AuditChain.verify(keepingIds, keyed.keys).reason().contains("under key [k1]"));
    }

    @Test
    @DisplayName("delete the last entries: plain and keyed not found; a checkpoint names it rolled back")
    void deleteTheLastEntries() {
        for (boolean keyed : new boolean[] {false, true}) {
            Setup s = new Setup(keyed, 10);
            CheckpointDetail cp = s.checkpoint();
            s.replaceStory(s.story.subList(0, 8)); // CLOSED back to RECTIFYING
            assertEquals(HiddenDangerState.RECTIFYING, s.repo.find(STORY).orElseThrow().state());
            assertTrue(s.verifyAll(s.storage).isValid(), (keyed ? "keyed" : "plain") + " chain: not detected");
            CheckpointVerification v = Checkpoints.verify(s.storage, cp, s.keys);
            assertOnly(v, CheckpointFinding.Kind.ROLLED_BACK, STORY);
            assertEquals(10, v.findings().get(0).expectedSequence());
            assertEquals(8, v.findings().get(0).foundSequence());
        }
    }

    @Test
    @DisplayName("delete a whole hidden danger: plain and keyed not found; a checkpoint names it deleted")
    void deleteAWholeHiddenDanger() {
        for (boolean keyed : new boolean[] {false, true}) {
            Setup s = new Setup(keyed, 10);
            CheckpointDetail cp = s.checkpoint();
            Storage without = new RecordOfTruthTest.Hiding(s.storage, OTHER);
            assertTrue(s.verifyAll(without).isValid(), (keyed ? "keyed" : "plain") + " chain: not detected");
            assertOnly(Checkpoints.verify(without, cp, s.keys), CheckpointFinding.Kind.DELETED, OTHER);
        }
    }

    @Test
    @DisplayName("append a forged entry: plain not found; a checkpoint finds it only back-dated; a key refuses it")
    void appendAForgedEntry() {
        for (Duration shift : List.of(Duration.ofHours(1), Duration.ofHours(11))) {
            Setup plain = new Setup(false, 4); // report, verify, plan, extend: PLANNED
            Instant asOf = plain.lastAt().plus(Duration.ofHours(10));
            CheckpointDetail cp = Checkpoints.detail(plain.storage, asOf);
            List<AuditEntry> chain = new ArrayList<>(plain.story);
            chain.add(forgedExtension(plain.story.get(3), shift, Optional.empty()));
            plain.replaceStory(Forger.rehash(chain));
            assertEquals(java.time.LocalDate.parse("2026-05-30"), plain.repo.find(STORY).orElseThrow().deadline()
                    .orElseThrow());
            assertTrue(plain.verifyAll(plain.storage).isValid(), "plain chain: not detected");
            CheckpointVerification v = Checkpoints.verify(plain.storage, cp, null);
            if (shift.compareTo(Duration.ofHours(10)) < 0) {
                assertOnly(v, CheckpointFinding.Kind.EXTENDED_BACKDATED, STORY);
            } else {
                assertTrue(v.isValid(), "dated after the checkpoint: not covered");
            }

            Setup keyed = new Setup(true, 4);
            // without the key: unkeyed, or keyed with a guessed key under the real key id
            for (Optional<String> keyId : List.of(Optional.<String>empty(), Optional.of("k1"))) {
                List<AuditEntry> plainChain = new ArrayList<>(keyed.story);
                plainChain.add(forgedExtension(keyed.story.get(3), shift, Optional.empty()));
                List<AuditEntry> model = Forger.rehash(plainChain);
                AuditEntry m = model.get(4);
                AuditEntry f = new AuditEntry(m.dangerId(), 5, m.actor(), m.at(), m.action(), m.stateBefore(),
                        m.stateAfter(), m.data(), keyed.story.get(3).hash(), "", AuditEntry.FORMAT_2, m.stateHash(),
                        keyId);
                AuditEntry hashed = f.withHash(keyId.isPresent() ? AuditEntries.computeHash(f, new GuessedKeys())
                        : AuditEntries.computeHash(f));
                List<AuditEntry> forged = new ArrayList<>(keyed.story);
                forged.add(hashed);
                HiddenDanger snapshot = AuditChain.replay(model).toBuilder().auditHead(hashed.hash()).build();
                keyed.replaceStory(forged, snapshot);
                RecordIntegrityException e = assertThrows(RecordIntegrityException.class, () -> keyed.repo.find(STORY));
                assertEquals(5, e.sequence());
                assertFault(keyed.verifyAll(keyed.storage), STORY, 5, keyId.isPresent()
                        ? "does not match the entry's contents under key [k1]" : "at or after keyed chaining began");
            }
        }
    }

    /** A key the attacker guessed, under the host's key id. */
    static final class GuessedKeys implements AuditKeyProvider {
        @Override
        public String currentKeyId() {
            return "k1";
        }

        @Override
        public Optional<byte[]> key(String keyId) {
            return Optional.of("a guess of the host's key, 32 bytes or more".getBytes(
                    java.nio.charset.StandardCharsets.UTF_8));
        }

        @Override
        public Instant keyedSince() {
            return SINCE;
        }
    }

    /** A deadline extension to 2026-05-30 after {@code ext}, unhashed (its hashes are computed by the caller). */
    static AuditEntry forgedExtension(AuditEntry ext, Duration shift, Optional<String> keyId) {
        return new AuditEntry(ext.dangerId(), 5, ext.actor(), ext.at().plus(shift), ext.action(),
                Optional.of(HiddenDangerState.PLANNED), HiddenDangerState.PLANNED,
                ext.data().replaceFirst("newDeadline=2026-04-11", "newDeadline=2026-05-30"), ext.hash(), "",
                AuditEntry.FORMAT_2, Optional.of("0".repeat(64)), keyId);
    }

    @Test
    @DisplayName("edit a query column (in memory: the snapshot the queries read): refused on every load, in every column")
    void editAQueryColumn() {
        for (boolean keyed : new boolean[] {false, true}) {
            Setup s = new Setup(keyed, 10);
            CheckpointDetail cp = s.checkpoint();
            s.repo.tamper(STORY, (h, chain) -> MemoryHiddenDangerRepository.record(h.toBuilder().planning(h.planning()
                    .map(p -> new Planning(new RectificationPlan(p.plan().responsible(), p.plan().measures(),
                            Funds.cny("1.00"), p.plan().deadline(), p.plan().contingencyPlan(), p.plan().scheme()),
                            p.extensions()))).build(), chain));
            RecordIntegrityException e = assertThrows(RecordIntegrityException.class, () -> s.repo.find(STORY));
            assertEquals(STORY.value(), e.dangerId());
            assertThrows(RecordIntegrityException.class,
                    () -> Page.stream(p -> s.repo.find(HiddenDangerQuery.all(), p), 10).toList());
            assertFault(s.verifyAll(s.storage), STORY, 10, "the snapshot was changed");
            CheckpointVerification v = Checkpoints.verify(s.storage, cp, s.keys);
            assertOnly(v, CheckpointFinding.Kind.CHAIN_BROKEN, STORY);
        }
    }
}
