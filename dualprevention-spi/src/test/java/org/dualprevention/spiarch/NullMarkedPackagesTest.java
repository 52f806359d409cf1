package org.dualprevention.spiarch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every package under {@code src/main/java} of a library module (a {@code dualprevention-*} directory of
 * the reactor) has a {@code package-info.java} declaring JSpecify's {@code @NullMarked}. The build runs
 * NullAway with {@code OnlyNullMarked=true}, so a package without it would silently go unchecked.
 *
 * <p>{@link #PENDING} names the packages not annotated yet: they were being reworked on other branches
 * when NullAway came in. The list only shrinks: the test also fails when a listed package is annotated or
 * no longer exists, so remove it from the list then. A second list, {@code errorprone.pendingPaths} in
 * the parent pom, names the annotated packages whose NullAway findings are not fixed yet.
 *
 * <p>The scan reads the sources from the reactor root (the parent of this module's Maven basedir), so it
 * sees every library module, including ones added later.
 */
class NullMarkedPackagesTest {
    /** Packages of the library modules still without {@code @NullMarked}; empty it, never grow it. */
    static final Set<String> PENDING = Set.of();

    private static final Set<String> LIBRARY_MODULES = Set.of("dualprevention-spi", "dualprevention-core",
            "dualprevention-json", "dualprevention-jdbc", "dualprevention-testkit", "dualprevention-analytics",
            "dualprevention-excel");

    private static final Pattern BLOCK_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern LINE_COMMENT = Pattern.compile("//[^\\n]*");
    private static final Pattern PACKAGE = Pattern.compile("\\bpackage\\s+([\\w.]+)\\s*;");
    private static final Pattern SHORT_ANNOTATION = Pattern.compile("@NullMarked\\b");
    private static final Pattern FULL_ANNOTATION = Pattern.compile("@org\\.jspecify\\.annotations\\.NullMarked\\b");
    private static final Pattern IMPORT = Pattern.compile("\\bimport\\s+org\\.jspecify\\.annotations\\.NullMarked\\s*;");

    @Test
    void everyLibraryPackageIsNullMarkedExceptThePendingOnes() {
        Path root = reactorRoot();
        Map<String, String> problems = new TreeMap<>();
        List<String> modules = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path module : (Iterable<Path>) dirs.sorted()::iterator) {
                Path sources = module.resolve("src").resolve("main").resolve("java");
                if (module.getFileName().toString().startsWith("dualprevention-") && Files.isDirectory(sources)) {
                    modules.add(module.getFileName().toString());
                    Map<String, String> found = scan(sources);
                    found.forEach((pkg, problem) -> problems.put(module.getFileName() + ": " + pkg, problem));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertTrue(modules.containsAll(LIBRARY_MODULES), "library modules found under " + root + ": " + modules);

        List<String> unexpected = new ArrayList<>();
        Set<String> stillUnmarked = new TreeSet<>();
        problems.forEach((where, problem) -> {
            String pkg = where.substring(where.indexOf(": ") + 2);
            if (PENDING.contains(pkg)) {
                stillUnmarked.add(pkg);
            } else {
                unexpected.add(where + " " + problem);
            }
        });
        assertEquals(List.of(), unexpected, "packages without @NullMarked; add a package-info.java with "
                + "@NullMarked (and fix what NullAway then reports)");
        Set<String> stale = new TreeSet<>(PENDING);
        stale.removeAll(stillUnmarked);
        assertEquals(Set.of(), stale, "PENDING lists packages that are now @NullMarked or gone: remove them");
    }

    /** The scan itself tells each kind of gap apart and accepts both ways of writing the annotation. */
    @Test
    void scanReportsEveryPackageThatIsNotNullMarked(@TempDir Path sources) throws IOException {
        write(sources, "a/good/package-info.java", "/** Docs. */\n@NullMarked\npackage a.good;\n\n"
                + "import org.jspecify.annotations.NullMarked;\n");
        write(sources, "a/good/Thing.java", "package a.good;\nclass Thing {}\n");
        write(sources, "a/full/package-info.java", "@org.jspecify.annotations.NullMarked\npackage a.full;\n");
        write(sources, "a/missing/Thing.java", "package a.missing;\nclass Thing {}\n");
        write(sources, "a/plain/package-info.java", "/** Docs only. */\npackage a.plain;\n");
        write(sources, "a/commented/package-info.java", "// @NullMarked\n/* @NullMarked */\npackage a.commented;\n"
                + "import org.jspecify.annotations.NullMarked;\n");
        write(sources, "a/otherannotation/package-info.java", "@NullMarked\npackage a.otherannotation;\n"
                + "import com.example.NullMarked;\n");
        write(sources, "a/wrongpackage/package-info.java", "@org.jspecify.annotations.NullMarked\npackage a.elsewhere;\n");
        write(sources, "module-info.java", "module a {}\n");

        Map<String, String> problems = scan(sources);

        assertEquals(Set.of("a.missing", "a.plain", "a.commented", "a.otherannotation", "a.wrongpackage"),
                problems.keySet(), problems.toString());
        assertTrue(problems.get("a.missing").contains("no package-info.java"), problems.toString());
        assertTrue(problems.get("a.plain").contains("no @NullMarked"), problems.toString());
        assertTrue(problems.get("a.commented").contains("no @NullMarked"), problems.toString());
        assertTrue(problems.get("a.otherannotation").contains("org.jspecify"), problems.toString());
        assertTrue(problems.get("a.wrongpackage").contains("declares package a.elsewhere"), problems.toString());
        assertEquals(Set.of("a.good", "a.full", "a.missing", "a.plain", "a.commented", "a.otherannotation",
                "a.wrongpackage"), packages(sources));
    }

    /** The reactor root: the parent of this module's Maven basedir, holding the parent pom. */
    private static Path reactorRoot() {
        Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
        Path root = module.getParent();
        assertTrue(root != null && Files.isRegularFile(root.resolve("pom.xml")),
                "no reactor root above " + module + "; run the tests through Maven from the source tree");
        return root;
    }

    /** The packages under a source root: every directory holding a {@code .java} file, the root itself aside. */
    private static Set<String> packages(Path sources) {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java") && !f.getParent().equals(sources))
                    .forEach(f -> out.add(sources.relativize(f.getParent()).toString().replace(f.getFileSystem()
                            .getSeparator(), ".")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Package name to what is wrong with it, for every package that is not {@code @NullMarked}. */
    static Map<String, String> scan(Path sources) {
        Map<String, String> problems = new TreeMap<>();
        for (String pkg : packages(sources)) {
            Path info = sources.resolve(pkg.replace(".", sources.getFileSystem().getSeparator()))
                    .resolve("package-info.java");
            if (!Files.isRegularFile(info)) {
                problems.put(pkg, "has no package-info.java");
                continue;
            }
            String code;
            try {
                code = Files.readString(info, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            code = LINE_COMMENT.matcher(BLOCK_COMMENT.matcher(code).replaceAll(" ")).replaceAll(" ");
            Matcher declaration = PACKAGE.matcher(code);
            if (!declaration.find()) {
                problems.put(pkg, "package-info.java has no package declaration");
                continue;
            }
            if (!declaration.group(1).equals(pkg)) {
                problems.put(pkg, "package-info.java declares package " + declaration.group(1));
                continue;
            }
            String annotations = code.substring(0, declaration.start());
            boolean full = FULL_ANNOTATION.matcher(annotations).find();
            boolean shortForm = SHORT_ANNOTATION.matcher(annotations).find();
            if (!full && !shortForm) {
                problems.put(pkg, "package-info.java has no @NullMarked");
            } else if (!full && !IMPORT.matcher(code).find()) {
                problems.put(pkg, "package-info.java's @NullMarked is not org.jspecify.annotations.NullMarked");
            }
        }
        return problems;
    }

    private static void write(Path root, String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
