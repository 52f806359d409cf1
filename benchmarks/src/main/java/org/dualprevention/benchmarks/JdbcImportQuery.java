package org.dualprevention.benchmarks;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.sql.DataSource;

import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.jdbc.Dialect;
import org.dualprevention.jdbc.JdbcStorage;
import org.dualprevention.jdbc.Migrations;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.query.HiddenDangerQuery;
import org.dualprevention.query.Page;
import org.dualprevention.query.PageRequest;
import org.dualprevention.risk.RiskPointId;

/**
 * JDBC storage harness (a plain main, not JMH: each measurement is seconds of database work). Measures, each
 * against a baseline in the same run and on a fresh schema of the same database:
 * <ol>
 *   <li>bulk import of N hidden dangers with their whole audit chains through
 *       {@link JdbcStorage#importHiddenDangers} in calls of 1 000, against raw JDBC batch inserts of the same
 *       rows and, on PostgreSQL, against {@code COPY FROM STDIN} of the same rows; with rounds &gt; 1 a first
 *       uncounted round, then the three sides in rotating order, best of the rounds;</li>
 *   <li>the overdue query's first page of 100 on N × multiply rows (the imported rows copied in the database
 *       under new ids, deadlines a year later so the copies are never overdue), against the same SQL in raw
 *       JDBC that only reads ids and versions (no chain replay); plus the count and a walk over every page.</li>
 * </ol>
 * The hidden dangers come from {@link DangerFixtures#walk}, the fixture of the in-memory store benchmarks.
 *
 * <p>Usage (after {@code mvn -pl benchmarks -am package -DskipTests}):
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.dualprevention.benchmarks.JdbcImportQuery h2 [N] [multiply] [rounds]
 * java -cp benchmarks/target/benchmarks.jar org.dualprevention.benchmarks.JdbcImportQuery \
 *     'jdbc:postgresql://127.0.0.1:5432/test?user=postgres' [N] [multiply] [rounds]
 * </pre>
 * {@code h2} uses H2 files in a temporary directory; a PostgreSQL URL gets fresh schemas that are dropped
 * afterwards. Defaults: N = 100 000, multiply = 10, rounds = 1. Prints a Markdown table.
 */
public final class JdbcImportQuery {
    private static final int BATCH = 1000;
    private static final LocalDate AS_OF = LocalDate.parse("2026-02-10");
    private static final String PAGE_SQL = "SELECT id, version FROM dp_hidden_danger WHERE is_open = TRUE"
            + " AND deadline < ? ORDER BY deadline, id LIMIT ?";

    private JdbcImportQuery() {
    }

