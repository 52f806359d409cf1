package org.dualprevention.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.dualprevention.Violation;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.engine.closedloop.AuditEntries;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The hidden-danger ledger and the NDJSON audit log: identity, tamper detection, all-or-nothing. */
class LedgerAndAuditLogTest {
    static final JsonMapper MAPPER = DualPreventionJson.mapper();

    static List<HiddenDangerRecord> records(long seed, int n) {
        DangerGen g = new DangerGen(seed);
        List<HiddenDangerRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(g.record("HD-" + seed + "-" + i));
        }
        return out;
    }

    static byte[] ledger(List<HiddenDangerRecord> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HiddenDangerLedger.write(out, records);
        return out.toByteArray();
    }

    static byte[] log(List<HiddenDangerRecord> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AuditLogDocument.write(out, records.stream().flatMap(r -> r.entries().stream()).collect(Collectors.toList()));
        return out.toByteArray();
    }

    static JsonImportException ledgerRefused(byte[] doc) {
        CollectingSink<DocumentHeader, HiddenDangerRecord> sink = new CollectingSink<>();
        JsonImportException e = assertThrows(JsonImportException.class,
                () -> HiddenDangerLedger.read(DocumentSource.of(doc), ImportOptions.defaults(), sink));
        assertTrue(sink.receivedNothing());
        return e;
    }

    static List<String> pointers(JsonImportException e) {
        return e.violations().stream().map(Violation::path).collect(Collectors.toList());
    }

    @TestFactory
    Stream<DynamicTest> ledgerAndLogRoundTrip() {
        return LongStream.range(0, 60).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> {
            List<HiddenDangerRecord> records = records(seed, 1 + (int) (seed % 7));
            CollectingSink<DocumentHeader, HiddenDangerRecord> sink = new CollectingSink<>();
            HiddenDangerLedger.read(DocumentSource.of(ledger(records)), ImportOptions.defaults().withBatchSize(3), sink);
            assertEquals(records, sink.items, "seed " + seed);
            CollectingSink<DocumentHeader, AuditEntry> logSink = new CollectingSink<>();
            ImportReport report = AuditLogDocument.read(DocumentSource.of(log(records)), ImportOptions.defaults(), logSink);
            List<AuditEntry> all = records.stream().flatMap(r -> r.entries().stream()).collect(Collectors.toList());
            assertEquals(all, logSink.items, "seed " + seed);
            assertEquals(all.size(), report.items(), "seed " + seed);
            for (AuditEntry e : all) {
                assertEquals(e, MAPPER.readValue(MAPPER.writeValueAsString(e), AuditEntry.class), "seed " + seed);
            }
        }));
    }

    @Test
    void logIsOneEntryPerLineAfterAHeader() {
        List<HiddenDangerRecord> records = records(3, 2);
        String[] lines = new String(log(records), StandardCharsets.UTF_8).split("\n");
        assertEquals("{\"format\":\"dualprevention.audit-log\",\"version\":2}", lines[0]);
        assertEquals(2 + records.stream().mapToInt(r -> r.entries().size()).sum(), lines.length);
        assertTrue(lines[lines.length - 1].matches("\\{\"checkpoint\":\\{\"asOf\":\"[^\"]+\",\"count\":2,"
                + "\"root\":\"[0-9a-f]{64}\"}}"), lines[lines.length - 1]);
    }

    @Test
    void editedEntryIsRefusedAtItsHash() {
        List<HiddenDangerRecord> records = records(5, 3);
        ObjectNode doc = (ObjectNode) MAPPER.readTree(ledger(records));
        ObjectNode entry = (ObjectNode) doc.get("hiddenDangers").get(1).get("entries").get(0);
        entry.put("actor", "mallory");
        JsonImportException e = ledgerRefused(MAPPER.writeValueAsBytes(doc));
        assertEquals(List.of("/hiddenDangers/1/entries/0/hash"), pointers(e));
    }

    @Test
    void rehashedEditBreaksTheChainOrTheReplay() {
        List<HiddenDangerRecord> records = records(9, 5);
        int i = 0;
        while (records.get(i).entries().size() < 2) {
            i++;
        }
        AuditEntry first = records.get(i).entries().get(0);
        AuditEntry forged = AuditEntries.create(first.dangerId(), first.sequence(), first.actor(),
                first.at().minusSeconds(1), first.action(), first.stateBefore(), first.stateAfter(), first.data(),
                first.previousHash(), first.stateHash().orElseThrow());
        ObjectNode doc = (ObjectNode) MAPPER.readTree(ledger(records));
        ((ArrayNode) doc.get("hiddenDangers").get(i).get("entries")).set(0, MAPPER.valueToTree(forged));
        JsonImportException e = ledgerRefused(MAPPER.writeValueAsBytes(doc));
        assertEquals(List.of("/hiddenDangers/" + i + "/entries/1"), pointers(e), e.getMessage());
    }

    @Test
    void recordedStateMustBeTheReplayedState() {
        List<HiddenDangerRecord> records = records(11, 2);
        ObjectNode doc = (ObjectNode) MAPPER.readTree(ledger(records));
        ObjectNode d = (ObjectNode) doc.get("hiddenDangers").get(0);
        d.put("state", d.get("state").stringValue().equals("closed") ? "reported" : "closed");
        JsonImportException e = ledgerRefused(MAPPER.writeValueAsBytes(doc));
        assertEquals(List.of("/hiddenDangers/0/state"), pointers(e));
    }

    @Test
    void duplicateDangerAndSplitChainAreRefused() {
        List<HiddenDangerRecord> records = records(13, 2);
        List<HiddenDangerRecord> twice = new ArrayList<>(records);
        twice.add(records.get(0));
        JsonImportException e = ledgerRefused(ledger(twice));
        assertEquals(List.of("/hiddenDangers/2/id"), pointers(e));

        List<AuditEntry> split = new ArrayList<>(records.get(0).entries());
        split.addAll(records.get(1).entries());
        split.add(records.get(0).entries().get(0));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AuditLogDocument.write(out, split);
        CollectingSink<DocumentHeader, AuditEntry> sink = new CollectingSink<>();
        JsonImportException le = assertThrows(JsonImportException.class,
                () -> AuditLogDocument.read(DocumentSource.of(out.toByteArray()), ImportOptions.defaults(), sink));
        assertTrue(sink.receivedNothing());
        assertEquals("/" + split.size() + "/dangerId", le.violations().get(0).path(), le.getMessage());
    }

    // ------------------------------------------------------------------------ exports carry their checkpoint

    @Test
    void ledgerWithAHiddenDangerPrunedIsRefusedAtItsCheckpoint() {
        List<HiddenDangerRecord> records = records(19, 4);
        ObjectNode doc = (ObjectNode) MAPPER.readTree(ledger(records));
        assertEquals(2, doc.get("version").intValue());
        assertEquals(4, doc.get("checkpoint").get("count").intValue());
        ((ArrayNode) doc.get("hiddenDangers")).remove(1);
        JsonImportException e = ledgerRefused(MAPPER.writeValueAsBytes(doc));
        assertEquals(List.of("/checkpoint/count"), pointers(e), e.getMessage());
        assertTrue(e.getMessage().contains("hidden dangers were removed"), e.getMessage());
    }

    @Test
    void ledgerWithAChainsTailRemovedIsRefusedAtItsCheckpoint() {
        List<HiddenDangerRecord> records = records(23, 5);
        int i = 0;
        while (records.get(i).entries().size() < 2) {
            i++;
        }
        ObjectNode doc = (ObjectNode) MAPPER.readTree(ledger(records));
        ObjectNode d = (ObjectNode) doc.get("hiddenDangers").get(i);
        ArrayNode entries = (ArrayNode) d.get("entries");
        entries.remove(entries.size() - 1);
        // the attacker fixes the record so it replays: version, state and head of the shortened chain
        List<AuditEntry> kept = records.get(i).entries().subList(0, records.get(i).entries().size() - 1);
        HiddenDanger replayed = org.dualprevention.engine.closedloop.AuditChain.replay(kept);
        d.put("version", replayed.version());
        d.put("state", replayed.state().code());
        d.put("auditHead", replayed.auditHead());
        JsonImportException e = ledgerRefused(MAPPER.writeValueAsBytes(doc));
        assertTrue(pointers(e).stream().allMatch(p -> p.startsWith("/checkpoint/")) && !pointers(e).isEmpty(),
                pointers(e).toString());
    }

    @Test
    void ledgerWithoutItsCheckpointIsRefused() {
        ObjectNode doc = (ObjectNode) MAPPER.readTree(ledger(records(29, 2)));
        doc.remove("checkpoint");
        assertEquals(List.of("/checkpoint"), pointers(ledgerRefused(MAPPER.writeValueAsBytes(doc))));
    }

    @Test
    void ledgerOfVersion1WithoutCheckpointStillImports() {
        List<HiddenDangerRecord> records = records(31, 3);
        ObjectNode doc = (ObjectNode) MAPPER.readTree(ledger(records));
        doc.remove("checkpoint");
        doc.put("version", 1);
        CollectingSink<DocumentHeader, HiddenDangerRecord> sink = new CollectingSink<>();
        HiddenDangerLedger.read(DocumentSource.of(MAPPER.writeValueAsBytes(doc)), ImportOptions.defaults(), sink);
        assertEquals(records, sink.items);
    }

    @Test
    void auditLogWithItsTailRemovedIsRefused() {
        List<HiddenDangerRecord> records = records(37, 4);
        String[] lines = new String(log(records), StandardCharsets.UTF_8).split("\n");
        for (int cut = 1; cut <= 3; cut++) {
            String shortened = String.join("\n", java.util.Arrays.copyOf(lines, lines.length - cut)) + "\n";
            JsonImportException e = assertThrows(JsonImportException.class, () -> AuditLogDocument.read(
                    DocumentSource.of(shortened.getBytes(StandardCharsets.UTF_8)), ImportOptions.defaults(),
                    new CollectingSink<>()));
            assertEquals(List.of("/" + (lines.length - cut)), pointers(e), "cut " + cut + ": " + e.getMessage());
            assertTrue(e.getMessage().contains("the log was cut off"), e.getMessage());
        }
        // entry lines removed, the checkpoint line kept
        List<String> pruned = new ArrayList<>(List.of(lines));
        pruned.remove(lines.length - 2);
        JsonImportException e = assertThrows(JsonImportException.class, () -> AuditLogDocument.read(
                DocumentSource.of((String.join("\n", pruned) + "\n").getBytes(StandardCharsets.UTF_8)),
                ImportOptions.defaults(), new CollectingSink<>()));
        assertTrue(pointers(e).stream().allMatch(p -> p.startsWith("/" + (lines.length - 2) + "/checkpoint/"))
                && !pointers(e).isEmpty(), pointers(e).toString());
    }

    @Test
    void logProblemsNameTheLine() {
        List<HiddenDangerRecord> records = records(17, 2);
        String[] lines = new String(log(records), StandardCharsets.UTF_8).split("\n");
        lines[2] = lines[2].replace("\"sequence\":", "\"sequence\":\"x\",\"y\":");
        CollectingSink<DocumentHeader, AuditEntry> sink = new CollectingSink<>();
        JsonImportException e = assertThrows(JsonImportException.class, () -> AuditLogDocument.read(
                DocumentSource.of(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)), ImportOptions.defaults(), sink));
        assertTrue(sink.receivedNothing());
        assertTrue(pointers(e).contains("/2/y"), pointers(e).toString());
        assertTrue(pointers(e).contains("/2/sequence"), pointers(e).toString());

        byte[] newer = ("{\"format\":\"dualprevention.audit-log\",\"version\":3}\n").getBytes(StandardCharsets.UTF_8);
        e = assertThrows(JsonImportException.class, () -> AuditLogDocument.read(DocumentSource.of(newer),
                ImportOptions.defaults(), new CollectingSink<>()));
        assertTrue(e.getMessage().contains("upgrade dualprevention-json"), e.getMessage());
        byte[] truncated = java.util.Arrays.copyOf(log(records), log(records).length - 10);
        assertThrows(JsonImportException.class, () -> AuditLogDocument.read(DocumentSource.of(truncated),
                ImportOptions.defaults(), new CollectingSink<>()));
    }

    @Test
    void mutatedLedgersOnlyRaiseTheDocumentedErrorAndImportNothing() {
        int refused = 0;
        for (int c = 0; c < 600; c++) {
            long seed = 7_000_003L * c + 5;
            java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
            byte[] valid = ledger(records(seed % 31, 3));
            MutationFuzzTest.Kind kind = MutationFuzzTest.Kind.values()[c % MutationFuzzTest.Kind.values().length];
            MutationFuzzTest.Mutation m = MutationFuzzTest.mutate(Hostile.Doc.LEDGER, valid, kind, r);
            CollectingSink<DocumentHeader, HiddenDangerRecord> sink = new CollectingSink<>();
            String where = "seed " + seed + ", mutation " + kind + " at [" + m.pointer() + "]";
            try {
                HiddenDangerLedger.read(DocumentSource.of(m.doc()),
                        ImportOptions.defaults().withLimits(JsonLimits.defaults().withMaxStringLength(1000)), sink);
                assertTrue(!kind.alwaysInvalid, "accepted an invalid ledger; " + where + "\n" + m.text());
            } catch (JsonImportException e) {
                refused++;
                assertTrue(sink.receivedNothing(), where);
                for (Violation v : e.violations()) {
                    assertTrue(v.path().isEmpty() || v.path().startsWith("/"), v + "; " + where);
                }
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("undocumented " + e + "; " + where + "\n" + m.text(), e);
            }
        }
        assertTrue(refused > 300, "refused " + refused);
    }
}
