package org.dualprevention.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The spi module's declarations: it provides nothing (plug-ins and core do), so module-info and
 * META-INF/services agree by both being empty; it exports exactly the API packages and keeps
 * {@code org.dualprevention.internal} hidden. The comparison itself is checked on made-up input.
 */
class SpiModuleServicesTest {
    @Test
    void providesAgreesWithMetaInfServices() {
        Path classes = ServiceDeclarations.mainClasses();
        ModuleDescriptor spi = ServiceDeclarations.descriptor(classes);
        assertEquals("org.dualprevention.spi", spi.name());
        assertEquals(List.of(), ServiceDeclarations.differences(ServiceDeclarations.provides(spi),
                ServiceDeclarations.servicesFiles(classes)));
        assertEquals(Set.of(), spi.uses(), "spi calls no ServiceLoader");
    }

    @Test
    void onlyApiPackagesAreExported() {
        Path classes = ServiceDeclarations.mainClasses();
        ModuleDescriptor spi = ServiceDeclarations.descriptor(classes);
        Set<String> exported = new TreeSet<>();
        spi.exports().stream().filter(e -> !e.isQualified()).forEach(e -> exported.add(e.source()));
        // the internal package is opened to the library's own modules only (IsoTimes), never to a plug-in
        Set<String> qualified = new TreeSet<>();
        spi.exports().stream().filter(ModuleDescriptor.Exports::isQualified).forEach(e -> {
            assertEquals("org.dualprevention.internal", e.source());
            qualified.addAll(e.targets());
        });
        assertEquals(Set.of("org.dualprevention.core", "org.dualprevention.json", "org.dualprevention.jdbc"), qualified);
        assertTrue(exported.containsAll(Set.of("org.dualprevention", "org.dualprevention.organization",
                "org.dualprevention.risk", "org.dualprevention.spi")), exported.toString());
        assertTrue(exported.stream().noneMatch(p -> p.contains("internal")), exported.toString());
        assertTrue(Files.isDirectory(classes.resolve("org/dualprevention/internal")), "the hidden package exists");
    }

    @Test
    void theComparisonReportsEveryDisagreement() {
        Map<String, List<String>> provides = Map.of("a.Service", List.of("x.One", "x.Two"));
        Map<String, List<String>> files = Map.of("a.Service", ServiceDeclarations.parse(List.of("x.One # ok", "x.Three")));
        assertEquals(List.of(
                "module-info provides a.Service with x.Two, but META-INF/services/a.Service does not list it",
                "META-INF/services/a.Service lists x.Three, but module-info has no provides a.Service with x.Three"),
                ServiceDeclarations.differences(provides, files));
    }
}
