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
import org.dualprevention.arch.fixture.GuavaField;
import org.dualprevention.arch.fixture.GuavaGenericParam;
import org.dualprevention.arch.fixture.GuavaReturn;
import org.dualprevention.arch.fixture.GuavaSuperclass;
import org.dualprevention.arch.fixture.HiddenGuavaIsFine;
import org.dualprevention.arch.fixture.MathInterface;
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
        ArchRule rule = ArchRules.noForbiddenTypesInPublicSignatures(ArchRules.FORBIDDEN_IN_API);
        assertViolates(rule, fixtures(GuavaReturn.class), "names(..) return type: com.google.common.collect.ImmutableList");
        assertViolates(rule, fixtures(GuavaGenericParam.class), "take(..) parameter: com.google.common.base.Optional");
        assertViolates(rule, fixtures(GuavaField.class), "field map: com.google.common.collect.ImmutableMap");
        assertViolates(rule, fixtures(GuavaSuperclass.class), "superclass: com.google.common.collect.ForwardingObject");
        assertViolates(rule, fixtures(MathInterface.class), "interface: org.apache.commons.math3.analysis.UnivariateFunction");
        assertFalse(rule.evaluate(fixtures(HiddenGuavaIsFine.class)).hasViolation(), "private use is allowed");
    }

    @Test
    void coreNeverTouchesJackson() {
        ArchRules.noDependencyOn("tools.jackson..", "com.fasterxml.jackson..").check(production);
        // the same rule shape fails on a dependency that exists
        assertViolates(ArchRules.noDependencyOn("com.google.common.."), fixtures(GuavaReturn.class), "ImmutableList");
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
        ArchRules.valueTypesAreClosed("org.dualprevention.risk..", "org.dualprevention.organization..").check(production);
        String pkg = "org.dualprevention.arch.fixture.value..";
        assertViolates(ArchRules.valueTypesAreClosed(pkg), fixtures(MutableValue.class, Closed.class),
                MutableValue.class.getName());
        JavaClasses good = fixtures(Closed.class, Closed.R.class, Closed.E.class, Closed.I.class);
        assertFalse(ArchRules.valueTypesAreClosed(pkg).evaluate(good).hasViolation());
    }
}
