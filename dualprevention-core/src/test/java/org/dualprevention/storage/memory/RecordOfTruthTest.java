package org.dualprevention.storage.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.dualprevention.RecordIntegrityException;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.Checkpoint;
import org.dualprevention.danger.CheckpointVerification;
import org.dualprevention.danger.Funds;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerAction;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.danger.Planning;
import org.dualprevention.danger.RectificationPlan;
import org.dualprevention.danger.Transition;
import org.dualprevention.engine.closedloop.AuditChain;
import org.dualprevention.engine.closedloop.Checkpoints;
import org.dualprevention.engine.closedloop.Forger;
import org.dualprevention.engine.closedloop.StoreVerification;
import org.dualprevention.query.HiddenDangerQuery;
import org.dualprevention.query.Page;
import org.dualprevention.query.PageRequest;
import org.dualprevention.spi.AuditLog;
import org.dualprevention.spi.HiddenDangerRepository;
import org.dualprevention.spi.Storage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The record of truth in memory: loads read the snapshot and check it against the head entry; full verification
 * replays every chain; checkpoints find what an attacker who recomputes every hash does to the history.
 */
class RecordOfTruthTest {
    private static final HiddenDangerId STORY = HiddenDangerId.of("HD-2026-0099");

    private final InMemoryStorage storage = (InMemoryStorage) InMemoryStorage.create();
    private final MemoryHiddenDangerRepository repo = (MemoryHiddenDangerRepository) storage.hiddenDangers();

    /** Stores a chain the way the engine does, one save per entry. */
    private void store(List<AuditEntry> chain) {
        for (int n = 1; n <= chain.size(); n++) {
            HiddenDanger h = AuditChain.replay(chain.subList(0, n));
            repo.save(h, n - 1, chain.get(n - 1));
        }
    }

    /** The story, plus the story's first {@code k} entries under other ids for k = 1..5 (rehashed as new). */
    private List<HiddenDangerId> fill() {
        store(Forger.story());
        List<HiddenDangerId> ids = new ArrayList<>(List.of(STORY));
        for (int k = 1; k <= 5; k++) {
            HiddenDangerId id = HiddenDangerId.of("HD-OTHER-" + k);
            store(Forger.rehash(renamed(Forger.story().subList(0, k), id)));
            ids.add(id);
        }
        return ids;
    }

    private static List<AuditEntry> renamed(List<AuditEntry> chain, HiddenDangerId id) {
        return chain.stream().map(e -> new AuditEntry(id, e.sequence(), e.actor(), e.at(), e.action(), e.stateBefore(),
                e.stateAfter(), e.data().replace("id=" + e.dangerId().value() + "\n", "id=" + id.value() + "\n"),
                e.previousHash(), e.hash(), e.format(), e.stateHash(), e.keyId())).toList();
    }

    private Instant lastAt() {
        List<AuditEntry> s = Forger.story();
        return s.get(s.size() - 1).at();
    }

    /** Replaces the story's record by a forged chain and its replay: consistent, as an attacker leaves it. */
    private void replaceStory(List<AuditEntry> forged) {
        repo.tamper(STORY, (h, chain) -> MemoryHiddenDangerRepository.record(AuditChain.replay(forged), forged));
    }

    // ------------------------------------------------------------------------ the read path

    @Test
    @DisplayName("find returns the snapshot that agrees with its head; a changed snapshot is reported, by find and queries")
    void changedSnapshotIsReported() {
        fill();
        HiddenDanger stored = repo.find(STORY).orElseThrow();
        assertEquals(AuditChain.replay(Forger.story()), stored);
        repo.tamper(STORY, (h, chain) -> MemoryHiddenDangerRepository.record(h.toBuilder().planning(h.planning().map(
                p -> new Planning(new RectificationPlan(p.plan().responsible(), p.plan().measures(), Funds.cny("1.00"),
                        p.plan().deadline(), p.plan().contingencyPlan(), p.plan().scheme()), p.extensions()))).build(), chain));
        RecordIntegrityException e = assertThrows(RecordIntegrityException.class, () -> repo.find(STORY));
        assertEquals(STORY.value(), e.dangerId());
        assertEquals(10, e.sequence());
        assertTrue(e.getMessage().contains("[HD-2026-0099]") && e.getMessage().contains("entry [10]")
                && e.getMessage().contains("the snapshot was changed"), e.getMessage());
        assertThrows(RecordIntegrityException.class, () -> drain(HiddenDangerQuery.all()));
        // the other hidden dangers still load
        assertEquals(5, drain(HiddenDangerQuery.all().inStates(Set.of(HiddenDangerState.REPORTED,
                HiddenDangerState.VERIFIED, HiddenDangerState.PLANNED, HiddenDangerState.RECTIFYING))).size());
    }

