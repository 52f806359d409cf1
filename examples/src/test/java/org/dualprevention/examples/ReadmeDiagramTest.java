package org.dualprevention.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dualprevention.engine.closedloop.TransitionTable;
import org.junit.jupiter.api.Test;

/**
 * The closed-loop state diagram in the README (a {@code mermaid} block between the markers
 * {@code <!-- closed-loop:begin -->} and {@code <!-- closed-loop:end -->}) is the output of
 * {@link TransitionTable#toMermaid()}, so the picture cannot drift from the code. The generated diagram is
 * also written to {@code target/closed-loop.mmd}.
 */
class ReadmeDiagramTest {
    static final String BEGIN = "<!-- closed-loop:begin -->";
    static final String END = "<!-- closed-loop:end -->";

    @Test
    void readmeDiagramIsTheTransitionTable() throws Exception {
        String expected = TransitionTable.toMermaid();
        Path target = Path.of("target");
        Files.createDirectories(target);
        Files.writeString(target.resolve("closed-loop.mmd"), expected);
        System.out.println("TransitionTable.toMermaid() (also in target/closed-loop.mmd):\n" + expected);

        Path readme = Path.of("..", "README.md");
        String hint = "paste the output of TransitionTable.toMermaid() (written to examples/target/closed-loop.mmd) "
                + "into README.md as a ```mermaid block between the lines " + BEGIN + " and " + END;
        assertTrue(Files.exists(readme), "README.md not found at " + readme.toAbsolutePath() + "; " + hint);
        String text = Files.readString(readme).replace("\r\n", "\n");
        int b = text.indexOf(BEGIN);
        int e = text.indexOf(END);
        assertTrue(b >= 0 && e > b, "the markers are missing from README.md; " + hint);
        String block = text.substring(b + BEGIN.length(), e).strip();
        assertTrue(block.startsWith("```mermaid\n") && block.endsWith("```"),
                "the text between the markers is not one ```mermaid block; " + hint);
        String diagram = block.substring("```mermaid\n".length(), block.length() - 3);
        assertEquals(expected.strip(), diagram.strip(), "README.md's diagram differs from the transition table; "
                + hint);
    }
}
