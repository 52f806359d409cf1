package org.dualprevention.query;

import java.util.Objects;
import java.util.Optional;
import org.dualprevention.internal.Checks;

/**
 * Asks a repository for one page of a query's results (keyset paging): at most {@link #limit()} items,
 * starting after the position the {@link #after()} token marks, or at the beginning.
 *
 * <p>Tokens come from {@link Page#next()} of the previous page of the same query on the same storage;
 * they are opaque to callers (a JDBC store typically encodes the sort key of the last row). See the
 * rules S10 and S11 of {@link org.dualprevention.spi.Storage}.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param limit the most items wanted, 1 to {@value #MAX_LIMIT}
 * @param after the continuation token, empty for the first page
 * @since 0.1
 */
public record PageRequest(int limit, Optional<String> after) {
    /** The largest page a caller may ask for. */
    public static final int MAX_LIMIT = 10_000;

    /** Validates the components. */
    public PageRequest {
        Checks.checkArgument(limit >= 1 && limit <= MAX_LIMIT, "page limit [%s] is not allowed; allowed: 1 to %s",
                limit, MAX_LIMIT);
        Objects.requireNonNull(after, "after");
        Checks.checkArgument(after.isEmpty() || !after.get().isEmpty(), "a page token must not be empty");
    }

    /**
     * The first page.
     *
     * @param limit the most items wanted
     * @return the request
     */
    public static PageRequest first(int limit) {
        return new PageRequest(limit, Optional.empty());
    }

    /**
     * The page after a token.
     *
     * @param token a token from {@link Page#next()}
     * @param limit the most items wanted
     * @return the request
     */
    public static PageRequest after(String token, int limit) {
        return new PageRequest(limit, Optional.of(Objects.requireNonNull(token, "token")));
    }
}
