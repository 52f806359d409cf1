package org.dualprevention.spi;

import java.util.Map;
import java.util.Optional;
import org.dualprevention.StaleVersionException;
import org.dualprevention.lookback.RecheckId;
import org.dualprevention.lookback.RecheckResult;

/**
 * Stores the results of look-back re-checks (DOMAIN.md §10.4). The re-checks themselves are derived from the
 * closed hidden dangers and the periods; only what a checker found is stored, once per re-check.
 *
 * @since 0.2
 */
public interface RecheckRepository {
    /**
     * Records a result.
     *
     * @param id the re-check
     * @param result what was found
     * @throws StaleVersionException if a result is recorded for it already; nothing is stored
     */
    void add(RecheckId id, RecheckResult result);

    /**
     * The recorded result.
     *
     * @param id the re-check
     * @return it, or empty
     */
    Optional<RecheckResult> find(RecheckId id);

    /** @return every recorded result, by re-check id */
    Map<RecheckId, RecheckResult> findAll();
}