    /**
     * Runs the measurement.
     *
     * @param args {@code h2} or a PostgreSQL URL, then optional N, multiply and rounds
     * @throws Exception if the database fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: JdbcImportQuery h2|<postgresql url> [N] [multiply] [rounds]");
            System.exit(2);
        }
        String target = args[0];
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int multiply = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 1;

        List<OrgUnitId> teams = DangerFixtures.teams(20, 5);
        List<HiddenDanger> dangers = new ArrayList<>(n);
        List<List<AuditEntry>> chains = new ArrayList<>(n);
        for (long i = 0; i < n; i++) {
            List<AuditEntry> chain = new ArrayList<>(6);
            dangers.add(DangerFixtures.walk(i, teams, 1000, t -> chain.add(t.audit())));
            chains.add(chain);
        }
        int entries = chains.stream().mapToInt(List::size).sum();
        StringBuilder report = new StringBuilder();
        report.append("\n| ").append(target.startsWith("jdbc:") ? "PostgreSQL" : "H2 file").append(" | ms | ratio |\n")
                .append("|---|---|---|\n");

        boolean pg = target.startsWith("jdbc:postgresql:");
        // warm and interleaved: a first round that is not counted (JIT, caches, the database's own warm-up) when
        // more than one is asked for, then the three sides in a rotating order each round; best of the rounds
        long oursBest = Long.MAX_VALUE;
        long rawBest = Long.MAX_VALUE;
        long copyBest = Long.MAX_VALUE;
        int counted = 0;
        for (int round = 0; round < rounds + (rounds > 1 ? 1 : 0); round++) {
            boolean count = rounds == 1 || round > 0;
            long[] took = new long[3];
            for (int k = 0; k < 3; k++) {
                int side = (k + round) % 3;
                if (side == 2 && !pg) {
                    continue;
                }
                try (Db db = Db.create(target)) {
                    Migrations.migrate(db.dataSource);
                    long t0 = System.nanoTime();
                    if (side == 0) {
                        rawInsert(db, dangers, chains);
                    } else if (side == 1) {
                        importAll(JdbcStorage.of(db.dataSource), dangers, chains);
                    } else {
                        rawCopy(db, dangers, chains);
                    }
                    took[side] = System.nanoTime() - t0;
                }
            }
            if (count) {
                counted++;
                rawBest = Math.min(rawBest, took[0]);
                oursBest = Math.min(oursBest, took[1]);
                if (pg) {
                    copyBest = Math.min(copyBest, took[2]);
                }
            }
        }
        report.append(String.format(Locale.ROOT, "| import %,d hidden dangers + %,d audit entries, JdbcStorage (best of %d)"
                + " | %,d | %.2f |%n", n, entries, counted, oursBest / 1_000_000, (double) rawBest / oursBest));
        report.append(String.format(Locale.ROOT, "| same rows, raw JDBC batches | %,d | 1.00 |%n", rawBest / 1_000_000));
        if (pg) {
            report.append(String.format(Locale.ROOT, "| same rows, PostgreSQL COPY (text format, one COPY per table per"
                    + " 1,000 hidden dangers) | %,d | %.2f |%n", copyBest / 1_000_000, (double) rawBest / copyBest));
            report.append(String.format(Locale.ROOT, "| ratio COPY time / JdbcStorage time | | %.2f |%n",
                    (double) copyBest / oursBest));
        }

        try (Db db = Db.create(target)) {
            Migrations.migrate(db.dataSource);
            JdbcStorage storage = JdbcStorage.of(db.dataSource);
            importAll(storage, dangers, chains);
            multiply(db, multiply);
            HiddenDangerQuery q = HiddenDangerQuery.all().overdueAsOf(AS_OF);
            long rows = db.count("SELECT COUNT(*) FROM dp_hidden_danger");
            long overdue = storage.hiddenDangers().count(q);
            long[] ours = new long[31];
            long[] raw = new long[31];
            for (int i = 0; i < ours.length; i++) {
                long a = System.nanoTime();
                int got = storage.hiddenDangers().find(q, PageRequest.first(100)).items().size();
                ours[i] = System.nanoTime() - a;
                long b = System.nanoTime();
                int rawGot = db.rawPage(100);
                raw[i] = System.nanoTime() - b;
                if (got != rawGot) {
                    throw new IllegalStateException("the store returned " + got + " rows, the raw SQL " + rawGot);
                }
            }
            long[] counts = new long[11];
            for (int i = 0; i < counts.length; i++) {
                long a = System.nanoTime();
                storage.hiddenDangers().count(q);
                counts[i] = System.nanoTime() - a;
            }
            long a = System.nanoTime();
            long all = Page.stream(p -> storage.hiddenDangers().find(q, p), 1000).count();
            long walk = System.nanoTime() - a;
            report.append(String.format(Locale.ROOT, "| overdue as of %s on %,d rows (%,d overdue): first page of 100,"
                    + " JdbcStorage (median of 31) | %.2f | %.2f |%n", AS_OF, rows, overdue, median(ours) / 1e6,
                    median(raw) / median(ours)));
            report.append(String.format(Locale.ROOT, "| same SQL (ids and versions of the page), raw JDBC | %.2f | 1.00 |%n",
                    median(raw) / 1e6));
            report.append(String.format(Locale.ROOT, "| count of the overdue (median of 11) | %.2f | |%n", median(counts) / 1e6));
            report.append(String.format(Locale.ROOT, "| all %,d overdue, pages of 1000 | %,d | |%n", all, walk / 1_000_000));
        }
        System.out.println(report);
    }

    private static void importAll(JdbcStorage storage, List<HiddenDanger> dangers, List<List<AuditEntry>> chains) {
        for (int from = 0; from < dangers.size(); from += BATCH) {
            int to = Math.min(dangers.size(), from + BATCH);
            storage.importHiddenDangers(dangers.subList(from, to), chains.subList(from, to));
        }
    }

    private static double median(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    /**
     * Copies the imported rows (multiply - 1) more times under new ids, in the database itself, with deadlines a
     * year later: the copies fill the table and its indexes (open ones included) but are never overdue on the
     * benchmark's day, so every row a query returns has its real audit chain to replay.
     */
    private static void multiply(Db db, int multiply) throws SQLException {
        if (multiply < 2) {
            return;
        }
        boolean pg = db.dialect == Dialect.POSTGRESQL;
        String range = pg ? "generate_series(1, " + (multiply - 1) + ") AS k(x)" : "SYSTEM_RANGE(1, " + (multiply - 1) + ") AS k(x)";
        String doc = pg ? "CAST(REPLACE(CAST(doc AS TEXT), id, id || '-' || k.x) AS json)" : "REPLACE(doc, id, id || '-' || k.x)";
        try (Connection c = db.dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO dp_hidden_danger (id, version, state, is_open, unit_id, risk_point_id, grade, deadline,"
                    + " reported_ns, doc) SELECT id || '-' || k.x, version, state, is_open, unit_id, risk_point_id, grade, "
                    + (pg ? "deadline + 365" : "DATEADD(DAY, 365, deadline)") + ", reported_ns, " + doc
                    + " FROM dp_hidden_danger, " + range + " WHERE id NOT LIKE '%-%-%'");
            if (pg) {
                s.execute("ANALYZE");
            }
        }
    }

