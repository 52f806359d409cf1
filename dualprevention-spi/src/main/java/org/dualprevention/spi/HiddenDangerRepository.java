package org.dualprevention.spi;

import org.dualprevention.query.HiddenDangerQuery;
import org.dualprevention.query.Page;
import org.dualprevention.query.PageRequest;
import java.util.Optional;
import org.dualprevention.StaleVersionException;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerId;

/**
 * Hidden dangers (隐患), one aggregate per hidden danger under {@link HiddenDanger#version()}, each saved
 * together with the audit entry of the command that produced it.
 *
 * <h2>Contract</h2>
 * The rules S1 to S13 and S16 of {@link Storage}. A JDBC store updates the row with
 * {@code … WHERE id = ? AND version = ?} (or inserts it for expected version 0) and inserts the audit
 * entry in the same transaction; zero rows updated (or a duplicate key) is a stale version.
 *
 * @since 0.1
 */
public interface HiddenDangerRepository {
    /**
     * The stored hidden danger (S1, S13).
     *
     * @param id the id
     * @return it, or empty
     */
    Optional<HiddenDanger> find(HiddenDangerId id);

    /**
     * Stores the next version of a hidden danger and its audit entry atomically (S2 to S6).
     *
     * @param next the hidden danger, with {@code next.version() == expectedVersion + 1}
     * @param expectedVersion the stored version it replaces, 0 for a newly reported one
     * @param entry the audit entry of the command, with {@code entry.dangerId().equals(next.id())} and
     *     {@code entry.sequence() == next.version()}
     * @throws StaleVersionException if the stored version is not {@code expectedVersion}; nothing is stored
     * @throws IllegalArgumentException if the versions do not step by one or the entry does not belong to
     *     {@code next}; nothing is stored
     */
    void save(HiddenDanger next, long expectedVersion, AuditEntry entry);

    /**
     * One page of the hidden dangers matching a query (S9 to S11).
     *
     * @param query the query
     * @param page which page
     * @return the page
     */
    Page<HiddenDanger> find(HiddenDangerQuery query, PageRequest page);

    /**
     * How many hidden dangers match a query (S12).
     *
     * @param query the query
     * @return the count
     */
    long count(HiddenDangerQuery query);

    /**
     * One page of the ids of every stored hidden danger, in a stable order (S10, S11), without loading or
     * checking them: full verification walks the store with it, so that one bad record does not hide the others.
     * The default pages through {@link #find(HiddenDangerQuery, PageRequest)}; a store overrides it to read ids
     * only.
     *
     * @param page which page
     * @return the page of ids
     * @since 0.2
     */
    default Page<HiddenDangerId> ids(PageRequest page) {
        Page<HiddenDanger> p = find(HiddenDangerQuery.all(), page);
        return Page.of(p.items().stream().map(HiddenDanger::id).toList(), p.next());
    }

    /**
     * Every open hidden danger (neither closed nor withdrawn), read lazily: the items, in the same order, that paging
     * through {@link #find(HiddenDangerQuery, PageRequest) find}{@code (HiddenDangerQuery.all().open(), ..)} to the
     * end returns (S9 to S11), for a caller that reads every one of them once, such as a risk map. Each call of
     * {@code iterator()} walks them again from the first; items changed during a walk follow rule S10 (missed or
     * seen once). The iterators are not thread-safe; the iterable may be shared.
     *
     * <p>The default pages through {@link #find(HiddenDangerQuery, PageRequest)} in pages of
     * {@link PageRequest#MAX_LIMIT}, so every store has it; a store overrides it to walk its open hidden dangers
     * without building pages (the in-memory store walks its index of open hidden dangers). An override must return
     * exactly what the default does, in the same order (the testkit's {@code StorageContract}, rule S27).
     *
     * @return the open hidden dangers, in the order of the query's pages
     * @since 0.2
     */
    default Iterable<HiddenDanger> open() {
        HiddenDangerQuery query = HiddenDangerQuery.all().open();
        return () -> Page.iterator(p -> find(query, p), PageRequest.MAX_LIMIT);
    }
}
