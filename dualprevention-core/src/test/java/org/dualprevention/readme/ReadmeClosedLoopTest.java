package org.dualprevention.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dualprevention.engine.closedloop.TransitionTable;
import org.junit.jupiter.api.Test;

/**
 * The closed-loop section of README.md (between the lines {@code <!-- closed-loop:begin -->} and
 * {@code <!-- closed-loop:end -->}) is generated from the actions' definitions: the Mermaid diagram
 * ({@link TransitionTable#toMermaid()}) and the table ({@link TransitionTable#toMarkdown()}). It cannot drift
 * from the code: this test fails when the two differ.
 *
 * <p>To regenerate: the expected section is written to {@code dualprevention-core/target/closed-loop.md} and
 * printed; or run this test with {@code -Dreadme.update=true}, which rewrites the section in README.md and then
 * passes:
 * {@code mvn -pl dualprevention-core -am verify -Dtest=ReadmeClosedLoopTest -Dsurefire.failIfNoSpecifiedTests=false -Dreadme.update=true}.
 */
class ReadmeClosedLoopTest {
    static final String BEGIN = "<!-- closed-loop:begin -->";
    static final String END = "<!-- closed-loop:end -->";

    /** @return the text the README holds between the markers, without the marker lines */
    static String generated() {
        return "```mermaid\n" + TransitionTable.toMermaid() + "```\n\n" + TransitionTable.toMarkdown();
    }

    @Test
    void readmeSectionIsGeneratedFromTheDefinitions() throws Exception {
        String expected = generated();
        Path target = Path.of("target");
        Files.createDirectories(target);
        Files.writeString(target.resolve("closed-loop.md"), expected, StandardCharsets.UTF_8);
        System.out.println("README closed-loop section (also in dualprevention-core/target/closed-loop.md):\n" + expected);

        Path readme = Path.of("..", "README.md");
        String hint = "regenerate with -Dreadme.update=true (see " + ReadmeClosedLoopTest.class.getSimpleName()
                + "), or paste dualprevention-core/target/closed-loop.md into README.md between the lines " + BEGIN
                + " and " + END;
        assertTrue(Files.exists(readme), "README.md not found at " + readme.toAbsolutePath() + "; " + hint);
        String text = Files.readString(readme, StandardCharsets.UTF_8).replace("\r\n", "\n");
        int b = text.indexOf(BEGIN + "\n");
        int e = text.indexOf(END, Math.max(b, 0));
        assertTrue(b >= 0 && e > b, "the marker lines are missing from README.md; " + hint);
        String section = text.substring(b + BEGIN.length() + 1, e);
        if (Boolean.getBoolean("readme.update") && !section.equals(expected)) {
            Files.writeString(readme, text.substring(0, b + BEGIN.length() + 1) + expected + text.substring(e),
                    StandardCharsets.UTF_8);
            System.out.println("README.md's closed-loop section was rewritten");
            return;
        }
        assertEquals(expected, section, "README.md's closed-loop section differs from the definitions; " + hint);
    }

    @Test
    void theGeneratedSectionHasEveryActionAndState() {
        String s = generated();
        for (TransitionTable.Row r : TransitionTable.rows()) {
            assertTrue(s.contains("| " + r.action() + " | "), "table row of " + r.action());
            assertTrue(s.contains(" : " + r.action() + "\n"), "diagram edge of " + r.action());
        }
        assertTrue(s.contains("| EXTEND_DEADLINE | PLANNED, RECTIFYING | (unchanged) | "), s);
        assertTrue(s.contains("| REPORT | (new) | REPORTED | anyone in the organisation | "), s);
    }
}
