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
import org.dualprevention.jdbc.internal.Transactions;
import org.dualprevention.jdbc.internal.VersionConflict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Own transactions commit or roll back; the host's transaction is never committed, rolled back or closed. */
class TransactionsTest {

    private static void createTable(TestDatabase db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t_probe (id INT PRIMARY KEY)");
        }
    }

    private static int insert(Connection c, int id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO t_probe (id) VALUES (?)")) {
            ps.setInt(1, id);
            return ps.executeUpdate();
        }
    }

    private static int count(TestDatabase db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t_probe")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = {"H2_MEM", "POSTGRESQL", "MARIADB"})
    void ownTransactionsCommitOrRollBackAsAWhole(TestDatabase.Kind kind) throws SQLException {
        try (TestDatabase db = TestDatabase.create(kind)) {
            createTable(db);
            Transactions tx = new Transactions(ConnectionProvider.managed(db.dataSource()));
            tx.write("insert", c -> insert(c, 1) + insert(c, 2));
            assertEquals(2, count(db));
            assertThrows(VersionConflict.class, () -> tx.write("insert", c -> {
                insert(c, 3);
                throw new VersionConflict();
            }));
            JdbcStorageException dup = assertThrows(JdbcStorageException.class, () -> tx.write("insert", c -> {
                insert(c, 4);
                return insert(c, 1);
            }));
            assertTrue(dup.sqlState().isPresent());
            assertEquals(2, count(db), "rows 3 and 4 were rolled back");
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = {"H2_MEM", "POSTGRESQL", "MARIADB"})
    void aHostTransactionIsUsedButNeverEnded(TestDatabase.Kind kind) throws SQLException {
        try (TestDatabase db = TestDatabase.create(kind)) {
            createTable(db);
            try (Connection host = db.dataSource().getConnection()) {
                host.setAutoCommit(false);
                insert(host, 10);
                Transactions tx = new Transactions(ConnectionProvider.host(() -> host));
                tx.write("insert", c -> insert(c, 11));
                // a refused write is undone to its savepoint and leaves the host's transaction usable (PostgreSQL too)
                assertThrows(JdbcStorageException.class, () -> tx.write("insert", c -> insert(c, 12) + insert(c, 10)));
                assertThrows(VersionConflict.class, () -> tx.write("insert", c -> {
                    insert(c, 13);
                    throw new VersionConflict();
                }));
                assertFalse(host.isClosed());
                assertFalse(host.getAutoCommit());
                assertEquals(0, count(db), "nothing is visible before the host commits");
                insert(host, 14);
                host.commit();
            }
            assertEquals(3, count(db), "10, 11 and 14 committed by the host; 12 and 13 undone");
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = {"H2_MEM", "POSTGRESQL"})
    void aBoundConnectionTakesPrecedenceAndTheHostCanRollBackEverything(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            createTable(db);
            Transactions tx = new Transactions(ConnectionProvider.managed(db.dataSource()));
            try (Connection host = db.dataSource().getConnection()) {
                host.setAutoCommit(false);
                try (AutoCloseable binding = tx.bind(host)) {
                    tx.write("insert", c -> insert(c, 20));
                    assertEquals(1, (int) tx.read("count", c -> {
                        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t_probe")) {
                            rs.next();
                            return rs.getInt(1);
                        }
                    }), "reads on the bound connection see its uncommitted writes");
                }
                host.rollback();
            }
            assertEquals(0, count(db));
            tx.write("insert", c -> insert(c, 21));
            assertEquals(1, count(db), "after the binding is closed the storage runs its own transactions again");
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = {"H2_MEM"})
    void aHostConnectionInAutoCommitModeIsRefusedForWrites(TestDatabase.Kind kind) throws SQLException {
        try (TestDatabase db = TestDatabase.create(kind)) {
            createTable(db);
            try (Connection host = db.dataSource().getConnection()) {
                Transactions tx = new Transactions(ConnectionProvider.host(() -> host));
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> tx.write("save", c -> insert(c, 1)));
                assertTrue(e.getMessage().contains("auto-commit"), e.getMessage());
            }
            assertEquals(0, count(db));
        }
    }
}
