package org.dualprevention.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.dualprevention.engine.digest.Sha256;
import org.jspecify.annotations.Nullable;

/**
 * The versioned SQL migrations of the JDBC storage, and a small runner for hosts without a migration tool.
 *
 * <p>The scripts are plain files in the jar, one folder per dialect, named as Flyway expects
 * ({@code V1__init.sql}, …) under {@link Dialect#migrationLocation()}:
 * {@code /org/dualprevention/jdbc/migration/h2/}, {@code …/postgresql/}, {@code …/mysql/}. A host with
 * Flyway or Liquibase hands it that location and never calls {@link #migrate(DataSource)}.
 *
 * <p>{@link #migrate(DataSource)} records what it applied in the table {@code dp_schema_version}
 * (version, description, script, SHA-256 checksum, time installed), applies only what is missing, in
 * order, and refuses to run if an applied script's checksum no longer matches the jar's. Two nodes
 * migrating at once are serialised with a database lock (PostgreSQL advisory lock, MySQL
 * {@code GET_LOCK}); on H2 (embedded, one process) with a JVM lock.
 *
 * <h2>Crash safety</h2>
 * A migration interrupted after any statement (the process killed, the connection lost, a statement failed)
 * is completed by the next {@code migrate}:
 * <ul>
 *   <li>PostgreSQL runs each script and its {@code dp_schema_version} row in one transaction, so an
 *       interrupted script leaves nothing behind and runs again whole.</li>
 *   <li>H2 and MySQL commit DDL by itself, so each statement is a step, recorded in {@code dp_schema_step}
 *       (version, step, script checksum) once done. The first step without its record may have run just before
 *       the interruption: a DDL step ({@code CREATE TABLE}, {@code CREATE INDEX}, {@code CREATE TRIGGER},
 *       {@code ALTER TABLE … ADD COLUMN}) is looked up in the catalogue and runs only if its object is missing;
 *       a DML step runs in one transaction with its record. The steps of an interrupted script must be
 *       finished with the same script: a different checksum is refused.</li>
 * </ul>
 *
 * <h2>Least privilege</h2>
 * Migrations need an account that may create tables, indexes and triggers; the application does not. Run
 * {@code migrate} with the owner's data source at deployment (or {@link JdbcStorage.Builder#migrateWith})
 * and give the application a runtime account with the grants of the README section "Running with least
 * privilege".
 *
 * @since 0.1
 */
public final class Migrations {
    /** The scripts, in order; the same list for every dialect. */
    private static final List<String> SCRIPTS = List.of("V1__init.sql", "V2__audit_append_only.sql",
            "V3__audit_entry_format.sql", "V4__commands_outbox.sql", "V5__tenant.sql",
            "V6__major_hazards_incidents_rechecks_typical.sql", "V7__danger_tallies.sql",
            "V8__danger_tally_dimensions.sql");
    private static final long PG_LOCK_KEY = 0x6470_6d69_6772_6174L; // "dpmigrat"
    private static final Object H2_LOCK = new Object();

    /** Where a {@link StepHook} is called: just before a statement runs, or just after it ran (not yet recorded). */
    enum Point {
        /** Before the statement runs. */
        BEFORE,
        /** After the statement ran, before the step is recorded (for DDL on H2 and MySQL, already committed). */
        AFTER
    }

    /** A hook around each statement of a migration, for the tests that interrupt migrations at every step. */
    @FunctionalInterface
    interface StepHook {
        /**
         * Called around statement {@code step} (1-based) of script {@code version}.
         *
         * @param dialect the dialect
         * @param version the script's version
         * @param step the statement's number in the script
         * @param point before or after the statement
         * @throws SQLException to interrupt the migration there
         */
        void at(Dialect dialect, int version, int step, Point point) throws SQLException;
    }

    /** The test hook; {@code null} outside tests. */
    static volatile @Nullable StepHook hook;

    private Migrations() {
    }

    /**
     * The schema version the scripts of this jar lead to.
     *
     * @return the latest version number
     */
    public static int latestVersion() {
        return versionOf(SCRIPTS.get(SCRIPTS.size() - 1));
    }

    /**
     * The version numbers of the scripts, ascending. Numbers may skip (a number reserved by a parallel branch).
     *
     * @return the versions
     */
    public static List<Integer> versions() {
        List<Integer> out = new ArrayList<>();
        for (String s : SCRIPTS) {
            out.add(versionOf(s));
        }
        return List.copyOf(out);
    }

    /**
     * The class-path resource names of a dialect's scripts, in the order they apply.
     *
     * @param dialect the dialect
     * @return resource names such as {@code org/dualprevention/jdbc/migration/h2/V1__init.sql}
     */
    public static List<String> scripts(Dialect dialect) {
        List<String> out = new ArrayList<>();
        for (String s : SCRIPTS) {
            out.add(dialect.migrationLocation() + "/" + s);
        }
        return List.copyOf(out);
    }

