package org.dualprevention.engine;

import java.util.function.Supplier;
import org.dualprevention.StaleVersionException;
import org.dualprevention.query.Page;
import org.dualprevention.query.PageRequest;

/**
 * The two ways the areas of {@link DualPrevention} meet storage beyond single calls: reading a whole query
 * result page by page, and running an optimistic change again when a concurrent one won.
 */
final class StorageAccess {
    /**
     * How many items the engine asks for per page when it needs a whole query result through
     * {@link Page#stream} (the hidden dangers of a risk point, the overdue ones, the plans valid in a window,
     * the tasks due in one, an audit chain).
     *
     * <p>Why 500: one page is one round trip to a database store and is held in memory at once. 500 makes the
     * usual results (the hidden dangers of one risk point, a day's tasks, a site's plans, one audit chain)
     * arrive in a single round trip, while a page of aggregates stays small (the JDBC store rebuilds each
     * hidden danger from its audit chain, so per-item work, not the number of round trips, dominates; see
     * docs/BENCHMARKS.md). It is far below {@link PageRequest#MAX_LIMIT}. The value is a judgement, not a
     * measured optimum; results do not depend on it.
     */
    static final int PAGE = 500;

    private StorageAccess() {
    }

    /**
     * Runs an operation again when it fails with {@link StaleVersionException}, up to {@code attempts} times
     * in all; the operation reloads what it changes on each run.
     *
     * @param attempts how many runs at most, at least 1
     * @param operation the operation
     * @param <T> its result
     * @return the result of the first run that did not meet a stale version
     * @throws StaleVersionException from the last run if every run met one
     */
    static <T> T retrying(int attempts, Supplier<T> operation) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts [" + attempts + "] must be at least 1");
        }
        for (int i = 1;; i++) {
            try {
                return operation.get();
            } catch (StaleVersionException e) {
                if (i >= attempts) {
                    throw e;
                }
            }
        }
    }
}
