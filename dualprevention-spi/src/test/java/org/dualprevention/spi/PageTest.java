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
    void requestsAreBounded() {
        assertThrows(IllegalArgumentException.class, () -> PageRequest.first(0));
        assertThrows(IllegalArgumentException.class, () -> PageRequest.first(PageRequest.MAX_LIMIT + 1));
        assertThrows(IllegalArgumentException.class, () -> PageRequest.after("", 5));
        assertThrows(IllegalArgumentException.class, () -> Page.of(List.of(), Optional.of("")));
        assertEquals(Optional.of("t"), PageRequest.after("t", 5).after());
    }
}
