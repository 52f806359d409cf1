package org.dualprevention.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

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
 * @since 0.1
 */
public final class Migrations {
    /** The scripts, in order; the same list for every dialect. */
    private static final List<String> SCRIPTS = List.of("V1__init.sql");
    private static final long PG_LOCK_KEY = 0x6470_6d69_6772_6174L; // "dpmigrat"
    private static final Object H2_LOCK = new Object();

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
        throw new IllegalArgumentException("no migration version [" + version + "]; available: 1.." + latestVersion());
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
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS dp_schema_version ("
                    + "version INT NOT NULL PRIMARY KEY, description VARCHAR(200) NOT NULL, "
                    + "script VARCHAR(200) NOT NULL, checksum VARCHAR(64) NOT NULL, "
                    + "installed_on TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL)");
        }
        Map<Integer, String> applied = applied(c);
        int current = 0;
        for (String name : SCRIPTS) {
            int version = versionOf(name);
            String text = read(dialect.migrationLocation() + "/" + name);
            String checksum = sha256(text);
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
            boolean transactional = dialect == Dialect.POSTGRESQL;
            if (transactional) {
                c.setAutoCommit(false);
            }
            try {
                try (Statement s = c.createStatement()) {
                    for (String stmt : statements(text)) {
                        s.execute(stmt);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO dp_schema_version (version, description, script, checksum) VALUES (?, ?, ?, ?)")) {
                    ps.setInt(1, version);
                    ps.setString(2, descriptionOf(name));
                    ps.setString(3, name);
                    ps.setString(4, checksum);
                    ps.executeUpdate();
                }
                if (transactional) {
                    c.commit();
                }
            } catch (SQLException | RuntimeException e) {
                if (transactional) {
                    c.rollback();
                }
                throw e;
            } finally {
                if (transactional) {
                    c.setAutoCommit(true);
                }
            }
            current = version;
        }
        return current;
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

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
