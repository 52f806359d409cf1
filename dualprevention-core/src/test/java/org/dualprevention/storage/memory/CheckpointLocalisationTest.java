package org.dualprevention.storage.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.Checkpoint;
import org.dualprevention.danger.CheckpointDetail;
import org.dualprevention.danger.CheckpointFinding;
import org.dualprevention.danger.CheckpointFinding.Kind;
import org.dualprevention.danger.CheckpointVerification;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.engine.closedloop.AuditChain;
import org.dualprevention.engine.closedloop.Checkpoints;
import org.dualprevention.engine.closedloop.Forger;
import org.dualprevention.spi.Storage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Checkpoints localise the fault: with the detailed form kept beside the printed checkpoint, verification names each
 * hidden danger rolled back, deleted, rewritten, extended or added with back-dated entries; the detail reads back
 * from its text form and is checked against the checkpoint's root.
 */
class CheckpointLocalisationTest {
    private final InMemoryStorage storage = InMemoryStorage.create();
    private final MemoryHiddenDangerRepository repo = (MemoryHiddenDangerRepository) storage.hiddenDangers();
    private final List<AuditEntry> story = Forger.story();

    private void store(List<AuditEntry> chain) {
        for (int n = 1; n <= chain.size(); n++) {
            repo.save(AuditChain.replay(chain.subList(0, n)), n - 1, chain.get(n - 1));
        }
    }

    /** The story's first {@code k} entries under another id, rehashed as an honest chain of its own. */
    private List<AuditEntry> other(String id, int k) {
        return Forger.rehash(TamperMatrixTest.renamed(story.subList(0, k), HiddenDangerId.of(id)));
    }

    private void replace(String id, List<AuditEntry> forged) {
        repo.tamper(HiddenDangerId.of(id), (h, chain) -> MemoryHiddenDangerRepository.record(AuditChain.replay(forged),
                forged));
    }

    private Instant lastAt() {
        return story.get(story.size() - 1).at();
    }

    private static Map<HiddenDangerId, Kind> kinds(CheckpointVerification v) {
        return v.findings().stream().collect(Collectors.toMap(CheckpointFinding::dangerId, CheckpointFinding::kind));
    }

    @Test
    @DisplayName("several faults at once: each hidden danger named with its kind, in id order; the untouched ones not")
    void severalAtOnce() {
        for (int k = 1; k <= 6; k++) {
            store(other("HD-" + k, 4));
        }
        store(story.subList(0, 4));
        Instant asOf = story.get(3).at().plus(Duration.ofHours(10));
        CheckpointDetail cp = Checkpoints.detail(storage, asOf);
        assertEquals(7, cp.leaves().size());
        assertTrue(Checkpoints.verify(storage, cp, null).isValid());
        // HD-1 rolled back to 2 entries; HD-2 deleted; HD-3 rewritten and rehashed; HD-4 extended with a back-dated
        // entry; HD-9 added with a back-dated history; HD-5 honestly extended after the checkpoint
        replace("HD-1", other("HD-1", 2));
        Storage hiding = new RecordOfTruthTest.Hiding(storage, HiddenDangerId.of("HD-2"));
        replace("HD-3", Forger.editAndRehash(other("HD-3", 4), 0, d -> d.replace("title=", "title=edited ")));
        List<AuditEntry> four = new ArrayList<>(other("HD-4", 4));
        four.add(TamperMatrixTest.forgedExtension(four.get(3), Duration.ofHours(1), Optional.empty()));
        replace("HD-4", Forger.rehash(four));
        store(other("HD-9", 2));
        List<AuditEntry> five = new ArrayList<>(other("HD-5", 4));
        five.add(TamperMatrixTest.forgedExtension(five.get(3), Duration.ofHours(11), Optional.empty()));
        replace("HD-5", Forger.rehash(five));

        CheckpointVerification v = Checkpoints.verify(hiding, cp, null);
        assertFalse(v.isValid());
        assertEquals(Map.of(HiddenDangerId.of("HD-1"), Kind.ROLLED_BACK, HiddenDangerId.of("HD-2"), Kind.DELETED,
                HiddenDangerId.of("HD-3"), Kind.REWRITTEN, HiddenDangerId.of("HD-4"), Kind.EXTENDED_BACKDATED,
                HiddenDangerId.of("HD-9"), Kind.ADDED_BACKDATED), kinds(v), v.toString());
        assertEquals(List.of("HD-1", "HD-2", "HD-3", "HD-4", "HD-9"),
                v.findings().stream().map(f -> f.dangerId().value()).toList());
        CheckpointFinding rolled = v.findings().get(0);
        assertEquals(4, rolled.expectedSequence());
        assertEquals(2, rolled.foundSequence());
        assertTrue(rolled.toString().startsWith("隐患 [HD-1] 回滚或截断 (rolled back or truncated): sequence 4 in the"
                + " checkpoint, 2 now"), rolled.toString());
        assertTrue(v.problem().orElseThrow().startsWith("5 hidden dangers differ: 1 回滚或截断 (rolled back or"
                + " truncated), 1 被删除 (deleted), 1 历史被改写 (history rewritten)"), v.problem().orElseThrow());
        // the printed checkpoint alone still says that something changed, not which
        CheckpointVerification plain = Checkpoints.verify(hiding, cp.checkpoint());
        assertFalse(plain.isValid());
        assertTrue(plain.findings().isEmpty());
    }

