package org.dualprevention.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.dualprevention.StaleVersionException;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.Transition;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.query.PageRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A hidden danger saved inside the host's transaction (bound connection, or a host ConnectionProvider)
 * commits and rolls back with the host's own work; a refused save leaves the host's transaction usable; the
 * storage never commits, rolls back or closes the host's connection.
 */
class HostTransactionTest {

    private static long rows(TestDatabase db, String table) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void hostWork(Connection c, String note) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO host_work_order (note) VALUES (?)")) {
            ps.setString(1, note);
            ps.executeUpdate();
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = {"H2_MEM", "POSTGRESQL", "MARIADB"})
    void savesJoinTheHostTransaction(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations.migrate(db.dataSource());
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE host_work_order (note VARCHAR(100) NOT NULL)");
            }
            JdbcStorage storage = JdbcStorage.builder().dataSource(db.dataSource()).build();
            Transition first = Loop.report(HiddenDangerId.of("HD-H1"), OrgUnitId.of("U-1"), Optional.empty(), Loop.START);
            Transition second = Loop.report(HiddenDangerId.of("HD-H2"), OrgUnitId.of("U-1"), Optional.empty(), Loop.START);

            // 1. the host rolls back: neither its work nor the hidden danger nor the audit entry remain
            try (Connection host = db.dataSource().getConnection()) {
                host.setAutoCommit(false);
                try (JdbcStorage.Binding bound = storage.bind(host)) {
                    storage.hiddenDangers().save(first.next(), 0, first.audit());
                    hostWork(host, "work order 1");
                    assertTrue(storage.hiddenDangers().find(first.next().id()).isPresent(), "visible inside the transaction");
                }
                assertEquals(0, rows(db, "dp_hidden_danger"), "not visible outside before the host commits");
                host.rollback();
                assertFalse(host.isClosed());
            }
            assertEquals(0, rows(db, "dp_hidden_danger"));
            assertEquals(0, rows(db, "dp_audit_entry"));
            assertEquals(0, rows(db, "host_work_order"));

            // 2. a stale save inside the host's transaction is refused, leaves the transaction usable; the host commits
            try (Connection host = db.dataSource().getConnection()) {
                host.setAutoCommit(false);
                JdbcStorage hostStorage = JdbcStorage.builder().connections(ConnectionProvider.host(() -> host))
                        .dialect(db.dialect()).build();
                hostStorage.hiddenDangers().save(first.next(), 0, first.audit());
                StaleVersionException e = assertThrows(StaleVersionException.class,
                        () -> hostStorage.hiddenDangers().save(first.next(), 0, first.audit()));
                assertEquals(1, e.actualVersion());
                hostStorage.hiddenDangers().save(second.next(), 0, second.audit());
                hostWork(host, "work order 2");
                host.commit();
                assertFalse(host.isClosed());
            }
            assertEquals(2, rows(db, "dp_hidden_danger"));
            assertEquals(2, rows(db, "dp_audit_entry"));
            assertEquals(1, rows(db, "host_work_order"));
            assertEquals(1, storage.auditLog().entries(first.next().id(), PageRequest.first(10)).items().size());
        }
    }
}
