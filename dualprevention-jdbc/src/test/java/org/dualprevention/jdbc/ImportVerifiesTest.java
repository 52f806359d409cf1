package org.dualprevention.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.query.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Bulk import checks what it stores (issue 12): a chain with an edited entry, or a state paired with another
 * hidden danger's chain, refuses the whole batch, naming the hidden danger and the entry; nothing is stored.
 */
class ImportVerifiesTest {
    private static List<AuditEntry> chain(HiddenDangerId id, int commands, long seed) {
        List<AuditEntry> out = new ArrayList<>();
        Transition t = Loop.report(id, OrgUnitId.of("U-1"), Optional.empty(), Loop.START);
        out.add(t.audit());
        HiddenDanger d = t.next();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < commands; i++) {
            Transition n = Loop.next(d, random);
            out.add(n.audit());
            d = n.next();
        }
        return out;
    }

    @Test
    void editedChainOrForeignStateRefusesTheBatch() throws SQLException {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2_MEM)) {
            Migrations.migrate(db.dataSource());
            JdbcStorage storage = JdbcStorage.of(db.dataSource());
            HiddenDangerId a = HiddenDangerId.of("HD-I1");
            HiddenDangerId b = HiddenDangerId.of("HD-I2");
            List<AuditEntry> ca = chain(a, 3, 1);
            List<AuditEntry> cb = chain(b, 2, 2);
            HiddenDanger da = org.dualprevention.engine.closedloop.AuditChain.replay(ca);
            HiddenDanger dbState = org.dualprevention.engine.closedloop.AuditChain.replay(cb);

            List<AuditEntry> edited = new ArrayList<>(cb);
            AuditEntry e = edited.get(1);
            edited.set(1, new AuditEntry(e.dangerId(), e.sequence(), ActorId.of("mallory"), e.at(), e.action(),
                    e.stateBefore(), e.stateAfter(), e.data(), e.previousHash(), e.hash(), e.format(), e.stateHash(),
                    e.keyId()));
            IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                    () -> storage.importHiddenDangers(List.of(da, dbState), List.of(ca, edited)));
            assertTrue(x.getMessage().contains("hidden danger [HD-I2]") && x.getMessage().contains("entry [2]"),
                    x.getMessage());
            assertEquals(Optional.empty(), storage.hiddenDangers().find(a), "nothing of the batch was stored");

            HiddenDanger foreign = da.toBuilder().id(b).build();
            x = assertThrows(IllegalArgumentException.class,
                    () -> storage.importHiddenDangers(List.of(foreign), List.of(cb)));
            assertTrue(x.getMessage().contains("hidden danger [HD-I2]"), x.getMessage());
            assertEquals(Optional.empty(), storage.hiddenDangers().find(b));

            assertEquals(2, storage.importHiddenDangers(List.of(da, dbState), List.of(ca, cb)));
            assertEquals(dbState, storage.hiddenDangers().find(b).orElseThrow());
        }
    }

    /**
     * On PostgreSQL the audit entries are streamed by COPY while the next items are checked: an item refused after
     * hundreds were already sent (its chain edited, or its state changed while its chain is intact) abandons the COPY
     * and rolls the batch back, and the store takes the next import as if nothing happened. The same on the others.
     */
    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = {"H2_MEM", "POSTGRESQL", "MARIADB"})
    void aRefusalLateInABigBatchStoresNothing(TestDatabase.Kind kind) throws SQLException {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations.migrate(db.dataSource());
            JdbcStorage storage = JdbcStorage.of(db.dataSource());
            List<HiddenDanger> dangers = new ArrayList<>();
            List<List<AuditEntry>> chains = new ArrayList<>();
            for (int i = 0; i < 600; i++) {
                List<AuditEntry> c = chain(HiddenDangerId.of(String.format("HD-B%04d", i)), 4, i);
                chains.add(c);
                dangers.add(org.dualprevention.engine.closedloop.AuditChain.replay(c));
            }
            // item 550: an entry edited without rehashing
            List<List<AuditEntry>> editedChains = new ArrayList<>(chains);
            List<AuditEntry> edited = new ArrayList<>(chains.get(550));
            AuditEntry e = edited.get(2);
            edited.set(2, new AuditEntry(e.dangerId(), e.sequence(), ActorId.of("mallory"), e.at(), e.action(),
                    e.stateBefore(), e.stateAfter(), e.data(), e.previousHash(), e.hash(), e.format(), e.stateHash(),
                    e.keyId()));
            editedChains.set(550, edited);
            IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                    () -> storage.importHiddenDangers(dangers, editedChains));
            assertTrue(x.getMessage().contains("hidden danger [HD-B0550]") && x.getMessage().contains("entry [3]"),
                    x.getMessage());
            assertEquals(0, storage.hiddenDangers().count(org.dualprevention.query.HiddenDangerQuery.all()),
                    "nothing of the batch was stored on " + kind);

            // item 590: the state changed (its description) while its chain is intact
            List<HiddenDanger> changed = new ArrayList<>(dangers);
            HiddenDanger d = dangers.get(590);
            changed.set(590, d.toBuilder().finding(new org.dualprevention.danger.Finding("all in order",
                    d.finding().description(), d.finding().source(), d.finding().category(), d.finding().unit(),
                    d.finding().reporter(), d.finding().reportedAt(), d.finding().foundOn(), d.finding().riskPoint(),
                    d.finding().hazard(), d.finding().failedMeasure(), d.finding().inspection(),
                    d.finding().evidence())).build());
            x = assertThrows(IllegalArgumentException.class, () -> storage.importHiddenDangers(changed, chains));
            assertTrue(x.getMessage().contains("hidden danger [HD-B0590]") && x.getMessage().contains("state hash"),
                    x.getMessage());
            assertEquals(0, storage.hiddenDangers().count(org.dualprevention.query.HiddenDangerQuery.all()));

            // two refusals (items 101 and 550, checked on different threads through COPY): the first in order is
            // thrown, as when the items were checked one after the other
            List<List<AuditEntry>> twice = new ArrayList<>(editedChains);
            List<AuditEntry> early = new ArrayList<>(chains.get(101));
            AuditEntry f = early.get(1);
            early.set(1, new AuditEntry(f.dangerId(), f.sequence(), ActorId.of("mallory"), f.at(), f.action(),
                    f.stateBefore(), f.stateAfter(), f.data(), f.previousHash(), f.hash(), f.format(), f.stateHash(),
                    f.keyId()));
            twice.set(101, early);
            for (int round = 0; round < 5; round++) {
                x = assertThrows(IllegalArgumentException.class, () -> storage.importHiddenDangers(dangers, twice));
                assertTrue(x.getMessage().contains("hidden danger [HD-B0101]") && x.getMessage().contains("entry [2]"),
                        x.getMessage());
                assertEquals(0, storage.hiddenDangers().count(org.dualprevention.query.HiddenDangerQuery.all()));
            }

            assertEquals(600, storage.importHiddenDangers(dangers, chains));
            assertEquals(dangers, Page.stream(p -> storage.hiddenDangers().find(
                    org.dualprevention.query.HiddenDangerQuery.all(), p), 100).toList());
            assertEquals(List.of(), storage.corruptRecords());
        }
    }
}
