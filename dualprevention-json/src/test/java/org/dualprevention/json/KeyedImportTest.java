package org.dualprevention.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.dualprevention.Violation;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.engine.closedloop.AuditEntries;
import org.dualprevention.spi.AuditKeyProvider;
import org.junit.jupiter.api.Test;

/**
 * JSON imports with the host's keys ({@link ImportOptions#withAuditKeys}): keyed ledgers and NDJSON audit logs
 * import across a key rotation; a keyed chain rehashed without the key (its checkpoint recomputed to match, as a
 * forger would) is refused naming the hidden danger and the entry; a keyed chain imported without keys, or under an
 * unknown key id, is refused naming the key id and never a key.
 */
class KeyedImportTest {
    static final String SECRET = "secret key ";

    /** Keys by id, one current. */
    static final class Keys implements AuditKeyProvider {
        final Map<String, byte[]> keys = new HashMap<>();
        String current;

        Keys(String... ids) {
            for (String id : ids) {
                keys.put(id, (SECRET + id + " of the host, 32 bytes or more").getBytes(StandardCharsets.UTF_8));
            }
            current = ids[ids.length - 1];
        }

        @Override
        public String currentKeyId() {
            return current;
        }

        @Override
        public Optional<byte[]> key(String keyId) {
            return Optional.ofNullable(keys.get(keyId)).map(byte[]::clone);
        }

        @Override
        public Instant keyedSince() {
            return Instant.parse("2026-01-01T00:00:00Z");
        }
    }

    /** Six hidden dangers keyed with k1, then six with k2 after a rotation. */
    static List<HiddenDangerRecord> keyedRecords(Keys keys) {
        DangerGen g = new DangerGen(42);
        g.keys = keys;
        List<HiddenDangerRecord> out = new ArrayList<>();
        keys.current = "k1";
        for (int i = 0; i < 12; i++) {
            if (i == 6) {
                keys.current = "k2";
            }
            out.add(g.record("HD-K-" + i));
        }
        return out;
    }

    /** A record's chain rehashed with plain SHA-256 (no key), its snapshot's head following: what a forger can do. */
    static HiddenDangerRecord rehashed(HiddenDangerRecord r) {
        List<AuditEntry> out = new ArrayList<>();
        String previous = AuditEntry.GENESIS;
        for (AuditEntry e : r.entries()) {
            AuditEntry f = AuditEntries.create(e.dangerId(), e.sequence(), e.actor(), e.at(), e.action(), e.stateBefore(),
                    e.stateAfter(), e.data(), previous, e.stateHash().orElseThrow());
            out.add(f);
            previous = f.hash();
        }
        HiddenDanger d = r.danger().toBuilder().auditHead(previous).build();
        return new HiddenDangerRecord(d, out);
    }

    static JsonImportException refused(byte[] doc, ImportOptions options, boolean ledger) {
        if (ledger) {
            CollectingSink<DocumentHeader, HiddenDangerRecord> sink = new CollectingSink<>();
            JsonImportException e = assertThrows(JsonImportException.class,
                    () -> HiddenDangerLedger.read(DocumentSource.of(doc), options, sink));
            assertTrue(sink.receivedNothing());
            return e;
        }
        CollectingSink<DocumentHeader, AuditEntry> sink = new CollectingSink<>();
        JsonImportException e = assertThrows(JsonImportException.class,
                () -> AuditLogDocument.read(DocumentSource.of(doc), options, sink));
        assertTrue(sink.receivedNothing());
        return e;
    }

    static List<String> pointers(JsonImportException e) {
        return e.violations().stream().map(Violation::path).collect(Collectors.toList());
    }

    @Test
    void keyedExportsImportWithTheKeysAcrossARotation() {
        Keys keys = new Keys("k1", "k2");
        List<HiddenDangerRecord> records = keyedRecords(keys);
        assertEquals(Optional.of("k1"), records.get(0).entries().get(0).keyId());
        assertEquals(Optional.of("k2"), records.get(11).entries().get(0).keyId());
        ImportOptions options = ImportOptions.defaults().withAuditKeys(keys);
        CollectingSink<DocumentHeader, HiddenDangerRecord> sink = new CollectingSink<>();
        HiddenDangerLedger.read(DocumentSource.of(LedgerAndAuditLogTest.ledger(records)), options, sink);
        assertEquals(records, sink.items);
        CollectingSink<DocumentHeader, AuditEntry> logSink = new CollectingSink<>();
        AuditLogDocument.read(DocumentSource.of(LedgerAndAuditLogTest.log(records)), options, logSink);
        assertEquals(records.stream().mapToInt(r -> r.entries().size()).sum(), logSink.items.size());
        assertFalse(options.toString().contains(SECRET), options.toString());
    }

    @Test
    void aRehashedKeyedChainIsRefusedNamingTheHiddenDangerAndTheEntry() {
        Keys keys = new Keys("k1", "k2");
        List<HiddenDangerRecord> records = new ArrayList<>(keyedRecords(keys));
        records.set(4, rehashed(records.get(4)));
        String id = records.get(4).danger().id().value();
        ImportOptions options = ImportOptions.defaults().withAuditKeys(keys);
        // the forger rewrote the export whole: its checkpoint matches, only the key finds it
        JsonImportException ledger = refused(LedgerAndAuditLogTest.ledger(records), options, true);
        assertEquals(List.of("/hiddenDangers/4/entries/0"), pointers(ledger), ledger.getMessage());
        assertTrue(ledger.getMessage().contains("(entry 1 of hidden danger " + id + ")")
                && ledger.getMessage().contains("at or after keyed chaining began"), ledger.getMessage());
        long line = 1 + records.subList(0, 4).stream().mapToInt(r -> r.entries().size()).sum();
        JsonImportException log = refused(LedgerAndAuditLogTest.log(records), options, false);
        assertEquals(List.of("/" + line), pointers(log), log.getMessage());
        assertTrue(log.getMessage().contains("(entry 1 of " + id + ")")
                && log.getMessage().contains("at or after keyed chaining began"), log.getMessage());
        // without the keys the same forgery imports: the plain chain is consistent
        CollectingSink<DocumentHeader, HiddenDangerRecord> sink = new CollectingSink<>();
        List<HiddenDangerRecord> plain = records.stream().map(KeyedImportTest::rehashed).toList();
        HiddenDangerLedger.read(DocumentSource.of(LedgerAndAuditLogTest.ledger(plain)), ImportOptions.defaults(), sink);
        assertEquals(plain, sink.items);
    }

    @Test
    void aKeyedChainWithoutTheKeysOrUnderAnUnknownKeyIdIsRefusedNamingTheKeyId() {
        Keys keys = new Keys("k1", "k2");
        List<HiddenDangerRecord> records = keyedRecords(keys);
        byte[] ledger = LedgerAndAuditLogTest.ledger(records);
        JsonImportException none = refused(ledger, ImportOptions.defaults(), true);
        assertTrue(none.getMessage().contains("keyed with the host's key [k1]"), none.getMessage());
        Keys lost = new Keys("k2");
        for (boolean isLedger : new boolean[] {true, false}) {
            byte[] doc = isLedger ? ledger : LedgerAndAuditLogTest.log(records);
            JsonImportException e = refused(doc, ImportOptions.defaults().withAuditKeys(lost), isLedger);
            assertTrue(e.getMessage().contains("audit key id [k1] is unknown"), e.getMessage());
            assertTrue(e.getMessage().contains("HD-K-0"), e.getMessage());
            assertFalse(e.getMessage().contains(SECRET), e.getMessage());
            assertEquals(6, e.violations().size(), e.getMessage());
        }
    }
}
