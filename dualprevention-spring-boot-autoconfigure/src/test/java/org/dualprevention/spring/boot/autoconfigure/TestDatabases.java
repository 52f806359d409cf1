package org.dualprevention.spring.boot.autoconfigure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Fresh databases for the tests: H2 in memory, or a new schema on the local PostgreSQL server. */
final class TestDatabases {
    static final String PG_URL = env("DP_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    private TestDatabases() {
    }

    private static String env(String key, String dflt) {
        String v = System.getenv(key);
        return v == null || v.isBlank() ? dflt : v;
    }

    static String name() {
        return "dp_s" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 8);
    }

    /** @return a fresh H2 in-memory database */
    static DataSource h2() {
        return new DriverManagerDataSource("jdbc:h2:mem:" + name() + ";DB_CLOSE_DELAY=-1");
    }

    /**
     * A fresh schema on PostgreSQL; skips the test when the server is not reachable, unless CI=true (then fails).
     *
     * @return the data source
     */
    static DataSource postgres() {
        String schema = name();
        try (Connection c = DriverManager.getConnection(PG_URL + "&connectTimeout=3");
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("PostgreSQL at " + PG_URL + " is required with CI=true", e);
            }
            Assumptions.abort("PostgreSQL not reachable at " + PG_URL + " (set DP_PG_URL): " + e.getMessage());
        }
        return new DriverManagerDataSource(PG_URL + "&currentSchema=" + schema);
    }

    static DataSource of(String kind) {
        return "postgresql".equals(kind) ? postgres() : h2();
    }
}
