package org.dualprevention.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.dualprevention.organization.Organization;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 12, "room for many enterprises": a database at schema version 4 with rows in it upgrades through the
 * tenant migration (V5), and a store opened without a tenant serves those rows.
 */
class TenantUpgradeTest {

    @AfterEach
    void clearHook() {
        Migrations.hook = null;
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = {"H2_MEM", "POSTGRESQL", "MARIADB"})
    void rowsWrittenBeforeTheTenantMigrationBelongToTheDefaultTenant(TestDatabase.Kind kind) throws SQLException {
        String id;
        String doc;
        Organization org;
        try (TestDatabase current = TestDatabase.create(kind)) {
            Migrations.migrate(current.dataSource());
            JdbcStorage s = JdbcStorage.of(current.dataSource());
            org = new EngineFixture(s).withRegister().dp.register().organization();
            try (Connection c = current.dataSource().getConnection(); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT id, doc FROM dp_organization")) {
                rs.next();
                id = rs.getString(1);
                doc = rs.getString(2);
            }
        }
        try (TestDatabase old = TestDatabase.create(kind)) {
            // stop before the first statement of V5: the database is at version 4
            Migrations.hook = (d, v, k, p) -> {
                if (v == 5 && k == 1 && p == Migrations.Point.BEFORE) {
                    throw new SQLException("stop at version 4", "08006");
                }
            };
            assertThrows(JdbcStorageException.class, () -> Migrations.migrate(old.dataSource()));
            Migrations.hook = null;
            assertEquals(4, Migrations.currentVersion(old.dataSource()));
            try (Connection c = old.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO dp_organization (id, version, doc) VALUES (?, 1, "
                            + (kind == TestDatabase.Kind.POSTGRESQL ? "CAST(? AS json)" : "?") + ")")) {
                ps.setString(1, id);
                ps.setString(2, doc);
                ps.executeUpdate();
            }
            assertEquals(Migrations.latestVersion(), Migrations.migrate(old.dataSource()));
            JdbcStorage upgraded = JdbcStorage.of(old.dataSource());
            assertEquals(org, upgraded.organization().load().orElseThrow().value());
            JdbcStorage other = JdbcStorage.builder().dataSource(old.dataSource()).tenant("another").build();
            assertEquals(java.util.Optional.empty(), other.organization().load());
        }
    }
}
