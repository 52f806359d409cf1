package org.dualprevention.query;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * One page of a query's results and the token for the next page (keyset paging, see {@link org.dualprevention.spi.Storage}
 * rules S10 to S12). A million records never sit in one list: callers page, or use
 * {@link #stream(Function, int)}, which fetches pages lazily.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param <T> the item type
 * @since 0.1
 */
public final class Page<T> {
    private static final Page<?> EMPTY = new Page<>(List.of(), Optional.empty());

    private final List<T> items;
    private final Optional<String> next;

    private Page(List<T> items, Optional<String> next) {
        this.items = List.copyOf(items);
        this.next = Objects.requireNonNull(next, "next");
        if (next.isPresent() && next.get().isEmpty()) {
            throw new IllegalArgumentException("a page token must not be empty");
        }
    }

    /**
     * A page.
     *
     * @param items the items, in the query's order
     * @param next the token of the next page; present iff more items matched after these
     * @param <T> the item type
     * @return the page
     */
    public static <T> Page<T> of(List<T> items, Optional<String> next) {
        return new Page<>(items, next);
    }

    /**
     * The empty last page.
     *
     * @param <T> the item type
     * @return the page
     */
    @SuppressWarnings("unchecked")
    public static <T> Page<T> empty() {
        return (Page<T>) EMPTY;
    }

    /** @return the items, at most the requested limit */
    public List<T> items() {
        return items;
    }

    /** @return the token for the next page; empty on the last page */
    public Optional<String> next() {
        return next;
    }

    /** @return whether a next page exists */
    public boolean hasNext() {
        return next.isPresent();
    }

    /**
     * Every item of a query, fetching pages of {@code pageSize} lazily as the iterator is advanced: the items of
     * {@link #stream}, in the same order, without a stream around them (for a caller that reads every item once, such
     * as a risk map or a statistics run, where the stream's adapters cost per item). Holds no resource between pages;
     * each page is one call of {@code fetch}. Items changed during the traversal follow rule S10 of
     * {@link org.dualprevention.spi.Storage}. Not thread-safe.
     *
     * @param fetch the query, e.g. {@code p -> storage.hiddenDangers().find(query, p)}
     * @param pageSize items per page, 1 to {@link PageRequest#MAX_LIMIT}
     * @param <T> the item type
     * @return a lazy iterator
     * @since 0.2
     */
    public static <T> Iterator<T> iterator(Function<PageRequest, Page<T>> fetch, int pageSize) {
        return new Pages<>(Objects.requireNonNull(fetch, "fetch"), pageSize);
    }

    /** See {@link #iterator}. */
    private static final class Pages<T> implements Iterator<T> {
        private final Function<PageRequest, Page<T>> fetch;
        private final int size;
        private List<T> items = List.of();
        private int at;
        private @Nullable PageRequest next;

        Pages(Function<PageRequest, Page<T>> fetch, int size) {
            this.fetch = fetch;
            this.size = size;
            this.next = PageRequest.first(size);
        }

        @Override
        public boolean hasNext() {
            while (at == items.size() && next != null) {
                Page<T> page = Objects.requireNonNull(fetch.apply(next), "page");
                items = page.items();
                at = 0;
                next = page.next().isPresent() ? PageRequest.after(page.next().get(), size) : null;
            }
            return at < items.size();
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return items.get(at++);
        }
    }

    /**
     * Every item of a query, fetching pages of {@code pageSize} lazily as the stream is consumed.
     * The stream holds no resource between pages, so it need not be closed; each page is one call of
     * {@code fetch}. Items changed during the traversal follow rule S10 of {@link org.dualprevention.spi.Storage}.
     *
     * @param fetch the query, e.g. {@code p -> storage.hiddenDangers().find(query, p)}
     * @param pageSize items per page, 1 to {@link PageRequest#MAX_LIMIT}
     * @param <T> the item type
     * @return a sequential, ordered, lazy stream
     */
    public static <T> Stream<T> stream(Function<PageRequest, Page<T>> fetch, int pageSize) {
        Iterator<T> it = iterator(fetch, pageSize);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Page && ((Page<?>) o).items.equals(items) && ((Page<?>) o).next.equals(next);
    }

    @Override
    public int hashCode() {
        return Objects.hash(items, next);
    }

    @Override
    public String toString() {
        return "Page[" + items.size() + " items" + (next.isPresent() ? ", more" : ", last") + "]";
    }
}
