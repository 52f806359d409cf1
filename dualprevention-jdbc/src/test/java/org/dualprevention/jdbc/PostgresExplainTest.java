package org.dualprevention.jdbc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.jdbc.internal.JdbcAuditLog;
import org.dualprevention.jdbc.internal.JdbcHiddenDangerRepository;
import org.dualprevention.jdbc.internal.JdbcInspectionTaskRepository;
import org.dualprevention.jdbc.internal.Sql;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.query.HiddenDangerQuery;
import org.dualprevention.query.InspectionTaskQuery;
import org.dualprevention.query.PageRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The hot queries use their indexes on PostgreSQL: the SQL the repositories run is EXPLAINed (with its
 * parameters bound) over 150 000 hidden dangers, 150 000 tasks and 200 000 audit entries, and no plan
 * may scan a big table sequentially.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresExplainTest {
    private TestDatabase db;
    private JdbcStorage storage;

    @BeforeAll
    void fill() throws SQLException {
        db = TestDatabase.create(TestDatabase.Kind.POSTGRESQL);
        storage = JdbcStorage.builder().dataSource(db.dataSource()).migrate(true).build();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            // 150k hidden dangers over 200 units: 85 % closed or withdrawn, the open ones with deadlines spread over
            // two years (2025-2026), so "overdue as of 2026-01-10" selects a small slice
            s.execute("INSERT INTO dp_hidden_danger (id, version, state, is_open, unit_id, risk_point_id, grade, deadline,"
                    + " reported_ns, doc) SELECT 'HD-' || lpad(g::text, 7, '0'), 1,"
                    + " CASE WHEN g % 20 < 17 THEN (CASE WHEN g % 2 = 0 THEN 'closed' ELSE 'withdrawn' END)"
                    + " ELSE (ARRAY['reported','verified','planned','rectifying','awaiting-acceptance'])[1 + g % 5] END,"
                    + " g % 20 >= 17, 'U' || (g % 200), 'RP-' || (g % 5000), 'general',"
                    + " DATE '2025-01-01' + (g % 730), 1735689600000000000 + g::bigint * 100000000000, '{}'"
                    + " FROM generate_series(1, 150000) g");
            s.execute("INSERT INTO dp_inspection_task (id, version, plan_id, unit_id, due_ns, recorded, doc)"
                    + " SELECT 'T-' || lpad(g::text, 7, '0'), 1, 'P-' || (g % 300), 'U' || (g % 200),"
                    + " 1735689600000000000 + g::bigint * 200000000000, g % 3 = 0, '{}' FROM generate_series(1, 150000) g");
            s.execute("INSERT INTO dp_audit_entry (danger_id, seq, actor_id, at_text, action, state_before, state_after, data,"
                    + " previous_hash, hash) SELECT 'HD-' || lpad((g / 4 + 1)::text, 7, '0'), g % 4 + 1, 'A', '2026-01-01T00:00:00Z',"
                    + " 'report', NULL, 'reported', '', repeat('0', 64), repeat('1', 64) FROM generate_series(0, 199999) g");
            s.execute("ANALYZE");
        }
    }

    @AfterAll
    void drop() {
        if (db != null) {
            db.close();
        }
    }

    private String explain(Sql.Stmt stmt) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement("EXPLAIN " + stmt.sql())) {
            stmt.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
        }
        return plan.toString();
    }

    private void assertIndexed(String what, String plan, String table, String index) {
        assertFalse(plan.contains("Seq Scan on " + table), what + " scans " + table + " sequentially:\n" + plan);
        assertTrue(plan.contains(index), what + " does not use " + index + ":\n" + plan);
    }

    private JdbcHiddenDangerRepository dangers() {
        return (JdbcHiddenDangerRepository) storage.hiddenDangers();
    }

    @Test
    void overdueAsOfADayWalksThePartialDeadlineIndex() throws SQLException {
        HiddenDangerQuery q = HiddenDangerQuery.all().overdueAsOf(LocalDate.parse("2026-01-10"));
        assertIndexed("overdue, first page", explain(dangers().pageStatement(q, PageRequest.first(50))), "dp_hidden_danger",
                "dp_hidden_danger_overdue");
        // the page's rows meet their head entries by primary key: one statement, no scan of the audit table
        assertIndexed("overdue, first page with head entries", explain(dangers().pageStatement(q, PageRequest.first(50))),
                "dp_audit_entry", "dp_audit_entry_pk");
        String token = Sql.token("2025-06-01", "HD-0150000");
        assertIndexed("overdue, a later page", explain(dangers().pageStatement(q, PageRequest.after(token, 50))),
                "dp_hidden_danger", "dp_hidden_danger_overdue");
        assertIndexed("overdue, combined with units",
                explain(dangers().pageStatement(q.inUnits(Set.of(OrgUnitId.of("U7"))), PageRequest.first(50))),
                "dp_hidden_danger", "dp_hidden_danger_");
    }

    @Test
    void openByUnitUsesTheOpenUnitIndex() throws SQLException {
        HiddenDangerQuery q = HiddenDangerQuery.all().open().inUnits(Set.of(OrgUnitId.of("U17")));
        assertIndexed("open by unit", explain(dangers().pageStatement(q, PageRequest.first(50))), "dp_hidden_danger",
                "dp_hidden_danger_open_unit");
        HiddenDangerQuery several = HiddenDangerQuery.all().open()
                .inUnits(List.of(OrgUnitId.of("U1"), OrgUnitId.of("U2"), OrgUnitId.of("U3")));
        // either partial index of the open ones serves it (by unit, or in id order filtering the units)
        assertIndexed("open by three units", explain(dangers().pageStatement(several, PageRequest.first(50))),
                "dp_hidden_danger", "dp_hidden_danger_open");
    }

    @Test
    void tasksDueInAWindowUseTheDueIndex() throws SQLException {
        JdbcInspectionTaskRepository tasks = (JdbcInspectionTaskRepository) storage.inspectionTasks();
        InspectionTaskQuery week = InspectionTaskQuery.dueBetween(Instant.parse("2025-06-01T00:00:00Z"),
                Instant.parse("2025-06-08T00:00:00Z"));
        assertIndexed("tasks due in a week", explain(tasks.pageStatement(week, PageRequest.first(100))),
                "dp_inspection_task", "dp_inspection_task_due");
        assertIndexed("unrecorded tasks of a unit due in a week",
                explain(tasks.pageStatement(week.inUnits(Set.of(OrgUnitId.of("U5"))).recorded(false), PageRequest.first(100))),
                "dp_inspection_task", "dp_inspection_task_unit_due");
    }

    @Test
    void anAuditChainIsReadByItsPrimaryKey() throws SQLException {
        Sql.Stmt stmt = new Sql.Stmt(JdbcAuditLog.ENTRIES, List.of("default", HiddenDangerId.of("HD-0012345").value(), 0L, 101));
        assertIndexed("audit entries of one hidden danger", explain(stmt), "dp_audit_entry", "dp_audit_entry_pk");
    }
}