    @Test
    @DisplayName("a snapshot with a rolled-back state (a closed hidden danger reopened) is reported")
    void reopenedSnapshotIsReported() {
        fill();
        repo.tamper(STORY, (h, chain) -> MemoryHiddenDangerRepository.record(h.toBuilder()
                .state(HiddenDangerState.AWAITING_ACCEPTANCE).acceptance(Optional.empty()).build(), chain));
        assertThrows(RecordIntegrityException.class, () -> repo.find(STORY));
    }

    @Test
    @DisplayName("a save appends in place: earlier readers keep their view of the chain")
    void appendsKeepEarlierViews() {
        List<Transition> ts = Forger.storyTransitions();
        repo.save(ts.get(0).next(), 0, ts.get(0).audit());
        Page<AuditEntry> early = storage.auditLog().entries(STORY, PageRequest.first(100));
        for (int i = 1; i < ts.size(); i++) {
            repo.save(ts.get(i).next(), i, ts.get(i).audit());
        }
        assertEquals(1, early.items().size());
        assertEquals(Forger.story(), storage.auditLog().entries(STORY, PageRequest.first(100)).items());
    }

    private List<HiddenDanger> drain(HiddenDangerQuery q) {
        return Page.stream(p -> repo.find(q, p), 3).toList();
    }

    // ------------------------------------------------------------------------ full verification

    @Test
    @DisplayName("full verification passes an honest store, and names every bad record, going on past each")
    void fullVerification() {
        List<HiddenDangerId> ids = fill();
        List<StoreVerification.Progress> seen = new ArrayList<>();
        StoreVerification.Result ok = StoreVerification.verifyAll(storage, Optional.empty(), seen::add);
        assertTrue(ok.isValid(), ok.faults().toString());
        assertEquals(ids.size(), ok.checked());
        assertEquals(Optional.empty(), seen.get(seen.size() - 1).resumeToken());
        // an entry edited in place (hash not recomputed) in one, a changed snapshot in another
        HiddenDangerId other = HiddenDangerId.of("HD-OTHER-3");
        repo.tamper(other, (h, chain) -> {
            List<AuditEntry> c = new ArrayList<>(chain);
            AuditEntry e = c.get(1);
            c.set(1, new AuditEntry(e.dangerId(), e.sequence(), org.dualprevention.organization.ActorId.of("mallory"), e.at(),
                    e.action(), e.stateBefore(), e.stateAfter(), e.data(), e.previousHash(), e.hash(), e.format(),
                    e.stateHash(), e.keyId()));
            return MemoryHiddenDangerRepository.record(h, c);
        });
        repo.tamper(STORY, (h, chain) -> MemoryHiddenDangerRepository.record(h.toBuilder().lastActionAt(
                h.lastActionAt()).finding(h.finding()).state(h.state()).version(h.version())
                .grading(h.grading().map(g -> new org.dualprevention.danger.Grading(
                        org.dualprevention.danger.HiddenDangerGrade.GENERAL, g.verifier(), Optional.empty()))).build(),
                chain));
        StoreVerification.Result bad = StoreVerification.verifyAll(storage, Optional.empty(), p -> { });
        assertEquals(ids.size(), bad.checked());
        assertEquals(Set.of(STORY, other), bad.faults().stream().map(StoreVerification.Fault::dangerId)
                .collect(Collectors.toSet()));
        assertEquals(2, bad.faults().size());
        StoreVerification.Fault f = bad.faults().stream().filter(x -> x.dangerId().equals(other)).findFirst().orElseThrow();
        assertEquals(2, f.sequence());
        assertTrue(f.reason().contains("the entry was edited"), f.reason());
        assertEquals(Optional.of(new StoreVerification.Fault(other, 2, f.reason())),
                StoreVerification.verify(storage, other));
    }

