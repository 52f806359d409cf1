package org.dualprevention.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dualprevention.examples.demo.PlantDemo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With the H2 file store, a second run of the demo continues from the state the first one stored. */
class PlantDemoH2Test {
    @Test
    void secondRunContinues(@TempDir Path dir) {
        PlantDemo.Options one = new PlantDemo.Options(dir, "h2", 1, PlantDemo.DEFAULT_SEED);
        PlantDemo.Result first = PlantDemo.run(one, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
        assertTrue(Files.exists(dir.resolve("plant-h2.mv.db")), "the H2 file is in the output folder");
        assertEquals(0, first.firstWeek());

        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PlantDemo.Result second = PlantDemo.run(one, new PrintStream(buf, true, StandardCharsets.UTF_8));
        String console = buf.toString(StandardCharsets.UTF_8);
        assertEquals(1, second.firstWeek(), console);
        assertTrue(console.contains("continuing from the stored state"), console);
        assertTrue(console.contains("\nweek 2 ("), console);
        assertTrue(second.dangers().size() > first.dangers().size(), "week 2 finds more hidden dangers; " + console);
        assertTrue(second.dangers().containsAll(first.dangers().stream().filter(d -> !d.isOpen())
                .collect(java.util.stream.Collectors.toList())), "closed ones are kept as they were");
    }
}
