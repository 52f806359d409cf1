package org.dualprevention.jdbc.internal;

import org.dualprevention.StaleVersionException;

/**
 * Shared steps of the repositories: the version-step check and the stale-version outcome.
 *
 * @since 0.1
 */
final class Repos {
    private Repos() {
    }

    /**
     * The version-step check of every save (rule S2): the expected version is not negative and the next
     * version is the expected one plus one. The only place the JDBC store checks it.
     */
    static void checkStep(String kind, String id, long nextVersion, long expectedVersion) {
        checkExpected(kind, id, expectedVersion);
        if (nextVersion != expectedVersion + 1) {
            throw new IllegalArgumentException(kind + " [" + id + "] has version [" + nextVersion
                    + "] but the expected stored version is [" + expectedVersion + "]; allowed: next version = expected + 1");
        }
    }

    /**
     * The part of {@link #checkStep} for aggregates that carry no version of their own (the organisation is
     * stored under {@code expectedVersion + 1}).
     */
    static void checkExpected(String kind, String id, long expectedVersion) {
        if (expectedVersion < 0) {
            throw new IllegalArgumentException("expected version [" + expectedVersion + "] of " + kind + " [" + id
                    + "] is negative; allowed: 0 to create, or the stored version");
        }
    }

    /**
     * Runs a versioned write; on a conflict reads the actual version and throws.
     */
    static void save(Transactions tx, String what, String id, long expectedVersion, SqlWork<?> work,
            SqlWork<Long> actualVersion) {
        try {
            tx.write(what, work);
        } catch (VersionConflict conflict) {
            long actual = tx.read("read the version of [" + id + "]", actualVersion);
            throw new StaleVersionException(id, expectedVersion, actual);
        }
    }
}