    @Test
    @DisplayName("a run over the store reports progress per page and resumes from a token")
    void resumable() {
        for (int i = 0; i < 450; i++) {
            HiddenDangerId id = HiddenDangerId.of(String.format("HD-R-%04d", i));
            store(Forger.rehash(renamed(Forger.story().subList(0, 1 + i % 3), id)));
        }
        List<StoreVerification.Progress> seen = new ArrayList<>();
        StoreVerification.Result all = StoreVerification.verifyAll(storage, Optional.empty(), seen::add);
        assertEquals(450, all.checked());
        assertEquals(List.of(200L, 400L, 450L), seen.stream().map(StoreVerification.Progress::checked).toList());
        StoreVerification.Result rest = StoreVerification.verifyAll(storage, seen.get(0).resumeToken(), p -> { });
        assertEquals(250, rest.checked());
    }

    // ------------------------------------------------------------------------ checkpoints: the attacks

    @Test
    @DisplayName("attack: last entry deleted and the version lowered, all rehashed: verification passes, the checkpoint does not")
    void rollbackIsFoundByTheCheckpoint() {
        fill();
        Checkpoint cp = Checkpoints.of(storage, lastAt());
        assertTrue(Checkpoints.verify(storage, cp).isValid());
        List<AuditEntry> story = Forger.story();
        replaceStory(story.subList(0, story.size() - 1)); // CLOSED back to AWAITING_ACCEPTANCE
        assertEquals(HiddenDangerState.AWAITING_ACCEPTANCE, repo.find(STORY).orElseThrow().state());
        assertTrue(StoreVerification.verifyAll(storage, Optional.empty(), p -> { }).isValid(),
                "without a checkpoint the rollback is invisible");
        CheckpointVerification v = Checkpoints.verify(storage, cp);
        assertFalse(v.isValid());
        assertEquals(cp.count(), v.found().count());
        assertTrue(v.problem().orElseThrow().contains("rolled back"), v.toString());
    }

    @Test
    @DisplayName("attack: a plan's funds rewritten and every later hash recomputed: the checkpoint finds it")
    void rewrittenFundsAreFoundByTheCheckpoint() {
        fill();
        Checkpoint cp = Checkpoints.of(storage, lastAt());
        List<AuditEntry> forged = Forger.editAndRehash(Forger.story(), 2,
                d -> d.replace("plan.funds.amount=120000.50", "plan.funds.amount=1200.50"));
        replaceStory(forged);
        assertEquals(new java.math.BigDecimal("1200.50"), repo.find(STORY).orElseThrow().plan().orElseThrow().funds().amount());
        assertTrue(StoreVerification.verifyAll(storage, Optional.empty(), p -> { }).isValid());
        assertFalse(Checkpoints.verify(storage, cp).isValid());
    }

