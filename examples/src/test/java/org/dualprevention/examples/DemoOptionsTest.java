package org.dualprevention.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dualprevention.examples.demo.PlantDemo;
import org.dualprevention.examples.demo.Texts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's options refuse bad values clearly, its texts exist in both languages, and a seed repeats a run. */
class DemoOptionsTest {

    @Test
    void aBadSystemPropertyIsNamedWithWhatIsAllowed() {
        String before = System.getProperty("demo.seed");
        System.setProperty("demo.seed", "abc");
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, PlantDemo.Options::parse);
            assertEquals("-Ddemo.seed=abc 不是允许的值；允许：整数（如 20261102）", e.getMessage(),
                    "in Chinese by default, as the README quotes it");
            e = assertThrows(IllegalArgumentException.class, () -> PlantDemo.Options.parse("--lang=en"));
            assertEquals("-Ddemo.seed=abc is not allowed; allowed: a whole number (e.g. 20261102)", e.getMessage());
        } finally {
            if (before == null) {
                System.clearProperty("demo.seed");
            } else {
                System.setProperty("demo.seed", before);
            }
        }
    }

    @Test
    void everyBadArgumentIsNamedAsGivenWithWhatIsAllowed() {
        record Case(String arg, String message) {
        }
        for (Case c : List.of(
                new Case("--seed=1.5", "--seed=1.5 is not allowed; allowed: a whole number (e.g. 20261102)"),
                new Case("--weeks=0", "--weeks=0 is not allowed; allowed: a whole number from 1 to 52"),
                new Case("--weeks=53", "--weeks=53 is not allowed; allowed: a whole number from 1 to 52"),
                new Case("--weeks=four", "--weeks=four is not allowed; allowed: a whole number from 1 to 52"),
                new Case("--storage=disk", "--storage=disk is not allowed; allowed: memory, h2"),
                new Case("--out= ", "--out=  is not allowed; allowed: a folder path"),
                new Case("--colour=red", "argument [--colour=red] is not allowed; allowed: --out=DIR, "
                        + "--storage=memory|h2, --weeks=N, --seed=N, --lang=zh|en"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> PlantDemo.Options.parse("--lang=en", c.arg()), c.arg());
            assertEquals(c.message(), e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PlantDemo.Options.parse("--lang=fr"));
        assertTrue(e.getMessage().contains("--lang=fr 不是允许的值") && e.getMessage().contains(
                "--lang=fr is not allowed; allowed: zh (Chinese, the default), en (English)"), e.getMessage());
        assertEquals(new PlantDemo.Options(Path.of("x"), "h2", 2, 7, "en"), PlantDemo.Options.parse("--out=x",
                "--storage=H2", "--weeks=2", "--seed=7", "--lang=EN"));
    }

    @Test
    void bothLanguagesHaveEveryText() {
        assertEquals(Texts.of("en").messages().keySet(), Texts.of("zh").messages().keySet());
    }

    @Test
    void theSameSeedWritesByteIdenticalFiles(@TempDir Path one, @TempDir Path two) throws IOException {
        for (String lang : List.of("zh", "en")) {
            for (Path dir : List.of(one, two)) {
                PlantDemo.run(new PlantDemo.Options(dir.resolve(lang), "memory", 2, 42L, lang),
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            }
            List<String> files = new java.util.ArrayList<>(List.of("risk-map.svg", "report.html", "register.json",
                    "ledger.json"));
            files.addAll(PlantDemo.DOCUMENTS);
            for (String f : files) {
                assertArrayEquals(Files.readAllBytes(one.resolve(lang).resolve(f)),
                        Files.readAllBytes(two.resolve(lang).resolve(f)), lang + "/" + f + " differs between two runs");
            }
        }
    }
}