    @Test
    @DisplayName("a checkpoint of an empty store: no leaves, valid on the empty store, a back-dated hidden danger named later")
    void emptyStore() {
        CheckpointDetail empty = Checkpoints.detail(storage, lastAt());
        assertEquals(0, empty.checkpoint().count());
        assertEquals(List.of(), empty.leaves());
        assertEquals(Checkpoints.of(storage, lastAt()), empty.checkpoint());
        assertTrue(Checkpoints.verify(storage, empty, null).isValid());
        assertEquals(empty, CheckpointDetail.read(new StringReader(text(empty))));
        store(story.subList(0, 2));
        CheckpointVerification v = Checkpoints.verify(storage, empty, null);
        assertEquals(List.of(HiddenDangerId.of("HD-2026-0099")), v.dangers(Kind.ADDED_BACKDATED), v.toString());
        // a hidden danger reported after the checkpoint's instant is not covered by it
        CheckpointDetail early = Checkpoints.detail(InMemoryStorage.create(), story.get(0).at().minusSeconds(1));
        assertTrue(Checkpoints.verify(storage, early, null).isValid());
    }

    private static String text(CheckpointDetail d) {
        StringWriter w = new StringWriter();
        d.write(w);
        return w.toString();
    }

    @Test
    @DisplayName("the detail's text form reads back exactly, ids with blanks, % and any plane included")
    void textForm() {
        for (String id : List.of("HD 1", "HD%20", "罐区-隐患-0001", "HD-😀-\u00a0x", " lead")) {
            try {
                HiddenDangerId.of(id);
            } catch (IllegalArgumentException notAnId) {
                continue;
            }
            store(other(id, 2));
        }
        store(story);
        CheckpointDetail d = Checkpoints.detail(storage, lastAt());
        String text = text(d);
        assertTrue(text.startsWith(CheckpointDetail.HEADER + "\n" + d.checkpoint() + "\n"), text);
        assertEquals(d, CheckpointDetail.read(new StringReader(text)));
        assertTrue(text.contains(" HD%201\n") && text.contains(" HD%2520\n"), text);
        assertEquals(d.checkpoint(), Checkpoint.parse(text.lines().skip(1).findFirst().orElseThrow()));
    }

    @Test
    @DisplayName("an altered detail is refused against its checkpoint's root; bad text is refused naming the line")
    void alteredDetailIsRefused() {
        store(story);
        store(other("HD-1", 3));
        CheckpointDetail d = Checkpoints.detail(storage, lastAt());
        List<CheckpointDetail.Leaf> leaves = new ArrayList<>(d.leaves());
        CheckpointDetail.Leaf l = leaves.get(0);
        leaves.set(0, new CheckpointDetail.Leaf(l.dangerId(), l.sequence() - 1, l.head()));
        CheckpointDetail altered = new CheckpointDetail(d.checkpoint(), leaves);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Checkpoints.verify(storage, altered, null));
        assertTrue(e.getMessage().contains("the detail was altered"), e.getMessage());
        String text = text(d).replace(" HD-1\n", " HD-1 \n").replaceFirst("\n3 ", "\nthree ");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> CheckpointDetail.read(new StringReader(text)));
        assertTrue(bad.getMessage().startsWith("checkpoint detail line 3 [three "), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CheckpointDetail(d.checkpoint(), leaves.subList(0, 1)));
    }

    @Test
    @DisplayName("10,000 hidden dangers: the detail round-trips (about 1 MB) and three faults among them are named exactly (seeded)")
    void tenThousand() {
        long seed = new Random().nextLong();
        Random r = new Random(seed);
        List<List<AuditEntry>> base = new ArrayList<>();
        for (int k = 1; k <= 4; k++) {
            base.add(story.subList(0, k));
        }
        for (int i = 0; i < 10_000; i++) {
            HiddenDangerId id = HiddenDangerId.of(String.format("HD-%05d", i));
            store(Forger.rehash(TamperMatrixTest.renamed(base.get(1 + (i % 3)), id)));
        }
        CheckpointDetail d = Checkpoints.detail(storage, lastAt());
        assertEquals(10_000, d.checkpoint().count());
        String text = text(d);
        assertTrue(text.length() < 1_000_000, "the detail of 10,000 takes " + text.length() + " characters");
        assertEquals(d, CheckpointDetail.read(new StringReader(text)));
        assertTrue(Checkpoints.verify(storage, d, null).isValid());
        int a = r.nextInt(3_000);
        int b = 3_000 + r.nextInt(3_000);
        int c = 6_000 + r.nextInt(4_000);
        String rolled = String.format("HD-%05d", a + (a % 3 == 0 ? 1 : 0));
        replace(rolled, Forger.rehash(TamperMatrixTest.renamed(base.get(0), HiddenDangerId.of(rolled))));
        String gone = String.format("HD-%05d", b);
        String rewritten = String.format("HD-%05d", c);
        List<AuditEntry> chain = Forger.rehash(TamperMatrixTest.renamed(base.get(1 + (c % 3)),
                HiddenDangerId.of(rewritten)));
        replace(rewritten, Forger.editAndRehash(chain, 0, x -> x.replace("title=", "title=x")));
        long t0 = System.nanoTime();
        CheckpointVerification v = Checkpoints.verify(new RecordOfTruthTest.Hiding(storage, HiddenDangerId.of(gone)),
                d, null);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(Map.of(HiddenDangerId.of(rolled), Kind.ROLLED_BACK, HiddenDangerId.of(gone), Kind.DELETED,
                HiddenDangerId.of(rewritten), Kind.REWRITTEN), kinds(v), "seed " + seed + ": " + v);
        System.out.println("CheckpointLocalisationTest: 10,000 hidden dangers verified against a detail in " + ms
                + " ms (load " + load() + ")");
    }

    private static String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
