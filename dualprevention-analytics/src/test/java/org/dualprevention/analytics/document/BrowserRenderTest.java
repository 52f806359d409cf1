package org.dualprevention.analytics.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.testkit.gen.Gen;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opens four documents in a real headless Chromium: each renders without a console message and loads
 * nothing from outside, gives a screenshot (kept under {@code target/documents/}) in which the level colours
 * appear, and the register (landscape) and the risk cards (portrait) print to PDFs whose pages are A4. Skipped, with the reason, where no Chromium is installed: install it with
 * {@code apt-get install -y chromium} (Debian, Ubuntu) or point {@code DUALPREVENTION_CHROMIUM} at a
 * Chrome or Chromium binary.
 */
class BrowserRenderTest {
    /** A console message of the page (Chromium logs every level alike); the documents have no script, so any is wrong. */
    private static final Pattern CONSOLE = Pattern.compile("(?m)^.*:CONSOLE[:(].*$");
    /** A file the page loads (verbose log); a self-contained document loads only itself. */
    private static final Pattern LOAD = Pattern.compile("FileURLLoader::Start: (\\S+)");
    private static final Pattern MEDIA_BOX = Pattern.compile("/MediaBox\\s*\\[\\s*0 0 ([\\d.]+) ([\\d.]+)\\s*\\]");
    private static Optional<Path> chromium;
    private static Path out;

