package org.dualprevention.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.dualprevention.RecordIntegrityException;
import org.dualprevention.danger.Checkpoint;
import org.dualprevention.danger.CheckpointDetail;
import org.dualprevention.danger.CheckpointFinding;
import org.dualprevention.danger.CheckpointVerification;
import org.dualprevention.danger.HiddenDangerId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 12: on JDBC a row whose query column or snapshot was edited with plain SQL is a
 * {@link RecordIntegrityException} like the in-memory store's refused record, so verifying the store against a
 * checkpoint (printed or detailed) reports it as a {@link CheckpointFinding.Kind#CHAIN_BROKEN} finding naming the
 * hidden danger, compares every other one, and does not throw. Before: {@code CorruptRecordException} was a plain
 * storage failure, the checkpoint verification threw it and told nothing about the rest of the store.
 */
class CorruptRowCheckpointTest {
    private static final HiddenDangerId HD1 = HiddenDangerId.of("HD-1");
    private static final HiddenDangerId HD2 = HiddenDangerId.of("HD-2");

    private static void exec(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    /** The snapshot's text with one phrase replaced (PostgreSQL keeps it as {@code json}). */
    private static String replace(TestDatabase.Kind kind, String from, String to) {
        return kind == TestDatabase.Kind.POSTGRESQL ? "CAST(REPLACE(CAST(doc AS TEXT), " + from + ", " + to + ") AS JSON)"
                : "REPLACE(doc, " + from + ", " + to + ")";
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = {"H2_MEM", "POSTGRESQL", "MARIADB"})
    void anEditedRowIsAFindingNotAThrow(TestDatabase.Kind kind) throws SQLException {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations.migrate(db.dataSource());
            JdbcStorage storage = JdbcStorage.of(db.dataSource());
            EngineFixture f = new EngineFixture(storage).withRegister();
            for (HiddenDangerId id : List.of(HD1, HD2)) {
                f.dp.hiddenDangers().report(EngineFixture.report(id));
                f.dp.hiddenDangers().apply(id, EngineFixture.verify());
            }
            CheckpointDetail detail = f.dp.hiddenDangers().checkpointDetail(EngineFixture.CLOCK.instant());
            Checkpoint printed = detail.checkpoint();
            assertTrue(f.dp.hiddenDangers().verify(printed).isValid());

            for (String edit : List.of("grade = 'major'", "is_open = FALSE", "doc = " + replace(kind, "'guard removed'", "'all in order'"))) {
                exec(db, "UPDATE dp_hidden_danger SET " + edit + " WHERE id = 'HD-1'");
                RecordIntegrityException refused = org.junit.jupiter.api.Assertions.assertThrows(
                        RecordIntegrityException.class, () -> storage.hiddenDangers().find(HD1), edit);
                assertEquals("HD-1", refused.dangerId(), refused.getMessage());

                for (CheckpointVerification v : List.of(f.dp.hiddenDangers().verify(printed),
                        f.dp.hiddenDangers().verify(detail))) {
                    assertFalse(v.isValid(), edit + ": " + v);
                    assertEquals(List.of(HD1), v.dangers(CheckpointFinding.Kind.CHAIN_BROKEN), edit + ": " + v);
                    assertTrue(v.findings().stream().noneMatch(x -> x.dangerId().equals(HD2)), edit + ": " + v);
                }
                // put it back as the library wrote it
                exec(db, "UPDATE dp_hidden_danger SET grade = 'general', is_open = TRUE,"
                        + " doc = " + replace(kind, "'all in order'", "'guard removed'") + " WHERE id = 'HD-1'");
                assertTrue(f.dp.hiddenDangers().verify(printed).isValid(), edit + " undone");
            }
        }
    }
}
