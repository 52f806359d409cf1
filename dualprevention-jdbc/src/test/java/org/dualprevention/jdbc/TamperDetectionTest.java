package org.dualprevention.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.SplittableRandom;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.Transition;
import org.dualprevention.organization.OrgUnitId;
import org.junit.jupiter.api.Test;

/**
 * A hidden danger is loaded from its snapshot checked against the head of its hash-chained audit log, and fully
 * verified by replaying the chain: rows edited outside the library are refused on load (head) or reported by
 * {@link JdbcStorage#corruptRecords()} (any entry) instead of being served. On H2 the edits go through once the append-only trigger is
 * dropped, which whoever holds the file can do.
 */
class TamperDetectionTest {

    private static void exec(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    @Test
    void editedOrMissingAuditEntriesAreRefusedOnLoad() throws SQLException {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2_MEM)) {
            Migrations.migrate(db.dataSource());
            JdbcStorage storage = JdbcStorage.of(db.dataSource());
            HiddenDangerId id = HiddenDangerId.of("HD-T1");
            Transition t = Loop.report(id, OrgUnitId.of("U-1"), Optional.empty(), Loop.START);
            storage.hiddenDangers().save(t.next(), 0, t.audit());
            HiddenDanger d = t.next();
            SplittableRandom random = new SplittableRandom(7);
            for (int i = 0; i < 3; i++) {
                Transition n = Loop.next(d, random);
                storage.hiddenDangers().save(n.next(), d.version(), n.audit());
                d = n.next();
            }
            assertEquals(d, storage.hiddenDangers().find(id).orElseThrow(), "an untouched chain replays to the saved state");

            SQLException guarded = assertThrows(SQLException.class,
                    () -> exec(db, "UPDATE dp_audit_entry SET actor_id = 'someone-else' WHERE danger_id = 'HD-T1' AND seq = 2"));
            assertTrue(guarded.getMessage().contains("append-only"), guarded.getMessage());
            exec(db, "DROP TRIGGER dp_audit_entry_append_only");
            exec(db, "UPDATE dp_audit_entry SET actor_id = 'someone-else' WHERE danger_id = 'HD-T1' AND seq = 2");
            // a load reads the snapshot and the head entry only: the middle edit is found by full verification
            assertEquals(d, storage.hiddenDangers().find(id).orElseThrow());
            java.util.List<CorruptRecord> corrupt = storage.corruptRecords();
            assertEquals(1, corrupt.size(), corrupt.toString());
            assertEquals(2, corrupt.get(0).sequence(), corrupt.toString());

            exec(db, "DELETE FROM dp_audit_entry WHERE danger_id = 'HD-T1' AND seq = 4");
            CorruptRecordException missing = assertThrows(CorruptRecordException.class, () -> storage.hiddenDangers().find(id));
            assertTrue(missing.getMessage().contains("stored at version [4] but its audit log has no entry [#4]"),
                    missing.getMessage());
        }
    }
}
