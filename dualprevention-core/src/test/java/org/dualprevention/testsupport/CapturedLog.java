package org.dualprevention.testsupport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Captures what the library logs through {@link System.Logger} under one logger name during each test, so that
 * a test whose failures are logged on purpose (a throwing listener, a broken provider) keeps the build log
 * readable and can assert what was logged. The records go to this capture only: the logger's parent handlers
 * (the console) are switched off for the test and restored after it.
 *
 * <pre>{@code @RegisterExtension final CapturedLog log = CapturedLog.of("org.dualprevention.engine");}</pre>
 *
 * <p>Without a host's {@code System.LoggerFinder}, {@link System.Logger} goes to {@code java.util.logging}; on
 * the module path the tests run inside {@code org.dualprevention.core}, which does not read
 * {@code java.logging}, so the reads edge is added before any of its types is used (and nothing here
 * subclasses one of them).
 */
public final class CapturedLog implements BeforeEachCallback, AfterEachCallback {
    static {
        ModuleLayer.boot().findModule("java.logging").ifPresent(CapturedLog.class.getModule()::addReads);
    }

    private final String name;
    private ByteArrayOutputStream out = new ByteArrayOutputStream();
    private StreamHandler handler;
    private Logger logger;
    private Level previousLevel;
    private boolean previousParents;

    private CapturedLog(String name) {
        this.name = name;
    }

    /**
     * A capture of one logger (and the loggers below it).
     *
     * @param loggerName e.g. {@code org.dualprevention.engine}
     * @return the extension, to register with {@code @RegisterExtension}
     */
    public static CapturedLog of(String loggerName) {
        return new CapturedLog(loggerName);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        out = new ByteArrayOutputStream();
        handler = new StreamHandler(out, new SimpleFormatter());
        handler.setLevel(Level.ALL);
        logger = Logger.getLogger(name);
        previousLevel = logger.getLevel();
        previousParents = logger.getUseParentHandlers();
        logger.setLevel(Level.ALL);
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        logger.removeHandler(handler);
        logger.setUseParentHandlers(previousParents);
        logger.setLevel(previousLevel);
    }

    /** @return everything logged so far in this test, formatted as the console would show it */
    public String text() {
        handler.flush();
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * How many records at WARNING whose first line contains a text were logged so far in this test.
     *
     * @param contains the text
     * @return the count
     */
    public long warnings(String contains) {
        return text().lines().filter(l -> l.startsWith("WARNING: ") && l.contains(contains)).count();
    }
}
