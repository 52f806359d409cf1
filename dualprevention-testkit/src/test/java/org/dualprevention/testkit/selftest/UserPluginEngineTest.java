package org.dualprevention.testkit.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.dualprevention.ProviderConfigurationException;
import org.dualprevention.engine.AssessmentRequest;
import org.dualprevention.engine.DualPrevention;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.Assessment;
import org.dualprevention.risk.AssessmentInput;
import org.dualprevention.risk.AssessmentKind;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.storage.memory.InMemoryStorage;
import org.dualprevention.testkit.Seeds;
import org.dualprevention.testkit.gen.Gen;
import org.dualprevention.testkit.selftest.acme.AcmeRisk6MatrixScheme;
import org.dualprevention.testkit.selftest.acme.AcmeRisk6Method;
import org.dualprevention.testkit.selftest.acme.AcmeRisk6Scheme;
import org.dualprevention.testkit.selftest.acme.AcmeRisk6Schemes;
import org.junit.jupiter.api.Test;

/**
 * The user's plug-in (written against dualprevention-spi only) registered by hand on the engine's builder,
 * its schemes one by one or through its scheme provider, assesses a hazard end to end.
 */
class UserPluginEngineTest {
    @Test
    void registeredByHandAndUsedToAssess() {
        DualPrevention dp = DualPrevention.builder()
                .storage(InMemoryStorage.create())
                .clock(Clock.fixed(Instant.parse("2026-03-02T01:00:00Z"), ZoneId.of("Asia/Shanghai")))
                .discover(false)
                .register(new AcmeRisk6Method())
                .register(new AcmeRisk6Scheme())
                .register(new AcmeRisk6MatrixScheme())
                .build();
        Gen gen = Gen.of(Seeds.base());
        Organization org = gen.organization(6);
        dp.register().saveOrganization(org);
        Hazard hazard = gen.hazard(org);
        RiskPoint rp = dp.register().addRiskPoint(gen.riskPoint(org).withHazards(java.util.List.of(hazard)));
        assertEquals(1, rp.version());
        Assessment a = dp.register().assess(hazard.id(), AssessmentRequest.of(AcmeRisk6Method.ID,
                AssessmentInput.of(Map.of("P", 6, "C", 5)), AssessmentKind.INHERENT, ActorId.of("safety-officer")));
        assertEquals(AcmeRisk6Scheme.ID, a.scheme(), "graded by the method's default scheme");
        assertEquals("A", a.grade().code());
        assertEquals(RiskLevel.MAJOR, a.level());
        Assessment cells = dp.register().assess(hazard.id(), AssessmentRequest.of(AcmeRisk6Method.ID,
                AssessmentInput.of(Map.of("P", 3, "C", 5)), AssessmentKind.RESIDUAL, ActorId.of("safety-officer"))
                .withScheme(AcmeRisk6MatrixScheme.ID));
        assertEquals("orange", cells.grade().code());
        assertTrue(dp.providers().methodIds().contains(AcmeRisk6Method.ID));
    }

    @Test
    void aSchemeProviderRegisteredByHandContributesBothSchemes() {
        DualPrevention dp = DualPrevention.builder()
                .storage(InMemoryStorage.create())
                .clock(Clock.fixed(Instant.parse("2026-03-02T01:00:00Z"), ZoneId.of("Asia/Shanghai")))
                .discover(false)
                .register(new AcmeRisk6Method())
                .register(new AcmeRisk6Schemes())
                .build();
        assertEquals(java.util.List.of(AcmeRisk6MatrixScheme.ID, AcmeRisk6Scheme.ID), dp.providers().schemeIds());
        Gen gen = Gen.of(Seeds.base());
        Organization org = gen.organization(6);
        dp.register().saveOrganization(org);
        Hazard hazard = gen.hazard(org);
        dp.register().addRiskPoint(gen.riskPoint(org).withHazards(java.util.List.of(hazard)));
        Assessment a = dp.register().assess(hazard.id(), AssessmentRequest.of(AcmeRisk6Method.ID,
                AssessmentInput.of(Map.of("P", 3, "C", 5)), AssessmentKind.INHERENT, ActorId.of("safety-officer"))
                .withScheme(AcmeRisk6MatrixScheme.ID));
        assertEquals("orange", a.grade().code());
        assertEquals(RiskLevel.SIGNIFICANT, a.level());
    }

    @Test
    void aSchemeProviderClashingWithASchemeRegisteredOnItsOwnIsRefusedNamingTheProvider() {
        DualPrevention.Builder b = DualPrevention.builder()
                .storage(InMemoryStorage.create())
                .discover(false)
                .register(new AcmeRisk6Method())
                .register(new AcmeRisk6Scheme())
                .register(new AcmeRisk6Schemes());
        ProviderConfigurationException e = assertThrows(ProviderConfigurationException.class, b::build);
        assertTrue(e.getMessage().startsWith("Two GradingSchemes claim id [ACME.RISK6-SUM]: " + AcmeRisk6Scheme.class
                .getName() + " ("), e.getMessage());
        assertTrue(e.getMessage().contains(" and " + AcmeRisk6Scheme.class.getName() + " from GradingSchemeProvider "
                + AcmeRisk6Schemes.class.getName() + " ("), e.getMessage());
    }
}
