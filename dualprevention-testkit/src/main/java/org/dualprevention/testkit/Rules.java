package org.dualprevention.testkit;

import org.junit.jupiter.api.function.Executable;
import org.opentest4j.TestAbortedException;

/**
 * Runs one numbered contract rule so that every failure, whatever threw it, names the rule: an
 * assertion failure or an unexpected exception from the implementation becomes an
 * {@link AssertionError} whose message starts with the rule number ({@code "S2 ..."}).
 */
final class Rules {
    private Rules() {
    }

    static void check(String rule, Executable body) {
        try {
            body.execute();
        } catch (TestAbortedException skipped) {
            throw skipped;
        } catch (AssertionError e) {
            if (String.valueOf(e.getMessage()).startsWith(rule + " ")) {
                throw e;
            }
            throw new AssertionError(rule + " " + e.getMessage(), e);
        } catch (Throwable t) {
            throw new AssertionError(rule + " failed: the implementation threw " + t, t);
        }
    }
}
