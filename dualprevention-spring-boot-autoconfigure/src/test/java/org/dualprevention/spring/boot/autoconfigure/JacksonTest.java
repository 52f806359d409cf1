package org.dualprevention.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.json.DualPreventionJson;
import org.dualprevention.risk.RiskLevel;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.json.JsonMapper;

/** The application's own JsonMapper writes and reads the model as the library's JSON module does. */
class JacksonTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                    DualPreventionJacksonAutoConfiguration.class));

    private record Dto(HiddenDangerId id, RiskLevel level) {
    }

    @Test
    void theApplicationsMapperUsesTheModule() {
        runner.run(ctx -> {
            JsonMapper app = ctx.getBean(JsonMapper.class);
            Dto dto = new Dto(HiddenDangerId.of("HD-7"), RiskLevel.MAJOR);
            String written = app.writeValueAsString(dto);
            assertThat(written).isEqualTo(DualPreventionJson.mapper().writeValueAsString(dto));
            assertThat(app.readValue(written, Dto.class)).isEqualTo(dto);
        });
    }

    @Test
    void theModuleIsRegisteredEvenWhenBootIsToldNotToFindModules() {
        Dto dto = new Dto(HiddenDangerId.of("HD-7"), RiskLevel.MAJOR);
        runner.withPropertyValues("spring.jackson.find-and-add-modules=false").run(ctx -> assertThat(
                ctx.getBean(JsonMapper.class).writeValueAsString(dto))
                .isEqualTo(DualPreventionJson.mapper().writeValueAsString(dto)));
        // the control: without this auto-configuration and without discovery, the id is written as a plain record
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
                .withPropertyValues("spring.jackson.find-and-add-modules=false")
                .run(ctx -> assertThat(ctx.getBean(JsonMapper.class).writeValueAsString(
                        new Dto(HiddenDangerId.of("HD-7"), RiskLevel.MAJOR)))
                        .isNotEqualTo(DualPreventionJson.mapper().writeValueAsString(
                                new Dto(HiddenDangerId.of("HD-7"), RiskLevel.MAJOR))));
    }
}
