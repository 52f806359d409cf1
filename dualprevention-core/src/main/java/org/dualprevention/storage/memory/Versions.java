package org.dualprevention.storage.memory;

/** Checks of the version step of rule S2. */
final class Versions {
    private Versions() {
    }

    static void checkStep(Object id, long nextVersion, long expectedVersion) {
        if (expectedVersion < 0) {
            throw new IllegalArgumentException("expectedVersion [" + expectedVersion + "] must not be negative");
        }
        if (nextVersion != expectedVersion + 1) {
            throw new IllegalArgumentException("[" + id + "] has version [" + nextVersion
                    + "] but must have expectedVersion + 1 = [" + (expectedVersion + 1) + "]; nothing was saved");
        }
    }
}
