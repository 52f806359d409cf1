package org.dualprevention.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dualprevention.spring.boot.autoconfigure.AutoConfigurationTest.report;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import javax.sql.DataSource;
import org.dualprevention.StaleVersionException;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.engine.DualPrevention;
import org.dualprevention.spi.AccessPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

/** Metrics count accepted and refused commands; the health indicator reports the schema and sampled chains. */
class ObservabilityTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DualPreventionAutoConfiguration.class,
                    DualPreventionObservabilityAutoConfiguration.class))
            .withBean(DataSource.class, TestDatabases::h2)
            .withBean(AccessPolicy.class, AccessPolicy::allowAll);

    /** As in an application with Actuator: Boot's metrics auto-configuration makes the registry and binds binders. */
    private static ApplicationContextRunner metrics(String db) {
        DataSource ds = TestDatabases.of(db);
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DualPreventionAutoConfiguration.class,
                        DualPreventionObservabilityAutoConfiguration.class))
                .withBean(DataSource.class, () -> ds)
                .withBean(AccessPolicy.class, AccessPolicy::allowAll)
                .withConfiguration(AutoConfigurations.of(
            org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration.class,
            org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration.class,
            org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration
                    .class));
    }

    private static double count(MeterRegistry r, String action, String outcome) {
        var c = r.find(DualPreventionMetrics.COMMANDS).tag("action", action).tag("outcome", outcome).counter();
        return c == null ? 0 : c.count();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void commandsAreCountedByActionAndOutcomeAndTimed(String db) {
        metrics(db).run(ctx -> {
            DualPrevention dp = ctx.getBean(DualPrevention.class);
            MeterRegistry r = ctx.getBean(MeterRegistry.class);
            dp.hiddenDangers().report(report("HD-1"));
            dp.hiddenDangers().report(report("HD-2"));
            try {
                dp.hiddenDangers().report(report("HD-1"));
            } catch (StaleVersionException expected) {
                // counted as refused
            }
            try {
                dp.hiddenDangers().apply(HiddenDangerId.of("HD-1"), new HiddenDangerCommand.Accept(
                        AutoConfigurationTest.WORKER, "ok"));
            } catch (org.dualprevention.IllegalTransitionException expected) {
                // counted as refused
            }
            assertThat(count(r, "report", "accepted")).isEqualTo(2.0);
            assertThat(count(r, "report", "stale-version")).isEqualTo(1.0);
            assertThat(count(r, "accept", "illegal-transition")).isEqualTo(1.0);
            assertThat(r.find(DualPreventionMetrics.DURATION).tag("action", "report").tag("outcome", "accepted")
                    .timer().count()).isEqualTo(2);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void gaugesCountOpenHiddenDangersByGrade(String db) {
        metrics(db).run(ctx -> {
            DualPrevention dp = ctx.getBean(DualPrevention.class);
            MeterRegistry r = ctx.getBean(MeterRegistry.class);
            dp.hiddenDangers().report(report("HD-1"));
            dp.hiddenDangers().report(report("HD-2"));
            dp.hiddenDangers().apply(HiddenDangerId.of("HD-2"), HiddenDangerCommand.Verify.general(
                    AutoConfigurationTest.WORKER, "confirmed"));
            Map<String, Double> open = Map.of(
                    "ungraded", r.get(DualPreventionGauges.OPEN).tag("grade", "ungraded").gauge().value(),
                    "general", r.get(DualPreventionGauges.OPEN).tag("grade", "general").gauge().value(),
                    "major", r.get(DualPreventionGauges.OPEN).tag("grade", "major").gauge().value());
            assertThat(open).isEqualTo(Map.of("ungraded", 1.0, "general", 1.0, "major", 0.0));
            assertThat(r.get(DualPreventionGauges.OVERDUE).tag("grade", "general").gauge().value()).isZero();
        });
    }

    @Test
    void anApplicationsOwnRegistryIsUsedToo() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(ctx -> {
            ctx.getBean(DualPrevention.class).hiddenDangers().report(report("HD-1"));
            assertThat(count(ctx.getBean(MeterRegistry.class), "report", "accepted")).isEqualTo(1.0);
        });
    }

    @Test
    void withoutARegistryThereAreNoMetricBeans() {
        runner.run(ctx -> assertThat(ctx).doesNotHaveBean(DualPreventionMetrics.class)
                .doesNotHaveBean(DualPreventionGauges.class).hasSingleBean(DualPrevention.class));
    }

    @Test
    void healthVerifiesTheLatestCheckpointKeptOutsideTheStore() {
        DataSource ds = TestDatabases.h2();
        ApplicationContextRunner onDs = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DualPreventionAutoConfiguration.class,
                        DualPreventionObservabilityAutoConfiguration.class))
                .withBean(DataSource.class, () -> ds).withBean(AccessPolicy.class, AccessPolicy::allowAll);
        String[] kept = new String[1];
        onDs.run(ctx -> {
            DualPrevention dp = ctx.getBean(DualPrevention.class);
            dp.hiddenDangers().report(report("HD-1"));
            dp.hiddenDangers().report(report("HD-2"));
            kept[0] = dp.hiddenDangers().checkpoint(java.time.Instant.now().plusSeconds(60)).toString();
        });
        onDs.withPropertyValues("dualprevention.checkpoint=" + kept[0]).run(ctx -> {
            Health h = ctx.getBean(DualPreventionHealthIndicator.class).health();
            assertThat(h.getStatus()).isEqualTo(Status.UP);
            assertThat(h.getDetails()).containsEntry("checkpointVerified", true);
            // a hidden danger deleted with SQL behind the library's back
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            jdbc.execute("DROP TRIGGER dp_audit_entry_append_only");
            jdbc.update("DELETE FROM dp_audit_entry WHERE danger_id = 'HD-2'");
            jdbc.update("DELETE FROM dp_hidden_danger WHERE id = 'HD-2'");
            Health down = ctx.getBean(DualPreventionHealthIndicator.class).health();
            assertThat(down.getStatus()).isEqualTo(Status.DOWN);
            assertThat(down.getDetails()).containsEntry("checkpointVerified", false);
        });
    }

    @Test
    void healthIsUpWithTheSchemaVersionAndDownWhenAChainIsEdited() {
        runner.run(ctx -> {
            DualPrevention dp = ctx.getBean(DualPrevention.class);
            DualPreventionHealthIndicator health = ctx.getBean(DualPreventionHealthIndicator.class);
            dp.hiddenDangers().report(report("HD-1"));
            dp.hiddenDangers().apply(HiddenDangerId.of("HD-1"), HiddenDangerCommand.Verify.general(
                    AutoConfigurationTest.WORKER, "confirmed"));
            Health up = health.health();
            assertThat(up.getStatus()).isEqualTo(Status.UP);
            assertThat(up.getDetails()).containsEntry("chainsVerified", 1)
                    .containsEntry("schemaVersion", org.dualprevention.jdbc.Migrations.latestVersion());
            assertThat(String.valueOf(up.getDetails().get("storage"))).doesNotContainIgnoringCase("password");

            // someone with SQL access edits the first entry of the chain (the append-only guard dropped first)
            JdbcTemplate jdbc = new JdbcTemplate(ctx.getBean(DataSource.class));
            jdbc.execute("DROP TRIGGER dp_audit_entry_append_only");
            jdbc.update("UPDATE dp_audit_entry SET actor_id = 'someone-else' WHERE seq = 1");
            Health down = health.health();
            assertThat(down.getStatus()).isEqualTo(Status.DOWN);
            assertThat(String.valueOf(down.getDetails().get("brokenChain"))).contains("HD-1");
        });
    }
}
