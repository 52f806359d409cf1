package org.dualprevention.jdbc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * An owner account and a runtime account on a fresh PostgreSQL schema or MariaDB database, made with the SQL
 * of the README section "Running with least privilege" (read from the README itself, names and passwords
 * replaced by fresh ones), and dropped on {@link #close()}.
 */
final class LeastPrivilege implements AutoCloseable {
    private final TestDatabase.Kind kind;
    private final String owner;
    private final String app;
    private final String ownerPassword;
    private final String appPassword;
    private final String schema;
    private final String adminUrl;
    private final String base;

    private LeastPrivilege(TestDatabase.Kind kind) {
        this.kind = kind;
        String tag = Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 12);
        this.owner = "dp_o_" + tag;
        this.app = "dp_a_" + tag;
        this.ownerPassword = "Own3r" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 4);
        this.appPassword = "App5" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 4);
        this.schema = "dp_lp_" + tag;
        this.adminUrl = kind == TestDatabase.Kind.POSTGRESQL ? TestDatabase.PG_URL : TestDatabase.MARIADB_URL;
        String noParams = adminUrl.substring(0, adminUrl.indexOf('?'));
        this.base = kind == TestDatabase.Kind.POSTGRESQL ? noParams
                : noParams.substring(0, noParams.lastIndexOf('/') + 1) + schema;
    }

    /**
     * Creates both accounts and the schema (PostgreSQL) or database (MariaDB), empty.
     *
     * @param kind {@code POSTGRESQL} or {@code MARIADB}
     * @return the accounts
     */
    static LeastPrivilege create(TestDatabase.Kind kind) {
        if (kind != TestDatabase.Kind.POSTGRESQL && kind != TestDatabase.Kind.MARIADB) {
            throw new IllegalArgumentException("accounts exist on the servers only, not on " + kind);
        }
        TestDatabase.requireServer(kind == TestDatabase.Kind.POSTGRESQL ? "PostgreSQL" : "MariaDB", kind == TestDatabase.Kind.POSTGRESQL
                ? TestDatabase.PG_URL + "&connectTimeout=3" : TestDatabase.MARIADB_URL + "&connectTimeout=3000");
        LeastPrivilege lp = new LeastPrivilege(kind);
        lp.run(lp.adminUrl, "before");
        return lp;
    }

    /** Grants the runtime account its rights on the migrated tables (as the README says: owner or admin). */
    void grantRuntime() {
        run(kind == TestDatabase.Kind.POSTGRESQL ? ownerUrl() : adminUrl, "after");
    }

    /** @return the owner's URL, password included */
    String ownerUrl() {
        return url(owner, ownerPassword);
    }

    /** @return the runtime account's URL, password included */
    String appUrl() {
        return url(app, appPassword);
    }

    /** @return the runtime account's URL without a password (to pass it as a property) */
    String appUrlWithoutPassword() {
        return kind == TestDatabase.Kind.POSTGRESQL ? base + "?currentSchema=" + schema : base;
    }

    /** @return the runtime account's name */
    String appUser() {
        return app;
    }

    /** @return the runtime account's password */
    String appPassword() {
        return appPassword;
    }

    /** @return the owner's password */
    String ownerPassword() {
        return ownerPassword;
    }

    /** @return the schema or database name */
    String schema() {
        return schema;
    }

    /** @return the kind of server */
    TestDatabase.Kind kind() {
        return kind;
    }

    /** @return a data source of the owner */
    DataSource ownerDataSource() {
        return new TestDatabase.UrlDataSource(ownerUrl());
    }

    /** @return a data source of the runtime account */
    DataSource appDataSource() {
        return new TestDatabase.UrlDataSource(appUrl());
    }

    private String url(String user, String password) {
        return base + "?user=" + user + "&password=" + password
                + (kind == TestDatabase.Kind.POSTGRESQL ? "&currentSchema=" + schema : "");
    }

    private void run(String url, String part) {
        String sql = readme(kind == TestDatabase.Kind.POSTGRESQL ? "postgresql" : "mysql", part)
                .replace("owner-secret", ownerPassword).replace("app-secret", appPassword)
                .replace("dp_owner", owner).replace("dp_app", app).replace("dualprevention", schema);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String stmt : Migrations.statements(sql)) {
                s.execute(stmt);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the README's least-privilege SQL (" + part + ") failed on " + kind, e);
        }
    }

    /**
     * The SQL block after the marker {@code <!-- least-privilege:<dialect>:<part> -->} in the README.
     *
     * @param dialect {@code postgresql} or {@code mysql}
     * @param part {@code before} or {@code after} the migration
     * @return the SQL text
     */
    static String readme(String dialect, String part) {
        String text;
        try {
            text = Files.readString(readmePath());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the README", e);
        }
        String marker = "<!-- least-privilege:" + dialect + ":" + part + " -->";
        int at = text.indexOf(marker);
        if (at < 0) {
            throw new IllegalStateException("the README lacks " + marker);
        }
        int open = text.indexOf("```sql\n", at);
        int close = text.indexOf("```", open + 7);
        return text.substring(open + 7, close);
    }

    private static Path readmePath() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve("README.md");
            if (Files.exists(p) && Files.exists(dir.resolve("dualprevention-jdbc"))) {
                return p;
            }
        }
        throw new IllegalStateException("README.md of the project not found above " + Path.of("").toAbsolutePath());
    }

    @Override
    public void close() {
        List<String> drops = kind == TestDatabase.Kind.POSTGRESQL
                ? List.of("DROP SCHEMA IF EXISTS " + schema + " CASCADE", "DROP ROLE IF EXISTS " + app, "DROP ROLE IF EXISTS " + owner)
                : List.of("DROP DATABASE IF EXISTS " + schema, "DROP USER IF EXISTS '" + app + "'@'%'",
                        "DROP USER IF EXISTS '" + owner + "'@'%'");
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            for (String d : drops) {
                s.execute(d);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop the least-privilege accounts " + owner + ", " + app, e);
        }
    }
}
