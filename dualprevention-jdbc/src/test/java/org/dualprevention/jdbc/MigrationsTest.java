package org.dualprevention.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MigrationsTest {

    static final List<String> TABLES = List.of("dp_organization", "dp_risk_point", "dp_hazard", "dp_inspection_plan",
            "dp_inspection_task", "dp_good_practice", "dp_hidden_danger", "dp_audit_entry", "dp_command", "dp_outbox", "dp_schema_version");

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = {"H2_MEM", "POSTGRESQL", "MARIADB"})
    void migrateCreatesEveryTableOnceAndIsIdempotent(TestDatabase.Kind kind) throws SQLException {
        try (TestDatabase db = TestDatabase.create(kind)) {
            assertEquals(0, Migrations.currentVersion(db.dataSource()));
            assertEquals(Migrations.latestVersion(), Migrations.migrate(db.dataSource()));
            assertEquals(Migrations.latestVersion(), Migrations.migrate(db.dataSource()), "second run applies nothing");
            assertEquals(Migrations.latestVersion(), Migrations.currentVersion(db.dataSource()));
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                for (String t : TABLES) {
                    try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + t)) {
                        assertTrue(rs.next());
                        assertEquals(t.equals("dp_schema_version") ? Migrations.versions().size() : 0, rs.getInt(1), t);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = {"H2_MEM", "POSTGRESQL", "MARIADB"})
    void aChangedAppliedScriptIsRefused(TestDatabase.Kind kind) throws SQLException {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations.migrate(db.dataSource());
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE dp_schema_version SET checksum = 'abc' WHERE version = 1");
            }
            JdbcStorageException e = assertThrows(JdbcStorageException.class, () -> Migrations.migrate(db.dataSource()));
            assertTrue(e.getMessage().contains("V1__init.sql") && e.getMessage().contains("[abc]"), e.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = {"H2_MEM", "H2_FILE", "POSTGRESQL", "MARIADB"})
    void theAuditTableRefusesUpdateAndDelete(TestDatabase.Kind kind) throws SQLException {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations.migrate(db.dataSource());
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO dp_audit_entry (danger_id, seq, actor_id, at_text, action, state_after, data,"
                        + " previous_hash, hash) VALUES ('HD-1', 1, 'a', '2026-01-01T00:00:00Z', 'report', 'reported', '',"
                        + " '" + "0".repeat(64) + "', '" + "1".repeat(64) + "')");
                SQLException u = assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE dp_audit_entry SET data = 'x'"));
                assertTrue(u.getMessage().contains("append-only"), u.getMessage());
                SQLException d = assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM dp_audit_entry"));
                assertTrue(d.getMessage().contains("append-only"), d.getMessage());
                try (ResultSet rs = s.executeQuery("SELECT data FROM dp_audit_entry")) {
                    assertTrue(rs.next());
                    assertEquals("", rs.getString(1));
                }
            }
        }
    }

    @Test
    void theScriptListMatchesTheFilesOfEveryDialectFolder() throws IOException, URISyntaxException {
        for (Dialect d : Dialect.values()) {
            Path folder = Path.of(Migrations.class.getResource("/" + d.migrationLocation()).toURI());
            List<String> files;
            try (Stream<Path> s = Files.list(folder)) {
                files = s.map(p -> d.migrationLocation() + "/" + p.getFileName()).sorted().collect(Collectors.toList());
            }
            assertEquals(files, Migrations.scripts(d), d.toString());
            assertTrue(Migrations.script(d, 1).contains("CREATE TABLE dp_hidden_danger"));
        }
    }

    @Test
    void scriptsSplitIntoStatementsAtLineEndSemicolons() {
        List<String> got = Migrations.statements("-- comment; not a statement\nCREATE TABLE a (\n  x INT\n);\n\n"
                + "CREATE FUNCTION f() AS $$ BEGIN x; END $$;\nSELECT 1");
        assertEquals(new ArrayList<>(List.of("CREATE TABLE a (\nx INT\n)", "CREATE FUNCTION f() AS $$ BEGIN x; END $$",
                "SELECT 1")), got);
    }

    @Test
    void dialectsAreFoundFromTheProductName() {
        assertEquals(Dialect.H2, Dialect.fromProductName("H2"));
        assertEquals(Dialect.POSTGRESQL, Dialect.fromProductName("PostgreSQL"));
        assertEquals(Dialect.MYSQL, Dialect.fromProductName("MySQL"));
        assertEquals(Dialect.MYSQL, Dialect.fromProductName("MariaDB"));
        JdbcStorageException e = assertThrows(JdbcStorageException.class, () -> Dialect.fromProductName("Oracle"));
        assertTrue(e.getMessage().contains("[Oracle]"), e.getMessage());
    }
}
