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
import org.junit.jupiter.api.Test;

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
}