    private static void rawInsert(Db db, List<HiddenDanger> dangers, List<List<AuditEntry>> chains) throws SQLException {
        String doc = db.dialect == Dialect.POSTGRESQL ? "CAST(? AS json)" : "?";
        try (Connection c = db.dataSource.getConnection()) {
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
                    hd.setLong(9, d.reportedAt().getEpochSecond() * 1_000_000_000L + d.reportedAt().getNano());
                    // dualprevention-json has no document form of a hidden danger (its persistent form is the
                    // audit chain), so the store leaves the column null too
                    hd.setNull(10, Types.VARCHAR);
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

    /**
     * The same rows as {@link #rawInsert} through PostgreSQL's {@code COPY ... FROM STDIN} (text format), one COPY
     * per table per 1,000 hidden dangers, committed like the batches.
     */
    private static void rawCopy(Db db, List<HiddenDanger> dangers, List<List<AuditEntry>> chains)
            throws SQLException, java.io.IOException {
        try (Connection c = db.dataSource.getConnection()) {
            c.setAutoCommit(false);
            org.postgresql.copy.CopyManager copy = c.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
            StringBuilder hd = new StringBuilder();
            StringBuilder ae = new StringBuilder();
            for (int i = 0; i < dangers.size(); i++) {
                HiddenDanger d = dangers.get(i);
                row(hd, d.id().value(), Long.toString(d.version()), d.state().code(), d.isOpen() ? "t" : "f",
                        d.unit().value(), d.riskPoint().map(RiskPointId::value).orElse(null),
                        d.grade().map(HiddenDangerGrade::code).orElse(null),
                        d.deadline().map(LocalDate::toString).orElse(null),
                        Long.toString(d.reportedAt().getEpochSecond() * 1_000_000_000L + d.reportedAt().getNano()), null);
                for (AuditEntry e : chains.get(i)) {
                    row(ae, e.dangerId().value(), Long.toString(e.sequence()), e.actor().value(), e.at().toString(),
                            e.action().code(), e.stateBefore().map(HiddenDangerState::code).orElse(null),
                            e.stateAfter().code(), e.data(), e.previousHash(), e.hash());
                }
                if ((i + 1) % BATCH == 0 || i == dangers.size() - 1) {
                    copy.copyIn("COPY dp_hidden_danger (id, version, state, is_open, unit_id, risk_point_id, grade,"
                            + " deadline, reported_ns, doc) FROM STDIN", new java.io.StringReader(hd.toString()));
                    copy.copyIn("COPY dp_audit_entry (danger_id, seq, actor_id, at_text, action, state_before,"
                            + " state_after, data, previous_hash, hash) FROM STDIN", new java.io.StringReader(ae.toString()));
                    c.commit();
                    hd.setLength(0);
                    ae.setLength(0);
                }
            }
        }
    }

    /** One line of COPY text format: tab-separated, {@code \N} for null, backslash escapes. */
    private static void row(StringBuilder out, String... values) {
        for (int k = 0; k < values.length; k++) {
            if (k > 0) {
                out.append('\t');
            }
            String v = values[k];
            if (v == null) {
                out.append("\\N");
                continue;
            }
            for (int j = 0; j < v.length(); j++) {
                char ch = v.charAt(j);
                switch (ch) {
                    case '\\' -> out.append("\\\\");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> out.append(ch);
                }
            }
        }
        out.append('\n');
    }

    /** A fresh database for one measurement: an H2 file in a temporary directory, or a PostgreSQL schema. */
    private static final class Db implements AutoCloseable {
        private final String adminUrl;
        private final String name;
        private final Dialect dialect;
        private final Path dir;
        private final Connection connection;
        private final DataSource dataSource;

        private Db(String adminUrl, String name, Dialect dialect, Path dir, String url) throws SQLException {
            this.adminUrl = adminUrl;
            this.name = name;
            this.dialect = dialect;
            this.dir = dir;
            this.connection = DriverManager.getConnection(url);
            this.dataSource = new OneConnection(connection);
        }

        static Db create(String target) throws SQLException, IOException {
            String name = "dp_bench_" + Long.toHexString(System.nanoTime());
            if (target.equals("h2")) {
                Path dir = Files.createTempDirectory("dp-bench-h2-");
                return new Db(null, name, Dialect.H2, dir, JdbcStorage.h2FileUrl(dir.resolve("dp")));
            }
            try (Connection c = DriverManager.getConnection(target); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + name);
            }
            String url = target + (target.contains("?") ? "&" : "?") + "currentSchema=" + name;
            return new Db(target, name, Dialect.POSTGRESQL, null, url);
        }

        long count(String sql) throws SQLException {
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }

        int rawPage(int limit) throws SQLException {
            try (PreparedStatement ps = connection.prepareStatement(PAGE_SQL)) {
                ps.setObject(1, AS_OF, Types.DATE);
                ps.setInt(2, limit + 1);
                int n = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next() && n < limit) {
                        rs.getString(1);
                        rs.getLong(2);
                        n++;
                    }
                }
                return n;
            }
        }

        @Override
        public void close() throws SQLException, IOException {
            if (dialect == Dialect.H2) {
                try (Statement s = connection.createStatement()) {
                    s.execute("SHUTDOWN");
                }
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                        Files.delete(p);
                    }
                }
                return;
            }
            connection.close();
            try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + name + " CASCADE");
            }
        }
    }

    /** The benchmark's one connection as a data source; closing what it hands out does nothing. */
    private static final class OneConnection implements DataSource {
        private final Connection proxy;

        OneConnection(Connection real) {
            this.proxy = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (p, m, a) -> {
                        if (m.getName().equals("close")) {
                            return null;
                        }
                        try {
                            return m.invoke(real, a);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public Connection getConnection() {
            return proxy;
        }

        @Override
        public Connection getConnection(String username, String password) {
            return proxy;
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            // not used
        }

        @Override
        public void setLoginTimeout(int seconds) {
            // not used
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
