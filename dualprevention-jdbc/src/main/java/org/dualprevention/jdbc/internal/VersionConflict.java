package org.dualprevention.jdbc.internal;

/**
 * Signals inside a write that the expected version did not match (0 rows updated, or a duplicate key on
 * insert). {@link Transactions} rolls back the work; the caller then reads the actual version and throws
 * {@link org.dualprevention.StaleVersionException}.
 *
 * @since 0.1
 */
public final class VersionConflict extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the signal (no stack trace: it is control flow). */
    public VersionConflict() {
        super("version conflict", null, false, false);
    }
}
