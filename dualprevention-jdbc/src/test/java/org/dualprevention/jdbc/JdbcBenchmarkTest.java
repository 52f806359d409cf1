package org.dualprevention.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.danger.Transition;
import org.dualprevention.jdbc.internal.JsonCodec;
import org.dualprevention.jdbc.internal.Sql;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.query.HiddenDangerQuery;
import org.dualprevention.query.Page;
import org.dualprevention.query.PageRequest;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Benchmark harness (not part of the normal build; run with {@code -Ddp.bench=true
 * -Dtest=JdbcBenchmarkTest}): bulk import of hidden dangers through {@link JdbcStorage#importHiddenDangers}
 * against raw JDBC batch inserts of the same rows, and the overdue query on a million hidden dangers
 * against the same SQL in raw JDBC without decoding the documents. Baselines run in the same JVM on a
 * fresh schema of the same database. Prints a Markdown table.
 */
@EnabledIfSystemProperty(named = "dp.bench", matches = "true")
class JdbcBenchmarkTest {
    private static final int IMPORT = Integer.getInteger("dp.bench.import", 100_000);
    private static final int MULTIPLY = Integer.getInteger("dp.bench.multiply", 10);
    private static final int BATCH = 1000;

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = {"POSTGRESQL", "H2_FILE"})
    void bulkImportAndOverdueQuery(TestDatabase.Kind kind) throws Exception {
        String only = System.getProperty("dp.bench.kind");
        if (only != null && !only.equals(kind.toString())) {
            return;
        }
        SplittableRandom random = new SplittableRandom(42);
        List<HiddenDanger> dangers = new ArrayList<>(IMPORT);
        List<List<AuditEntry>> chains = new ArrayList<>(IMPORT);
        for (int i = 0; i < IMPORT; i++) {
            Transition t = Loop.report(HiddenDangerId.of(String.format(Locale.ROOT, "HD-%07d", i)),
                    OrgUnitId.of("U" + random.nextInt(200)),
                    random.nextInt(3) == 0 ? Optional.of(RiskPointId.of("RP-" + random.nextInt(5000))) : Optional.empty(),
                    Loop.START.plusSeconds(60L * i));
            List<AuditEntry> chain = new ArrayList<>(List.of(t.audit()));
            int steps = random.nextInt(10) < 7 ? 6 : random.nextInt(4);
            HiddenDanger d = t.next();
            for (int s = 0; s < steps && d.isOpen(); s++) {
                t = Loop.next(d, random);
                d = t.next();
                chain.add(t.audit());
            }
            dangers.add(d);
            chains.add(chain);
        }
        int entries = chains.stream().mapToInt(List::size).sum();
        JsonCodec codec = new JsonCodec();
        List<String> docs = dangers.stream().map(d -> codec.writeIfSupported(d).orElse(null)).collect(Collectors.toList());
        StringBuilder report = new StringBuilder();
        report.append("\n| ").append(kind).append(" | ms | ratio |\n|---|---|---|\n");

        long oursBest = Long.MAX_VALUE;
        long rawBest = Long.MAX_VALUE;
        for (int round = 0; round < Integer.getInteger("dp.bench.rounds", 1); round++) {
            try (TestDatabase raw = TestDatabase.create(kind); TestDatabase ours = TestDatabase.create(kind)) {
                Migrations.migrate(raw.dataSource());
                Migrations.migrate(ours.dataSource());
                long t0 = System.nanoTime();
                rawInsert(raw, dangers, chains, docs);
                rawBest = Math.min(rawBest, System.nanoTime() - t0);
                try (TestPool pool = ours.pool()) {
                    JdbcStorage storage = JdbcStorage.of(pool);
                    long t1 = System.nanoTime();
                    for (int from = 0; from < IMPORT; from += BATCH) {
                        int to = Math.min(IMPORT, from + BATCH);
                        storage.importHiddenDangers(dangers.subList(from, to), chains.subList(from, to));
                    }
                    oursBest = Math.min(oursBest, System.nanoTime() - t1);
                }
            }
        }
        report.append(String.format(Locale.ROOT, "| import %,d hidden dangers + %,d audit entries, JdbcStorage | %,d | %.2f |%n",
                IMPORT, entries, oursBest / 1_000_000, (double) oursBest / rawBest));
        report.append(String.format(Locale.ROOT, "| same rows, raw JDBC batches (docs pre-serialised) | %,d | 1.00 |%n",
                rawBest / 1_000_000));
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "benchmark-" + kind + ".md"), report.toString());

        try (TestDatabase db = TestDatabase.create(kind); TestPool pool = db.pool()) {
            Migrations.migrate(db.dataSource());
            JdbcStorage storage = JdbcStorage.of(pool);
            for (int from = 0; from < IMPORT; from += BATCH) {
                int to = Math.min(IMPORT, from + BATCH);
                storage.importHiddenDangers(dangers.subList(from, to), chains.subList(from, to));
            }
            multiply(db);
            LocalDate asOf = LocalDate.parse("2026-02-10");
            HiddenDangerQuery q = HiddenDangerQuery.all().overdueAsOf(asOf);
            long rows = count(db, "SELECT COUNT(*) FROM dp_hidden_danger");
            long overdue = storage.hiddenDangers().count(q);
            Sql.Stmt first = ((org.dualprevention.jdbc.internal.JdbcHiddenDangerRepository) storage.hiddenDangers())
                    .pageStatement(q, PageRequest.first(100));
            long[] ours = new long[31];
            long[] raw = new long[31];
            for (int i = 0; i < ours.length; i++) {
                long a = System.nanoTime();
                storage.hiddenDangers().find(q, PageRequest.first(100));
                ours[i] = System.nanoTime() - a;
                long b = System.nanoTime();
                rawPage(pool, first);
                raw[i] = System.nanoTime() - b;
            }
            long[] countOurs = new long[11];
            for (int i = 0; i < countOurs.length; i++) {
                long a = System.nanoTime();
                storage.hiddenDangers().count(q);
                countOurs[i] = System.nanoTime() - a;
            }
            long a = System.nanoTime();
            long all = Page.stream(p -> storage.hiddenDangers().find(q, p), 1000).count();
            long walk = System.nanoTime() - a;
            report.append(String.format(Locale.ROOT, "| overdue as of %s on %,d rows (%,d overdue): first page of 100, JdbcStorage"
                    + " (median of 31) | %.2f | %.2f |%n", asOf, rows, overdue, median(ours) / 1e6, median(ours) / median(raw)));
            report.append(String.format(Locale.ROOT, "| same SQL (ids and versions of the page), raw JDBC | %.2f | 1.00 |%n",
                    median(raw) / 1e6));
            report.append(String.format(Locale.ROOT, "| count of the overdue (median of 11) | %.2f | |%n", median(countOurs) / 1e6));
            report.append(String.format(Locale.ROOT, "| all %,d overdue, pages of 1000 | %,d | |%n", all, walk / 1_000_000));
        }
        System.out.println("BENCHMARK " + report);
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "benchmark-" + kind + ".md"), report.toString());
    }

    private static double median(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    private static long count(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void rawPage(TestPool pool, Sql.Stmt stmt) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(stmt.sql())) {
            stmt.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getString(1);
                }
            }
        }
    }

    /**
     * Copies the imported rows (MULTIPLY - 1) more times under new ids, in the database itself, with deadlines
     * a year later: the copies fill the table and its indexes (open ones included) but are never overdue on
     * the benchmark's day, so every row a query returns has its real audit chain to replay.
     */
    private static void multiply(TestDatabase db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            String range = db.dialect() == Dialect.POSTGRESQL ? "generate_series(1, " + (MULTIPLY - 1) + ") AS k(x)"
                    : "SYSTEM_RANGE(1, " + (MULTIPLY - 1) + ") AS k(x)";
            String doc = db.dialect() == Dialect.POSTGRESQL ? "CAST(REPLACE(CAST(doc AS TEXT), id, id || '-' || k.x) AS json)"
                    : "REPLACE(doc, id, id || '-' || k.x)";
            s.execute("INSERT INTO dp_hidden_danger (id, version, state, is_open, unit_id, risk_point_id, grade, deadline,"
                    + " reported_ns, doc) SELECT id || '-' || k.x, version, state, is_open, unit_id, risk_point_id, grade, "
                    + (db.dialect() == Dialect.POSTGRESQL ? "deadline + 365" : "DATEADD(DAY, 365, deadline)") + ","
                    + " reported_ns, " + doc + " FROM dp_hidden_danger, " + range + " WHERE id NOT LIKE '%-%-%'");
            if (db.dialect() == Dialect.POSTGRESQL) {
                s.execute("ANALYZE");
            }
        }
    }

    private static void rawInsert(TestDatabase db, List<HiddenDanger> dangers, List<List<AuditEntry>> chains,
            List<String> docs) throws SQLException {
        String doc = db.dialect() == Dialect.POSTGRESQL ? "CAST(? AS json)" : "?";
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement hd = c.prepareStatement("INSERT INTO dp_hidden_danger (id, version, state, is_open, unit_id,"
                    + " risk_point_id, grade, deadline, reported_ns, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, " + doc + ")");
                    PreparedStatement ae = c.prepareStatement("INSERT INTO dp_audit_entry (danger_id, seq, actor_id, at_text,"
                            + " action, state_before, state_after, data, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < dangers.size(); i++) {
                    HiddenDanger d = dangers.get(i);
                    hd.setString(1, d.id().value());
                    hd.setLong(2, d.version());
                    hd.setString(3, d.state().code());
                    hd.setBoolean(4, d.isOpen());
                    hd.setString(5, d.unit().value());
                    hd.setString(6, d.riskPoint().map(RiskPointId::value).orElse(null));
                    hd.setString(7, d.grade().map(HiddenDangerGrade::code).orElse(null));
                    if (d.deadline().isPresent()) {
                        hd.setObject(8, d.deadline().get(), Types.DATE);
                    } else {
                        hd.setNull(8, Types.DATE);
                    }
                    hd.setLong(9, Sql.nanos(d.reportedAt()));
                    hd.setString(10, docs.get(i));
                    hd.addBatch();
                    for (AuditEntry e : chains.get(i)) {
                        ae.setString(1, e.dangerId().value());
                        ae.setLong(2, e.sequence());
                        ae.setString(3, e.actor().value());
                        ae.setString(4, e.at().toString());
                        ae.setString(5, e.action().code());
                        ae.setString(6, e.stateBefore().map(HiddenDangerState::code).orElse(null));
                        ae.setString(7, e.stateAfter().code());
                        ae.setString(8, e.data());
                        ae.setString(9, e.previousHash());
                        ae.setString(10, e.hash());
                        ae.addBatch();
                    }
                    if ((i + 1) % BATCH == 0 || i == dangers.size() - 1) {
                        hd.executeBatch();
                        ae.executeBatch();
                        c.commit();
                    }
                }
            }
        }
    }
}
