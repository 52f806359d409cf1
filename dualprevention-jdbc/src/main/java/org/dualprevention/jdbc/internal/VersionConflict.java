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

    private final boolean clean;

    /** Creates the signal (no stack trace: it is control flow), for a conflict that may have written or failed SQL. */
    public VersionConflict() {
        this(false);
    }

    private VersionConflict(boolean clean) {
        super("version conflict", null, false, false);
        this.clean = clean;
    }

    /**
     * The signal for a conflict met by the write's first statement without an SQL error (a conditional update
     * that matched no row): nothing was written, so a unit of work may catch it and go on.
     *
     * @return the signal
     */
    public static VersionConflict nothingWritten() {
        return new VersionConflict(true);
    }

    /** @return whether the write wrote nothing and met no SQL error (see {@link #nothingWritten()}) */
    public boolean clean() {
        return clean;
    }
}
