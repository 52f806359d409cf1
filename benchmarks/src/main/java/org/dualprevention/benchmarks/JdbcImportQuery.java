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
import org.dualprevention.risk.RiskPointId;

/**
 * JDBC bulk-import harness (a plain main, not JMH: each measurement is seconds of database work): N hidden
 * dangers with their whole audit chains through {@link JdbcStorage#importHiddenDangers} in calls of 1 000, against
 * raw JDBC batch inserts of the same rows and, on PostgreSQL, against {@code COPY FROM STDIN} of the same rows (text
 * format, one COPY per table per 1,000 hidden dangers, committed like the library's calls), each side on a fresh
 * schema of the same database. Warm and interleaved: with rounds &gt; 1 a first round that is not counted, then the
 * three sides in rotating order each round; best of the rounds. The overdue query and the other PostgreSQL
 * measurements are in {@link PgScale}, with baselines that do the library's work.
 * The hidden dangers come from {@link DangerFixtures#walk}, the fixture of the in-memory store benchmarks.
 *
 * <p>Usage (after {@code mvn -pl benchmarks -am package -DskipTests}):
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.dualprevention.benchmarks.JdbcImportQuery h2 [N] [rounds]
 * java -cp benchmarks/target/benchmarks.jar org.dualprevention.benchmarks.JdbcImportQuery \
 *     'jdbc:postgresql://127.0.0.1:5432/test?user=postgres' [N] [rounds]
 * </pre>
 * {@code h2} uses H2 files in a temporary directory; a PostgreSQL URL gets fresh schemas that are dropped
 * afterwards. Defaults: N = 100 000, rounds = 3. Prints a Markdown table.
 */
public final class JdbcImportQuery {
    private static final int BATCH = 1000;

    private JdbcImportQuery() {
    }

    /**
     * Runs the measurement.
     *
     * @param args {@code h2} or a PostgreSQL URL, then optional N and rounds
     * @throws Exception if the database fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: JdbcImportQuery h2|<postgresql url> [N] [rounds]");
            System.exit(2);
        }
        String target = args[0];
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;

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
            report.append(String.format(Locale.ROOT, "| bulk import: ratio COPY time / JdbcStorage time (target >= 0.85)"
                    + " | | %.2f |%n", (double) copyBest / oursBest));
        }

        System.out.println(report);
    }

    private static void importAll(JdbcStorage storage, List<HiddenDanger> dangers, List<List<AuditEntry>> chains) {
        for (int from = 0; from < dangers.size(); from += BATCH) {
            int to = Math.min(dangers.size(), from + BATCH);
            storage.importHiddenDangers(dangers.subList(from, to), chains.subList(from, to));
        }
    }

    private static void rawInsert(Db db, List<HiddenDanger> dangers, List<List<AuditEntry>> chains) throws SQLException {
        String doc = db.dialect == Dialect.POSTGRESQL ? "CAST(? AS json)" : "?";
        try (Connection c = db.dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement hd = c.prepareStatement("INSERT INTO dp_hidden_danger (id, version, state, is_open, unit_id,"
                    + " risk_point_id, grade, deadline, reported_ns, doc, tenant_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, " + doc
                    + ", ?)");
                    PreparedStatement ae = c.prepareStatement("INSERT INTO dp_audit_entry (danger_id, seq, actor_id, at_text,"
                            + " action, state_before, state_after, data, previous_hash, hash, entry_format, state_hash, key_id,"
                            + " tenant_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
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
                    // the snapshot document the library writes (null where the library writes none)
                    hd.setString(10, PgScale.Snapshot.of(d));
                    hd.setString(11, JdbcStorage.DEFAULT_TENANT);
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
                        ae.setInt(11, e.format());
                        ae.setString(12, e.stateHash().orElse(null));
                        ae.setString(13, e.keyId().orElse(null));
                        ae.setString(14, JdbcStorage.DEFAULT_TENANT);
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
     * per table per 1,000 hidden dangers, committed like the batches: {@link PgScale#copyRows}, whose rows
     * {@link PgScale} checks equal, column for column, to what {@link JdbcStorage#importHiddenDangers} writes.
     */
    private static void rawCopy(Db db, List<HiddenDanger> dangers, List<List<AuditEntry>> chains)
            throws SQLException, java.io.IOException {
        try (Connection c = db.dataSource.getConnection()) {
            c.setAutoCommit(false);
            org.postgresql.copy.CopyManager copy = c.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
            for (int from = 0; from < dangers.size(); from += BATCH) {
                int to = Math.min(dangers.size(), from + BATCH);
                PgScale.copyRows(copy, dangers.subList(from, to), chains.subList(from, to));
                c.commit();
            }
        }
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
