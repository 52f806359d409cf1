package org.dualprevention.spring.boot.autoconfigure;

import java.time.Clock;
import javax.sql.DataSource;
import org.dualprevention.danger.ClosedLoopSettings;
import org.dualprevention.engine.DualPrevention;
import org.dualprevention.engine.inspection.RoutineCadence;
import org.dualprevention.jdbc.JdbcStorage;
import org.dualprevention.jdbc.Migrations;
import org.dualprevention.spi.AccessPolicy;
import org.dualprevention.spi.AssessmentMethod;
import org.dualprevention.spi.AuditKeyProvider;
import org.dualprevention.spi.CommandObserver;
import org.dualprevention.spi.EffectiveLevelPolicy;
import org.dualprevention.spi.GradingScheme;
import org.dualprevention.spi.GradingSchemeProvider;
import org.dualprevention.spi.HiddenDangerListener;
import org.dualprevention.spi.InspectionListener;
import org.dualprevention.spi.LevelCombination;
import org.dualprevention.spi.Storage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The storage and the engine.
 *
 * <ul>
 *   <li>{@link Storage}: a {@link JdbcStorage} on the application's single {@link DataSource}, with
 *       {@link SpringConnections} so that its writes join the calling thread's Spring transaction; its tables
 *       migrated, validated or left alone by {@code dualprevention.jdbc.migration}.</li>
 *   <li>With that JDBC storage, its repositories of major hazard installations, incidents, look-back re-check
 *       results and typical hidden dangers ({@link JdbcStorage#majorHazards()} and the others), for the engine's
 *       areas; their writes join the Spring transaction as the storage's do.</li>
 *   <li>{@link DualPrevention}: on that storage, with the application's {@link Clock}, {@link AccessPolicy},
 *       {@link EffectiveLevelPolicy}, {@link LevelCombination}, {@link RoutineCadence}, assessment methods, grading
 *       schemes and scheme providers, command observers, and its listeners wrapped by {@link AfterCommit}, all
 *       taken from beans when present; {@code dualprevention.zone}, {@code dualprevention.separation-of-duties}
 *       and {@code dualprevention.discover} from the properties.</li>
 * </ul>
 * Each backs off when the application defines a bean of the same type.
 *
 * @since 0.2
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class})
@EnableConfigurationProperties(DualPreventionProperties.class)
public class DualPreventionAutoConfiguration {

    /**
     * The storage on the application's data source.
     *
     * @param dataSource the application's data source
     * @param properties the properties
     * @param keys the application's audit keys, if any: the store then checks keyed entries with them
     * @return the storage
     */
    @Bean
    @ConditionalOnMissingBean(Storage.class)
    @ConditionalOnSingleCandidate(DataSource.class)
    public JdbcStorage dualPreventionStorage(DataSource dataSource, DualPreventionProperties properties,
            ObjectProvider<AuditKeyProvider> keys) {
        JdbcStorage.Builder b = JdbcStorage.builder().connections(SpringConnections.of(dataSource));
        keys.ifAvailable(b::auditKeys);
        switch (properties.getJdbc().getMigration()) {
            case MIGRATE -> b.migrateWith(dataSource);
            case VALIDATE -> {
                int current = Migrations.currentVersion(dataSource);
                if (current != Migrations.latestVersion()) {
                    throw new IllegalStateException("dualprevention.jdbc.migration=validate: the database's dualprevention"
                            + " tables are at version " + current + ", this library needs version "
                            + Migrations.latestVersion() + "; allowed: migrate the tables first, or set"
                            + " dualprevention.jdbc.migration=migrate");
                }
            }
            case NONE -> {
                // the application's migration tool owns the tables; build() still checks they exist
            }
        }
        return b.build();
    }

