package org.dualprevention.analyticsarch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.dualprevention.analyticsarch.fixture.ExposesMath;
import org.dualprevention.analyticsarch.fixture.HiddenMathIsFine;
import org.dualprevention.analyticsarch.fixture.ReadsWallClock;
import org.dualprevention.analyticsarch.fixture.ReturnsMath;
import org.dualprevention.analyticsarch.fixture.UsesCore;
import org.dualprevention.spi.Storage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The analytics module's rules (DESIGN.md), over its production classes (tests excluded), each also run
 * against a deliberately bad fixture to show it can fail: it reads the spi's exported packages only (never
 * the engine), Commons Math stays inside (no type of it in a public signature), and time comes from the
 * injected clock. Core's own rules live in core's {@code org.dualprevention.arch}; the few needed here are
 * written again because modules do not share test code.
 */
class AnalyticsArchitectureTest {
    private static final String MATH = "org.apache.commons.math3..";
    private static JavaClasses analytics;
    private static JavaClasses allFixtures;
    private static String[] allowed;

    @BeforeAll
    static void importClasses() {
        analytics = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.dualprevention.analytics");
        allFixtures = new ClassFileImporter().importPackages("org.dualprevention.analyticsarch.fixture");
        List<String> packages = new ArrayList<>(List.of("java..", MATH, "org.jspecify..", "org.dualprevention.analytics.."));
        spiDescriptor().exports().forEach(e -> packages.add(e.source()));
        allowed = packages.toArray(String[]::new);
    }

    private static ModuleDescriptor spiDescriptor() {
        try {
            Path location = Path.of(Storage.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            List<ModuleReference> refs = new ArrayList<>(ModuleFinder.of(location).findAll());
            assertEquals(1, refs.size(), "spi module at " + location);
            return refs.get(0).descriptor();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
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

    static ArchRule spiAndCommonsMathOnly(String... packages) {
        return classes().should().onlyDependOnClassesThat().resideInAnyPackage(packages)
                .because("analytics reads the model through the spi and needs nothing of the engine (DESIGN.md)");
    }

    static ArchRule noWallClock() {
        return noClasses().should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callConstructor(Date.class)
                .because("time comes from an injected java.time.Clock (DESIGN.md)");
    }

    static ArchRule noMathInPublicSignatures() {
        return classes().that().arePublic().should(new ArchCondition<JavaClass>("not expose Commons Math types") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                Set<String> found = new TreeSet<>();
                c.getSuperclass().ifPresent(t -> add(found, "superclass", t));
                c.getInterfaces().forEach(t -> add(found, "interface", t));
                for (JavaField f : c.getFields()) {
                    if (visible(f.getModifiers())) {
                        add(found, "field " + f.getName(), f.getType());
                    }
                }
                for (JavaCodeUnit u : c.getCodeUnits()) {
                    if (visible(u.getModifiers()) && !u.getModifiers().contains(JavaModifier.SYNTHETIC)) {
                        add(found, u.getName() + "(..) return type", u.getReturnType());
                        u.getParameterTypes().forEach(t -> add(found, u.getName() + "(..) parameter", t));
                        u.getThrowsClause().forEach(t -> add(found, u.getName() + "(..) throws", t.getRawType()));
                    }
                }
                found.forEach(f -> events.add(SimpleConditionEvent.violated(c, c.getName() + " exposes " + f)));
            }
        });
    }

    private static boolean visible(Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }

    private static void add(Set<String> found, String where, JavaType type) {
        for (JavaClass raw : type.getAllInvolvedRawTypes()) {
            if (JavaClass.Predicates.resideInAnyPackage(MATH).test(raw)) {
                found.add(where + ": " + raw.getName());
            }
        }
    }

    @Test
    void theImportIsNotVacuous() {
        assertTrue(analytics.size() > 25, "only " + analytics.size() + " classes imported");
        assertTrue(analytics.contain("org.dualprevention.analytics.RiskMap"));
        assertTrue(analytics.contain("org.dualprevention.analytics.StatisticalTests"), "a user of Commons Math");
        assertFalse(analytics.contain(AnalyticsArchitectureTest.class.getName()), "test classes must not be imported");
        assertTrue(Arrays.asList(allowed).contains("org.dualprevention.danger"), Arrays.toString(allowed));
        assertFalse(Arrays.asList(allowed).contains("org.dualprevention.engine"), Arrays.toString(allowed));
    }

    @Test
    void analyticsReadsTheSpiAndCommonsMathOnly() {
        spiAndCommonsMathOnly(allowed).check(analytics);
        assertViolates(spiAndCommonsMathOnly(allowed), fixtures(UsesCore.class),
                "org.dualprevention.engine.dynamic.DefaultEffectiveLevelPolicy");
    }

    @Test
    void commonsMathStaysInside() {
        noMathInPublicSignatures().check(analytics);
        assertViolates(noMathInPublicSignatures(), fixtures(ExposesMath.class),
                "interface: org.apache.commons.math3.analysis.UnivariateFunction");
        assertViolates(noMathInPublicSignatures(), fixtures(ReturnsMath.class),
                "matrices(..) return type: org.apache.commons.math3.linear.RealMatrix");
        assertFalse(noMathInPublicSignatures().evaluate(fixtures(HiddenMathIsFine.class)).hasViolation(),
                "private use is allowed");
    }

    @Test
    void noWallClockReads() {
        noWallClock().check(analytics);
        assertViolates(noWallClock(), fixtures(ReadsWallClock.class), "LocalDate.now()");
    }
}
