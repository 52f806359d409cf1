package org.dualprevention.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.dualprevention.danger.ChainVerification;
import org.dualprevention.danger.Funds;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.RectificationPlan;
import org.dualprevention.query.HiddenDangerQuery;
import org.dualprevention.query.Page;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 12, "query columns are trusted, not verified", and issue 13's corrupt rows: a query column edited with
 * plain SQL is reported (naming the hidden danger and the column) by every read that meets the row and by
 * {@link JdbcStorage#corruptRecords()}, never served; a time text that cannot be parsed names the hidden danger
 * and the entry; an edited chain gives an invalid {@link ChainVerification} naming the entry, not an exception.
 * Before: an open general hidden danger edited to closed vanished from the open query while {@code find} and
 * {@code verifyAuditChain} said all was well.
 */
class ColumnTamperTest {
    static final HiddenDangerId HD1 = HiddenDangerId.of("HD-1");
    static final HiddenDangerId HD2 = HiddenDangerId.of("HD-2");

    private static void exec(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private static List<String> ids(JdbcStorage s, HiddenDangerQuery q) {
        return Page.stream(p -> s.hiddenDangers().find(q, p), 100).map(d -> d.id().value()).collect(Collectors.toList());
    }

    private static void assertReported(JdbcStorage s, String column, Runnable read) {
        CorruptRecordException e = assertThrows(CorruptRecordException.class, read::run);
        assertEquals("HD-1", e.recordId(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
        assertTrue(e.getMessage().contains("[HD-1]") && e.getMessage().contains("[" + column + "]"), e.getMessage());
        List<CorruptRecord> corrupt = s.corruptRecords();
        assertEquals(1, corrupt.size(), corrupt.toString());
        assertEquals("HD-1", corrupt.get(0).dangerId());
        assertEquals(column, corrupt.get(0).column());
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = {"H2_MEM", "POSTGRESQL", "MARIADB"})
    void editedColumnsAreReportedNeverTrusted(TestDatabase.Kind kind) throws SQLException {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations.migrate(db.dataSource());
            JdbcStorage storage = JdbcStorage.of(db.dataSource());
            EngineFixture f = new EngineFixture(storage).withRegister();
            for (HiddenDangerId id : List.of(HD1, HD2)) {
                f.dp.hiddenDangers().report(EngineFixture.report(id));
                f.dp.hiddenDangers().apply(id, EngineFixture.verify());
                f.dp.hiddenDangers().apply(id, new HiddenDangerCommand.Plan(EngineFixture.SAFETY, RectificationPlan.of(
                        EngineFixture.SAFETY.id(), "refit", Funds.cny("10"), LocalDate.of(2026, 11, 20), "stop")));
            }
            assertEquals(List.of(), storage.corruptRecords());
            assertEquals(List.of("HD-1", "HD-2"), ids(storage, HiddenDangerQuery.all().open()));

            // open → closed: it vanishes from the open query, but find and the administrators' list report it
            exec(db, "UPDATE dp_hidden_danger SET is_open = FALSE, state = 'closed' WHERE id = 'HD-1'");
            assertEquals(List.of("HD-2"), ids(storage, HiddenDangerQuery.all().open()), "the good record is served");
            assertReported(storage, "state", () -> storage.hiddenDangers().find(HD1));
            exec(db, "UPDATE dp_hidden_danger SET is_open = TRUE, state = 'planned' WHERE id = 'HD-1'");
            assertEquals(List.of(), storage.corruptRecords());

            // only the open flag
            exec(db, "UPDATE dp_hidden_danger SET is_open = FALSE WHERE id = 'HD-1'");
            assertReported(storage, "is_open", () -> storage.hiddenDangers().find(HD1));
            exec(db, "UPDATE dp_hidden_danger SET is_open = TRUE WHERE id = 'HD-1'");

            // general → major: the major query meets the row and reports it
            exec(db, "UPDATE dp_hidden_danger SET grade = 'major' WHERE id = 'HD-1'");
            assertReported(storage, "grade", () -> ids(storage, HiddenDangerQuery.all().ofGrades(Set.of(HiddenDangerGrade.MAJOR))));
            exec(db, "UPDATE dp_hidden_danger SET grade = 'general' WHERE id = 'HD-1'");

            // a deadline moved into the past: falsely overdue, reported by the overdue query
            exec(db, "UPDATE dp_hidden_danger SET deadline = DATE '2020-01-01' WHERE id = 'HD-1'");
            assertReported(storage, "deadline", () -> ids(storage, HiddenDangerQuery.all().overdueAsOf(LocalDate.of(2026, 11, 2))));
            exec(db, "UPDATE dp_hidden_danger SET deadline = DATE '2026-11-20' WHERE id = 'HD-1'");
            assertEquals(List.of(), storage.corruptRecords());
            assertEquals(List.of("HD-1", "HD-2"), ids(storage, HiddenDangerQuery.all().open()));
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = {"H2_MEM", "POSTGRESQL", "MARIADB"})
    void unreadableTimeTextNamesTheEntryAndEditedChainsVerifyAsInvalid(TestDatabase.Kind kind) throws SQLException {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations.migrate(db.dataSource());
            JdbcStorage storage = JdbcStorage.of(db.dataSource());
            EngineFixture f = new EngineFixture(storage).withRegister();
            for (HiddenDangerId id : List.of(HD1, HD2)) {
                f.dp.hiddenDangers().report(EngineFixture.report(id));
                f.dp.hiddenDangers().apply(id, EngineFixture.verify());
            }
            exec(db, kind == TestDatabase.Kind.MARIADB ? "DROP TRIGGER dp_audit_entry_no_update"
                    : kind == TestDatabase.Kind.POSTGRESQL ? "DROP TRIGGER dp_audit_entry_append_only ON dp_audit_entry"
                    : "DROP TRIGGER dp_audit_entry_append_only");

            // an edited actor (still readable): verifyAuditChain names entry 2 instead of throwing
            exec(db, "UPDATE dp_audit_entry SET actor_id = 'someone-else' WHERE danger_id = 'HD-1' AND seq = 2");
            ChainVerification v = f.dp.hiddenDangers().verifyAuditChain(HD1);
            assertFalse(v.isValid());
            assertEquals(2, v.firstBadSequence().orElseThrow(), v.toString());
            assertTrue(f.dp.hiddenDangers().verifyAuditChain(HD2).isValid());
            assertEquals(1, storage.corruptRecords().size());

            // a time text that cannot be parsed: the hidden danger and the entry are named, no bare parse error. A plain
            // load reads the snapshot and the head entry (#2) only, so it still serves HD-2; full verification names it
            exec(db, "UPDATE dp_audit_entry SET at_text = 'yesterday' WHERE danger_id = 'HD-2' AND seq = 1");
            assertTrue(storage.hiddenDangers().find(HD2).isPresent());
            CorruptRecordException e = assertThrows(CorruptRecordException.class,
                    () -> storage.auditLog().entries(HD2, org.dualprevention.query.PageRequest.first(10)));
            assertEquals("at_text", e.column());
            assertEquals(1, e.sequence());
            assertTrue(e.getMessage().contains("Audit entry [#1] of hidden danger [HD-2]")
                    && e.getMessage().contains("[yesterday]"), e.getMessage());
            // the same text in the head entry: the plain load reports it
            exec(db, "UPDATE dp_audit_entry SET at_text = 'today' WHERE danger_id = 'HD-2' AND seq = 2");
            CorruptRecordException head = assertThrows(CorruptRecordException.class, () -> storage.hiddenDangers().find(HD2));
            assertEquals("at_text", head.column());
            assertEquals(2, head.sequence());
            // the administrators' list names both, and loses neither
            List<CorruptRecord> corrupt = storage.corruptRecords();
            assertEquals(List.of("HD-1", "HD-2"), corrupt.stream().map(CorruptRecord::dangerId).collect(Collectors.toList()));
            assertEquals("at_text", corrupt.get(1).column());
            assertEquals(2, corrupt.get(1).sequence(), "the head entry is read first");
        }
    }
}
