package org.dualprevention.spring.boot.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.dualprevention.danger.Checkpoint;
import org.dualprevention.engine.DualPrevention;
import org.dualprevention.jdbc.JdbcStorage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Micrometer metrics and the Actuator health indicator, each when its library is on the class path.
 *
 * @since 0.2
 */
@AutoConfiguration(after = DualPreventionAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
public class DualPreventionObservabilityAutoConfiguration {

    /**
     * Metrics, when Micrometer is present and the application has a registry.
     *
     * @since 0.2
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    public static class Metrics {
        /**
         * Command counters and timers (registered on the engine as a command observer).
         *
         * @param registry the registry
         * @return the metrics
         */
        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnBean(MeterRegistry.class)
        public DualPreventionMetrics dualPreventionMetrics(MeterRegistry registry) {
            return new DualPreventionMetrics(registry);
        }

        /**
         * Gauges of open and overdue hidden dangers.
         *
         * @param engine the engine
         * @return the gauges
         */
        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnBean({MeterRegistry.class, DualPrevention.class})
        public DualPreventionGauges dualPreventionGauges(DualPrevention engine) {
            return new DualPreventionGauges(engine);
        }
    }

    /**
     * The health indicator, when Spring Boot's health support is present.
     *
     * @since 0.2
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    public static class HealthCheck {
        /**
         * The indicator (named {@code dualPrevention} in the health endpoint).
         *
         * @param engine the engine
         * @param dataSource the application's data source, used for the schema version when the storage is JDBC
         * @param properties the properties ({@code dualprevention.checkpoint})
         * @return the indicator
         */
        @Bean
        @ConditionalOnMissingBean(name = "dualPreventionHealthIndicator")
        @ConditionalOnBean(DualPrevention.class)
        public DualPreventionHealthIndicator dualPreventionHealthIndicator(DualPrevention engine,
                ObjectProvider<DataSource> dataSource, DualPreventionProperties properties) {
            String cp = properties.getCheckpoint();
            return new DualPreventionHealthIndicator(engine,
                    engine.storage() instanceof JdbcStorage ? dataSource.getIfUnique() : null,
                    cp == null || cp.isBlank() ? null : Checkpoint.parse(cp));
        }
    }
}
