package org.dualprevention.engine.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.dualprevention.spi.AssessmentMethod;

/**
 * Compiles plug-in sources at test time into a directory with META-INF/services files, as a third-party
 * jar would ship them, and opens a class loader over it. The classes land in an unnamed module, so
 * discovery goes through the services files both on the class path and on the module path.
 */
final class PluginJar {
    static {
        // On the module path the tests run inside org.dualprevention.core, which does not read java.compiler.
        ModuleLayer.boot().findModule("java.compiler").ifPresent(PluginJar.class.getModule()::addReads);
    }

    private PluginJar() {
    }

    static URLClassLoader build(Path dir, Map<String, String> sources, Map<String, List<String>> services) {
        try {
            Path src = Files.createDirectories(dir.resolve("src"));
            Path out = Files.createDirectories(dir.resolve("classes"));
            List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-classpath", spiLocation(), "-nowarn"));
            for (Map.Entry<String, String> e : sources.entrySet()) {
                Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
                args.add(file.toString());
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            int rc = javac.run(null, null, null, args.toArray(new String[0]));
            assertTrue(rc == 0, "test plug-in sources did not compile");
            Path meta = Files.createDirectories(out.resolve("META-INF/services"));
            for (Map.Entry<String, List<String>> e : services.entrySet()) {
                Files.write(meta.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
            }
            return new URLClassLoader(new URL[] {out.toUri().toURL()}, PluginJar.class.getClassLoader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path classesDir(Path dir) {
        return dir.resolve("classes");
    }

    private static String spiLocation() {
        try {
            return Path.of(AssessmentMethod.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String method(String pkg, String simpleName, String id, String defaultScheme, String constructorBody) {
        return "package " + pkg + ";\n"
                + "import java.util.List;\n"
                + "import org.dualprevention.risk.*;\n"
                + "public class " + simpleName + " implements org.dualprevention.spi.AssessmentMethod {\n"
                + "  public " + simpleName + "() { " + constructorBody + " }\n"
                + "  public MethodId id() { return MethodId.of(\"" + id + "\"); }\n"
                + "  public List<FactorDefinition> factors() { return List.of(FactorDefinition.discrete(\"X\", \"x\", \"1\", \"2\")); }\n"
                + "  public SchemeId defaultScheme() { return SchemeId.of(\"" + defaultScheme + "\"); }\n"
                + "  public Score evaluate(AssessmentInput in) { validate(in); return Score.of(in.value(\"X\").orElseThrow()); }\n"
                + "}\n";
    }

    static String scheme(String pkg, String simpleName, String id, String method) {
        return "package " + pkg + ";\n"
                + "import java.util.List;\n"
                + "import org.dualprevention.risk.*;\n"
                + "public class " + simpleName + " implements org.dualprevention.spi.GradingScheme {\n"
                + "  static final Grade LOW = Grade.of(\"1\", \"one\", RiskLevel.LOW);\n"
                + "  static final Grade HIGH = Grade.of(\"2\", \"two\", RiskLevel.MAJOR);\n"
                + "  public SchemeId id() { return SchemeId.of(\"" + id + "\"); }\n"
                + "  public String name() { return \"" + id + "\"; }\n"
                + "  public String source() { return \"test\"; }\n"
                + "  public MethodId method() { return MethodId.of(\"" + method + "\"); }\n"
                + "  public List<Grade> grades() { return List.of(HIGH, LOW); }\n"
                + "  public Grade grade(Score s) { return s.value().intValue() >= 2 ? HIGH : LOW; }\n"
                + "}\n";
    }

    /** A {@link org.dualprevention.spi.GradingSchemeProvider} listing one instance of each named scheme class. */
    static String schemeProvider(String pkg, String simpleName, String constructorBody, String... schemeClasses) {
        StringBuilder list = new StringBuilder();
        for (String c : schemeClasses) {
            list.append(list.length() == 0 ? "" : ", ").append("new ").append(c).append("()");
        }
        return "package " + pkg + ";\n"
                + "import java.util.List;\n"
                + "import org.dualprevention.spi.GradingScheme;\n"
                + "public class " + simpleName + " implements org.dualprevention.spi.GradingSchemeProvider {\n"
                + "  public " + simpleName + "() { " + constructorBody + " }\n"
                + "  public List<GradingScheme> schemes() { return List.of(" + list + "); }\n"
                + "}\n";
    }

    static URL url(Path p) {
        try {
            return p.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
