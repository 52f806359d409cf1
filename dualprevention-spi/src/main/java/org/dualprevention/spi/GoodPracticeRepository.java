package org.dualprevention.spi;

import org.dualprevention.query.GoodPracticeQuery;
import org.dualprevention.query.Page;
import org.dualprevention.query.PageRequest;
import java.util.Optional;
import org.dualprevention.StaleVersionException;
import org.dualprevention.inspection.GoodPractice;
import org.dualprevention.inspection.GoodPracticeId;

/**
 * Good practices reported by random observation (随手拍). Write-once records.
 *
 * <h2>Contract</h2>
 * The rules S1, S7 to S13, S15 and S16 of {@link Storage}.
 *
 * @since 0.1
 */
public interface GoodPracticeRepository {
    /**
     * The stored good practice (S1, S13).
     *
     * @param id the id
     * @return it, or empty
     */
    Optional<GoodPractice> find(GoodPracticeId id);

    /**
     * Stores a good practice once (S15).
     *
     * @param practice the good practice
     * @throws StaleVersionException with expected version 0 and actual version 1 if the id is already
     *     stored; nothing changes
     */
    void add(GoodPractice practice);

    /**
     * One page of the good practices matching a query (S9 to S11).
     *
     * @param query the query
     * @param page which page
     * @return the page
     */
    Page<GoodPractice> find(GoodPracticeQuery query, PageRequest page);

    /**
     * How many good practices match a query (S12).
     *
     * @param query the query
     * @return the count
     */
    long count(GoodPracticeQuery query);
}