    @BeforeAll
    static void findBrowser() throws IOException {
        List<String> candidates = new ArrayList<>();
        String env = System.getenv("DUALPREVENTION_CHROMIUM");
        if (env != null && !env.isBlank()) {
            candidates.add(env);
        }
        candidates.addAll(List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome",
                "/usr/bin/google-chrome-stable"));
        chromium = candidates.stream().map(Paths::get).filter(Files::isExecutable).findFirst();
        out = Paths.get("target", "documents").toAbsolutePath();
        Files.createDirectories(out);
    }

    private static void assumeBrowser() {
        Assumptions.assumeTrue(chromium.isPresent(), "No Chromium found: the browser test is skipped. Install it with"
                + " `apt-get install -y chromium` (Debian/Ubuntu) or set DUALPREVENTION_CHROMIUM to a Chrome binary.");
    }

    /** Runs Chromium headless on a file with extra arguments; returns its stderr (the console log). */
    private static String run(Path html, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(chromium.orElseThrow().toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--hide-scrollbars",
                "--enable-logging=stderr", "--v=1", "--user-data-dir=" + out.resolve("profile")));
        cmd.addAll(List.of(args));
        cmd.add(html.toUri().toString());
        Path log = out.resolve(html.getFileName() + ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("Chromium did not finish within 120 s: " + cmd);
        }
        String console = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "Chromium failed: " + console);
        return console;
    }

    private static Path write(String name, String html) throws IOException {
        Path file = out.resolve(name + ".html");
        Files.writeString(file, html, StandardCharsets.UTF_8);
        return file;
    }

    /** @return the console messages and the loads of anything but the page itself */
    private static List<String> problems(String console, Path page) {
        List<String> out = new ArrayList<>();
        Matcher m = CONSOLE.matcher(console);
        while (m.find()) {
            out.add(m.group());
        }
        Matcher l = LOAD.matcher(console);
        while (l.find()) {
            if (!l.group(1).equals(page.toUri().toString())) {
                out.add("loads " + l.group(1));
            }
        }
        return out;
    }

    private static void assertNoConsoleErrors(String console, Path page, String name) {
        assertEquals(List.of(), problems(console, page), name + ": console messages or outside loads");
    }

    private static boolean hasColour(BufferedImage img, String rgb) {
        int want = Integer.parseInt(rgb.substring(1), 16);
        for (int y = 0; y < img.getHeight(); y += 1) {
            for (int x = 0; x < img.getWidth(); x += 1) {
                int c = img.getRGB(x, y) & 0xFFFFFF;
                if (Math.abs((c >> 16) - (want >> 16)) <= 3 && Math.abs(((c >> 8) & 0xFF) - ((want >> 8) & 0xFF)) <= 3
                        && Math.abs((c & 0xFF) - (want & 0xFF)) <= 3) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void theConsoleCheckCatchesAMissingResource() throws Exception {
        assumeBrowser();
        Path broken = write("broken", "<!DOCTYPE html><html><head><meta charset=\"UTF-8\"/><title>x</title></head>"
                + "<body><img src=\"missing-picture.png\" alt=\"\"/></body></html>");
        String console = run(broken, "--dump-dom");
        List<String> problems = problems(console, broken);
        assertTrue(problems.stream().anyMatch(x -> x.contains("missing-picture.png")), "the check must see the load: "
                + problems);
        Path script = write("script", "<!DOCTYPE html><html><head><meta charset=\"UTF-8\"/><title>x</title></head>"
                + "<body><script>console.error('boom')</script></body></html>");
        assertTrue(problems(run(script, "--dump-dom"), script).stream().anyMatch(x -> x.contains("boom")),
                "the check must see a console message");
    }

    @Test
    void documentsRenderWithoutErrorsInTheirColoursAndPrintOnA4() throws Exception {
        assumeBrowser();
        Plant plant = new Plant(Gen.of(20_261_204L));
        Documents zh = Documents.chinese().withEnterprise("华信精细化工有限公司").withDirectory(plant.directory);
        List<String[]> docs = List.of(
                new String[] {"register-zh", zh.riskRegister(plant.org, plant.points, plant.zones, plant.asOf), "l"},
                new String[] {"risk-cards-zh", zh.riskCards(plant.org, plant.points, plant.zones, plant.asOf), "p"},
                new String[] {"ledger-en", Documents.of(Locale.ENGLISH).hiddenDangerLedger(plant.org, plant.points,
                        plant.zones, plant.dangers, plant.asOf, Plant.ZONE), "l"},
                new String[] {"map-zh", zh.riskMap(plant.map), "l"});
        for (String[] d : docs) {
            Path file = write(d[0], d[1]);
            Path png = out.resolve(d[0] + ".png");
            Files.deleteIfExists(png);
            String console = run(file, "--screenshot=" + png, "--window-size=1400,1000");
            assertNoConsoleErrors(console, file, d[0]);
            BufferedImage img = ImageIO.read(png.toFile());
            assertEquals(1400, img.getWidth(), d[0]);
            boolean anyLevel = false;
            for (RiskLevel l : RiskLevel.values()) {
                if (d[1].contains("background-color:" + l.rgb()) || d[1].contains("fill=\"" + l.rgb() + "\"")) {
                    anyLevel |= hasColour(img, l.rgb());
                }
            }
            if (!d[0].startsWith("ledger")) {
                assertTrue(anyLevel, d[0] + ": no level colour on the screenshot " + png);
            }
            if (!d[0].startsWith("register") && !d[0].startsWith("risk-cards")) {
                continue; // one landscape and one portrait document are printed: a browser start costs seconds
            }
            Path pdf = out.resolve(d[0] + ".pdf");
            Files.deleteIfExists(pdf);
            assertNoConsoleErrors(run(file, "--print-to-pdf=" + pdf, "--no-pdf-header-footer"), file, d[0]);
            String raw = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
            Matcher box = MEDIA_BOX.matcher(raw);
            assertTrue(box.find(), d[0] + ": no page box in the PDF");
            double w = Double.parseDouble(box.group(1));
            double h = Double.parseDouble(box.group(2));
            boolean landscape = d[2].equals("l");
            // A4 is 595.28 x 841.89 points
            assertEquals(landscape ? 841.89 : 595.28, w, 1.5, d[0] + " page width");
            assertEquals(landscape ? 595.28 : 841.89, h, 1.5, d[0] + " page height");
        }
    }
}
