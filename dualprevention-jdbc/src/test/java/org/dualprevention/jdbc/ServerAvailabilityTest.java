package org.dualprevention.jdbc;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** An unreachable server skips the database tests with a message, and fails them when CI=true. */
class ServerAvailabilityTest {
    private static final String NOWHERE = "jdbc:postgresql://127.0.0.1:1/test?user=postgres&connectTimeout=2";

    @Test
    void aMissingServerSkipsWithAMessage() {
        TestAbortedException e = assertThrows(TestAbortedException.class,
                () -> TestDatabase.requireServer("PostgreSQL", NOWHERE, false));
        assertTrue(e.getMessage().contains("PostgreSQL is not reachable at jdbc:postgresql://127.0.0.1:1/")
                && e.getMessage().contains("skipping"), e.getMessage());
    }

    @Test
    void aMissingServerFailsOnCi() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> TestDatabase.requireServer("PostgreSQL", NOWHERE, true));
        assertTrue(e.getMessage().contains("CI=true makes a missing server a failure"), e.getMessage());
    }
}
