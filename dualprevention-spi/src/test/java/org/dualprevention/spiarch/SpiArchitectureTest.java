package org.dualprevention.spiarch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.Set;
import java.util.stream.Collectors;
import org.dualprevention.spiarch.fixture.DependsOnJunit;
import org.dualprevention.spiarch.fixture.ReadsWallClock;
import org.dualprevention.spiarch.fixture.cycle.a.A;
import org.dualprevention.spiarch.fixture.cycle.b.B;
import org.dualprevention.spiarch.fixture.value.MutableValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md's rules for the contract module, over its production classes (tests excluded); each rule is
 * also run against a deliberately bad fixture to show it can fail. The same rules for core live in core's
 * {@code org.dualprevention.arch.ArchRules}; spi's tests cannot see core, so the few needed here are repeated.
 */
class SpiArchitectureTest {
    private static JavaClasses spi;
    private static JavaClasses allFixtures;

    @BeforeAll
    static void importClasses() {
        spi = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.dualprevention");
        allFixtures = new ClassFileImporter().importPackages("org.dualprevention.spiarch.fixture");
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

    static ArchRule jdkOnly() {
        return classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.dualprevention..",
                "org.jspecify..").because("a plug-in author compiles against dualprevention-spi alone (DESIGN.md)");
    }

    static ArchRule noWallClock() {
        return noClasses().should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callConstructor(Date.class)
                .because("time comes from an injected java.time.Clock (DESIGN.md)");
    }

    static ArchRule valueTypesAreClosed(String... packages) {
        return classes().that().resideInAnyPackage(packages).and().arePublic()
                .should().haveModifier(JavaModifier.FINAL).orShould().beInterfaces().orShould().beEnums()
                .orShould().beRecords();
    }

    static ArchRule noCyclesBelow(String root) {
        return slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                String p = c.getPackageName();
                if (p.equals(root)) {
                    return SliceIdentifier.of("(root)");
                }
                if (p.startsWith(root + ".")) {
                    return SliceIdentifier.of(p.substring(root.length() + 1).split("\\.")[0]);
                }
                return SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "packages below " + root;
            }
        }).should().beFreeOfCycles();
    }

    @Test
    void theImportIsNotVacuous() {
        assertTrue(spi.size() > 40, "only " + spi.size() + " classes imported");
        assertTrue(spi.contain("org.dualprevention.spi.AssessmentMethod"));
        assertTrue(spi.contain("org.dualprevention.risk.RiskPoint"));
        assertFalse(spi.contain(SpiArchitectureTest.class.getName()), "test classes must not be imported");
    }

    @Test
    void spiDependsOnlyOnTheJdkAndJspecify() {
        jdkOnly().check(spi);
        assertViolates(jdkOnly(), fixtures(DependsOnJunit.class), "org.junit.jupiter.api.Assertions");
    }

    @Test
    void spiNeverReadsTheWallClock() {
        noWallClock().check(spi);
        assertViolates(noWallClock(), fixtures(ReadsWallClock.class), "Instant.now()");
    }

    @Test
    void valueTypesInRiskAndOrganizationAreClosed() {
        valueTypesAreClosed("org.dualprevention.risk..", "org.dualprevention.organization..",
                "org.dualprevention.danger..", "org.dualprevention.inspection..").check(spi);
        assertViolates(valueTypesAreClosed("org.dualprevention.spiarch.fixture.value.."), fixtures(MutableValue.class),
                MutableValue.class.getName());
    }

    @Test
    void noPackageCycles() {
        noCyclesBelow("org.dualprevention").check(spi);
        assertViolates(noCyclesBelow("org.dualprevention.spiarch.fixture.cycle"), fixtures(A.class, B.class),
                "Cycle detected");
    }
}
