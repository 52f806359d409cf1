package org.dualprevention.spiarch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.lang.module.ModuleDescriptor;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.dualprevention.spi.AssessmentMethod;
import org.junit.jupiter.api.Test;

/**
 * A plug-in author's view of the contract: the exported packages separate what to implement
 * ({@code org.dualprevention.spi}: interfaces only), what to build on ({@code org.dualprevention.spi.support}:
 * classes for plug-in authors) and the model (every other exported package). Each rule is also run against
 * a bad fixture to show it can fail.
 */
class PluginAuthorViewTest {

    static ArchRule extensionPackageHoldsInterfacesOnly(String pkg) {
        return classes().that().resideInAPackage(pkg).and().arePublic().should().beInterfaces()
                .because("a plug-in author sees at a glance what to implement; support classes live in"
                        + " org.dualprevention.spi.support, the model in its own packages");
    }

    @Test
    void theExtensionPackageHoldsInterfacesOnly() {
        JavaClasses spi = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.dualprevention.spi");
        long interfaces = spi.stream().filter(c -> c.getPackageName().equals("org.dualprevention.spi")).count();
        assertTrue(interfaces >= 16, "imported only " + interfaces + " classes of org.dualprevention.spi");
        extensionPackageHoldsInterfacesOnly("org.dualprevention.spi").check(spi);
    }

    @Test
    void theRuleCatchesAConcreteClassInTheExtensionPackage() {
        JavaClasses fixture = new ClassFileImporter().importPackages("org.dualprevention.spiarch.fixture.spi");
        EvaluationResult r = extensionPackageHoldsInterfacesOnly("org.dualprevention.spiarch.fixture.spi")
                .evaluate(fixture);
        assertTrue(r.hasViolation());
        assertTrue(r.getFailureReport().toString().contains("ConcreteExtension"), r.getFailureReport().toString());
    }

    @Test
    void supportPackageHoldsTheClassesForPluginAuthorsAndNoEngine() {
        JavaClasses support = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.dualprevention.spi.support");
        Set<String> names = support.stream().filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
                .filter(c -> !c.isNestedClass()).map(JavaClass::getSimpleName).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of("Band", "BandedGradingScheme", "BoundarySide", "CellGradingScheme"), names);
    }

    @Test
    void theModuleExportsInterfacesModelAndSupportAsSeparatePackages() {
        ModuleDescriptor d = AssessmentMethod.class.getModule().getDescriptor();
        assumeTrue(d != null, "runs on the module path only (on the class path there is no descriptor to read)");
        Set<String> exported = d.exports().stream().filter(e -> !e.isQualified()).map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(Set.of("org.dualprevention", "org.dualprevention.danger",
                "org.dualprevention.inspection", "org.dualprevention.organization", "org.dualprevention.query",
                "org.dualprevention.risk", "org.dualprevention.spi", "org.dualprevention.spi.support",
                "org.dualprevention.hazmat", "org.dualprevention.incident", "org.dualprevention.lookback",
                "org.dualprevention.learning")), exported);
        assertFalse(exported.contains("org.dualprevention.internal"));
    }
}
