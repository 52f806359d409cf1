package org.dualprevention.danger;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/**
 * The hidden-danger model depends on the JDK and the model packages only, never on the extension points
 * (org.dualprevention.spi uses it, so the reverse would be a package cycle), and never reads the wall clock.
 */
class DangerDependenciesTest {
    private static final JavaClasses DANGER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.dualprevention.danger");

    @Test
    void dependsOnTheJdkAndTheModelOnly() {
        assertTrue(DANGER.size() > 20, "too few classes imported: " + DANGER.size());
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.dualprevention",
                "org.dualprevention.danger..", "org.dualprevention.risk..", "org.dualprevention.organization..",
                "org.dualprevention.internal..", "org.jspecify..").check(DANGER);
    }

    @Test
    void neverReadsTheWallClock() {
        noClasses().should().callMethod(Instant.class, "now").orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(LocalDate.class, "now").orShould().callConstructor(java.util.Date.class)
                .check(DANGER);
    }
}
