package org.dualprevention.jdbc;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * The child JVM of {@link MigrationCrashTest}: migrates a database (an H2 file through
 * {@link JdbcStorage#h2File}, a server through {@link Migrations#migrate}), printing {@code STEP <version>.<step>}
 * after each statement it ran and pausing a few milliseconds there, then {@code DONE}; a failure prints
 * {@code FAILED}. It waits to be killed.
 *
 * <p>Arguments: {@code h2 <file>} or {@code url <jdbc url>}, then a seed for the pauses.
 */
public final class MigrationCrashChild {
    private MigrationCrashChild() {
    }

    /**
     * Migrates, then waits to be killed.
     *
     * @param args target kind, file or URL, seed
     * @throws InterruptedException never in practice
     */
    public static void main(String[] args) throws InterruptedException {
        PrintStream out = System.out;
        SplittableRandom random = new SplittableRandom(Long.parseLong(args[2]));
        Migrations.hook = (dialect, version, step, point) -> {
            if (point == Migrations.Point.AFTER) {
                out.println("STEP " + version + "." + step);
                out.flush();
                try {
                    Thread.sleep(random.nextInt(25));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        try {
            if (args[0].equals("h2")) {
                JdbcStorage.h2File(Path.of(args[1]));
            } else {
                Migrations.migrate(new TestDatabase.UrlDataSource(args[1]));
            }
            out.println("DONE");
        } catch (RuntimeException e) {
            out.println("FAILED " + e);
            e.printStackTrace(out);
        }
        out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
