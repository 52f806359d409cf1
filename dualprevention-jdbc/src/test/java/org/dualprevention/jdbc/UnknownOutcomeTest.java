package org.dualprevention.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.dualprevention.danger.CommandId;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 12, "a failed save that was in fact committed": the connection dies right after the database committed,
 * so the caller sees a failure. Before command ids the retry met {@code StaleVersionException} and the follow-up
 * was skipped; now the retry with the same command id returns the stored result and every follow-up happened
 * exactly once.
 */
class UnknownOutcomeTest {

    /** A data source whose connections, when armed, commit and then throw as if the connection died. */
    static DataSource dyingAtCommit(DataSource real, AtomicBoolean armed) {
        return new TestDataSourceBase() {
            @Override
            public Connection getConnection() throws SQLException {
                Connection c = real.getConnection();
                return (Connection) Proxy.newProxyInstance(UnknownOutcomeTest.class.getClassLoader(),
                        new Class<?>[] {Connection.class}, (p, m, args) -> {
                            try {
                                Object r = m.invoke(c, args);
                                if (m.getName().equals("commit") && armed.compareAndSet(true, false)) {
                                    throw new SQLTransientConnectionException("connection reset after commit", "08006");
                                }
                                return r;
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }

            @Override
            public Connection getConnection(String user, String password) throws SQLException {
                return getConnection();
            }
        };
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = {"H2_MEM", "POSTGRESQL", "MARIADB"})
    void aRetryAfterACommitThatDiedReturnsTheStoredResultAndFollowUpsHappenOnce(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations.migrate(db.dataSource());
            AtomicBoolean armed = new AtomicBoolean();
            EngineFixture f = new EngineFixture(JdbcStorage.of(dyingAtCommit(db.dataSource(), armed))).withRegister();
            HiddenDangerId hd = HiddenDangerId.of("HD-1");
            CommandId reportId = CommandId.of("report-HD-1");
            armed.set(true);
            JdbcStorageException unknown = assertThrows(JdbcStorageException.class,
                    () -> f.dp.hiddenDangers().report(reportId, EngineFixture.report(hd)));
            assertTrue(unknown.getMessage().contains("outcome is unknown"), unknown.getMessage());
            // it was committed: the retry returns it instead of "already used"
            HiddenDanger reported = f.dp.hiddenDangers().report(reportId, EngineFixture.report(hd));
            assertEquals(1, reported.version());

            CommandId verifyId = CommandId.of("verify-HD-1");
            armed.set(true);
            assertThrows(JdbcStorageException.class, () -> f.dp.hiddenDangers().apply(verifyId, hd, EngineFixture.verify()));
            assertEquals(0, f.reassessmentRequests(), "the events of the first attempt were never delivered");
            HiddenDanger verified = f.dp.hiddenDangers().apply(verifyId, hd, EngineFixture.verify());
            assertEquals(HiddenDangerState.VERIFIED, verified.state());
            assertEquals(2, verified.version());
            assertEquals(2, f.dp.hiddenDangers().auditEntries(hd).size(), "applied once");
            assertTrue(f.flagged(), "the follow-up was stored with the change");
            assertEquals(2, f.dp.register().riskPoint(EngineFixture.RP).orElseThrow().version(), "flagged once");
            assertEquals(1, f.reassessmentRequests(), "the retry delivered the pending events, once");
            // a third send changes nothing and delivers nothing again
            assertEquals(verified, f.dp.hiddenDangers().apply(verifyId, hd, EngineFixture.verify()));
            assertEquals(1, f.reassessmentRequests());
            assertEquals(0, f.dp.hiddenDangers().deliverPending());
        }
    }
}
