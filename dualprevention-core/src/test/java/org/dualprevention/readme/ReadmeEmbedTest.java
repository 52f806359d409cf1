package org.dualprevention.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The README's "Embedding in 20 lines" is {@link Embedding} (without its package line), a complete class with
 * its imports: this test checks the README block is that file, and runs it.
 */
class ReadmeEmbedTest {

    @Test
    @DisplayName("the README's embedding block is Embedding.java, word for word")
    void readmeBlockIsTheCompiledClass() throws IOException {
        Path root = root();
        String source = Files.readString(root.resolve("dualprevention-core/src/test/java/org/dualprevention/readme/"
                + "Embedding.java"), StandardCharsets.UTF_8);
        String withoutPackage = source.substring(source.indexOf('\n', source.indexOf("package ")) + 1).strip();
        String readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
        int section = readme.indexOf("\n## Embedding in 20 lines");
        assertTrue(section >= 0, "README has the section");
        Matcher block = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(block.find(section), "a java block in the section");
        assertEquals(withoutPackage, block.group(1).strip());
        long body = withoutPackage.lines().dropWhile(l -> !l.contains("public static void main")).skip(1)
                .takeWhile(l -> !l.equals("    }")).count();
        assertTrue(body <= 20, "the body is at most 20 lines: " + body);
    }

    @Test
    @DisplayName("the README's embedding class runs and prints what its comments say")
    void readmeClassRuns() {
        PrintStream before = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            Embedding.main(new String[0]);
        } finally {
            System.setOut(before);
        }
        assertEquals(List.of("252 SIGNIFICANT", "REPORTED"), buf.toString(StandardCharsets.UTF_8).lines().toList());
    }

    static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("README.md")) && Files.isDirectory(p.resolve("dualprevention-core"))) {
                return p;
            }
        }
        throw new AssertionError("the project root (README.md) not found above " + Path.of("").toAbsolutePath());
    }
}
