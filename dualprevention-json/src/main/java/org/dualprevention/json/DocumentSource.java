package org.dualprevention.json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a document is read from. An import reads the source twice (first to validate everything, then to
 * deliver), and a refused document with repeated ids once more (to name the first place of each), so
 * {@link #open()} must return the same bytes each time; a source that cannot be re-read should be copied
 * to a temporary file first. The bytes must be well-formed UTF-8.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface DocumentSource {
    /**
     * Opens a fresh stream positioned at the start of the document. The caller closes it.
     *
     * @return the stream
     * @throws IOException if it cannot be opened
     */
    InputStream open() throws IOException;

    /**
     * A file.
     *
     * @param file the file
     * @return the source
     */
    static DocumentSource of(Path file) {
        Objects.requireNonNull(file, "file");
        return () -> Files.newInputStream(file);
    }

    /**
     * Bytes in memory (not copied; do not change them during an import).
     *
     * @param bytes the UTF-8 document
     * @return the source
     */
    static DocumentSource of(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return () -> new ByteArrayInputStream(bytes);
    }
}
