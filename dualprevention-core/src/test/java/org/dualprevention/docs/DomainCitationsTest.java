package org.dualprevention.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dualprevention.method.BuiltInSchemes;
import org.dualprevention.spi.GradingScheme;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The repository's domain reference, {@code docs/DOMAIN.md}, is the one document that domain citations
 * point to. This test reads every {@code .java}, {@code .properties}, {@code .md} and {@code .csv} file
 * under a {@code src/main} or {@code src/test} folder, the Markdown files at the top of the repository and
 * in {@code docs/}, and fails, naming file and line, for
 * <ul>
 *   <li>a citation "DOMAIN.md" + section sign + number (also lists such as "…1.4, …1.5 and …2.4(b)", ranges
 *       such as "…1.1–1.3(a)", and lists continued on the next comment line) that names no heading of
 *       {@code docs/DOMAIN.md};</li>
 *   <li>a section sign with a number that is not part of such a citation (a bare one), unless it follows
 *       another Markdown file's name; inside {@code docs/DOMAIN.md} a bare one refers to that file and must
 *       resolve too;</li>
 *   <li>any citation of the former outside reference document.</li>
 * </ul>
 * It also checks that the shipped grading schemes cite the domain reference in {@code source()} and hold no
 * research ids (an "S" and one or two digits standing for an unpublished source list), and that test data
 * names its sources by address. The scanner itself is tested on samples that must fail.
 */
class DomainCitationsTest {
    /** The section sign, written as an escape so that this file holds no citation of its own. */
    private static final String SEC = "\u00a7";
    private static final String ID = "\\d+(?:\\.\\d+)*(?:\\([a-z]\\))?";
    /** Separators between the elements of a citation list; a list may go on after a comment line break. */
    private static final String LIST = "\\s*(?:,|/|\\+|;|\\band\\b|\\bor\\b)(?:\\s|\\*|//)*" + SEC + ID;
    private static final String RANGE = "[\u2013-]" + SEC + "?" + ID;
    private static final Pattern CHAIN = Pattern.compile("(DOMAIN\\.md\\s+)?" + SEC + ID + "(?:" + LIST + "|" + RANGE + ")*");
    private static final Pattern ONE_ID = Pattern.compile("(?<![\\d.])" + ID);
    private static final Pattern OTHER_DOCUMENT = Pattern.compile("[\\w./-]+\\.md\\s+$");
    private static final Pattern OLD_REFERENCE = Pattern.compile("REFERENCE(?:\\.md\\b|\\s*" + SEC + ")");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(" + ID + ")\\.?(?:\\s|$)");
    /** A research id: "S" and one or two digits standing alone, e.g. S7 or S24. */
    static final Pattern RESEARCH_ID = Pattern.compile("\\bS\\d{1,2}\\b");

    /** Section numbers cited by code written before this file existed; they must never be renumbered. */
    private static final List<String> STABLE_SECTIONS = List.of("0", "1", "1.1", "1.2", "1.3", "1.3(a)", "1.3(b)",
            "1.3(c)", "1.4", "1.5", "1.6", "1.7", "2", "2.1", "2.2", "2.3", "2.4", "2.4(a)", "2.4(b)", "2.5", "3", "3.1",
            "3.2", "3.3", "4", "4.1", "4.2", "4.3", "5", "5.1", "5.2", "5.3", "5.4", "6", "6.1", "6.2", "6.3", "7", "8",
            "8.1", "8.3", "8.4", "9", "10", "10.1", "10.2", "10.3", "10.4", "11", "11.1", "11.2", "12");

    /** The outcome of scanning one text: the problems found and how many citations resolved. */
    record Scan(List<String> problems, int resolved) {
    }

    // ------------------------------------------------------------------ the scanner

