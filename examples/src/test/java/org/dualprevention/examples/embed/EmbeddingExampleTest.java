package org.dualprevention.examples.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.engine.DualPrevention;
import org.dualprevention.jdbc.JdbcStorage;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.dualprevention.query.HiddenDangerQuery;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The embedding example commits the hidden danger with the host's work order, or rolls both back. */
class EmbeddingExampleTest {
    @Test
    void mainRuns() throws Exception {
        EmbeddingExample.main(new String[0]);
    }

    @Test
    void theHostTransactionDecidesForBoth() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:erp-test-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        EmbeddingExample.createHostTables(ds);
        JdbcStorage storage = JdbcStorage.builder().dataSource(ds).migrate(true).build();
        DualPrevention dp = DualPrevention.builder().storage(storage).clock(Clock.systemUTC()).build();
        dp.register().saveOrganization(Organization.of(List.of(OrgUnit.root(OrgUnitId.of("PLANT"), "Plant", ControlLevel.COMPANY),
                OrgUnit.child(OrgUnitId.of("PACK"), "Packing", ControlLevel.TEAM, OrgUnitId.of("PLANT")))));

        HiddenDanger d = EmbeddingExample.reportWithWorkOrder(ds, storage, dp, "wang.li", "Guard missing");
        assertEquals(HiddenDangerState.REPORTED, d.state());
        assertEquals(ActorId.of("wang.li"), d.reporter());
        assertEquals(OrgUnitId.of("PACK"), d.unit(), "the unit comes from the host's user table");
        assertEquals(1, storage.hiddenDangers().count(HiddenDangerQuery.all()));
        assertEquals(1, EmbeddingExample.count(ds, "erp_work_order"));

        // the host's insert fails (text longer than its column): the hidden danger is rolled back with it
        String tooLong = "x".repeat(150) + " " + "y".repeat(100);
        assertThrows(SQLException.class, () -> EmbeddingExample.reportWithWorkOrder(ds, storage, dp, "wang.li", tooLong));
        assertEquals(1, storage.hiddenDangers().count(HiddenDangerQuery.all()), "nothing of the failed operation stays");
        assertEquals(1, EmbeddingExample.count(ds, "erp_work_order"));
    }
}
