package org.dualprevention.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dualprevention.danger.HiddenDangerEvent;
import org.dualprevention.danger.HiddenDangerId;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, "events delivered at least once": a JVM that dies after the commit of a command and before its
 * listeners ran loses no event; the next engine on the same store delivers it, and the hazard's flag was stored
 * with the hidden danger.
 */
class OutboxCrashTest {

    @Test
    void eventsOfACommandCommittedJustBeforeTheJvmDiedAreDeliveredByTheNextEngine() throws Exception {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2_FILE)) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String cp = System.getProperty("java.class.path");
            String mp = System.getProperty("jdk.module.path");
            if (mp != null && !mp.isBlank()) {
                cp = cp + File.pathSeparator + mp;
            }
            Process child = new ProcessBuilder(List.of(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", cp,
                    OutboxCrashChild.class.getName(), db.h2File().toString())).redirectErrorStream(true).start();
            String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(child.waitFor(60, TimeUnit.SECONDS));
            assertEquals(3, child.exitValue(), "the child should die inside the listener: " + out);
            assertTrue(out.contains("COMMITTED"), out);

            try (JdbcStorage storage = JdbcStorage.h2File(db.h2File())) {
                assertEquals(1, storage.outbox().pending(10).size(), "the verification's events are pending");
                EngineFixture f = new EngineFixture(storage);
                assertTrue(f.flagged(), "the flag was committed with the hidden danger");
                assertEquals(1, f.reassessmentRequests(), "the next engine delivered the pending events");
                assertTrue(f.events.stream().anyMatch(e -> e instanceof HiddenDangerEvent.Transitioned
                        && e.dangerId().equals(HiddenDangerId.of("HD-1"))), f.events.toString());
                assertTrue(storage.outbox().pending(10).isEmpty());
            }
        }
    }
}
