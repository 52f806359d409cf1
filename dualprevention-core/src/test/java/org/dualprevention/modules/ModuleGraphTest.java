package org.dualprevention.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The module graph of docs/ARCHITECTURE.md, checked against what the poms and module descriptors
 * declare: each library module's main (non-test) dependencies and its JPMS {@code requires} must be a
 * subset of what the architecture allows. Adding a dependency means changing the table here and the
 * document together.
 */
class ModuleGraphTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** Module directory → artifactIds allowed as main-scope dependencies. */
    static final Map<String, Set<String>> ALLOWED_DEPENDENCIES = new LinkedHashMap<>();
    /** Module directory → JPMS modules allowed in {@code requires} (besides java.*). */
    static final Map<String, Set<String>> ALLOWED_REQUIRES = new LinkedHashMap<>();

    static {
        allow("dualprevention-spi", Set.of("jspecify"), Set.of("org.jspecify"));
        allow("dualprevention-core", Set.of("dualprevention-spi", "jspecify"),
                Set.of("org.dualprevention.spi", "org.jspecify"));
        allow("dualprevention-analytics", Set.of("dualprevention-spi", "commons-math3", "jspecify"),
                Set.of("org.dualprevention.spi", "commons.math3", "org.jspecify"));
        allow("dualprevention-json", Set.of("dualprevention-spi", "dualprevention-core", "jackson-databind", "jspecify"),
                Set.of("org.dualprevention.spi", "org.dualprevention.core", "tools.jackson.databind",
                        "tools.jackson.core", "org.jspecify"));
        allow("dualprevention-jdbc", Set.of("dualprevention-spi", "dualprevention-core", "dualprevention-json",
                        "jspecify", "h2"),
                Set.of("org.dualprevention.spi", "org.dualprevention.core", "org.dualprevention.json", "java.sql",
                        "com.h2database", "org.jspecify", "tools.jackson.databind", "tools.jackson.core"));
        allow("dualprevention-testkit", Set.of("dualprevention-spi", "dualprevention-core", "junit-jupiter-api",
                        "junit-jupiter-params", "jspecify"),
                Set.of("org.dualprevention.spi", "org.dualprevention.core", "org.junit.jupiter.api",
                        "org.junit.jupiter.params", "org.jspecify"));
        allow("dualprevention-excel", Set.of("dualprevention-spi", "dualprevention-core", "dualprevention-json",
                        "dualprevention-analytics", "poi-ooxml", "jspecify"),
                Set.of("org.dualprevention.spi", "org.dualprevention.core", "org.dualprevention.json",
                        "org.dualprevention.analytics", "org.apache.poi.poi", "org.apache.poi.ooxml", "org.jspecify"));
        allow("examples-plugin", Set.of("dualprevention-spi"), Set.of("org.dualprevention.spi"));
        // the Spring Boot modules run on the class path (no module descriptor), like Spring Boot itself
        allow("dualprevention-spring-boot-autoconfigure", Set.of("dualprevention-core", "dualprevention-jdbc",
                "dualprevention-json", "spring-boot-autoconfigure", "spring-boot-jdbc", "spring-boot-jackson",
                "spring-boot-health", "micrometer-core", "spring-boot-configuration-processor", "jspecify"), Set.of());
        allow("dualprevention-spring-boot-starter", Set.of("dualprevention-spring-boot-autoconfigure",
                "spring-boot-starter-jdbc"), Set.of());
    }

    /** Programs, not libraries: they may depend on anything. */
    static final Set<String> RUNNABLE = Set.of("examples", "examples-spring-boot", "benchmarks");

    private static void allow(String module, Set<String> deps, Set<String> requires) {
        ALLOWED_DEPENDENCIES.put(module, deps);
        ALLOWED_REQUIRES.put(module, requires);
    }

    @Test
    void everyLibraryModuleOfTheReactorIsInTheTable() throws IOException {
        List<String> modules = modules();
        for (String m : modules) {
            if (!RUNNABLE.contains(m)) {
                assertTrue(ALLOWED_DEPENDENCIES.containsKey(m),
                        "module " + m + " is in the reactor but not in the architecture's table; add it here and to"
                                + " docs/ARCHITECTURE.md");
            }
        }
    }

    @Test
    void mainDependenciesStayInsideTheGraph() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String m : modules()) {
            Set<String> allowed = ALLOWED_DEPENDENCIES.get(m);
            if (allowed == null) {
                continue;
            }
            for (String dep : mainDependencies(Files.readString(ROOT.resolve(m).resolve("pom.xml")))) {
                if (!allowed.contains(dep)) {
                    problems.add(m + " depends on " + dep + " (allowed: " + new TreeSet<>(allowed) + ")");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void moduleDescriptorsRequireOnlyWhatTheGraphAllows() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String m : modules()) {
            Set<String> allowed = ALLOWED_REQUIRES.get(m);
            Path info = ROOT.resolve(m).resolve("src/main/java/module-info.java");
            if (allowed == null || !Files.exists(info)) {
                continue;
            }
            for (String r : requires(Files.readString(info))) {
                if (!r.startsWith("java.") && !allowed.contains(r)) {
                    problems.add(m + " requires " + r + " (allowed: " + new TreeSet<>(allowed) + ")");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theCheckerSeesAForbiddenDependency() {
        String pom = "<project><dependencies><dependency><groupId>g</groupId><artifactId>guava</artifactId>"
                + "</dependency><dependency><artifactId>junit-jupiter</artifactId><scope>test</scope></dependency>"
                + "</dependencies></project>";
        assertEquals(List.of("guava"), mainDependencies(pom));
        assertEquals(List.of("org.dualprevention.spi", "com.google.common"),
                requires("module x { requires transitive org.dualprevention.spi; requires static com.google.common; }"));
    }

    static List<String> modules() throws IOException {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(ROOT.resolve("pom.xml")));
        while (m.find()) {
            out.add(m.group(1).trim());
        }
        return out;
    }

    static List<String> mainDependencies(String pom) {
        String s = pom.replaceAll("(?s)<dependencyManagement>.*?</dependencyManagement>", "")
                .replaceAll("(?s)<plugins>.*?</plugins>", "").replaceAll("(?s)<!--.*?-->", "");
        List<String> out = new ArrayList<>();
        Matcher d = Pattern.compile("(?s)<dependency>(.*?)</dependency>").matcher(s);
        while (d.find()) {
            String body = d.group(1);
            Matcher scope = Pattern.compile("<scope>([^<]+)</scope>").matcher(body);
            if (scope.find() && scope.group(1).trim().equals("test")) {
                continue;
            }
            Matcher a = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(body);
            if (a.find()) {
                out.add(a.group(1).trim());
            }
        }
        return out;
    }

    static List<String> requires(String moduleInfo) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("requires\\s+(?:transitive\\s+|static\\s+)*([\\w.]+)\\s*;")
                .matcher(moduleInfo.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", ""));
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
