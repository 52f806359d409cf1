package org.dualprevention.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.Transition;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.query.Page;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The README's two accounts: the owner migrates (through {@code JdbcStorage.builder().migrateWith(owner)}), the
 * runtime account runs the closed loop, and cannot rewrite history: UPDATE, DELETE and TRUNCATE of the audit
 * table, ALTER and DROP of the table, and dropping or disabling its triggers are all refused. The owner cannot
 * UPDATE, DELETE (nor, on PostgreSQL, TRUNCATE) it either: the triggers refuse them. The whole storage contract
 * also runs under the runtime account ({@link JdbcStorageContract}).
 */
class LeastPrivilegeTest {

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = {"POSTGRESQL", "MARIADB"})
    void theRuntimeAccountAppendsAndReadsButCannotRewriteTheAuditLog(TestDatabase.Kind kind) throws SQLException {
        try (LeastPrivilege accounts = LeastPrivilege.create(kind)) {
            DataSource app = accounts.appDataSource();
            // before the grants the runtime account sees no table; the owner migrates, then grants
            assertThrows(JdbcStorageException.class, () -> JdbcStorage.builder().dataSource(app).migrateWith(accounts.ownerDataSource()).build());
            accounts.grantRuntime();
            JdbcStorage storage = JdbcStorage.builder().dataSource(app).migrateWith(accounts.ownerDataSource()).build();

            HiddenDangerId id = HiddenDangerId.of("HD-lp-1");
            Transition t = Loop.report(id, OrgUnitId.of("U-1"), Optional.empty(), Loop.START);
            storage.hiddenDangers().save(t.next(), 0, t.audit());
            HiddenDanger d = t.next();
            for (int i = 0; i < 3; i++) {
                Transition n = Loop.next(d, new java.util.SplittableRandom(i));
                storage.hiddenDangers().save(n.next(), d.version(), n.audit());
                d = n.next();
            }
            assertEquals(d, storage.hiddenDangers().find(id).orElseThrow());
            List<AuditEntry> chain = Page.stream(p -> storage.auditLog().entries(id, p), 10).collect(Collectors.toList());
            assertEquals(4, chain.size());

            boolean pg = kind == TestDatabase.Kind.POSTGRESQL;
            String trigger = pg ? "dp_audit_entry_append_only" : "dp_audit_entry_no_update";
            List<String> refused = List.of(
                    "UPDATE dp_audit_entry SET data = 'rewritten'",
                    "DELETE FROM dp_audit_entry",
                    "TRUNCATE TABLE dp_audit_entry",
                    "ALTER TABLE dp_audit_entry ADD COLUMN note VARCHAR(10)",
                    pg ? "ALTER TABLE dp_audit_entry DISABLE TRIGGER " + trigger : "DROP TRIGGER " + trigger,
                    pg ? "DROP TRIGGER " + trigger + " ON dp_audit_entry" : "ALTER TABLE dp_audit_entry DROP PRIMARY KEY",
                    "DROP TABLE dp_audit_entry");
            try (Connection c = app.getConnection(); Statement s = c.createStatement()) {
                for (String sql : refused) {
                    SQLException e = assertThrows(SQLException.class, () -> s.execute(sql), "the runtime account may not: " + sql);
                    assertTrue(deniedOrAppendOnly(e), sql + ": " + e.getMessage());
                }
            }
            try (Connection c = accounts.ownerDataSource().getConnection(); Statement s = c.createStatement()) {
                List<String> ownerRefused = pg ? List.of("UPDATE dp_audit_entry SET data = 'x'", "DELETE FROM dp_audit_entry",
                        "TRUNCATE TABLE dp_audit_entry") : List.of("UPDATE dp_audit_entry SET data = 'x'", "DELETE FROM dp_audit_entry");
                for (String sql : ownerRefused) {
                    SQLException e = assertThrows(SQLException.class, () -> s.execute(sql), "the triggers refuse the owner too: " + sql);
                    assertTrue(e.getMessage().contains("append-only"), sql + ": " + e.getMessage());
                }
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM dp_audit_entry WHERE danger_id = 'HD-lp-1'")) {
                    assertTrue(rs.next());
                    assertEquals(4, rs.getInt(1), "the audit log is untouched");
                }
            }
            assertEquals(d, storage.hiddenDangers().find(id).orElseThrow(), "the chain still replays");
        }
    }

    private static boolean deniedOrAppendOnly(SQLException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        // PostgreSQL: 42501 insufficient privilege / "must be owner"; MariaDB: 1142 command denied, 1143 column
        // denied, 1044 access denied
        return "42501".equals(e.getSQLState()) || m.contains("permission denied") || m.contains("must be owner")
                || m.contains("command denied") || m.contains("access denied") || m.contains("append-only");
    }
}