    /**
     * The text of one script.
     *
     * @param dialect the dialect
     * @param version the version number (1, 2, …)
     * @return the SQL text
     * @throws IllegalArgumentException if there is no such version
     */
    public static String script(Dialect dialect, int version) {
        for (String s : SCRIPTS) {
            if (versionOf(s) == version) {
                return read(dialect.migrationLocation() + "/" + s);
            }
        }
        throw new IllegalArgumentException("no migration version [" + version + "]; available: " + versions());
    }

    /**
     * Brings the database the data source points at (its default schema) to {@link #latestVersion()},
     * detecting the dialect.
     *
     * @param dataSource the data source
     * @return the schema version afterwards
     * @throws JdbcStorageException if the database fails or an applied script was changed
     */
    public static int migrate(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        try (Connection c = dataSource.getConnection()) {
            return migrate(c, Dialect.detect(c));
        } catch (SQLException e) {
            throw new JdbcStorageException("Cannot connect to migrate", e);
        }
    }

    /**
     * Brings the database of a connection to {@link #latestVersion()}. The connection is left open and in
     * auto-commit mode.
     *
     * @param connection an open connection, not inside a transaction of the host
     * @param dialect its dialect
     * @return the schema version afterwards
     * @throws JdbcStorageException if the database fails or an applied script was changed
     */
    public static int migrate(Connection connection, Dialect dialect) {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(dialect, "dialect");
        try {
            connection.setAutoCommit(true);
            if (dialect == Dialect.H2) {
                synchronized (H2_LOCK) {
                    return migrateLocked(connection, dialect);
                }
            }
            lock(connection, dialect, true);
            try {
                return migrateLocked(connection, dialect);
            } finally {
                lock(connection, dialect, false);
            }
        } catch (SQLException e) {
            throw new JdbcStorageException("Migration of the dualprevention tables failed", e);
        }
    }

