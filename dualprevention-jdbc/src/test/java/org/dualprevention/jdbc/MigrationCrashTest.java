package org.dualprevention.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.Transition;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.testkit.Seeds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Migrations interrupted at every statement are completed by the next run, on every database:
 * <ul>
 *   <li>deterministically: a failure injected before and after each statement of each script (the package's
 *       step hook), then a second {@code migrate} that must finish with exactly the schema of an uninterrupted
 *       migration;</li>
 *   <li>for real: a child JVM migrating a fresh database is killed with SIGKILL during the migration, then
 *       again during the recovery, and the next open completes it.</li>
 * </ul>
 * Before the steps were made recoverable, the deterministic test failed on H2 and MariaDB at the first step
 * with "table already exists" on the second run.
 */
class MigrationCrashTest {

    @AfterEach
    void clearHook() {
        Migrations.hook = null;
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = {"H2_MEM", "POSTGRESQL", "MARIADB"})
    void aMigrationInterruptedAtAnyStatementIsCompletedByTheNextRun(TestDatabase.Kind kind) throws SQLException {
        List<String> reference;
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations.migrate(db.dataSource());
            reference = Catalogue.of(db.dataSource(), db.dialect());
        }
        assertTrue(reference.stream().anyMatch(l -> l.startsWith("trigger")), "the reference schema has its triggers");
        // on the servers each case costs a whole migration: there, failures after each statement only (the
        // window where a DDL has committed but is not recorded); H2 also fails before each statement
        List<Migrations.Point> points = kind == TestDatabase.Kind.H2_MEM ? List.of(Migrations.Point.BEFORE, Migrations.Point.AFTER)
                : List.of(Migrations.Point.AFTER);
        int cases = 0;
        int statements = 0;
        for (int version : Migrations.versions()) {
            int steps = Migrations.statements(Migrations.script(dialectOf(kind), version)).size();
            statements += steps;
            for (int step = 1; step <= steps; step++) {
                for (Migrations.Point point : points) {
                    interruptThenRecover(kind, version, step, point, reference);
                    cases++;
                }
            }
        }
        assertEquals(statements * points.size(), cases);
        assertTrue(statements >= 20, "the scripts have their statements: " + statements);
    }

    private static void interruptThenRecover(TestDatabase.Kind kind, int version, int step, Migrations.Point point,
            List<String> reference) throws SQLException {
        String where = kind + " V" + version + " step " + step + " " + point;
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations.hook = (d, v, k, p) -> {
                if (v == version && k == step && p == point) {
                    throw new SQLException("injected failure at " + where, "08006");
                }
            };
            JdbcStorageException e = assertThrows(JdbcStorageException.class, () -> Migrations.migrate(db.dataSource()), where);
            assertTrue(e.getMessage().contains("injected failure"), where + ": " + e.getMessage());
            Migrations.hook = null;
            assertEquals(Migrations.latestVersion(), Migrations.migrate(db.dataSource()), where);
            assertEquals(reference, Catalogue.of(db.dataSource(), db.dialect()), where);
            saveAndFind(db.dataSource(), where);
        }
    }

    @Test
    void everyStatementOfTheH2AndMySqlScriptsCanBeLookedUpOrIsTransactional() {
        int n = 0;
        for (Dialect d : List.of(Dialect.H2, Dialect.MYSQL)) {
            for (int v : Migrations.versions()) {
                for (String stmt : Migrations.statements(Migrations.script(d, v))) {
                    MigrationStep step = MigrationStep.of(stmt, d);
                    assertTrue(!step.name().isEmpty() || step.kind() == MigrationStep.Kind.DML, stmt);
                    n++;
                }
            }
        }
        assertTrue(n >= 45, "statements checked: " + n);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> MigrationStep.of("DROP TABLE dp_x", Dialect.H2));
        assertTrue(e.getMessage().contains("[DROP TABLE dp_x]"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> MigrationStep.of("ALTER TABLE dp_t ADD PRIMARY KEY (id)",
                Dialect.H2), "a primary key not led by tenant_id cannot be looked up");
        assertEquals(MigrationStep.Kind.DROP_INDEX, MigrationStep.of("DROP INDEX dp_x", Dialect.H2).kind());
        assertEquals(MigrationStep.Kind.DROP_INDEX, MigrationStep.of("DROP INDEX dp_x ON dp_t", Dialect.MYSQL).kind());
        assertEquals(MigrationStep.Kind.DROP_PRIMARY_KEY, MigrationStep.of("ALTER TABLE dp_t DROP PRIMARY KEY",
                Dialect.MYSQL).kind());
        assertEquals(MigrationStep.Kind.ADD_PRIMARY_KEY, MigrationStep.of("ALTER TABLE dp_t ADD PRIMARY KEY (tenant_id, id)",
                Dialect.H2).kind());
        assertEquals("dp_t", MigrationStep.of("CREATE TABLE IF NOT EXISTS dp_t (\nx INT)", Dialect.H2).name());
        assertEquals("dp_i", MigrationStep.of("CREATE UNIQUE INDEX dp_i ON dp_t (x)", Dialect.MYSQL).name());
        assertEquals("tenant_id", MigrationStep.of("ALTER TABLE dp_t ADD COLUMN tenant_id VARCHAR(9)", Dialect.MYSQL).name());
        assertEquals(MigrationStep.Kind.DML, MigrationStep.of("UPDATE dp_t SET x = 1", Dialect.H2).kind());
    }

    @Test
    void anInterruptedMigrationIsNotFinishedWithAnotherScript() throws SQLException {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2_MEM)) {
            Migrations.hook = (d, v, k, p) -> {
                if (v == 1 && k == 5 && p == Migrations.Point.BEFORE) {
                    throw new SQLException("injected");
                }
            };
            assertThrows(JdbcStorageException.class, () -> Migrations.migrate(db.dataSource()));
            Migrations.hook = null;
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                assertEquals(4, s.executeUpdate("UPDATE dp_schema_step SET checksum = 'old' WHERE version = 1"));
            }
            JdbcStorageException e = assertThrows(JdbcStorageException.class, () -> Migrations.migrate(db.dataSource()));
            assertTrue(e.getMessage().contains("V1__init.sql") && e.getMessage().contains("[old]")
                    && e.getMessage().contains("interrupted after step [1]"), e.getMessage());
        }
    }

    private static final int ROUNDS = 3;

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = {"H2_FILE", "POSTGRESQL", "MARIADB"})
    void aMigrationKilledTwiceIsCompletedByTheNextOpen(TestDatabase.Kind kind) throws Exception {
        long seed = Seeds.base();
        String replay = "[seed=" + seed + " replay with -D" + Seeds.PROPERTY + "=" + seed + "]";
        SplittableRandom random = new SplittableRandom(Seeds.seed(seed, kind.ordinal()));
        List<String> reference;
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations.migrate(db.dataSource());
            reference = Catalogue.of(db.dataSource(), db.dialect());
        }
        int total = 0;
        for (int v : Migrations.versions()) {
            total += Migrations.statements(Migrations.script(dialectOf(kind), v)).size();
        }
        List<String> report = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            try (TestDatabase db = TestDatabase.create(kind)) {
                for (int kill = 1; kill <= 2; kill++) {
                    int target = kill == 1 ? 1 + random.nextInt(total - 1) : 1 + random.nextInt(6);
                    report.add(round + "." + kill + ": " + killDuring(db, target, random.nextInt(12), random.nextLong(),
                            replay + " " + kind + " round " + round + " kill " + kill));
                }
                String where = replay + " " + kind + " round " + round + " " + report;
                if (kind == TestDatabase.Kind.H2_FILE) {
                    try (JdbcStorage storage = JdbcStorage.h2File(db.h2File())) {
                        saveAndFind(storage, where);
                    }
                } else {
                    assertEquals(Migrations.latestVersion(), Migrations.migrate(db.dataSource()), where);
                    saveAndFind(db.dataSource(), where);
                }
                assertEquals(reference, Catalogue.of(db.dataSource(), db.dialect()), where);
            }
        }
        System.out.println("migration kills on " + kind + ": " + report + " " + replay);
    }

    /**
     * Starts a child JVM that migrates the database, printing each statement it ran; kills it after it printed
     * {@code target} of them (plus {@code extraMs}), or once it finished.
     *
     * @return what the child did before the kill, for the report
     */
    private static String killDuring(TestDatabase db, int target, int extraMs, long childSeed, String where) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        String mp = System.getProperty("jdk.module.path");
        if (mp != null && !mp.isBlank()) {
            cp = cp + File.pathSeparator + mp;
        }
        String location = db.kind() == TestDatabase.Kind.H2_FILE ? db.h2File().toString() : db.url();
        Process child = new ProcessBuilder(java, "-Xmx96m", "-XX:TieredStopAtLevel=1", "-cp", cp,
                MigrationCrashChild.class.getName(), db.kind() == TestDatabase.Kind.H2_FILE ? "h2" : "url", location,
                Long.toString(childSeed)).redirectErrorStream(true).start();
        AtomicInteger steps = new AtomicInteger();
        AtomicBoolean done = new AtomicBoolean();
        StringBuilder other = new StringBuilder();
        StringBuilder last = new StringBuilder();
        AtomicBoolean failed = new AtomicBoolean();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("STEP ")) {
                        synchronized (last) {
                            last.setLength(0);
                            last.append(line.substring(5));
                        }
                        steps.incrementAndGet();
                    } else if (line.equals("DONE")) {
                        done.set(true);
                    } else if (line.startsWith("FAILED")) {
                        failed.set(true);
                        other.append(line).append('\n');
                    } else if (other.length() < 20_000) {
                        other.append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                // the child was killed
            }
        });
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (steps.get() < target && !done.get() && !failed.get() && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        Thread.sleep(extraMs);
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS), where + ": the child did not die");
        reader.join(10_000);
        assertTrue(!failed.get(), where + ": the child's migration failed:\n" + other);
        synchronized (last) {
            return (done.get() ? "finished" : "killed after " + steps.get() + " statements (last V" + last + ")")
                    + " +" + extraMs + "ms";
        }
    }

    private static Dialect dialectOf(TestDatabase.Kind kind) {
        switch (kind) {
            case POSTGRESQL:
                return Dialect.POSTGRESQL;
            case MARIADB:
                return Dialect.MYSQL;
            default:
                return Dialect.H2;
        }
    }

    private static void saveAndFind(DataSource ds, String where) {
        saveAndFind(JdbcStorage.of(ds), where);
    }

    private static void saveAndFind(JdbcStorage storage, String where) {
        HiddenDangerId id = HiddenDangerId.of("HD-after-recovery");
        Transition t = Loop.report(id, OrgUnitId.of("U-1"), Optional.empty(), Loop.START);
        storage.hiddenDangers().save(t.next(), 0, t.audit());
        assertEquals(t.next(), storage.hiddenDangers().find(id).orElseThrow(), where);
        // the tables of version 6 serve too
        storage.majorHazards().save(HazmatIncidentStorageTest.tankFarm("300"), 0);
        assertEquals(List.of(HazmatIncidentStorageTest.tankFarm("300")),
                storage.majorHazards().findByRiskPoint(EngineFixture.RP), where);
    }
}
