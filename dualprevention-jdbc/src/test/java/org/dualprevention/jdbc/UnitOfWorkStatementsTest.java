package org.dualprevention.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.dualprevention.StaleVersionException;
import org.dualprevention.danger.CommandId;
import org.dualprevention.danger.CommandRecord;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.OutboxEntry;
import org.dualprevention.risk.RiskPoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 12, performance: a closed-loop command is one unit of work; its writes take no savepoint of their own
 * (a failure rolls back the whole unit anyway), so a command costs what a hand-written transaction costs. A write
 * failure that the work catches makes the unit fail as a whole; a version conflict that wrote nothing (the
 * engine's retry of a reassessment flag) may be caught and the unit goes on.
 */
class UnitOfWorkStatementsTest {

    /** Records the connection calls that cost round trips: statements, savepoints, commits and rollbacks. */
    static final class Recording extends TestDataSourceBase {
        final DataSource target;
        final List<String> calls = new ArrayList<>();

        Recording(DataSource target) {
            this.target = target;
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection real = target.getConnection();
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, m, args) -> {
                        String n = m.getName();
                        if (n.equals("prepareStatement") || n.equals("createStatement")) {
                            record(args == null ? n : String.valueOf(args[0]));
                        } else if (n.equals("setSavepoint") || n.equals("releaseSavepoint") || n.equals("commit")
                                || n.equals("rollback")) {
                            record(n.toUpperCase(java.util.Locale.ROOT));
                        }
                        try {
                            return m.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        private void record(String call) {
            synchronized (calls) {
                calls.add(call);
            }
        }

        @Override
        public Connection getConnection(String username, String password) {
            throw new UnsupportedOperationException();
        }

        List<String> take() {
            synchronized (calls) {
                List<String> out = List.copyOf(calls);
                calls.clear();
                return out;
            }
        }
    }

    static long count(List<String> calls, String call) {
        return calls.stream().filter(call::equals).count();
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = {"H2_MEM", "POSTGRESQL", "MARIADB"})
    void aClosedLoopCommandTakesNoSavepoint(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations.migrate(db.dataSource());
            Recording rec = new Recording(db.dataSource());
            EngineFixture f = new EngineFixture(JdbcStorage.of(rec)).withRegister();
            HiddenDangerId hd = HiddenDangerId.of("HD-SP");
            rec.take();
            f.dp.hiddenDangers().report(CommandId.of("report-HD-SP"), EngineFixture.report(hd));
            List<String> report = rec.take();
            // the verify stores hidden danger, audit entry, the risk point's reassessment flag, command and outbox
            f.dp.hiddenDangers().apply(CommandId.of("verify-HD-SP"), hd, EngineFixture.verify());
            List<String> verify = rec.take();
            for (List<String> calls : List.of(report, verify)) {
                assertEquals(0, count(calls, "SETSAVEPOINT"), kind + ": no savepoint in a command: " + calls);
                assertEquals(0, count(calls, "RELEASESAVEPOINT"), kind + ": " + calls);
                assertEquals(0, count(calls, "ROLLBACK"), kind + ": " + calls);
                // the unit's commit and the outbox delete's commit after delivery
                assertEquals(2, count(calls, "COMMIT"), kind + ": " + calls);
            }
            assertTrue(f.flagged(), kind + ": the follow-up was stored");
            assertEquals(1, f.reassessmentRequests(), kind + ": the events were delivered");
            assertEquals(0, f.dp.hiddenDangers().deliverPending(), kind + ": the outbox is empty");
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = {"H2_MEM", "POSTGRESQL", "MARIADB"})
    void aWriteFailureCaughtInsideAUnitFailsTheWholeUnit(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations.migrate(db.dataSource());
            JdbcStorage s = JdbcStorage.of(db.dataSource());
            CommandRecord used = new CommandRecord(CommandId.of("used"), "a".repeat(64), HiddenDangerId.of("HD-A"), 1);
            s.commands().record(used);
            OutboxEntry out = new OutboxEntry(HiddenDangerId.of("HD-B"), 1);
            JdbcStorageException e = assertThrows(JdbcStorageException.class, () -> s.atomically(() -> {
                s.outbox().add(out);
                // a duplicate key: on PostgreSQL the transaction is aborted; the work swallows the failure
                assertThrows(StaleVersionException.class, () -> s.commands().record(used));
                return "went on";
            }));
            assertTrue(e.getMessage().contains("failed and the work went on"), kind + ": " + e.getMessage());
            assertTrue(s.outbox().pending(10).isEmpty(), kind + ": nothing of the unit stayed");
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = {"H2_MEM", "POSTGRESQL", "MARIADB"})
    void aVersionConflictThatWroteNothingMayBeCaughtAndTheUnitGoesOn(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations.migrate(db.dataSource());
            JdbcStorage s = JdbcStorage.of(db.dataSource());
            EngineFixture f = new EngineFixture(s).withRegister();
            RiskPoint p = f.dp.register().riskPoint(EngineFixture.RP).orElseThrow();
            OutboxEntry out = new OutboxEntry(HiddenDangerId.of("HD-C"), 1);
            assertEquals("stored", s.atomically(() -> {
                s.outbox().add(out);
                s.outbox().add(out); // pending already: nothing changes, no failure
                // a stale expected version (as when another command flagged the risk point first), then the retry
                assertThrows(StaleVersionException.class, () -> s.riskPoints().save(p.withVersion(p.version() + 2),
                        p.version() + 1));
                s.riskPoints().save(p.withVersion(p.version() + 1), p.version());
                return "stored";
            }));
            assertEquals(List.of(out), s.outbox().pending(10), kind + ": the outbox entry, once");
            assertEquals(p.version() + 1, s.riskPoints().find(p.id()).orElseThrow().version(), kind.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = {"H2_MEM", "POSTGRESQL", "MARIADB"})
    void aSecondReportOfTheSameIdIsRefusedAsStaleOnEveryDatabase(TestDatabase.Kind kind) {
        // PostgreSQL aborts a transaction on a duplicate key: the unit must still learn the stored version
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations.migrate(db.dataSource());
            EngineFixture f = new EngineFixture(JdbcStorage.of(db.dataSource())).withRegister();
            HiddenDangerId hd = HiddenDangerId.of("HD-TWICE");
            f.dp.hiddenDangers().report(EngineFixture.report(hd));
            StaleVersionException e = assertThrows(StaleVersionException.class,
                    () -> f.dp.hiddenDangers().report(EngineFixture.report(hd)), kind.toString());
            assertTrue(e.getMessage().contains("HD-TWICE"), kind + ": " + e.getMessage());
            assertEquals(1, f.dp.hiddenDangers().find(hd).orElseThrow().version(), kind + ": the first one stays");
        }
    }
}