    /**
     * Major hazard installations in the JDBC storage's database, for the host's
     * {@code MajorHazards.of(engine, repository, table)}.
     *
     * @param storage the JDBC storage
     * @return its repository
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(JdbcStorage.class)
    public org.dualprevention.spi.MajorHazardRepository dualPreventionMajorHazards(JdbcStorage storage) {
        return storage.majorHazards();
    }

    /**
     * Incidents and near misses in the JDBC storage's database, for the host's {@code Incidents.of(engine, repository)}.
     *
     * @param storage the JDBC storage
     * @return its repository
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(JdbcStorage.class)
    public org.dualprevention.spi.IncidentRepository dualPreventionIncidents(JdbcStorage storage) {
        return storage.incidents();
    }

    /**
     * Look-back re-check results in the JDBC storage's database, for the host's
     * {@code LookBacks.of(engine, repository, periods)}.
     *
     * @param storage the JDBC storage
     * @return its repository
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(JdbcStorage.class)
    public org.dualprevention.spi.RecheckRepository dualPreventionRechecks(JdbcStorage storage) {
        return storage.rechecks();
    }

    /**
     * The typical hidden-danger library in the JDBC storage's database.
     *
     * @param storage the JDBC storage
     * @return its repository
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(JdbcStorage.class)
    public org.dualprevention.spi.TypicalHiddenDangerRepository dualPreventionTypicalHiddenDangers(JdbcStorage storage) {
        return storage.typicalHiddenDangers();
    }

    /**
     * The look-back re-check periods (回头看) from {@code dualprevention.look-back.*}, for the host's
     * {@code LookBacks.of(engine, repository, periods)}.
     *
     * @param properties the properties
     * @return the periods
     */
    @Bean
    @ConditionalOnMissingBean
    public org.dualprevention.lookback.RecheckPeriods dualPreventionRecheckPeriods(DualPreventionProperties properties) {
        return properties.getLookBack().toPeriods();
    }

    /**
     * The engine.
     *
     * @param storage the storage
     * @param properties the properties
     * @param clock the application's clock, if any (else the system clock)
     * @param accessPolicy the application's access policy, if any (else the organisation policy)
     * @param effectiveLevelPolicy the application's effective-level policy, if any
     * @param levelCombination the application's level combination, if any
     * @param cadence the application's routine cadence, if any
     * @param methods the application's assessment methods
     * @param schemes the application's grading schemes
     * @param schemeProviders the application's grading scheme providers
     * @param dangerListeners the application's hidden-danger listeners (called after commit)
     * @param inspectionListeners the application's inspection listeners (called after commit)
     * @param observers the application's command observers
     * @param keys the application's audit keys, if any: every new audit entry is then keyed (HMAC-SHA-256)
     * @return the engine
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(Storage.class)
    public DualPrevention dualPrevention(Storage storage, DualPreventionProperties properties, ObjectProvider<Clock> clock,
            ObjectProvider<AccessPolicy> accessPolicy, ObjectProvider<EffectiveLevelPolicy> effectiveLevelPolicy,
            ObjectProvider<LevelCombination> levelCombination, ObjectProvider<RoutineCadence> cadence,
            ObjectProvider<AssessmentMethod> methods, ObjectProvider<GradingScheme> schemes,
            ObjectProvider<GradingSchemeProvider> schemeProviders, ObjectProvider<HiddenDangerListener> dangerListeners,
            ObjectProvider<InspectionListener> inspectionListeners, ObjectProvider<CommandObserver> observers,
            ObjectProvider<AuditKeyProvider> keys) {
        DualPrevention.Builder b = DualPrevention.builder()
                .storage(storage)
                .discover(properties.isDiscover())
                .closedLoop(ClosedLoopSettings.defaults().withSeparationOfDuties(properties.isSeparationOfDuties()));
        clock.ifAvailable(b::clock);
        if (properties.getZone() != null) {
            b.zone(properties.getZone());
        }
        accessPolicy.ifAvailable(b::accessPolicy);
        effectiveLevelPolicy.ifAvailable(b::effectiveLevelPolicy);
        levelCombination.ifAvailable(b::levelCombination);
        cadence.ifAvailable(b::routineCadence);
        methods.orderedStream().forEach(b::register);
        schemes.orderedStream().forEach(b::register);
        schemeProviders.orderedStream().forEach(b::register);
        dangerListeners.orderedStream().forEach(l -> b.listener(AfterCommit.of(l)));
        inspectionListeners.orderedStream().forEach(l -> b.inspectionListener(AfterCommit.of(l)));
        observers.orderedStream().forEach(b::commandObserver);
        keys.ifAvailable(b::auditKeys);
        return b.build();
    }
}