    @Test
    @DisplayName("attack: a forged deadline extension appended: back-dated into the checkpoint it is found; after it, not")
    void forgedExtension() {
        List<AuditEntry> planned = Forger.story().subList(0, 4); // report, verify, plan, extend: PLANNED
        store(planned);
        Instant asOf = planned.get(3).at().plus(Duration.ofHours(10));
        Checkpoint cp = Checkpoints.of(storage, asOf);
        AuditEntry ext = planned.get(3);
        for (Duration shift : List.of(Duration.ofHours(1), Duration.ofHours(11))) {
            AuditEntry forged = new AuditEntry(ext.dangerId(), 5, ext.actor(), ext.at().plus(shift), ext.action(),
                    Optional.of(HiddenDangerState.PLANNED), HiddenDangerState.PLANNED,
                    ext.data().replaceFirst("newDeadline=2026-04-11", "newDeadline=2026-05-30"), ext.hash(), "",
                    AuditEntry.FORMAT_2, Optional.of("0".repeat(64)), Optional.empty());
            assertNotEquals(ext.data(), forged.data());
            List<AuditEntry> chain = new ArrayList<>(planned);
            chain.add(forged);
            List<AuditEntry> rehashed = Forger.rehash(chain);
            replaceStory(rehashed);
            assertEquals(java.time.LocalDate.parse("2026-05-30"), repo.find(STORY).orElseThrow().deadline().orElseThrow());
            assertTrue(StoreVerification.verifyAll(storage, Optional.empty(), p -> { }).isValid());
            boolean backDated = shift.compareTo(Duration.ofHours(10)) < 0;
            assertEquals(!backDated, Checkpoints.verify(storage, cp).isValid(),
                    "an extension dated " + forged.at() + " against a checkpoint as of " + asOf);
        }
    }

    @Test
    @DisplayName("attack: a whole hidden danger deleted: the checkpoint's count finds it")
    void deletedHiddenDangerIsFound() {
        fill();
        Checkpoint cp = Checkpoints.of(storage, lastAt());
        assertEquals(6, cp.count());
        Storage without = new Hiding(storage, HiddenDangerId.of("HD-OTHER-2"));
        assertTrue(StoreVerification.verifyAll(without, Optional.empty(), p -> { }).isValid());
        CheckpointVerification v = Checkpoints.verify(without, cp);
        assertFalse(v.isValid());
        assertEquals(5, v.found().count());
        assertTrue(v.problem().orElseThrow().contains("1 were deleted"), v.toString());
    }

    @Test
    @DisplayName("honest work after a checkpoint keeps it valid; a checkpoint reads back from its printed form")
    void honestWorkKeepsTheCheckpoint() {
        List<AuditEntry> story = Forger.story();
        store(story.subList(0, 5));
        Checkpoint cp = Checkpoints.of(storage, story.get(4).at());
        for (int n = 6; n <= story.size(); n++) {
            repo.save(AuditChain.replay(story.subList(0, n)), n - 1, story.get(n - 1));
        }
        assertTrue(Checkpoints.verify(storage, cp).isValid());
        assertEquals(cp, Checkpoint.parse(cp.toString()));
        assertTrue(cp.toString().matches("dualprevention-checkpoint/1 asOf=\\S+ count=1 root=[0-9a-f]{64}"), cp.toString());
        assertNotEquals(cp.root(), Checkpoints.of(storage, lastAt()).root());
    }

    @Test
    @DisplayName("the incremental tree gives the root of a tree built at once, whatever the order of puts (seeded)")
    void incrementalTree() {
        long seed = 12;
        Random r = new Random(seed);
        Checkpoints.Tree inc = new Checkpoints.Tree();
        java.util.Map<String, Long> truth = new java.util.TreeMap<>();
        for (int step = 0; step < 3000; step++) {
            String id = "HD-" + r.nextInt(700);
            long seq = 1 + r.nextInt(9);
            if (r.nextInt(10) == 0) {
                inc.remove(HiddenDangerId.of(id));
                truth.remove(id);
            } else {
                inc.put(HiddenDangerId.of(id), seq, "ab".repeat(32));
                truth.put(id, seq);
            }
            if (step % 500 == 0) {
                inc.root();
            }
        }
        Checkpoints.Tree whole = new Checkpoints.Tree();
        List<String> shuffled = new ArrayList<>(truth.keySet());
        java.util.Collections.shuffle(shuffled, new Random(seed + 1));
        for (String id : shuffled) {
            whole.put(HiddenDangerId.of(id), truth.get(id), "ab".repeat(32));
        }
        assertEquals(whole.root(), inc.root(), "seed " + seed);
        assertEquals(truth.size(), inc.count());
        assertTrue(inc.root().matches("[0-9a-f]{64}"));
    }

