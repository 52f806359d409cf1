package org.dualprevention.spi;

import org.dualprevention.query.Page;
import org.dualprevention.query.PageRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PageTest {
    /** A fake keyset source over 0..n-1; the token is the last value returned. */
    static Page<Integer> source(int n, PageRequest p, List<PageRequest> calls) {
        calls.add(p);
        int from = p.after().map(t -> Integer.parseInt(t) + 1).orElse(0);
        List<Integer> items = IntStream.range(from, Math.min(n, from + p.limit())).boxed().collect(Collectors.toList());
        int last = from + items.size() - 1;
        return Page.of(items, last < n - 1 ? Optional.of(Integer.toString(last)) : Optional.empty());
    }

    @Test
    void streamFetchesPagesLazilyAndVisitsEveryItemOnce() {
        List<PageRequest> calls = new ArrayList<>();
        assertEquals(IntStream.range(0, 25).boxed().collect(Collectors.toList()),
                Page.stream(p -> source(25, p, calls), 10).collect(Collectors.toList()));
        assertEquals(3, calls.size());
        calls.clear();
        assertEquals(List.of(0, 1, 2), Page.stream(p -> source(25, p, calls), 10).limit(3).collect(Collectors.toList()));
        assertEquals(1, calls.size(), "only the first page is fetched for three items");
        calls.clear();
        assertEquals(0, Page.stream(p -> source(0, p, calls), 10).count());
    }

    @Test
    void iteratorGivesTheStreamsItemsFetchingEachPageOnceWhenNeeded() {
        java.util.Random r = new java.util.Random(20261206L);
        for (int round = 0; round < 300; round++) {
            int n = r.nextInt(60);
            int size = 1 + r.nextInt(12);
            List<PageRequest> streamCalls = new ArrayList<>();
            List<Integer> streamed = Page.stream(p -> source(n, p, streamCalls), size).collect(Collectors.toList());
            List<PageRequest> iteratorCalls = new ArrayList<>();
            java.util.Iterator<Integer> it = Page.iterator(p -> source(n, p, iteratorCalls), size);
            assertEquals(0, iteratorCalls.size(), "nothing fetched before the first hasNext");
            List<Integer> iterated = new ArrayList<>();
            while (it.hasNext()) {
                assertEquals(iterated.size() / size + 1, iteratorCalls.size(), "pages fetched lazily, n=" + n);
                iterated.add(it.next());
            }
            String where = "seed 20261206, round " + round + ", n=" + n + ", size=" + size;
            assertEquals(IntStream.range(0, n).boxed().collect(Collectors.toList()), iterated, where);
            assertEquals(streamed, iterated, where);
            assertEquals(streamCalls, iteratorCalls, where);
            assertThrows(java.util.NoSuchElementException.class, it::next, where);
        }
        assertThrows(NullPointerException.class, () -> Page.iterator(null, 10));
        assertThrows(IllegalArgumentException.class, () -> Page.iterator(p -> source(3, p, new ArrayList<>()), 0));
    }

    @Test
    void requestsAreBounded() {
        assertThrows(IllegalArgumentException.class, () -> PageRequest.first(0));
        assertThrows(IllegalArgumentException.class, () -> PageRequest.first(PageRequest.MAX_LIMIT + 1));
        assertThrows(IllegalArgumentException.class, () -> PageRequest.after("", 5));
        assertThrows(IllegalArgumentException.class, () -> Page.of(List.of(), Optional.of("")));
        assertEquals(Optional.of("t"), PageRequest.after("t", 5).after());
    }
}
