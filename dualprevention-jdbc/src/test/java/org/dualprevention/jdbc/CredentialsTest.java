package org.dualprevention.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import javax.sql.DataSource;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.Transition;
import org.dualprevention.jdbc.internal.Redaction;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.query.HiddenDangerQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * No credential in anything the JDBC storage shows: {@code description()}, {@code toString()}, its log lines,
 * and every exception it throws (message, causes, suppressed and chained SQL exceptions, the whole stack trace
 * text), with the password in the URL and as a connection property, on an H2 file, PostgreSQL and MariaDB.
 *
 * <p>It failed before the redaction: on PostgreSQL and MariaDB the description, {@code toString()} and the
 * "tables are missing" message quoted the URL with its password; everywhere, a driver's "No suitable driver
 * found for <url>" reached the exception message, and a failed connection release was logged with the URL.
 */
class CredentialsTest {

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = {"H2_FILE", "POSTGRESQL", "MARIADB"})
    void noPasswordInDescriptionToStringLogsOrExceptions(TestDatabase.Kind kind) throws Exception {
        List<String> shown = new ArrayList<>();
        List<Throwable> thrown = new ArrayList<>();
        List<String> logged;
        List<String> secrets;
        try (LogCapture logs = new LogCapture(); Target t = Target.create(kind)) {
            secrets = t.secrets();
            DataSource byUrl = new TestDatabase.UrlDataSource(t.appUrl());
            DataSource byProperties = new PropertiesDataSource(t.appUrlWithoutPassword(), t.appUser(), t.appPassword());

            // the tables are missing: the runtime account opens the storage before the migration
            thrown.add(assertThrows(JdbcStorageException.class, () -> JdbcStorage.of(byUrl)));
            thrown.add(assertThrows(JdbcStorageException.class, () -> JdbcStorage.of(byProperties)));
            t.migrate();
            int n = 0;
            for (DataSource ds : List.of(byUrl, byProperties)) {
                JdbcStorage s = JdbcStorage.of(ds);
                shown.add(s.description());
                shown.add(s.toString());
                HiddenDangerId id = HiddenDangerId.of("HD-cred-" + n++);
                Transition tr = Loop.report(id, OrgUnitId.of("U-1"), Optional.empty(), Loop.START);
                s.hiddenDangers().save(tr.next(), 0, tr.audit());
                assertEquals(tr.next(), s.hiddenDangers().find(id).orElseThrow(), "the storage works under these credentials");
            }
            if (kind != TestDatabase.Kind.H2_FILE) {
                assertTrue(JdbcStorage.of(byUrl).description().contains("password=" + Redaction.MASK),
                        "the URL is still shown, its password masked: " + JdbcStorage.of(byUrl).description());
            }
            shown.add(ConnectionProvider.managed(byUrl).toString());
            shown.add(ConnectionProvider.managed(byProperties).toString());

            // no driver takes the URL: DriverManager quotes it whole
            DataSource noDriver = new TestDatabase.UrlDataSource(t.appUrl().replaceFirst("^jdbc:", "jdbc:nosuch"));
            thrown.add(assertThrows(JdbcStorageException.class, () -> JdbcStorage.of(noDriver)));
            thrown.add(assertThrows(JdbcStorageException.class, () -> Migrations.migrate(noDriver)));
            thrown.add(assertThrows(JdbcStorageException.class, () -> Dialect.detect(noDriver)));
            thrown.add(assertThrows(JdbcStorageException.class, () -> JdbcStorage.builder().dataSource(noDriver).migrate(true).build()));

            // the server is not there, or the URL is refused
            DataSource broken = new TestDatabase.UrlDataSource(t.brokenUrl());
            thrown.add(assertThrows(JdbcStorageException.class, () -> JdbcStorage.of(broken)));
            thrown.add(assertThrows(JdbcStorageException.class, () -> Migrations.migrate(broken)));

            // a wrong password (H2 and MariaDB refuse it; the test PostgreSQL trusts local connections)
            try {
                shown.add(JdbcStorage.of(new TestDatabase.UrlDataSource(t.wrongPasswordUrl())).description());
            } catch (JdbcStorageException e) {
                thrown.add(e);
            }

            // a pool that cannot take a connection back, with the URL in its message: thrown while building,
            // logged afterwards
            thrown.add(assertThrows(JdbcStorageException.class,
                    () -> JdbcStorage.builder().connections(new FailingRelease(byUrl, t.appUrl(), 0)).build()));
            JdbcStorage leaky = JdbcStorage.builder().connections(new FailingRelease(byUrl, t.appUrl(), 1)).build();
            shown.add(leaky.toString());
            assertEquals(2, leaky.hiddenDangers().count(HiddenDangerQuery.all()));
            logged = logs.lines();
        }
        assertTrue(logged.stream().anyMatch(l -> l.contains("could not release a connection")),
                "the failed release was logged: " + logged);
        assertTrue(thrown.size() >= 9, "every failure above threw");
        for (String secret : secrets) {
            for (String s : shown) {
                assertFalse(s.contains(secret), "shown: " + s);
            }
            for (Throwable e : thrown) {
                String text = render(e);
                assertFalse(text.contains(secret), "thrown: " + text);
            }
            for (String l : logged) {
                assertFalse(l.contains(secret), "logged: " + l);
            }
        }
    }

    @Test
    void redactionMasksPasswordsInUrlsSettingsAndUserInfo() {
        assertEquals("jdbc:mariadb://h:3306/db?user=app&password=***&sslMode=trust",
                Redaction.redact("jdbc:mariadb://h:3306/db?user=app&password=s3cr%40t&sslMode=trust"));
        assertEquals("jdbc:h2:file:/d/x;USER=sa;PASSWORD=***;WRITE_DELAY=0",
                Redaction.redact("jdbc:h2:file:/d/x;USER=sa;PASSWORD=pw;WRITE_DELAY=0"));
        assertEquals("jdbc:mysql://app:***@h:3306/db", Redaction.redact("jdbc:mysql://app:pw@h:3306/db"));
        assertEquals("address=(host=h)(port=3306)(password=***)", Redaction.redact("address=(host=h)(port=3306)(password=x)"));
        assertEquals("{user=app, password=***}", Redaction.redact("{user=app, password=x1}"));
        assertEquals("jdbc:postgresql://h/db?sslpassword=***&sslkey=/k", Redaction.redact("jdbc:postgresql://h/db?sslpassword=k&sslkey=/k"));
        assertEquals("jdbc:postgresql://127.0.0.1:5432/test?user=postgres&currentSchema=s",
                Redaction.redact("jdbc:postgresql://127.0.0.1:5432/test?user=postgres&currentSchema=s"));
    }

    @Test
    void aScrubbedCauseKeepsItsStateCodeAndChainButNotTheCredential() {
        SQLException next = new SQLException("second: url?password=two", "08002", 2);
        SQLException first = new SQLException("first: url?password=one", "08001", 1, new IllegalStateException("cause password=three"));
        first.setNextException(next);
        first.addSuppressed(new RuntimeException("clean"));
        JdbcStorageException e = new JdbcStorageException("Cannot connect", first);
        String text = render(e);
        for (String s : List.of("one", "two", "three")) {
            assertFalse(text.contains("password=" + s), text);
        }
        assertEquals(Optional.of("08001"), e.sqlState());
        SQLException cause = (SQLException) e.getCause();
        assertEquals("08001", cause.getSQLState());
        assertEquals(1, cause.getErrorCode());
        assertEquals("08002", cause.getNextException().getSQLState());
        assertTrue(cause.getCause().toString().contains("IllegalStateException"), cause.getCause().toString());
        assertEquals(1, cause.getSuppressed().length);
        assertEquals(first.getStackTrace().length, cause.getStackTrace().length);

        SQLException clean = new SQLException("no credential here", "08001");
        assertTrue(new JdbcStorageException("Cannot connect", clean).getCause() == clean, "a clean cause is kept as it is");
    }

    /** The whole text of a throwable: stack trace with causes and suppressed, plus chained SQL exceptions. */
    private static String render(Throwable e) {
        StringWriter w = new StringWriter();
        try (PrintWriter p = new PrintWriter(w)) {
            e.printStackTrace(p);
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof SQLException) {
                    for (SQLException n = ((SQLException) c).getNextException(); n != null; n = n.getNextException()) {
                        n.printStackTrace(p);
                    }
                }
                if (c.getCause() == c) {
                    break;
                }
            }
        }
        return w.toString();
    }

    /** Where the test connects: an H2 file with a user and password, or the README's two accounts on a server. */
    private abstract static class Target implements AutoCloseable {
        static Target create(TestDatabase.Kind kind) {
            return kind == TestDatabase.Kind.H2_FILE ? new H2() : new Server(LeastPrivilege.create(kind));
        }

        abstract String appUrl();

        abstract String appUrlWithoutPassword();

        abstract String appUser();

        abstract String appPassword();

        abstract String brokenUrl();

        abstract String wrongPasswordUrl();

        abstract List<String> secrets();

        abstract void migrate();

        @Override
        public abstract void close() throws Exception;
    }

    private static final class H2 extends Target {
        private final Path dir;
        private final String base;
        private final String password = "H2pw" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 4);
        private final String wrong = "Wr0ng" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 4);

        H2() {
            try {
                dir = Files.createTempDirectory("dp-cred-");
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            base = JdbcStorage.h2FileUrl(dir.resolve("dp"));
        }

        @Override
        String appUrl() {
            return base + ";USER=dp_app;PASSWORD=" + password;
        }

        @Override
        String appUrlWithoutPassword() {
            return base;
        }

        @Override
        String appUser() {
            return "dp_app";
        }

        @Override
        String appPassword() {
            return password;
        }

        @Override
        String brokenUrl() {
            return base + ";NO_SUCH_SETTING=1;USER=dp_app;PASSWORD=" + password;
        }

        @Override
        String wrongPasswordUrl() {
            return base + ";USER=dp_app;PASSWORD=" + wrong;
        }

        @Override
        List<String> secrets() {
            return List.of(password, wrong);
        }

        @Override
        void migrate() {
            Migrations.migrate(new TestDatabase.UrlDataSource(appUrl()));
        }

        @Override
        public void close() throws SQLException {
            try (Connection c = DriverManager.getConnection(appUrl()); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } finally {
                TestDatabase.deleteTree(dir);
            }
        }
    }

    private static final class Server extends Target {
        private final LeastPrivilege accounts;
        private final String wrong = "Wr0ng" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 4);

        Server(LeastPrivilege accounts) {
            this.accounts = accounts;
        }

        @Override
        String appUrl() {
            return accounts.appUrl();
        }

        @Override
        String appUrlWithoutPassword() {
            return accounts.appUrlWithoutPassword();
        }

        @Override
        String appUser() {
            return accounts.appUser();
        }

        @Override
        String appPassword() {
            return accounts.appPassword();
        }

        @Override
        String brokenUrl() {
            return accounts.appUrl().replaceFirst("//[^/]+/", "//127.0.0.1:1/") + "&connectTimeout=3";
        }

        @Override
        String wrongPasswordUrl() {
            return accounts.appUrl().replace(accounts.appPassword(), wrong);
        }

        @Override
        List<String> secrets() {
            return List.of(accounts.appPassword(), accounts.ownerPassword(), wrong);
        }

        @Override
        void migrate() {
            Migrations.migrate(accounts.ownerDataSource());
            accounts.grantRuntime();
        }

        @Override
        public void close() {
            accounts.close();
        }
    }

    /** A data source passing user and password as connection properties. */
    private static final class PropertiesDataSource extends TestDataSourceBase {
        private final String url;
        private final Properties properties = new Properties();

        PropertiesDataSource(String url, String user, String password) {
            this.url = url;
            properties.setProperty("user", user);
            properties.setProperty("password", password);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return DriverManager.getConnection(url, properties);
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return DriverManager.getConnection(url, username, password);
        }

        @Override
        public String toString() {
            return "PropertiesDataSource[" + url + ", " + properties + "]";
        }
    }

    /** Connections from a data source; giving one back fails (after the first {@code ok}) with the URL in the message. */
    private static final class FailingRelease implements ConnectionProvider {
        private final DataSource ds;
        private final String url;
        private final AtomicInteger ok;

        FailingRelease(DataSource ds, String url, int ok) {
            this.ds = ds;
            this.url = url;
            this.ok = new AtomicInteger(ok);
        }

        @Override
        public Connection acquire() throws SQLException {
            return ds.getConnection();
        }

        @Override
        public void release(Connection connection) throws SQLException {
            connection.close();
            if (ok.getAndDecrement() <= 0) {
                throw new SQLException("the pool of " + url + " could not take the connection back", "08003");
            }
        }

        @Override
        public boolean ownsTransactions() {
            return true;
        }

        @Override
        public String toString() {
            return "FailingRelease[" + url + "]";
        }
    }

    /** Every record the library logs (any level) while open, formatted with its stack trace. */
    private static final class LogCapture extends Handler implements AutoCloseable {
        private final Logger logger = Logger.getLogger("org.dualprevention");
        private final Level previous = logger.getLevel();
        private final List<String> lines = new ArrayList<>();
        private final SimpleFormatter format = new SimpleFormatter();

        LogCapture() {
            setLevel(Level.ALL);
            logger.setLevel(Level.ALL);
            logger.addHandler(this);
        }

        @Override
        public synchronized void publish(LogRecord record) {
            StringBuilder line = new StringBuilder(format.format(record));
            for (Throwable c = record.getThrown(); c != null; c = c.getCause() == c ? null : c.getCause()) {
                if (c instanceof SQLException) {
                    for (SQLException n = ((SQLException) c).getNextException(); n != null; n = n.getNextException()) {
                        line.append(render(n));
                    }
                }
            }
            lines.add(line.toString());
        }

        synchronized List<String> lines() {
            return List.copyOf(lines);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
            logger.setLevel(previous);
        }
    }
}
