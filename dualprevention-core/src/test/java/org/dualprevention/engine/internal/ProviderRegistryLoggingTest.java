package org.dualprevention.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;
import org.dualprevention.spi.AssessmentMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry logs through System.Logger, which without a LoggerFinder of the host's goes to
 * java.util.logging: one DEBUG (FINE) summary line per build, one WARNING per skipped provider.
 */
class ProviderRegistryLoggingTest {
    static {
        // On the module path the tests run inside org.dualprevention.core, which does not read java.logging.
        ModuleLayer.boot().findModule("java.logging").ifPresent(ProviderRegistryLoggingTest.class.getModule()::addReads);
    }

    // No subclass of a java.logging type here: defining one would fail before the reads edge is added.
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final StreamHandler handler = new StreamHandler(out, new SimpleFormatter());
    private Logger logger;
    private Level previous;
    private boolean parents;

    @BeforeEach
    void attach() {
        logger = Logger.getLogger(ProviderRegistry.class.getName());
        previous = logger.getLevel();
        logger.setLevel(Level.ALL);
        handler.setLevel(Level.ALL);
        logger.addHandler(handler);
        parents = logger.getUseParentHandlers();
        logger.setUseParentHandlers(false); // asserted below, not printed to the build log
    }

    @AfterEach
    void detach() {
        logger.removeHandler(handler);
        logger.setUseParentHandlers(parents);
        logger.setLevel(previous);
    }

    @Test
    void oneDebugSummaryLineAndOneWarningPerSkippedProvider(@TempDir Path dir) throws IOException {
        String pkg = "com.acme.log";
        try (URLClassLoader loader = PluginJar.build(dir, Map.of(
                pkg + ".Broken", PluginJar.method(pkg, "Broken", "ACME.BROKEN", "LEC-V1", "throw new RuntimeException(\"x\");")),
                Map.of(AssessmentMethod.class.getName(), List.of(pkg + ".Broken")))) {
            ProviderRegistry r = ProviderRegistry.builder().discover(loader).build();
            handler.flush();
            List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
            List<String> warnings = lines.stream().filter(x -> x.startsWith("WARNING: ")).toList();
            List<String> debug = lines.stream().filter(x -> x.startsWith("FINE: ")).toList();
            assertEquals(1, warnings.size(), lines.toString());
            assertTrue(warnings.get(0).contains(pkg + ".Broken"), warnings.get(0));
            assertEquals(List.of("FINE: " + r.summary()), debug);
            assertTrue(!r.summary().contains("\n"), "one line");
            assertTrue(r.summary().contains("LEC (org.dualprevention.method.LecMethod"), r.summary());
        }
    }
}
