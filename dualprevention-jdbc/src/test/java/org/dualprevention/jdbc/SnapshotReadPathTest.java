package org.dualprevention.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.ChainVerification;
import org.dualprevention.danger.ClosedLoopSettings;
import org.dualprevention.danger.Funds;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerSource;
import org.dualprevention.danger.RectificationPlan;
import org.dualprevention.danger.Transition;
import org.dualprevention.engine.closedloop.AuditEntries;
import org.dualprevention.engine.closedloop.ClosedLoop;
import org.dualprevention.engine.closedloop.StateHash;
import org.dualprevention.json.HiddenDangerJson;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.query.HiddenDangerQuery;
import org.dualprevention.query.Page;
import org.dualprevention.query.PageRequest;
import org.dualprevention.spi.AuditKeyProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 12, "reads replay the whole chain": the stored snapshot ({@code doc}, the dualprevention-json form) is the read
 * path, checked on every load against the head audit entry. Proved without a stopwatch: a load is one statement at any
 * chain length (statements counted), a page is one statement, and a load still succeeds with the middle of the chain
 * deleted while full verification reports it. Every edit of the snapshot or the head is reported, never served; rows
 * without a snapshot (written before 0.2) load by replay and get their snapshot from {@link JdbcStorage#fillSnapshots()}.
 */
class SnapshotReadPathTest {
    static final HiddenDangerId SHORT = HiddenDangerId.of("HD-SHORT");
    static final HiddenDangerId LONG = HiddenDangerId.of("HD-LONG");
    static final int REJECTIONS = 20;

    /** Counts the statements prepared or created on its connections. */
    static final class Counting extends TestDataSourceBase {
        final DataSource target;
        final AtomicInteger statements = new AtomicInteger();
        final List<String> sql = new ArrayList<>();

        Counting(DataSource target) {
            this.target = target;
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection real = target.getConnection();
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, m, args) -> {
                        if (m.getName().equals("prepareStatement") || m.getName().equals("createStatement")) {
                            statements.incrementAndGet();
                            synchronized (sql) {
                                sql.add(args == null ? "" : String.valueOf(args[0]));
                            }
                        }
                        try {
                            return m.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public Connection getConnection(String username, String password) {
            throw new UnsupportedOperationException();
        }

        int reset() {
            int n = statements.getAndSet(0);
            synchronized (sql) {
                sql.clear();
            }
            return n;
        }
    }

    static Transition step(HiddenDanger d, HiddenDangerCommand c, AuditKeyProvider keys) {
        Clock at = Clock.fixed(d.lastActionAt().plus(Duration.ofMinutes(1)), Loop.ZONE);
        return keys == null ? ClosedLoop.apply(d, c, at, Loop.ZONE, ClosedLoopSettings.defaults())
                : ClosedLoop.apply(d, c, at, Loop.ZONE, ClosedLoopSettings.defaults(), keys);
    }

    /** Saves a hidden danger taken through report, verify, plan, start and {@code rejections} submit/reject rounds. */
    static HiddenDanger save(JdbcStorage s, HiddenDangerId id, int rejections, AuditKeyProvider keys) {
        HiddenDangerCommand.Report r = HiddenDangerCommand.Report.of(Loop.REPORTER, id, "Guard rail loose at " + id,
                "found during a walk", HiddenDangerSource.OTHER, OrgUnitId.of("U-1"), LocalDate.of(2026, 1, 5));
        Clock c0 = Clock.fixed(Loop.START, Loop.ZONE);
        Transition t = keys == null ? ClosedLoop.report(r, c0, Loop.ZONE) : ClosedLoop.report(r, c0, Loop.ZONE, keys);
        s.hiddenDangers().save(t.next(), 0, t.audit());
        HiddenDanger d = t.next();
        List<HiddenDangerCommand> cmds = new ArrayList<>(List.of(HiddenDangerCommand.Verify.general(Loop.VERIFIER, "confirmed"),
                new HiddenDangerCommand.Plan(Loop.VERIFIER, RectificationPlan.of(Loop.RECTIFIER.id(), "fasten and weld",
                        Funds.cny("1200.50"), LocalDate.of(2026, 2, 1), "fence the area off")),
                HiddenDangerCommand.Start.by(Loop.RECTIFIER)));
        for (int i = 0; i < rejections; i++) {
            cmds.add(new HiddenDangerCommand.Submit(Loop.RECTIFIER, "welded " + i, List.of(URI.create("https://e.example/" + i)),
                    LocalDate.of(2026, 1, 5)));
            cmds.add(new HiddenDangerCommand.Reject(Loop.ACCEPTOR, "seam too thin " + i));
        }
        for (HiddenDangerCommand cmd : cmds) {
            Transition n = step(d, cmd, keys);
            s.hiddenDangers().save(n.next(), d.version(), n.audit());
            d = n.next();
        }
        return d;
    }

    static void exec(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate(sql);
        }
    }

    static void dropGuards(DataSource ds, TestDatabase.Kind kind) throws SQLException {
        if (kind == TestDatabase.Kind.MARIADB) {
            exec(ds, "DROP TRIGGER dp_audit_entry_no_update");
            exec(ds, "DROP TRIGGER dp_audit_entry_no_delete");
        } else if (kind == TestDatabase.Kind.POSTGRESQL) {
            exec(ds, "DROP TRIGGER dp_audit_entry_append_only ON dp_audit_entry");
        } else {
            exec(ds, "DROP TRIGGER dp_audit_entry_append_only");
        }
    }

    static String doc(DataSource ds, HiddenDangerId id) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT doc FROM dp_hidden_danger WHERE id = ?")) {
            ps.setString(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1);
            }
        }
    }

    static void setDoc(DataSource ds, TestDatabase.Kind kind, HiddenDangerId id, String json) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("UPDATE dp_hidden_danger SET doc = "
                + (kind == TestDatabase.Kind.POSTGRESQL ? "CAST(? AS json)" : "?") + " WHERE id = ?")) {
            ps.setString(1, json);
            ps.setString(2, id.value());
            assertEquals(1, ps.executeUpdate());
        }
    }

    static CorruptRecordException reported(JdbcStorage s, HiddenDangerId id, String column) {
        CorruptRecordException e = assertThrows(CorruptRecordException.class, () -> s.hiddenDangers().find(id));
        assertEquals(id.value(), e.recordId(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
        assertThrows(CorruptRecordException.class, () -> Page.stream(p -> s.hiddenDangers().find(HiddenDangerQuery.all(), p),
                100).count(), "a page that meets the row reports it too");
        List<CorruptRecord> corrupt = s.corruptRecords();
        assertTrue(corrupt.stream().anyMatch(r -> r.dangerId().equals(id.value())), corrupt.toString());
        return e;
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = {"H2_MEM", "POSTGRESQL", "MARIADB"})
    void aLoadIsOneStatementAtAnyChainLengthAndSurvivesADeletedMiddle(TestDatabase.Kind kind) throws SQLException {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations.migrate(db.dataSource());
            Counting counting = new Counting(db.dataSource());
            JdbcStorage s = JdbcStorage.of(counting);
            HiddenDanger shortOne = save(s, SHORT, 0, null);
            HiddenDanger longOne = save(s, LONG, REJECTIONS, null);
            assertEquals(4, shortOne.version());
            assertEquals(4 + 2 * REJECTIONS, longOne.version());
            assertNotNull(doc(db.dataSource(), LONG), "the snapshot is written with the row");

            counting.reset();
            assertEquals(shortOne, s.hiddenDangers().find(SHORT).orElseThrow());
            assertEquals(1, counting.reset(), "one statement for a chain of 4");
            assertEquals(longOne, s.hiddenDangers().find(LONG).orElseThrow());
            assertEquals(1, counting.reset(), "one statement for a chain of " + longOne.version());
            for (int i = 0; i < 30; i++) {
                save(s, HiddenDangerId.of("HD-P" + (100 + i)), i % 3, null);
            }
            counting.reset();
            Page<HiddenDanger> page = s.hiddenDangers().find(HiddenDangerQuery.all().open(), PageRequest.first(25));
            assertEquals(25, page.items().size());
            assertEquals(1, counting.reset(), "one statement for a page of 25, rows joined with their head entries");

            // delete the middle of the long chain: the load reads the snapshot and the head only, and still serves it;
            // full verification (the engine's verifyAuditChain, corruptRecords) reports it
            dropGuards(db.dataSource(), kind);
            exec(db.dataSource(), "DELETE FROM dp_audit_entry WHERE danger_id = 'HD-LONG' AND seq BETWEEN 2 AND "
                    + (longOne.version() - 1));
            assertEquals(longOne, s.hiddenDangers().find(LONG).orElseThrow());
            ChainVerification v = new EngineFixture(s).dp.hiddenDangers().verifyAuditChain(LONG);
            assertFalse(v.isValid(), v.toString());
            List<CorruptRecord> corrupt = s.corruptRecords();
            assertEquals(List.of("HD-LONG"), corrupt.stream().map(CorruptRecord::dangerId).toList(), corrupt.toString());
            assertTrue(new EngineFixture(s).dp.hiddenDangers().verifyAuditChain(SHORT).isValid());
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = {"H2_MEM", "POSTGRESQL", "MARIADB"})
    void everyEditOfTheSnapshotOrTheHeadIsReported(TestDatabase.Kind kind) throws SQLException {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations.migrate(db.dataSource());
            DataSource ds = db.dataSource();
            JdbcStorage s = JdbcStorage.of(ds);
            HiddenDanger a = save(s, SHORT, 0, null);
            HiddenDanger b = save(s, LONG, 2, null);
            assertEquals(List.of(), s.corruptRecords());
            String docA = doc(ds, SHORT);
            String docB = doc(ds, LONG);

            // 1. the snapshot edited by SQL, query columns untouched: the title changed
            ObjectNode edited = HiddenDangerJson.write(a);
            ((ObjectNode) edited.get("finding")).put("title", "nothing to see");
            setDoc(ds, kind, SHORT, edited.toString());
            CorruptRecordException e = reported(s, SHORT, "doc");
            assertTrue(e.getMessage().contains("state hash"), e.getMessage());
            setDoc(ds, kind, SHORT, docA);
            assertEquals(a, s.hiddenDangers().find(SHORT).orElseThrow());

            // 2. the snapshot is not a hidden danger at all
            setDoc(ds, kind, SHORT, "{\"format\": \"something else\"}");
            reported(s, SHORT, "doc");
            setDoc(ds, kind, SHORT, docA);

            // 3. two rows' snapshots swapped: each names the other's id
            setDoc(ds, kind, SHORT, docB);
            setDoc(ds, kind, LONG, docA);
            reported(s, SHORT, "doc");
            reported(s, LONG, "doc");
            assertEquals(2, s.corruptRecords().size());
            setDoc(ds, kind, SHORT, docA);
            setDoc(ds, kind, LONG, docB);
            assertEquals(List.of(), s.corruptRecords());

            // 4. the head entry's state hash edited
            dropGuards(ds, kind);
            exec(ds, "UPDATE dp_audit_entry SET state_hash = '" + "0".repeat(64) + "' WHERE danger_id = 'HD-SHORT' AND seq = "
                    + a.version());
            reported(s, SHORT, "doc");
            exec(ds, "UPDATE dp_audit_entry SET state_hash = '" + StateHash.of(a) + "' WHERE danger_id = 'HD-SHORT' AND seq = "
                    + a.version());
            assertEquals(a, s.hiddenDangers().find(SHORT).orElseThrow());

            // 5. the head entry deleted: the row's version has no entry
            exec(ds, "DELETE FROM dp_audit_entry WHERE danger_id = 'HD-LONG' AND seq = " + b.version());
            reported(s, LONG, "dp_audit_entry");
        }
    }

    /** Keys held by the host, never in the database. */
    static final class Keys implements AuditKeyProvider {
        @Override
        public String currentKeyId() {
            return "k1";
        }

        @Override
        public Optional<byte[]> key(String keyId) {
            return keyId.equals("k1") ? Optional.of("0123456789abcdef0123456789abcdef-snapshot".getBytes(
                    java.nio.charset.StandardCharsets.UTF_8)) : Optional.empty();
        }

        @Override
        public Instant keyedSince() {
            return Instant.parse("2026-01-01T00:00:00Z");
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = {"H2_MEM", "POSTGRESQL", "MARIADB"})
    void withKeysARehashedSnapshotAndHeadAreReported(TestDatabase.Kind kind) throws SQLException {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations.migrate(db.dataSource());
            DataSource ds = db.dataSource();
            Keys keys = new Keys();
            JdbcStorage keyed = JdbcStorage.builder().dataSource(ds).auditKeys(keys).build();
            JdbcStorage unkeyed = JdbcStorage.of(ds);
            HiddenDanger a = save(keyed, SHORT, 1, keys);
            assertEquals(a, keyed.hiddenDangers().find(SHORT).orElseThrow());
            assertEquals(List.of(), keyed.corruptRecords());

            // someone with SQL access but without the key rewrites the snapshot, the head's state hash and its hash
            AuditEntry head = keyed.auditLog().entries(SHORT, PageRequest.first(100)).items().get((int) a.version() - 1);
            HiddenDanger forged0 = a.toBuilder().finding(new org.dualprevention.danger.Finding("nothing to see",
                    a.description(), a.source(), a.category(), a.unit(), a.reporter(), a.reportedAt(), a.foundOn(),
                    a.riskPoint(), a.hazard(), a.failedMeasure(), a.inspection(), a.evidence())).build();
            AuditEntry forgedHead0 = new AuditEntry(head.dangerId(), head.sequence(), head.actor(), head.at(), head.action(),
                    head.stateBefore(), head.stateAfter(), head.data(), head.previousHash(), head.hash(), head.format(),
                    Optional.of(StateHash.of(forged0)), head.keyId());
            String forgedHash = AuditEntries.computeHash(forgedHead0);
            HiddenDanger forged = forged0.toBuilder().auditHead(forgedHash).build();
            dropGuards(ds, kind);
            exec(ds, "UPDATE dp_audit_entry SET state_hash = '" + StateHash.of(forged) + "', hash = '" + forgedHash
                    + "' WHERE danger_id = 'HD-SHORT' AND seq = " + a.version());
            setDoc(ds, kind, SHORT, HiddenDangerJson.toText(forged));

            // without the key a keyed head's own hash cannot be checked: the forgery loads (README says so)
            assertEquals("nothing to see", unkeyed.hiddenDangers().find(SHORT).orElseThrow().title());
            // with the key it is reported
            CorruptRecordException e = reported(keyed, SHORT, "doc");
            assertTrue(e.getMessage().contains("head entry"), e.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = {"H2_MEM", "POSTGRESQL", "MARIADB"})
    void rowsWithoutSnapshotLoadByReplayAndGetTheirSnapshotFilled(TestDatabase.Kind kind) throws SQLException {
        try (TestDatabase db = TestDatabase.create(kind)) {
            assertEquals(Migrations.latestVersion(), Migrations.migrate(db.dataSource()));
            Counting counting = new Counting(db.dataSource());
            JdbcStorage s = JdbcStorage.of(counting);
            List<HiddenDanger> saved = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                saved.add(save(s, HiddenDangerId.of("HD-U" + (10 + i)), i % 3, null));
            }
            // what release 0.1 stored: no snapshot
            exec(db.dataSource(), "UPDATE dp_hidden_danger SET doc = NULL");
            counting.reset();
            assertEquals(saved.get(4), s.hiddenDangers().find(saved.get(4).id()).orElseThrow());
            assertEquals(2, counting.reset(), "the row and head, then the chain replayed");
            assertEquals(saved, Page.stream(p -> s.hiddenDangers().find(HiddenDangerQuery.all(), p), 5).toList());
            // a column edited on a row without snapshot is still reported (checked against the replay)
            exec(db.dataSource(), "UPDATE dp_hidden_danger SET grade = 'major' WHERE id = 'HD-U11'");
            reported(s, HiddenDangerId.of("HD-U11"), "grade");

            // fill: every sound row gets its snapshot, the corrupt one is left to corruptRecords
            assertEquals(11, s.fillSnapshots());
            assertEquals(0, s.fillSnapshots(), "running it again writes nothing");
            assertNull(doc(db.dataSource(), HiddenDangerId.of("HD-U11")));
            exec(db.dataSource(), "UPDATE dp_hidden_danger SET grade = 'general' WHERE id = 'HD-U11'");
            assertEquals(1, s.fillSnapshots());
            counting.reset();
            assertEquals(saved.get(4), s.hiddenDangers().find(saved.get(4).id()).orElseThrow());
            assertEquals(1, counting.reset(), "from the snapshot now");
            assertEquals(saved, Page.stream(p -> s.hiddenDangers().find(HiddenDangerQuery.all(), p), 5).toList());
            assertEquals(List.of(), s.corruptRecords());

            // a chain of release 0.1 (format 1: its head binds no state): loaded by replay although it has a snapshot,
            // and a snapshot that is not its replay is reported
            HiddenDangerId old = HiddenDangerId.of("HD-OLD");
            List<AuditEntry> chain2 = BulkImportTest.chain(old, 3, 9);
            List<AuditEntry> chain1 = new ArrayList<>();
            String previous = AuditEntry.GENESIS;
            for (AuditEntry e : chain2) {
                AuditEntry e1 = AuditEntries.createFormat1(e.dangerId(), e.sequence(), e.actor(), e.at(), e.action(),
                        e.stateBefore(), e.stateAfter(), e.data(), previous);
                chain1.add(e1);
                previous = e1.hash();
            }
            HiddenDanger v1 = org.dualprevention.engine.closedloop.AuditChain.replay(chain1);
            assertEquals(1, s.importHiddenDangers(List.of(v1), List.of(chain1)));
            assertNotNull(doc(db.dataSource(), old));
            counting.reset();
            assertEquals(v1, s.hiddenDangers().find(old).orElseThrow());
            assertEquals(2, counting.reset(), "a format-1 head binds no state: the chain is replayed");
            ObjectNode edited = HiddenDangerJson.write(v1);
            ((ObjectNode) edited.get("finding")).put("title", "nothing to see");
            setDoc(db.dataSource(), kind, old, edited.toString());
            reported(s, old, "doc");

        }
    }
}
