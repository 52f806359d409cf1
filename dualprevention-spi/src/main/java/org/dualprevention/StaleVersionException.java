package org.dualprevention;

/**
 * A save expected a stored version that is no longer current: someone else saved first. Nothing was
 * stored; reload and retry.
 *
 * @since 0.1
 */
public class StaleVersionException extends DualPreventionException {
    private static final long serialVersionUID = 1L;

    private final String aggregateId;
    private final long expectedVersion;
    private final long actualVersion;

    /**
     * Creates the exception.
     *
     * @param aggregateId the id of the aggregate being saved
     * @param expectedVersion the version the caller expected to replace (0 for "not stored yet")
     * @param actualVersion the version actually stored (0 for "not stored")
     */
    public StaleVersionException(String aggregateId, long expectedVersion, long actualVersion) {
        super("Stale version for [" + aggregateId + "]: expected stored version [" + expectedVersion
                + "] but found [" + actualVersion + "]; nothing was saved. Reload and apply the command again");
        this.aggregateId = aggregateId;
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    /** @return the aggregate's id */
    public String aggregateId() {
        return aggregateId;
    }

    /** @return the version the caller expected */
    public long expectedVersion() {
        return expectedVersion;
    }

    /** @return the version found in storage */
    public long actualVersion() {
        return actualVersion;
    }
}