    /**
     * The schema version recorded in {@code dp_schema_version}, 0 if the table is missing or empty.
     *
     * @param dataSource the data source
     * @return the version
     */
    public static int currentVersion(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return applied(c).keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        } catch (SQLException e) {
            return 0;
        }
    }

    private static void lock(Connection c, Dialect dialect, boolean acquire) throws SQLException {
        String sql;
        if (dialect == Dialect.POSTGRESQL) {
            sql = acquire ? "SELECT pg_advisory_lock(" + PG_LOCK_KEY + ")" : "SELECT pg_advisory_unlock(" + PG_LOCK_KEY + ")";
        } else {
            sql = acquire ? "SELECT GET_LOCK('dualprevention.migrate', 120)" : "SELECT RELEASE_LOCK('dualprevention.migrate')";
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (acquire && rs.next() && dialect == Dialect.MYSQL && rs.getInt(1) != 1) {
                throw new JdbcStorageException("Another node holds the migration lock for more than 120 s; try again");
            }
        }
    }

    private static int migrateLocked(Connection c, Dialect dialect) throws SQLException {
        boolean transactional = dialect == Dialect.POSTGRESQL;
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS dp_schema_version ("
                    + "version INT NOT NULL PRIMARY KEY, description VARCHAR(200) NOT NULL, "
                    + "script VARCHAR(200) NOT NULL, checksum VARCHAR(64) NOT NULL, "
                    + "installed_on TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL)");
            if (!transactional) {
                s.execute("CREATE TABLE IF NOT EXISTS dp_schema_step (version INT NOT NULL, step INT NOT NULL,"
                        + " checksum VARCHAR(64) NOT NULL, CONSTRAINT dp_schema_step_pk PRIMARY KEY (version, step))");
            }
        }
        Map<Integer, String> applied = applied(c);
        int current = 0;
        for (String name : SCRIPTS) {
            int version = versionOf(name);
            String text = read(dialect.migrationLocation() + "/" + name);
            String checksum = Sha256.hex(text);
            String done = applied.get(version);
            if (done != null) {
                if (!done.equals(checksum)) {
                    throw new JdbcStorageException("Migration [" + dialect.folder() + "/" + name
                            + "] was applied with checksum [" + done + "] but the jar's script has [" + checksum
                            + "]; applied scripts must never change. Restore the script or repair dp_schema_version");
                }
                current = version;
                continue;
            }
            if (transactional) {
                applyInOneTransaction(c, dialect, version, name, text, checksum);
            } else {
                applyInSteps(c, dialect, version, name, text, checksum);
            }
            current = version;
        }
        return current;
    }

    /** PostgreSQL: the script and its version row in one transaction, so an interrupted run leaves nothing. */
    private static void applyInOneTransaction(Connection c, Dialect dialect, int version, String name, String text,
            String checksum) throws SQLException {
        c.setAutoCommit(false);
        try {
            List<String> stmts = statements(text);
            try (Statement s = c.createStatement()) {
                for (int k = 1; k <= stmts.size(); k++) {
                    fire(dialect, version, k, Point.BEFORE);
                    s.execute(stmts.get(k - 1));
                    fire(dialect, version, k, Point.AFTER);
                }
            }
            recordVersion(c, version, name, checksum);
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /**
     * H2 and MySQL, where DDL commits by itself: each statement is a step recorded in {@code dp_schema_step}
     * once done. The first step without its record may still have run just before an interruption, so if it is
     * DDL it is first looked up in the catalogue (it runs only if its object is missing); a DML step runs in one
     * transaction with its record. The version row comes last.
     */
    private static void applyInSteps(Connection c, Dialect dialect, int version, String name, String text,
            String checksum) throws SQLException {
        List<String> stmts = statements(text);
        Map<Integer, String> journal = journal(c, version);
        for (Map.Entry<Integer, String> j : journal.entrySet()) {
            if (!j.getValue().equals(checksum)) {
                throw new JdbcStorageException("Migration [" + dialect.folder() + "/" + name + "] was interrupted after step ["
                        + j.getKey() + "] of a script with checksum [" + j.getValue() + "] but the jar's script has ["
                        + checksum + "]; finish it with the jar that started it, or repair the schema and dp_schema_step");
            }
        }
        // steps run and are recorded one after the other, so the records are steps 1..j and only step j + 1 can
        // have run without its record
        boolean mayHaveRun = true;
        for (int k = 1; k <= stmts.size(); k++) {
            if (journal.containsKey(k)) {
                continue;
            }
            MigrationStep step = MigrationStep.of(stmts.get(k - 1), dialect);
            boolean lookUp = mayHaveRun;
            mayHaveRun = false;
            if (step.kind() != MigrationStep.Kind.DML) {
                if (!(lookUp && step.exists(c, dialect))) {
                    fire(dialect, version, k, Point.BEFORE);
                    try (Statement s = c.createStatement()) {
                        s.execute(step.sql());
                    }
                    fire(dialect, version, k, Point.AFTER);
                }
                recordStep(c, version, k, checksum);
                continue;
            }
            c.setAutoCommit(false);
            try {
                fire(dialect, version, k, Point.BEFORE);
                try (Statement s = c.createStatement()) {
                    s.execute(step.sql());
                }
                fire(dialect, version, k, Point.AFTER);
                recordStep(c, version, k, checksum);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
        recordVersion(c, version, name, checksum);
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM dp_schema_step WHERE version = ?")) {
            ps.setInt(1, version);
            ps.executeUpdate();
        }
    }

    private static void fire(Dialect dialect, int version, int step, Point point) throws SQLException {
        StepHook h = hook;
        if (h != null) {
            h.at(dialect, version, step, point);
        }
    }

    private static void recordVersion(Connection c, int version, String name, String checksum) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO dp_schema_version (version, description, script, checksum) VALUES (?, ?, ?, ?)")) {
            ps.setInt(1, version);
            ps.setString(2, descriptionOf(name));
            ps.setString(3, name);
            ps.setString(4, checksum);
            ps.executeUpdate();
        }
    }

    private static void recordStep(Connection c, int version, int step, String checksum) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO dp_schema_step (version, step, checksum) VALUES (?, ?, ?)")) {
            ps.setInt(1, version);
            ps.setInt(2, step);
            ps.setString(3, checksum);
            ps.executeUpdate();
        }
    }

    private static Map<Integer, String> journal(Connection c, int version) throws SQLException {
        Map<Integer, String> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT step, checksum FROM dp_schema_step WHERE version = ? ORDER BY step")) {
            ps.setInt(1, version);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getInt(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    private static Map<Integer, String> applied(Connection c) throws SQLException {
        Map<Integer, String> out = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version, checksum FROM dp_schema_version ORDER BY version")) {
            while (rs.next()) {
                out.put(rs.getInt(1), rs.getString(2));
            }
        }
        return out;
    }

    /**
     * Splits a script into statements: a statement ends with {@code ;} at the end of a line; lines starting
     * with {@code --} are comments.
     *
     * @param script the script text
     * @return the statements without the semicolons
     */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : script.split("\\R")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("--")) {
                continue;
            }
            if (t.endsWith(";")) {
                cur.append(t, 0, t.length() - 1);
                out.add(cur.toString().strip());
                cur.setLength(0);
            } else {
                cur.append(t).append('\n');
            }
        }
        if (!cur.toString().isBlank()) {
            out.add(cur.toString().strip());
        }
        return out;
    }

    private static int versionOf(String name) {
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    private static String descriptionOf(String name) {
        return name.substring(name.indexOf("__") + 2, name.length() - ".sql".length()).replace('_', ' ');
    }

    private static String read(String resource) {
        try (InputStream in = Migrations.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new JdbcStorageException("Migration script [" + resource + "] is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new JdbcStorageException("Cannot read migration script [" + resource + "]", e);
        }
    }
}
