package org.dualprevention.jdbc;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Storage over plain JDBC (work in progress: the storage SPI lands next).
 *
 * @since 0.1
 */
public final class JdbcStorage {
    private JdbcStorage() {
    }

    /**
     * The JDBC URL of an embedded H2 database in file mode at a path, with the settings the storage relies
     * on: the database stays open while the JVM uses it ({@code DB_CLOSE_DELAY=-1}) and every commit is
     * written to the file before the commit returns ({@code WRITE_DELAY=0}), so a killed process loses no
     * acknowledged save.
     *
     * @param file the database file without the {@code .mv.db} suffix
     * @return the URL
     */
    public static String h2FileUrl(Path file) {
        Objects.requireNonNull(file, "file");
        return "jdbc:h2:file:" + file.toAbsolutePath() + ";DB_CLOSE_DELAY=-1;WRITE_DELAY=0";
    }
}
