package org.dualprevention.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dualprevention.spring.boot.autoconfigure.AutoConfigurationTest.report;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.dualprevention.danger.HiddenDangerEvent;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.engine.DualPrevention;
import org.dualprevention.spi.AccessPolicy;
import org.dualprevention.spi.HiddenDangerListener;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The library's writes join the application's Spring transaction: they commit and roll back with the
 * application's own writes, and listeners hear of a change only after commit. On H2 and on PostgreSQL.
 */
class TransactionTest {
    /** A listener bean recording what it heard. */
    static final class Recording implements HiddenDangerListener {
        final List<HiddenDangerEvent> heard = new CopyOnWriteArrayList<>();

        @Override
        public void onEvent(HiddenDangerEvent event) {
            heard.add(event);
        }
    }

    private static ApplicationContextRunner runner(String db) {
        DataSource ds = TestDatabases.of(db);
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DualPreventionAutoConfiguration.class))
                .withBean(DataSource.class, () -> ds)
                .withBean(PlatformTransactionManager.class, () -> new DataSourceTransactionManager(ds))
                .withBean(AccessPolicy.class, AccessPolicy::allowAll)
                .withBean(Recording.class, Recording::new);
    }

    private static void appTable(JdbcTemplate jdbc) {
        jdbc.execute("CREATE TABLE app_note (id VARCHAR(40) PRIMARY KEY)");
    }

    private static int notes(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM app_note", Integer.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aRollbackOfTheApplicationsTransactionUndoesTheLibrarysChangeAndItsOwnTogether(String db) {
        runner(db).run(ctx -> {
            DualPrevention dp = ctx.getBean(DualPrevention.class);
            JdbcTemplate jdbc = new JdbcTemplate(ctx.getBean(DataSource.class));
            appTable(jdbc);
            TransactionTemplate tx = new TransactionTemplate(ctx.getBean(PlatformTransactionManager.class));
            tx.executeWithoutResult(status -> {
                jdbc.update("INSERT INTO app_note (id) VALUES ('n1')");
                dp.hiddenDangers().report(report("HD-RB"));
                // inside the transaction both are visible on its connection
                assertThat(dp.hiddenDangers().find(HiddenDangerId.of("HD-RB"))).isPresent();
                assertThat(notes(jdbc)).isEqualTo(1);
                status.setRollbackOnly();
            });
            assertThat(notes(jdbc)).isZero();
            assertThat(dp.hiddenDangers().find(HiddenDangerId.of("HD-RB"))).isEmpty();
            assertThat(dp.hiddenDangers().auditEntries(HiddenDangerId.of("HD-RB"))).isEmpty();
            assertThat(ctx.getBean(Recording.class).heard).as("a rolled-back change is never announced").isEmpty();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anExceptionInTheApplicationsTransactionRollsBackTheLibrarysChange(String db) {
        runner(db).run(ctx -> {
            DualPrevention dp = ctx.getBean(DualPrevention.class);
            JdbcTemplate jdbc = new JdbcTemplate(ctx.getBean(DataSource.class));
            appTable(jdbc);
            TransactionTemplate tx = new TransactionTemplate(ctx.getBean(PlatformTransactionManager.class));
            try {
                tx.executeWithoutResult(status -> {
                    dp.hiddenDangers().report(report("HD-EX"));
                    jdbc.update("INSERT INTO app_note (id) VALUES ('n1')");
                    jdbc.update("INSERT INTO app_note (id) VALUES ('n1')"); // duplicate key: the service fails
                });
            } catch (RuntimeException expected) {
                assertThat(expected).isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
            }
            assertThat(notes(jdbc)).isZero();
            assertThat(dp.hiddenDangers().find(HiddenDangerId.of("HD-EX"))).isEmpty();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aCommitKeepsBothAndListenersHearOnlyAfterIt(String db) {
        runner(db).run(ctx -> {
            DualPrevention dp = ctx.getBean(DualPrevention.class);
            Recording listener = ctx.getBean(Recording.class);
            JdbcTemplate jdbc = new JdbcTemplate(ctx.getBean(DataSource.class));
            appTable(jdbc);
            TransactionTemplate tx = new TransactionTemplate(ctx.getBean(PlatformTransactionManager.class));
            tx.executeWithoutResult(status -> {
                jdbc.update("INSERT INTO app_note (id) VALUES ('n1')");
                dp.hiddenDangers().report(report("HD-C"));
                assertThat(listener.heard).as("not before commit").isEmpty();
            });
            assertThat(listener.heard).as("after commit").isNotEmpty()
                    .allMatch(e -> e.dangerId().equals(HiddenDangerId.of("HD-C")));
            assertThat(notes(jdbc)).isEqualTo(1);
            assertThat(dp.hiddenDangers().find(HiddenDangerId.of("HD-C"))).isPresent();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void outsideATransactionEachCommandCommitsOnItsOwnAndIsHeardAtOnce(String db) {
        runner(db).run(ctx -> {
            DualPrevention dp = ctx.getBean(DualPrevention.class);
            dp.hiddenDangers().report(report("HD-O"));
            assertThat(ctx.getBean(Recording.class).heard).isNotEmpty();
            // another connection sees it: committed
            JdbcTemplate jdbc = new JdbcTemplate(ctx.getBean(DataSource.class));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dp_hidden_danger", Integer.class)).isEqualTo(1);
        });
    }
}