    @Test
    @DisplayName("the empty tree and a one-leaf tree hash as pinned, and as the documented format computes them")
    void pinnedRoots() throws Exception {
        assertEquals(PINNED_EMPTY, new Checkpoints.Tree().root());
        assertEquals(PINNED_ONE, new Checkpoints.Tree().put(HiddenDangerId.of("HD-1"), 3, "cd".repeat(32)).root());
        // the format as the Javadoc states it, computed here independently
        java.security.MessageDigest d = java.security.MessageDigest.getInstance("SHA-256");
        d.update((byte) 0);
        byte[] leaf = d.digest(("id=HD-1\nsequence=3\nhead=" + "cd".repeat(32) + "\n").getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        byte[] idHash = d.digest("HD-1".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        int bucket = ((idHash[0] & 0xff) << 4) | ((idHash[1] & 0xff) >>> 4);
        byte[][] level = new byte[4096][];
        for (int b = 0; b < 4096; b++) {
            d.update((byte) 2);
            if (b == bucket) {
                d.update(leaf);
            }
            level[b] = d.digest();
        }
        while (level.length > 1) {
            byte[][] up = new byte[level.length / 2][];
            for (int i = 0; i < up.length; i++) {
                d.update((byte) 1);
                d.update(level[2 * i]);
                d.update(level[2 * i + 1]);
                up[i] = d.digest();
            }
            level = up;
        }
        assertEquals(PINNED_ONE, java.util.HexFormat.of().formatHex(level[0]));
    }

    static final String PINNED_EMPTY = "f56ddb24a3153d1a0d2da9a4a59e504999c85e67972743e0b511be2ba815e09d";
    static final String PINNED_ONE = "ede297b6be7e3250f75e0b78c0490a593d042ce54f43e6ba30f0c686441ac444";

    /** A store with one hidden danger and its entries gone, as if deleted with SQL. */
    static final class Hiding implements Storage {
        private final Storage s;
        private final HiddenDangerId gone;

        Hiding(Storage s, HiddenDangerId gone) {
            this.s = s;
            this.gone = gone;
        }

        @Override
        public org.dualprevention.spi.OrganizationRepository organization() {
            return s.organization();
        }

        @Override
        public org.dualprevention.spi.RiskPointRepository riskPoints() {
            return s.riskPoints();
        }

        @Override
        public org.dualprevention.spi.InspectionPlanRepository inspectionPlans() {
            return s.inspectionPlans();
        }

        @Override
        public org.dualprevention.spi.InspectionTaskRepository inspectionTasks() {
            return s.inspectionTasks();
        }

        @Override
        public org.dualprevention.spi.GoodPracticeRepository goodPractices() {
            return s.goodPractices();
        }

        @Override
        public org.dualprevention.spi.CommandLog commands() {
            return s.commands();
        }

        @Override
        public org.dualprevention.spi.Outbox outbox() {
            return s.outbox();
        }

        @Override
        public <T> T atomically(java.util.function.Supplier<T> work) {
            return s.atomically(work);
        }

        @Override
        public HiddenDangerRepository hiddenDangers() {
            HiddenDangerRepository r = s.hiddenDangers();
            return new HiddenDangerRepository() {
                @Override
                public Optional<HiddenDanger> find(HiddenDangerId id) {
                    return id.equals(gone) ? Optional.empty() : r.find(id);
                }

                @Override
                public void save(HiddenDanger next, long expectedVersion, AuditEntry entry) {
                    r.save(next, expectedVersion, entry);
                }

                @Override
                public Page<HiddenDanger> find(HiddenDangerQuery query, PageRequest page) {
                    Page<HiddenDanger> p = r.find(query, page);
                    return Page.of(p.items().stream().filter(h -> !h.id().equals(gone)).collect(Collectors.toList()),
                            p.next());
                }

                @Override
                public long count(HiddenDangerQuery query) {
                    return r.count(query) - (r.find(gone).filter(query::matches).isPresent() ? 1 : 0);
                }
            };
        }

        @Override
        public AuditLog auditLog() {
            return (danger, page) -> danger.equals(gone) ? Page.empty() : s.auditLog().entries(danger, page);
        }
    }
}
