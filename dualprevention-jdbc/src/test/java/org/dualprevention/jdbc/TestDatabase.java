package org.dualprevention.jdbc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A database for one test: its own H2 memory database, H2 file, PostgreSQL schema or MariaDB database,
 * dropped on {@link #close()}. Servers are at the fixed local addresses of the build machine (overridable
 * with the environment variables {@code DP_PG_URL} and {@code DP_MARIADB_URL}); an unreachable server
 * skips the test with a message, or fails it when the environment variable {@code CI} is {@code true}.
 */
public final class TestDatabase implements AutoCloseable {
    /** The kinds of database the tests run on. */
    public enum Kind {
        /** In-memory H2. */
        H2_MEM,
        /** H2 file in a temporary directory. */
        H2_FILE,
        /** A fresh schema on the local PostgreSQL server. */
        POSTGRESQL,
        /** A fresh database on the local MariaDB server. */
        MARIADB
    }

    static final String PG_URL = env("DP_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    static final String MARIADB_URL = env("DP_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test?user=root&password=");

    private final Kind kind;
    private final String name;
    private final String url;
    private final Dialect dialect;
    private final Path dir;
    private final DataSource dataSource;

    private TestDatabase(Kind kind, String name, String url, Dialect dialect, Path dir) {
        this.kind = kind;
        this.name = name;
        this.url = url;
        this.dialect = dialect;
        this.dir = dir;
        this.dataSource = new UrlDataSource(url);
    }

    private static String env(String key, String dflt) {
        String v = System.getenv(key);
        return v == null || v.isBlank() ? dflt : v;
    }

    /**
     * Creates a fresh, empty database of a kind (not migrated).
     *
     * @param kind the kind
     * @return the database; close it to drop it
     */
    public static TestDatabase create(Kind kind) {
        String name = "dp_t" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 8);
        try {
            switch (kind) {
                case H2_MEM:
                    return new TestDatabase(kind, name, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", Dialect.H2, null);
                case H2_FILE: {
                    Path dir = Files.createTempDirectory("dp-h2-");
                    return new TestDatabase(kind, name, JdbcStorage.h2FileUrl(dir.resolve("dp")), Dialect.H2, dir);
                }
                case POSTGRESQL: {
                    requireServer("PostgreSQL", PG_URL + "&connectTimeout=3");
                    exec(PG_URL, "CREATE SCHEMA " + name);
                    return new TestDatabase(kind, name, PG_URL + "&currentSchema=" + name, Dialect.POSTGRESQL, null);
                }
                case MARIADB: {
                    requireServer("MariaDB", MARIADB_URL + "&connectTimeout=3000");
                    exec(MARIADB_URL, "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
                    String url = MARIADB_URL.replace("/test?", "/" + name + "?");
                    return new TestDatabase(kind, name, url, Dialect.MYSQL, null);
                }
                default:
                    throw new IllegalArgumentException(kind.toString());
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("could not create a " + kind + " test database", e);
        }
    }

    /**
     * Skips (or, with {@code CI=true}, fails) the calling test if the server cannot be reached.
     *
     * @param what the product name for the message
     * @param url the JDBC URL
     */
    static void requireServer(String what, String url) {
        requireServer(what, url, "true".equalsIgnoreCase(System.getenv("CI")));
    }

    /**
     * Skips the calling test if the server cannot be reached, or fails it when {@code ci} is true.
     *
     * @param what the product name for the message
     * @param url the JDBC URL
     * @param ci whether a missing server is a failure
     */
    static void requireServer(String what, String url, boolean ci) {
        try (Connection c = DriverManager.getConnection(url)) {
            c.isValid(3);
        } catch (SQLException e) {
            String msg = what + " is not reachable at " + url.replaceAll("password=[^&]*", "password=***") + " ("
                    + e.getMessage() + ")";
            if (ci) {
                Assertions.fail(msg + "; CI=true makes a missing server a failure");
            }
            Assumptions.abort(msg + "; skipping. With CI=true this is a failure");
        }
    }

    static void exec(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** @return the kind */
    public Kind kind() {
        return kind;
    }

    /** @return the dialect */
    public Dialect dialect() {
        return dialect;
    }

    /** @return the JDBC URL of this database */
    public String url() {
        return url;
    }

    /** @return a fresh, unpooled data source on this database */
    public DataSource dataSource() {
        return dataSource;
    }

    /** @return a new pooled data source on this database; close it when done */
    public TestPool pool() {
        return new TestPool(new UrlDataSource(url), 8);
    }

    /** @return the H2 database file (without {@code .mv.db}) of an {@link Kind#H2_FILE} database */
    public Path h2File() {
        return dir.resolve("dp");
    }

    /** @return the schema or database name */
    public String name() {
        return name;
    }

    @Override
    public void close() {
        try {
            switch (kind) {
                case H2_MEM:
                    exec(url, "SHUTDOWN");
                    break;
                case H2_FILE:
                    try {
                        exec(url, "SHUTDOWN");
                    } finally {
                        deleteTree(dir);
                    }
                    break;
                case POSTGRESQL:
                    exec(PG_URL, "DROP SCHEMA " + name + " CASCADE");
                    break;
                case MARIADB:
                    exec(MARIADB_URL, "DROP DATABASE " + name);
                    break;
                default:
                    break;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test database " + name, e);
        }
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return kind.toString().toLowerCase(Locale.ROOT) + ":" + name;
    }

    /** A data source over DriverManager and one URL. */
    static final class UrlDataSource extends TestDataSourceBase {
        private final String url;

        UrlDataSource(String url) {
            this.url = url;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return DriverManager.getConnection(url, new Properties());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return DriverManager.getConnection(url, username, password);
        }

        @Override
        public String toString() {
            return "UrlDataSource[" + url + "]";
        }
    }
}
