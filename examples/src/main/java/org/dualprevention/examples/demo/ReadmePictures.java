package org.dualprevention.examples.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes the README's pictures from the demo's own output: runs the demo in Chinese with the default seed, copies
 * its four-colour map to {@code docs/risk-map.svg}, and photographs the first page of the risk register
 * (风险分级管控清单) and the first risk notification card (安全风险告知卡) with a headless Chromium into
 * {@code docs/risk-register.png} and {@code docs/risk-card.png}.
 *
 * <p>Run it from the project root: {@code mvn -q -Pdemo -DskipTests verify
 * -Ddemo.mainClass=org.dualprevention.examples.demo.ReadmePictures}. It needs Chromium
 * ({@code apt-get install chromium}, or {@code -Dchromium=/path/to/chrome} or the environment variable
 * {@code DUALPREVENTION_CHROMIUM}, as for the analytics browser test) and, for the Chinese text, a CJK
 * font (e.g. {@code apt-get install fonts-wqy-microhei} or {@code fonts-noto-cjk}); without Chromium it says so
 * and writes only the map.
 */
public final class ReadmePictures {
    /** The pictures the README shows, in {@code docs/}. */
    public static final List<String> PICTURES = List.of("risk-map.svg", "risk-register.png", "risk-card.png");

    private ReadmePictures() {
    }

    /**
     * Writes the pictures.
     *
     * @param args none
     * @throws IOException if a file cannot be written
     * @throws InterruptedException if interrupted while Chromium runs
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        Path root = root();
        Path docs = root.resolve("docs");
        Path out = Files.createTempDirectory("dp-readme-pictures-");
        PlantDemo.run(new PlantDemo.Options(out, "memory", 4, PlantDemo.DEFAULT_SEED, "zh"),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        Files.copy(out.resolve("risk-map.svg"), docs.resolve("risk-map.svg"), StandardCopyOption.REPLACE_EXISTING);
        String env = System.getenv("DUALPREVENTION_CHROMIUM");
        Path chromium = Path.of(System.getProperty("chromium", env == null || env.isBlank() ? "/usr/bin/chromium" : env));
        if (!Files.isExecutable(chromium)) {
            System.out.println("wrote docs/risk-map.svg; no Chromium at " + chromium + " (apt-get install chromium, or "
                    + "-Dchromium=PATH or DUALPREVENTION_CHROMIUM=PATH), so the register and card pictures are unchanged");
            return;
        }
        shoot(chromium, out.resolve("risk-register.html"), docs.resolve("risk-register.png"), 1400, 900);
        shoot(chromium, out.resolve("risk-cards.html"), docs.resolve("risk-card.png"), 820, 915);
        System.out.println("wrote " + String.join(", ", PICTURES) + " to " + docs);
    }

    private static void shoot(Path chromium, Path page, Path png, int width, int height)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--force-device-scale-factor=1", "--window-size=" + width + "," + height,
                "--screenshot=" + png.toAbsolutePath(), page.toUri().toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("Chromium took over 120 s on " + page);
        }
        if (p.exitValue() != 0 || !Files.exists(png)) {
            throw new IllegalStateException("Chromium failed (exit " + p.exitValue() + ") on " + page + ": " + cmd);
        }
    }

    private static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("README.md")) && Files.isDirectory(p.resolve("docs"))
                    && Files.isDirectory(p.resolve("examples"))) {
                return p;
            }
        }
        throw new UncheckedIOException(new IOException("run from the project: no README.md with docs/ and examples/ "
                + "above " + Path.of("").toAbsolutePath()));
    }
}
