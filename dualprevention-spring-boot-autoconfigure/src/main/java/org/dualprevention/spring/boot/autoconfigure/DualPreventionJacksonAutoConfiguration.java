package org.dualprevention.spring.boot.autoconfigure;

import org.dualprevention.json.DualPreventionModule;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Registers the library's {@link DualPreventionModule} on the application's Jackson 3 {@code JsonMapper}, so that
 * ids, levels, codes, money and the model records read and write in their documented JSON form in the
 * application's own REST controllers.
 *
 * @since 0.2
 */
@AutoConfiguration(before = JacksonAutoConfiguration.class)
@ConditionalOnClass({JsonMapperBuilderCustomizer.class, DualPreventionModule.class})
public class DualPreventionJacksonAutoConfiguration {

    /**
     * Adds the module to the mapper Spring Boot builds.
     *
     * @return the customizer
     */
    @Bean
    @ConditionalOnMissingBean(name = "dualPreventionJsonMapperCustomizer")
    public JsonMapperBuilderCustomizer dualPreventionJsonMapperCustomizer() {
        return builder -> builder.addModule(new DualPreventionModule());
    }
}
