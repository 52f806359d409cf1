package org.dualprevention.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.Transition;
import org.dualprevention.engine.closedloop.AuditChain;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.query.HiddenDangerQuery;
import org.dualprevention.query.Page;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Bulk import (issues 12 and 17): every chain verified and replayed first, the batch refused otherwise; on PostgreSQL
 * through COPY (no statement prepared for the rows: counted), elsewhere through JDBC batches; either way the snapshot
 * is written, so the imported hidden dangers load from it in one statement, and quotes, commas, line breaks and
 * backslashes in texts survive.
 */
class BulkImportTest {
    static List<AuditEntry> chain(HiddenDangerId id, int commands, long seed) {
        List<AuditEntry> out = new ArrayList<>();
        Transition t = Loop.report(id, OrgUnitId.of("U-1"), Optional.empty(), Loop.START);
        out.add(t.audit());
        HiddenDanger d = t.next();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < commands && d.isOpen(); i++) {
            Transition n = Loop.next(d, random);
            out.add(n.audit());
            d = n.next();
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = {"H2_MEM", "POSTGRESQL", "MARIADB"})
    void importWritesSnapshotsAndUsesCopyOnPostgres(TestDatabase.Kind kind) throws SQLException {
        try (TestDatabase db = TestDatabase.create(kind); TestPool pool = new TestPool(db.dataSource(), 2)) {
            Migrations.migrate(db.dataSource());
            SnapshotReadPathTest.Counting counting = new SnapshotReadPathTest.Counting(pool);
            JdbcStorage s = JdbcStorage.of(counting);
            long seed = 4242;
            List<HiddenDanger> dangers = new ArrayList<>();
            List<List<AuditEntry>> chains = new ArrayList<>();
            for (int i = 0; i < 2100; i++) {
                // ids with quotes, commas, a backslash: CSV must carry them exactly
                HiddenDangerId id = HiddenDangerId.of("HD-" + (10000 + i) + (i % 7 == 0 ? "\"q,\\x" : ""));
                List<AuditEntry> c = chain(id, i % 7 == 0 ? 2 : i % 6, seed + i); // no evidence URI from such an id
                chains.add(c);
                dangers.add(AuditChain.replay(c));
            }
            counting.reset();
            assertEquals(2100, s.importHiddenDangers(dangers, chains));
            int statements = counting.reset();
            if (kind == TestDatabase.Kind.POSTGRESQL) {
                assertTrue(counting.sql.stream().noneMatch(q -> q.startsWith("INSERT")),
                        "COPY, not INSERT batches: " + counting.sql);
                assertTrue(statements <= 1, statements + " statements: " + counting.sql);
            } else {
                assertTrue(statements >= 2, "batches on " + kind);
            }
            assertNotNull(SnapshotReadPathTest.doc(db.dataSource(), dangers.get(7).id()));
            assertEquals(dangers.get(7), s.hiddenDangers().find(dangers.get(7).id()).orElseThrow());
            assertEquals(1, counting.reset(), "loaded from the imported snapshot");
            List<HiddenDanger> all = Page.stream(p -> s.hiddenDangers().find(HiddenDangerQuery.all(), p), 500).toList();
            assertEquals(dangers.stream().sorted(java.util.Comparator.comparing(d -> d.id().value())).toList(), all);
            assertEquals(List.of(), s.corruptRecords());

            // a duplicate refuses the whole batch; an edited chain refuses it before anything is written
            HiddenDangerId fresh = HiddenDangerId.of("HD-FRESH");
            List<AuditEntry> cf = chain(fresh, 2, 1);
            IllegalArgumentException dup = assertThrows(IllegalArgumentException.class, () -> s.importHiddenDangers(
                    List.of(AuditChain.replay(cf), dangers.get(3)), List.of(cf, chains.get(3))));
            assertTrue(dup.getMessage().contains("stored already"), dup.getMessage());
            assertEquals(Optional.empty(), s.hiddenDangers().find(fresh), "nothing of the refused batch was stored");
            List<AuditEntry> edited = new ArrayList<>(cf);
            AuditEntry e = edited.get(1);
            edited.set(1, new AuditEntry(e.dangerId(), e.sequence(), ActorId.of("mallory"), e.at(), e.action(),
                    e.stateBefore(), e.stateAfter(), e.data(), e.previousHash(), e.hash(), e.format(), e.stateHash(),
                    e.keyId()));
            IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                    () -> s.importHiddenDangers(List.of(AuditChain.replay(cf)), List.of(edited)));
            assertTrue(bad.getMessage().contains("HD-FRESH"), bad.getMessage());
            assertEquals(Optional.empty(), s.hiddenDangers().find(fresh));
            assertEquals(1, s.importHiddenDangers(List.of(AuditChain.replay(cf)), List.of(cf)));
            assertEquals(AuditChain.replay(cf), s.hiddenDangers().find(fresh).orElseThrow());
        }
    }
}
