package org.dualprevention.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.dualprevention.danger.CommandId;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.query.HiddenDangerQuery;
import org.dualprevention.query.Page;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 12, "room for many enterprises": two stores on one database, each opened for its own enterprise, keep
 * the same ids apart and never see each other's rows; a store opened without a tenant serves the rows an existing
 * database had before the tenant migration ('default').
 */
class TenantTest {

    private static List<String> ids(JdbcStorage s) {
        return Page.stream(p -> s.hiddenDangers().find(HiddenDangerQuery.all(), p), 50).map(d -> d.id().value())
                .collect(Collectors.toList());
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = {"H2_MEM", "POSTGRESQL", "MARIADB"})
    void twoEnterprisesShareOneDatabaseWithoutSeeingEachOther(TestDatabase.Kind kind) throws SQLException {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations.migrate(db.dataSource());
            JdbcStorage a = JdbcStorage.builder().dataSource(db.dataSource()).tenant("厂A").build();
            JdbcStorage b = JdbcStorage.builder().dataSource(db.dataSource()).tenant("plant-b").build();
            EngineFixture fa = new EngineFixture(a).withRegister();
            EngineFixture fb = new EngineFixture(b).withRegister();
            HiddenDangerId same = HiddenDangerId.of("HD-1");
            fa.dp.hiddenDangers().report(CommandId.of("c-1"), EngineFixture.report(same));
            assertEquals(List.of("HD-1"), ids(a));
            assertEquals(List.of(), ids(b), "the other enterprise sees nothing");
            // the same hidden danger id, risk point id and command id in the other enterprise are its own
            HiddenDanger inB = fb.dp.hiddenDangers().report(CommandId.of("c-1"), EngineFixture.report(same));
            assertEquals(1, inB.version());
            fb.dp.hiddenDangers().apply(same, EngineFixture.verify());
            assertEquals(1, a.hiddenDangers().find(same).orElseThrow().version());
            assertEquals(2, b.hiddenDangers().find(same).orElseThrow().version());
            assertEquals(1, a.auditLog().entries(same, org.dualprevention.query.PageRequest.first(10)).items().size());
            assertTrue(fb.flagged());
            assertTrue(!fa.flagged(), "a flag of enterprise B does not touch enterprise A's register");
            assertEquals(List.of(), a.corruptRecords());
            assertEquals(List.of(), b.corruptRecords());
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT tenant_id, COUNT(*) FROM dp_audit_entry GROUP BY tenant_id"
                            + " ORDER BY tenant_id")) {
                assertTrue(rs.next());
                assertEquals("plant-b", rs.getString(1));
                assertEquals(2, rs.getInt(2));
                assertTrue(rs.next());
                assertEquals("厂A", rs.getString(1));
                assertEquals(1, rs.getInt(2));
            }
            assertThrows(IllegalArgumentException.class, () -> JdbcStorage.builder().tenant(" padded"));
            assertEquals(JdbcStorage.DEFAULT_TENANT, JdbcStorage.of(db.dataSource()).tenant());
        }
    }
}