    /**
     * The section ids of a Markdown text: the number at the start of each heading, with an optional
     * sub-letter such as {@code 2.4(b)}.
     */
    static Set<String> sections(String markdown) {
        Set<String> out = new LinkedHashSet<>();
        for (String line : markdown.split("\n", -1)) {
            Matcher m = HEADING.matcher(line);
            if (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    /**
     * Scans one file's text.
     *
     * @param file the name used in messages
     * @param text the text
     * @param isDomain whether the text is the domain reference itself, where a bare section sign cites it
     * @param sections the section ids of the domain reference
     * @return the problems, each "file:line: message", and the number of resolved citations
     */
    static Scan scan(String file, String text, boolean isDomain, Set<String> sections) {
        List<String> problems = new ArrayList<>();
        int resolved = 0;
        Matcher old = OLD_REFERENCE.matcher(text);
        while (old.find()) {
            problems.add(file + ":" + line(text, old.start()) + ": cites the former outside reference [" + old.group()
                    + "]; cite DOMAIN.md and its section instead");
        }
        Matcher chain = CHAIN.matcher(text);
        while (chain.find()) {
            boolean named = chain.group(1) != null;
            if (!named && !isDomain) {
                String before = text.substring(Math.max(0, chain.start() - 120), chain.start());
                if (OTHER_DOCUMENT.matcher(before).find()) {
                    continue; // a section of another Markdown document
                }
                problems.add(file + ":" + line(text, chain.start()) + ": bare section citation [" + chain.group()
                        + "]; write DOMAIN.md before it");
                continue;
            }
            String ids = named ? chain.group().substring(chain.group(1).length()) : chain.group();
            Matcher id = ONE_ID.matcher(ids);
            int offset = chain.start() + (named ? chain.group(1).length() : 0);
            while (id.find()) {
                if (sections.contains(id.group())) {
                    resolved++;
                } else {
                    problems.add(file + ":" + line(text, offset + id.start()) + ": [" + chain.group().replaceAll("\\s+", " ")
                            + "] names section " + id.group() + ", which is not a heading of docs/DOMAIN.md");
                }
            }
        }
        return new Scan(problems, resolved);
    }

    private static int line(String text, int offset) {
        int n = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    // ------------------------------------------------------------------ the repository

    private static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("docs/DOMAIN.md")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new AssertionError("docs/DOMAIN.md not found above " + Path.of("").toAbsolutePath());
    }

    private static boolean scanned(Path rel) {
        String name = rel.getFileName().toString();
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        if (rel.getNameCount() == 1 || (rel.getNameCount() == 2 && rel.getName(0).toString().equals("docs"))) {
            return ext.equals("md");
        }
        if (!Set.of("java", "properties", "md", "csv").contains(ext)) {
            return false;
        }
        for (int i = 0; i + 1 < rel.getNameCount(); i++) {
            if (rel.getName(i).toString().equals("src")
                    && Set.of("main", "test").contains(rel.getName(i + 1).toString())) {
                return true;
            }
        }
        return false;
    }

    private static List<Path> repositoryFiles(Path root) {
        List<Path> out = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String n = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean skip = !dir.equals(root) && (n.startsWith(".") || n.equals("target") || n.equals("node_modules"));
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && scanned(root.relativize(file))) {
                        out.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort(null);
        return out;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    @DisplayName("every DOMAIN.md citation in sources, tests and documents names a heading of docs/DOMAIN.md")
    void everyCitationResolves() {
        Path root = root();
        Path domain = root.resolve("docs/DOMAIN.md");
        Set<String> sections = sections(read(domain));
        List<Path> files = repositoryFiles(root);
        assertTrue(files.contains(domain) && files.contains(root.resolve("README.md")),
                "the scan must include docs/DOMAIN.md and README.md; it found " + files.size() + " files");
        assertTrue(files.size() > 300, "too few files scanned, the walk is broken: " + files.size());
        List<String> problems = new ArrayList<>();
        int resolved = 0;
        for (Path f : files) {
            Scan s = scan(root.relativize(f).toString(), read(f), f.equals(domain), sections);
            problems.addAll(s.problems());
            resolved += s.resolved();
        }
        assertTrue(problems.isEmpty(), problems.size() + " citation problems:\n" + String.join("\n", problems));
        assertTrue(resolved >= 100, "only " + resolved + " citations resolved; the scanner no longer sees them");
    }

    @Test
    @DisplayName("docs/DOMAIN.md keeps every section number the code has cited")
    void stableSectionNumbers() {
        Set<String> sections = sections(read(root().resolve("docs/DOMAIN.md")));
        List<String> missing = new ArrayList<>();
        for (String s : STABLE_SECTIONS) {
            if (!sections.contains(s)) {
                missing.add(s);
            }
        }
        assertEquals(List.of(), missing, "sections missing from docs/DOMAIN.md");
    }

    @Test
    @DisplayName("each shipped scheme cites DOMAIN.md in source() and names no research id")
    void shippedSchemeSources() {
        Set<String> sections = sections(read(root().resolve("docs/DOMAIN.md")));
        for (GradingScheme g : BuiltInSchemes.all()) {
            String where = g.id().value() + " source()";
            assertTrue(g.source().contains("DOMAIN.md " + SEC), where + " must cite DOMAIN.md: " + g.source());
            Scan s = scan(where, g.source(), false, sections);
            assertEquals(List.of(), s.problems(), where);
            Matcher m = RESEARCH_ID.matcher(g.source() + " " + g.name());
            String hit = m.find() ? m.group() : null;
            assertNull(hit, where + " or name() holds a research id; name the public source instead: " + g.source());
        }
    }

    @Test
    @DisplayName("the source column of test and resource CSV files names public sources, not research ids")
    void dataSources() {
        Path root = root();
        int checked = 0;
        for (Path f : repositoryFiles(root)) {
            if (!f.toString().endsWith(".csv")) {
                continue;
            }
            List<String> lines = List.of(read(f).split("\n"));
            List<String> header = List.of(lines.get(0).replace("\"", "").strip().split(","));
            if (!header.contains("source")) {
                continue;
            }
            for (int i = 1; i < lines.size(); i++) {
                Matcher m = RESEARCH_ID.matcher(lines.get(i));
                String hit = m.find() ? m.group() : null;
                assertNull(hit, root.relativize(f) + ":" + (i + 1) + ": a research id instead of a public source: "
                        + lines.get(i));
                checked++;
            }
        }
        assertTrue(checked >= 38, "expected the 38 LEC vectors at least, checked " + checked);
    }

    // ------------------------------------------------------------------ the scanner on samples

    @Nested
    @DisplayName("the scanner")
    class ScannerSamples {
        private final Set<String> sections = sections(
                "# Title\n## 1. One\n### 1.1 A\n### 1.4 B\n### 1.5 C\n## 2. Two\n### 2.4 D\n#### 2.4(b) E\nText 3.1\n");

        private Scan code(String text) {
            return scan("Sample.java", text, false, sections);
        }

        @Test
        @DisplayName("reads heading numbers, with sub-letters, and nothing else")
        void headings() {
            assertEquals(new TreeSet<>(List.of("1", "1.1", "1.4", "1.5", "2", "2.4", "2.4(b)")), new TreeSet<>(sections));
        }

        @Test
        @DisplayName("accepts lists, ranges and continued lines whose sections exist")
        void good() {
            Scan s = code("/** See DOMAIN.md " + SEC + "1.4, " + SEC + "1.5 and " + SEC + "2.4(b); ranges DOMAIN.md "
                    + SEC + "1.1\u20131.5 and DOMAIN.md " + SEC + "1.4-1.5; (DOMAIN.md " + SEC + "1.4,\n * " + SEC
                    + "2.4). Style: STYLE.md " + SEC + "4.2. */");
            assertEquals(List.of(), s.problems());
            assertEquals(9, s.resolved());
        }

        @Test
        @DisplayName("reports an unknown section with file and line")
        void unknownSection() {
            Scan s = code("first line\nsecond DOMAIN.md " + SEC + "99.1 here");
            assertEquals(1, s.problems().size(), s.problems().toString());
            assertTrue(s.problems().get(0).startsWith("Sample.java:2: "), s.problems().get(0));
            assertTrue(s.problems().get(0).contains("section 99.1"), s.problems().get(0));
        }

        @Test
        @DisplayName("reports an unknown later element of a list, the end of a range and a sub-letter")
        void unknownInsideChains() {
            assertTrue(code("DOMAIN.md " + SEC + "1.4, " + SEC + "77.7").problems().get(0).contains("section 77.7"));
            assertTrue(code("DOMAIN.md " + SEC + "1.1\u20131.9").problems().get(0).contains("section 1.9"));
            assertTrue(code("DOMAIN.md " + SEC + "2.4(c)").problems().get(0).contains("section 2.4(c)"));
            Scan continued = code("x (DOMAIN.md " + SEC + "1.4,\n * " + SEC + "88.1)");
            assertEquals(1, continued.problems().size());
            assertTrue(continued.problems().get(0).startsWith("Sample.java:2: "), continued.problems().get(0));
        }

        @Test
        @DisplayName("reports a bare section sign outside DOMAIN.md, and checks it inside")
        void bare() {
            Scan outside = code("// V2 colours " + SEC + "1.5");
            assertEquals(1, outside.problems().size());
            assertTrue(outside.problems().get(0).contains("bare section citation"), outside.problems().get(0));
            assertEquals(List.of(), scan("DOMAIN.md", "see " + SEC + "1.5", true, sections).problems());
            assertTrue(scan("DOMAIN.md", "see " + SEC + "42.1", true, sections).problems().get(0).contains("section 42.1"));
        }

        @Test
        @DisplayName("reports the former outside reference in both forms")
        void oldReference() {
            List<String> p = code("a REFERENCE " + SEC + "1.4 b\nc REFERENCE" + ".md d").problems();
            assertEquals(3, p.size(), p.toString()); // the old citation, its now bare section, and the file name
            assertTrue(p.stream().anyMatch(x -> x.startsWith("Sample.java:2: cites the former outside reference")), p.toString());
        }

        @Test
        @DisplayName("finds research ids, but not factor names, scheme ids or zone item keys")
        void researchIds() {
            for (String bad : List.of("via findrisk.net (S25)", "public code S6;", "S1, S2, S14", "register (S24)")) {
                assertTrue(RESEARCH_ID.matcher(bad).find(), bad);
            }
            for (String good : List.of("rows L 1-5, columns S 1-5", "MES-5", "LS-SHANDONG", "L×S", "S100",
                    "https://www.xiaomilidoc.com/p-9291305.html", "MS12")) {
                assertFalse(RESEARCH_ID.matcher(good).find(), good);
            }
        }
    }
}
