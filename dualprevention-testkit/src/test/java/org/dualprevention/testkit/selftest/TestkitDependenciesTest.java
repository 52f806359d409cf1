package org.dualprevention.testkit.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dualprevention.testkit.Providers;
import org.junit.jupiter.api.Test;

/**
 * The test kit depends on the JDK, dualprevention-spi, JUnit and core's closed loop only (its generators walk
 * hidden dangers through the loop, its storage contract verifies and replays audit chains): no Guava, Commons
 * Math or Jackson type, and nothing else of dualprevention-core.
 */
class TestkitDependenciesTest {
    private static final Pattern REF = Pattern.compile("(?:org/dualprevention|com/google|org/apache|tools/jackson|com/fasterxml)/[A-Za-z0-9_/$]+");
    private static final List<String> SPI_PACKAGES = List.of("org/dualprevention/[A-Z]", "org/dualprevention/organization/",
            "org/dualprevention/risk/", "org/dualprevention/spi/", "org/dualprevention/query/", "org/dualprevention/danger/",
            "org/dualprevention/inspection/", "org/dualprevention/hazmat/", "org/dualprevention/incident/",
            "org/dualprevention/lookback/", "org/dualprevention/learning/", "org/dualprevention/engine/closedloop/[A-Z]",
            "org/dualprevention/testkit(/|$)");

    @Test
    void classesReferenceOnlySpiAndTestkitTypes() throws Exception {
        Path root = Path.of(Providers.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(Files.isDirectory(root), "expected the compiled classes in a directory: " + root);
        List<Path> classes;
        try (Stream<Path> s = Files.walk(root)) {
            classes = s.filter(p -> p.toString().endsWith(".class")).collect(Collectors.toList());
        }
        assertTrue(classes.size() > 15, "too few classes scanned: " + classes.size());
        Set<String> bad = new TreeSet<>();
        int refs = 0;
        for (Path c : classes) {
            Matcher m = REF.matcher(new String(Files.readAllBytes(c), StandardCharsets.ISO_8859_1));
            while (m.find()) {
                String ref = m.group();
                refs++;
                boolean ok = false;
                for (String allowed : SPI_PACKAGES) {
                    if (Pattern.compile("^" + allowed).matcher(ref).find()) {
                        ok = true;
                    }
                }
                if (!ok) {
                    bad.add(root.relativize(c) + " -> " + ref);
                }
            }
        }
        assertTrue(refs > 100, "the scan found too few references (" + refs + ")");
        assertEquals(Set.of(), bad, "the test kit reaches beyond spi, core's closed loop, JUnit and the JDK");
    }

    @Test
    void moduleRequiresOnlySpiCoreJunitAndJspecify() throws Exception {
        Path root = Path.of(Providers.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ModuleDescriptor d;
        try (var in = Files.newInputStream(root.resolve("module-info.class"))) {
            d = ModuleDescriptor.read(in);
        }
        Set<String> requires = new TreeSet<>();
        for (ModuleDescriptor.Requires r : d.requires()) {
            requires.add(r.name());
        }
        assertEquals(new TreeSet<>(List.of("java.base", "org.dualprevention.spi", "org.dualprevention.core",
                "org.junit.jupiter.api",
                "org.junit.jupiter.params", "org.jspecify")), requires);
        List<String> exports = new ArrayList<>();
        d.exports().forEach(e -> exports.add(e.source()));
        exports.sort(null);
        assertEquals(List.of("org.dualprevention.testkit", "org.dualprevention.testkit.gen"), exports);
    }
}
