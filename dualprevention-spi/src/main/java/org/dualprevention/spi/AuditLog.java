package org.dualprevention.spi;

import org.dualprevention.query.Page;
import org.dualprevention.query.PageRequest;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.HiddenDangerId;

/**
 * The audit log: the hash-chained entries of each hidden danger, appended only by
 * {@link HiddenDangerRepository#save} (rules S4 to S6 of {@link Storage}); read-only here.
 *
 * <h2>Contract</h2>
 * The rules S5, S10, S11, S13 and S16 of {@link Storage}: entries come in save order (their sequence
 * 1, 2, …); an unknown id yields an empty last page. A JDBC store keeps them in their own append-only
 * table keyed by (hidden danger id, sequence).
 *
 * @since 0.1
 */
public interface AuditLog {
    /**
     * One page of a hidden danger's audit entries, in save order.
     *
     * @param danger the hidden danger
     * @param page which page
     * @return the page
     */
    Page<AuditEntry> entries(HiddenDangerId danger, PageRequest page);
}
