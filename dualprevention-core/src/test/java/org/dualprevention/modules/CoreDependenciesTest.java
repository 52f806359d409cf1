package org.dualprevention.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Core's runtime dependencies are the JDK and the spi (DESIGN.md): checked where a host gets them from, the
 * Maven dependencies of core's pom and of the parent pom it inherits from, and the {@code requires} of the
 * compiled module descriptor. Each check also runs against a bad example and must report it.
 */
class CoreDependenciesTest {
    private static final Set<String> ALLOWED_ARTIFACTS = Set.of("org.dualprevention:dualprevention-spi");

    @Test
    void thePomsGiveCoreTheSpiAsItsOnlyRuntimeDependency() {
        Path basedir = Path.of(System.getProperty("basedir", "."));
        Document core = parse(basedir.resolve("pom.xml"));
        Document parent = parse(basedir.resolve("..").resolve("pom.xml"));
        assertEquals("dualprevention-core", childText(core.getDocumentElement(), "artifactId"), "read core's pom");
        assertEquals("dualprevention-parent", childText(parent.getDocumentElement(), "artifactId"), "read the parent pom");
        List<String> runtime = new ArrayList<>(runtimeDependencies(core));
        runtime.addAll(runtimeDependencies(parent));
        assertEquals(List.of("org.dualprevention:dualprevention-spi"), runtime);
    }

    @Test
    void theModuleRequiresTheSpiAndJdkModulesOnly() {
        ModuleDescriptor core = ServiceDeclarations.descriptor(ServiceDeclarations.mainClasses());
        assertEquals("org.dualprevention.core", core.name());
        assertEquals(Set.of(), foreignRequires(core));
        assertTrue(core.requires().stream().anyMatch(r -> r.name().equals("org.dualprevention.spi")), core.toString());
    }

    @Test
    void theChecksReportAForeignDependency() {
        String pom = """
                <project><artifactId>x</artifactId><dependencies>
                  <dependency><groupId>org.dualprevention</groupId><artifactId>dualprevention-spi</artifactId></dependency>
                  <dependency><groupId>com.google.guava</groupId><artifactId>guava</artifactId></dependency>
                  <dependency><groupId>org.apache.commons</groupId><artifactId>commons-math3</artifactId>
                    <scope>runtime</scope></dependency>
                  <dependency><groupId>org.jspecify</groupId><artifactId>jspecify</artifactId><optional>true</optional></dependency>
                  <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><scope>test</scope></dependency>
                  <dependency><groupId>a</groupId><artifactId>b</artifactId><scope>provided</scope></dependency>
                </dependencies><dependencyManagement><dependencies>
                  <dependency><groupId>managed</groupId><artifactId>only</artifactId></dependency>
                </dependencies></dependencyManagement></project>""";
        List<String> runtime = runtimeDependencies(parse(pom));
        assertEquals(List.of("org.dualprevention:dualprevention-spi", "com.google.guava:guava",
                "org.apache.commons:commons-math3"), runtime);
        assertEquals(List.of("com.google.guava:guava", "org.apache.commons:commons-math3"),
                runtime.stream().filter(a -> !ALLOWED_ARTIFACTS.contains(a)).toList());

        ModuleDescriptor bad = ModuleDescriptor.newModule("x").requires("org.dualprevention.spi").requires("java.sql")
                .requires(Set.of(ModuleDescriptor.Requires.Modifier.STATIC), "org.jspecify")
                .requires("com.google.common").requires("commons.math3").build();
        assertEquals(Set.of("com.google.common", "commons.math3"), foreignRequires(bad));
    }

    /**
     * Modules required at run time (not {@code static}) that are neither the spi nor part of the JDK.
     *
     * @param module a module descriptor
     * @return the names, sorted
     */
    static Set<String> foreignRequires(ModuleDescriptor module) {
        Set<String> out = new TreeSet<>();
        for (ModuleDescriptor.Requires r : module.requires()) {
            boolean jdk = r.name().startsWith("java.") || r.name().startsWith("jdk.");
            if (!r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC) && !jdk
                    && !r.name().equals("org.dualprevention.spi")) {
                out.add(r.name());
            }
        }
        return out;
    }

    /**
     * The direct dependencies a pom gives its users at run time: those of the project's own
     * {@code dependencies} (not {@code dependencyManagement}) in scope compile or runtime and not optional.
     *
     * @param pom the parsed pom
     * @return {@code groupId:artifactId} in document order
     */
    static List<String> runtimeDependencies(Document pom) {
        List<String> out = new ArrayList<>();
        Element deps = child(pom.getDocumentElement(), "dependencies");
        if (deps == null) {
            return out;
        }
        for (Node n = deps.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("dependency")) {
                String scope = childText(e, "scope");
                boolean runtime = scope == null || scope.equals("compile") || scope.equals("runtime");
                if (runtime && !"true".equals(childText(e, "optional"))) {
                    out.add(childText(e, "groupId") + ":" + childText(e, "artifactId"));
                }
            }
        }
        return out;
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static String childText(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().strip();
    }

    private static Document parse(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(file.toAbsolutePath().toString(), e);
        }
    }

    private static Document parse(String xml) {
        try (InputStream in = new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))) {
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document parse(InputStream in) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(in);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("cannot parse a pom", e);
        }
    }
}
