package org.dualprevention.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.dualprevention.arch.fixture.DependsOnJunit;
import org.dualprevention.arch.fixture.ExposedField;
import org.dualprevention.arch.fixture.ExposedGenericParam;
import org.dualprevention.arch.fixture.ExposedInterface;
import org.dualprevention.arch.fixture.ExposedReturn;
import org.dualprevention.arch.fixture.ExposedSuperclass;
import org.dualprevention.arch.fixture.HiddenUseIsFine;
import org.dualprevention.arch.fixture.UsesEngineInternal;
import org.dualprevention.arch.fixture.cycle.a.A;
import org.dualprevention.arch.fixture.time.ClockIsFine;
import org.dualprevention.arch.fixture.time.CurrentTimeMillis;
import org.dualprevention.arch.fixture.time.InstantNow;
import org.dualprevention.arch.fixture.time.LocalDateNow;
import org.dualprevention.arch.fixture.time.LocalDateTimeNow;
import org.dualprevention.arch.fixture.time.NewDate;
import org.dualprevention.arch.fixture.time.ZonedDateTimeNow;
import org.dualprevention.arch.fixture.value.Closed;
import org.dualprevention.arch.fixture.value.MutableValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md's rules over the production classes of spi and core (tests excluded), each also run
 * against a deliberately bad fixture to show it can fail.
 */
class ArchitectureTest {
    /** The package of the fixtures' stand-in third-party types. */
    private static final String THIRD_PARTY = "org.dualprevention.arch.fixture.thirdparty..";
    private static JavaClasses production;
    private static JavaClasses allFixtures;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.dualprevention");
        allFixtures = new ClassFileImporter().importPackages("org.dualprevention.arch.fixture");
    }

    private static JavaClasses fixtures(Class<?>... types) {
        Set<String> names = Arrays.stream(types).map(Class::getName).collect(Collectors.toSet());
        JavaClasses selected = allFixtures.that(DescribedPredicate.describe("one of " + names,
                c -> names.contains(c.getName())));
        assertEquals(types.length, selected.size(), "fixtures found: " + selected);
        return selected;
    }

    private static void assertViolates(ArchRule rule, JavaClasses classes, String expectedText) {
        EvaluationResult r = rule.evaluate(classes);
        assertTrue(r.hasViolation(), "rule should have failed: " + rule.getDescription());
        String report = r.getFailureReport().toString();
        assertTrue(report.contains(expectedText), report);
    }

    @Test
    void theImportIsNotVacuous() {
        long core = production.stream().filter(c -> c.getPackageName().startsWith("org.dualprevention.engine")).count();
        long spi = production.stream().filter(c -> c.getPackageName().startsWith("org.dualprevention.risk")).count();
        assertTrue(production.size() > 60, "only " + production.size() + " classes imported");
        assertTrue(core >= 8, "only " + core + " engine classes imported");
        assertTrue(spi >= 20, "only " + spi + " risk classes imported");
        assertTrue(production.contain("org.dualprevention.engine.internal.ProviderRegistry"));
        assertFalse(production.contain(ArchitectureTest.class.getName()), "test classes must not be imported");
    }

    @Test
    void noGuavaCommonsMathOrJacksonTypeInPublicSignatures() {
        ArchRules.noForbiddenTypesInPublicSignatures(ArchRules.FORBIDDEN_IN_API).check(production);
    }

    @Test
    void theSignatureRuleCatchesEveryKindOfExposure() {
        // core's tests have no third-party library to expose, so the rule runs against stand-ins in a package of their own
        String tp = "org.dualprevention.arch.fixture.thirdparty.";
        ArchRule rule = ArchRules.noForbiddenTypesInPublicSignatures(THIRD_PARTY);
        assertViolates(rule, fixtures(ExposedReturn.class), "names(..) return type: " + tp + "ImmutableList");
        assertViolates(rule, fixtures(ExposedGenericParam.class), "take(..) parameter: " + tp + "Optional");
        assertViolates(rule, fixtures(ExposedField.class), "field map: " + tp + "ImmutableMap");
        assertViolates(rule, fixtures(ExposedSuperclass.class), "superclass: " + tp + "ForwardingObject");
        assertViolates(rule, fixtures(ExposedInterface.class), "interface: " + tp + "UnivariateFunction");
        assertFalse(rule.evaluate(fixtures(HiddenUseIsFine.class)).hasViolation(), "private use is allowed");
    }

    @Test
    void coreNeverTouchesJackson() {
        ArchRules.noDependencyOn("tools.jackson..", "com.fasterxml.jackson..").check(production);
        // the same rule shape fails on a dependency that exists
        assertViolates(ArchRules.noDependencyOn(THIRD_PARTY), fixtures(ExposedReturn.class), "ImmutableList");
    }

    @Test
    void coreAndSpiDependOnTheJdkAndTheLibraryOnly() {
        ArchRules.jdkOnly().check(production);
        assertViolates(ArchRules.jdkOnly(), fixtures(DependsOnJunit.class), "org.junit.jupiter.api.Assertions");
        assertFalse(ArchRules.jdkOnly().evaluate(fixtures(HiddenUseIsFine.class)).hasViolation(),
                "the stand-ins live below org.dualprevention, so they pass this rule");
    }

    @Test
    void analyticsIsNotInCore() {
        assertTrue(production.stream().noneMatch(c -> c.getPackageName().startsWith("org.dualprevention.analytics")),
                "analytics is the module dualprevention-analytics");
    }

    @Test
    void noPackageCycles() {
        ArchRules.noCyclesBelow("org.dualprevention").check(production);
        assertViolates(ArchRules.noCyclesBelow("org.dualprevention.arch.fixture.cycle"),
                fixtures(A.class, org.dualprevention.arch.fixture.cycle.b.B.class), "Cycle detected");
    }

    @Test
    void onlyTheEngineUsesEngineInternal() {
        ArchRules.engineInternalStaysInEngine().check(production);
        assertViolates(ArchRules.engineInternalStaysInEngine(), fixtures(UsesEngineInternal.class), "ProviderRegistry");
    }

    @Test
    void noWallClockReads() {
        ArchRules.noWallClock().check(production);
        for (Class<?> bad : List.of(InstantNow.class, LocalDateTimeNow.class, LocalDateNow.class, ZonedDateTimeNow.class,
                CurrentTimeMillis.class, NewDate.class)) {
            assertViolates(ArchRules.noWallClock(), fixtures(bad), bad.getName());
        }
        assertFalse(ArchRules.noWallClock().evaluate(fixtures(ClockIsFine.class)).hasViolation(),
                "Instant.now(clock) and new Date(millis) are fine");
    }

    @Test
    void spiValueTypesAreClosed() {
        ArchRules.valueTypesAreClosed("org.dualprevention.risk..", "org.dualprevention.organization..",
                "org.dualprevention.danger..", "org.dualprevention.inspection..").check(production);
        String pkg = "org.dualprevention.arch.fixture.value..";
        assertViolates(ArchRules.valueTypesAreClosed(pkg), fixtures(MutableValue.class, Closed.class),
                MutableValue.class.getName());
        JavaClasses good = fixtures(Closed.class, Closed.R.class, Closed.E.class, Closed.I.class);
        assertFalse(ArchRules.valueTypesAreClosed(pkg).evaluate(good).hasViolation());
    }
}
