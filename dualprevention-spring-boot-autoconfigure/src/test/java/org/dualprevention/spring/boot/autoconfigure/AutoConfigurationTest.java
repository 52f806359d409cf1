package org.dualprevention.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import javax.sql.DataSource;
import org.dualprevention.AccessDeniedException;
import org.dualprevention.danger.Funds;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerSource;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.danger.RectificationPlan;
import org.dualprevention.engine.DualPrevention;
import org.dualprevention.jdbc.JdbcStorage;
import org.dualprevention.organization.Actor;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.spi.AccessPolicy;
import org.dualprevention.spi.Storage;
import org.dualprevention.storage.memory.InMemoryStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the auto-configuration creates, and how each bean backs off. */
class AutoConfigurationTest {
    static final Instant T = Instant.parse("2026-11-02T08:00:00Z");
    static final OrgUnitId UNIT = OrgUnitId.of("U");
    static final Actor WORKER = Actor.of(ActorId.of("worker"), UNIT);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DualPreventionAutoConfiguration.class));

    static HiddenDangerCommand.Report report(String id) {
        return HiddenDangerCommand.Report.of(WORKER, HiddenDangerId.of(id), "oil leak", "",
                HiddenDangerSource.RANDOM_OBSERVATION, UNIT, LocalDate.of(2026, 11, 2));
    }

    @Configuration(proxyBeanMethods = false)
    static class WithDataSource {
        @Bean
        DataSource dataSource() {
            return TestDatabases.h2();
        }

        @Bean
        AccessPolicy accessPolicy() {
            return AccessPolicy.allowAll();
        }

        @Bean
        Clock clock() {
            return Clock.fixed(T, ZoneId.of("UTC"));
        }
    }

    @Test
    void aDataSourceIsAllItTakesToGetAWorkingEngineOnJdbc() {
        runner.withUserConfiguration(WithDataSource.class).run(ctx -> {
            assertThat(ctx).hasSingleBean(JdbcStorage.class).hasSingleBean(DualPrevention.class);
            DualPrevention dp = ctx.getBean(DualPrevention.class);
            assertThat(dp.storage()).isSameAs(ctx.getBean(Storage.class));
            dp.hiddenDangers().report(report("HD-1"));
            assertThat(dp.hiddenDangers().find(HiddenDangerId.of("HD-1"))).isPresent();
            assertThat(dp.hiddenDangers().verifyAuditChain(HiddenDangerId.of("HD-1")).isValid()).isTrue();
        });
    }

    @Test
    void theJdbcStoragesRepositoriesOfMajorHazardsIncidentsRechecksAndTypicalDangersAreBeans() {
        runner.withUserConfiguration(WithDataSource.class).run(ctx -> {
            JdbcStorage storage = ctx.getBean(JdbcStorage.class);
            assertThat(ctx.getBean(org.dualprevention.spi.MajorHazardRepository.class)).isSameAs(storage.majorHazards());
            assertThat(ctx.getBean(org.dualprevention.spi.IncidentRepository.class)).isSameAs(storage.incidents());
            assertThat(ctx.getBean(org.dualprevention.spi.RecheckRepository.class)).isSameAs(storage.rechecks());
            assertThat(ctx.getBean(org.dualprevention.spi.TypicalHiddenDangerRepository.class))
                    .isSameAs(storage.typicalHiddenDangers());
            org.dualprevention.lookback.RecheckId id = new org.dualprevention.lookback.RecheckId(HiddenDangerId.of("HD-1"), 1);
            org.dualprevention.lookback.RecheckResult r = new org.dualprevention.lookback.RecheckResult(true,
                    ActorId.of("safety"), LocalDate.of(2026, 12, 2), "复查合格");
            ctx.getBean(org.dualprevention.spi.RecheckRepository.class).add(id, r);
            assertThat(storage.rechecks().find(id)).contains(r);
        });
        runner.withUserConfiguration(OwnStorage.class).run(ctx -> assertThat(ctx)
                .doesNotHaveBean(org.dualprevention.spi.IncidentRepository.class));
    }

    /** Keys as a host would hand them: one current key id, 32 bytes. */
    static final class HostKeys implements org.dualprevention.spi.AuditKeyProvider {
        @Override
        public String currentKeyId() {
            return "k-2026";
        }

        @Override
        public java.util.Optional<byte[]> key(String keyId) {
            return keyId.equals("k-2026") ? java.util.Optional.of(new byte[32]) : java.util.Optional.empty();
        }

        @Override
        public Instant keyedSince() {
            return T.minusSeconds(3600);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class WithKeys {
        @Bean
        org.dualprevention.spi.AuditKeyProvider auditKeys() {
            return new HostKeys();
        }
    }

    @Test
    void anAuditKeyProviderBeanKeysEveryEntryAndTheJdbcStoreChecksWithIt() {
        runner.withUserConfiguration(WithDataSource.class, WithKeys.class).run(ctx -> {
            DualPrevention dp = ctx.getBean(DualPrevention.class);
            dp.hiddenDangers().report(report("HD-K"));
            List<org.dualprevention.danger.AuditEntry> chain = ctx.getBean(JdbcStorage.class).auditLog()
                    .entries(HiddenDangerId.of("HD-K"), org.dualprevention.query.PageRequest.first(10)).items();
            assertThat(chain).hasSize(1);
            assertThat(chain.get(0).keyId()).contains("k-2026");
            assertThat(dp.hiddenDangers().find(HiddenDangerId.of("HD-K"))).isPresent();
            assertThat(dp.hiddenDangers().verifyAuditChain(HiddenDangerId.of("HD-K")).isValid()).isTrue();
        });
        // without the bean the same report is unkeyed
        runner.withUserConfiguration(WithDataSource.class).run(ctx -> {
            ctx.getBean(DualPrevention.class).hiddenDangers().report(report("HD-U"));
            assertThat(ctx.getBean(JdbcStorage.class).auditLog()
                    .entries(HiddenDangerId.of("HD-U"), org.dualprevention.query.PageRequest.first(10)).items().get(0)
                    .keyId())
                    .isEmpty();
        });
    }

    @Test
    void propertiesReachTheEngine() {
        runner.withUserConfiguration(WithDataSource.class)
                .withPropertyValues("dualprevention.zone=Asia/Shanghai").run(ctx -> {
                    DualPrevention dp = ctx.getBean(DualPrevention.class);
                    assertThat(dp.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
                    // 08:00 UTC is 16:00 in Shanghai, the same day; the clock bean was taken
                    assertThat(dp.today()).isEqualTo(LocalDate.of(2026, 11, 2));
                    assertThat(dp.clock()).isSameAs(ctx.getBean(Clock.class));
                });
    }

    @Test
    void withoutADataSourceNothingIsCreatedAndTheApplicationStillStarts() {
        runner.run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx).doesNotHaveBean(Storage.class).doesNotHaveBean(DualPrevention.class);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnStorage {
        @Bean
        Storage storage() {
            return InMemoryStorage.create();
        }
    }

    @Test
    void theApplicationsStorageReplacesTheJdbcOne() {
        runner.withUserConfiguration(WithDataSource.class, OwnStorage.class).run(ctx -> {
            assertThat(ctx).doesNotHaveBean(JdbcStorage.class).hasSingleBean(DualPrevention.class);
            assertThat(ctx.getBean(DualPrevention.class).storage()).isInstanceOf(InMemoryStorage.class);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnEngine {
        @Bean
        DualPrevention myEngine() {
            return DualPrevention.builder().storage(InMemoryStorage.create()).build();
        }
    }

    @Test
    void theApplicationsEngineReplacesTheAutoConfiguredOne() {
        runner.withUserConfiguration(WithDataSource.class, OwnEngine.class).run(ctx -> {
            assertThat(ctx).hasSingleBean(DualPrevention.class);
            assertThat(ctx.getBean(DualPrevention.class).storage()).isInstanceOf(InMemoryStorage.class);
            assertThat(ctx).getBeanNames(DualPrevention.class).containsExactly("myEngine");
        });
    }

    @Test
    void validateFailsTheStartOnAnEmptyDatabaseNamingTheProperty() {
        runner.withUserConfiguration(WithDataSource.class)
                .withPropertyValues("dualprevention.jdbc.migration=validate").run(ctx -> {
                    assertThat(ctx).hasFailed();
                    assertThat(ctx.getStartupFailure()).rootCause()
                            .hasMessageContaining("dualprevention.jdbc.migration=validate")
                            .hasMessageContaining("version 0");
                });
    }

    @Test
    void validatePassesOnceMigrated() {
        DataSource ds = TestDatabases.h2();
        org.dualprevention.jdbc.Migrations.migrate(ds);
        runner.withBean(DataSource.class, () -> ds).withBean(AccessPolicy.class, AccessPolicy::allowAll)
                .withPropertyValues("dualprevention.jdbc.migration=validate").run(ctx -> {
                    assertThat(ctx).hasNotFailed().hasSingleBean(DualPrevention.class);
                    ctx.getBean(DualPrevention.class).hiddenDangers().report(report("HD-V"));
                });
    }

    @Test
    void noneLeavesTheTablesToTheApplicationAndFailsClearlyWhenTheyAreMissing() {
        runner.withUserConfiguration(WithDataSource.class)
                .withPropertyValues("dualprevention.jdbc.migration=none").run(ctx -> assertThat(ctx).hasFailed());
    }

    @Test
    void aBadPropertyValueNamesTheAllowedValues() {
        runner.withUserConfiguration(WithDataSource.class)
                .withPropertyValues("dualprevention.jdbc.migration=sometimes").run(ctx -> {
                    assertThat(ctx).hasFailed();
                    assertThat(ctx.getStartupFailure()).hasStackTraceContaining("dualprevention.jdbc.migration");
                });
    }

    /** Runs a hidden danger to acceptance by the person who rectified it; returns the state reached. */
    static Object acceptOwnRectification(DualPrevention dp, String id) {
        Actor leader = Actor.of(ActorId.of("leader"), UNIT);
        HiddenDangerId hd = HiddenDangerId.of(id);
        dp.hiddenDangers().report(report(id));
        dp.hiddenDangers().apply(hd, HiddenDangerCommand.Verify.general(leader, "confirmed"));
        dp.hiddenDangers().apply(hd, new HiddenDangerCommand.Plan(leader, RectificationPlan.of(leader.id(), "fix",
                Funds.cny("0"), LocalDate.of(2026, 11, 4), "drip tray")));
        dp.hiddenDangers().apply(hd, HiddenDangerCommand.Start.by(leader));
        dp.hiddenDangers().apply(hd, new HiddenDangerCommand.Submit(leader, "fixed",
                List.of(URI.create("https://example.org/p.jpg")), LocalDate.of(2026, 11, 2)));
        try {
            return dp.hiddenDangers().apply(hd, new HiddenDangerCommand.Accept(leader, "ok")).state();
        } catch (AccessDeniedException e) {
            return e;
        }
    }

    @Test
    void separationOfDutiesIsOnByDefaultAndCanBeSwitchedOffByProperty() {
        runner.withUserConfiguration(WithDataSource.class).run(ctx -> assertThat(
                acceptOwnRectification(ctx.getBean(DualPrevention.class), "HD-S1")).isInstanceOf(
                        AccessDeniedException.class));
        runner.withUserConfiguration(WithDataSource.class)
                .withPropertyValues("dualprevention.separation-of-duties=false").run(ctx -> assertThat(
                        acceptOwnRectification(ctx.getBean(DualPrevention.class), "HD-S2"))
                        .isEqualTo(HiddenDangerState.CLOSED));
    }

    @Test
    void lookBackPeriodsComeFromPropertiesAndBadOnesFailTheStartNamingThem() {
        runner.withUserConfiguration(WithDataSource.class).run(ctx -> assertThat(ctx.getBean(
                org.dualprevention.lookback.RecheckPeriods.class).days(org.dualprevention.danger.HiddenDangerGrade.MAJOR))
                .containsExactly(90, 180));
        runner.withUserConfiguration(WithDataSource.class).withPropertyValues(
                "dualprevention.look-back.general-days=15,45", "dualprevention.look-back.major-days=60",
                "dualprevention.look-back.recurrence-window-days=90").run(ctx -> {
                    org.dualprevention.lookback.RecheckPeriods p = ctx.getBean(
                            org.dualprevention.lookback.RecheckPeriods.class);
                    assertThat(p.days(org.dualprevention.danger.HiddenDangerGrade.GENERAL)).containsExactly(15, 45);
                    assertThat(p.days(org.dualprevention.danger.HiddenDangerGrade.MAJOR)).containsExactly(60);
                    assertThat(p.recurrenceWindowDays()).isEqualTo(90);
                });
        runner.withUserConfiguration(WithDataSource.class)
                .withPropertyValues("dualprevention.look-back.recurrence-window-days=0").run(ctx -> {
                    assertThat(ctx).hasFailed();
                    assertThat(ctx.getStartupFailure()).hasStackTraceContaining("recurrence window [0]");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void backOffAndPropertiesHoldOnEachDatabase(String db) {
        DataSource ds = TestDatabases.of(db);
        ApplicationContextRunner onDb = runner.withBean(DataSource.class, () -> ds)
                .withBean(AccessPolicy.class, AccessPolicy::allowAll)
                .withBean(Clock.class, () -> Clock.fixed(T, ZoneId.of("UTC")));
        onDb.withPropertyValues("dualprevention.zone=Asia/Shanghai", "dualprevention.separation-of-duties=false")
                .run(ctx -> {
                    assertThat(ctx).hasSingleBean(JdbcStorage.class);
                    DualPrevention dp = ctx.getBean(DualPrevention.class);
                    assertThat(dp.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
                    assertThat(acceptOwnRectification(dp, "HD-" + db)).isEqualTo(HiddenDangerState.CLOSED);
                });
        // the tables exist now: validate passes on the same database
        onDb.withPropertyValues("dualprevention.jdbc.migration=validate").run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx.getBean(DualPrevention.class).hiddenDangers().find(HiddenDangerId.of("HD-" + db))).isPresent();
        });
        onDb.withUserConfiguration(OwnStorage.class).run(ctx -> {
            assertThat(ctx).doesNotHaveBean(JdbcStorage.class);
            assertThat(ctx.getBean(DualPrevention.class).storage()).isInstanceOf(InMemoryStorage.class);
        });
        onDb.withUserConfiguration(OwnEngine.class).run(ctx -> assertThat(ctx).getBeanNames(DualPrevention.class)
                .containsExactly("myEngine"));
    }

    @Test
    void configurationMetadataListsEveryProperty() throws Exception {
        try (var in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).isNotNull();
            String json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(json).contains("\"dualprevention.zone\"", "\"dualprevention.separation-of-duties\"",
                    "\"dualprevention.discover\"", "\"dualprevention.jdbc.migration\"", "\"dualprevention.checkpoint\"",
                    "\"dualprevention.look-back.general-days\"", "\"dualprevention.look-back.major-days\"",
                    "\"dualprevention.look-back.recurrence-window-days\"");
        }
    }
}
