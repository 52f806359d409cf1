package org.dualprevention.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.dualprevention.examples.demo.ReadmePictures;
import org.junit.jupiter.api.Test;

/** The README shows the pictures ReadmePictures makes, and they are there: the map, the register and a card. */
class ReadmePicturesTest {

    @Test
    void theReadmeShowsTheRegisterAndACardNextToTheMap() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("README.md")) || !Files.isDirectory(root.resolve("docs"))) {
            root = root.getParent();
        }
        String readme = Files.readString(root.resolve("README.md"));
        String row = readme.lines().filter(l -> l.contains("](docs/risk-map.svg)")).findFirst().orElse("");
        for (String picture : ReadmePictures.PICTURES) {
            assertTrue(row.contains("](docs/" + picture + ")"), "the README's picture row shows " + picture + ": " + row);
            Path file = root.resolve("docs").resolve(picture);
            assertTrue(Files.size(file) > 10_000, picture + " is a real picture, not a stub");
            byte[] head = Arrays.copyOf(Files.readAllBytes(file), 8);
            if (picture.endsWith(".png")) {
                assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, head, picture);
            } else {
                assertTrue(Files.readString(file).contains("<svg"), picture);
            }
        }
    }
}
