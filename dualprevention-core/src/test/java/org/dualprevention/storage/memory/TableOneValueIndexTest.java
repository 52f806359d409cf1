package org.dualprevention.storage.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.dualprevention.query.Page;
import org.dualprevention.query.PageRequest;
import org.dualprevention.testsupport.Seeds;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * An index made with {@link Table#one} (a save compares the old and new value, no list built) against the same index
 * made the general way ({@code v -> List.of(value)} or {@code List.of()}) and against a plain model: seeded random
 * inserts, saves that keep the value, move the row to another bucket, drop its value or give it one, and saves undone
 * by a failing unit; after every step each bucket holds the same keys in the same order with the same size in both
 * tables and in the model, and pages of random bucket sets (walked in the skip lists, and once the walks paid for
 * them, in the array copies and their unions) equal a plain filter.
 */
class TableOneValueIndexTest {
    /** A stored record: an id (its sort key), a version and one index value or none. */
    record Row(String id, long version, @Nullable String value) {
    }

    static final List<@Nullable String> VALUES = java.util.Arrays.asList(null, "a", "b", "c", "d", "e");

    /** One table with its two indexes (plain and sorted) made one way, under a unit lock. */
    static final class Side {
        final MemoryUnit unit = new MemoryUnit();
        final Table<String, String, Row> table = new Table<>("row", Row::id, Row::id, k -> k, Row::version, k -> k,
                t -> t);
        final Table.Index<String, Row> plain;
        final Table.Index<String, Row> sorted;

        Side(boolean one) {
            table.guardedBy(unit);
            if (one) {
                plain = table.index(Table.one(Row::value));
                sorted = table.index(Table.one(Row::value), Row::version, k -> k, r -> r.id());
            } else {
                plain = table.index(r -> r.value() == null ? List.of() : List.of(r.value()));
                sorted = table.index(r -> r.value() == null ? List.of() : List.of(r.value()), Row::version, k -> k,
                        r -> r.id());
            }
        }

        void save(Row next, long expected, boolean undone) {
            if (!undone) {
                table.compareAndSet(next.id(), expected, cur -> next);
                return;
            }
            assertThrows(IllegalStateException.class, () -> unit.run(() -> {
                table.compareAndSet(next.id(), expected, cur -> next);
                throw new IllegalStateException("undo");
            }));
        }

        /** Each bucket's keys in order and its size counter. */
        List<Object> buckets(Table.Index<String, Row> index) {
            List<Object> out = new ArrayList<>();
            for (String v : VALUES) {
                if (v == null) {
                    continue;
                }
                Optional<Table.Bucket<String>> b = index.bucket(v);
                out.add(b.isPresent() ? List.copyOf(b.get().keys.keySet()) : List.of());
                out.add(b.isPresent() ? b.get().size.get() : 0);
            }
            return out;
        }

        /** Every page of a query of some values, one index, pages of {@code size}, concatenated. */
        List<String> walk(Set<String> values, int size, boolean sortedIndex, long minVersion) {
            List<String> got = new ArrayList<>();
            Optional<String> after = Optional.empty();
            do {
                PageRequest request = after.isPresent() ? PageRequest.after(after.get(), size) : PageRequest.first(size);
                Page<String> page = sortedIndex
                        ? table.sortedPage(sorted, values, v -> v >= minVersion, null,
                                r -> values.contains(r.value()) && r.version() >= minVersion, request, Row::id)
                        : table.page(Table.candidates(plain, values),
                                r -> values.contains(r.value()) && r.version() >= minVersion, request, Row::id);
                got.addAll(page.items());
                after = page.next();
            } while (after.isPresent());
            return got;
        }
    }

    @Test
    void aOneValueIndexKeepsTheBucketsAndAnswersOfTheGeneralOne() {
        long base = Seeds.base();
        for (int c = 0; c < 30; c++) {
            long seed = Seeds.seed(base, c);
            Seeds.run(seed, () -> check(seed));
        }
    }

    private static void check(long seed) {
        RandomGenerator r = Seeds.random(seed);
        Side one = new Side(true);
        Side general = new Side(false);
        Map<String, Row> model = new TreeMap<>();
        int ids = 5 + r.nextInt(60);
        int moves = 0;
        for (int step = 0; step < 400; step++) {
            String id = "R" + r.nextInt(ids);
            Row cur = model.get(id);
            String value = r.nextInt(3) == 0 && cur != null ? cur.value() : VALUES.get(r.nextInt(VALUES.size()));
            Row next = new Row(id, cur == null ? 1 : cur.version() + 1, value);
            boolean undone = r.nextInt(8) == 0;
            long expected = cur == null ? 0 : cur.version();
            one.save(next, expected, undone);
            general.save(next, expected, undone);
            if (!undone) {
                model.put(id, next);
                if (cur != null && !java.util.Objects.equals(cur.value(), value)) {
                    moves++;
                }
            }
            String where = "step " + step + ", " + next + (undone ? " undone" : "");
            assertEquals(general.buckets(general.plain), one.buckets(one.plain), where);
            assertEquals(general.buckets(general.sorted), one.buckets(one.sorted), where);
            assertEquals(modelBuckets(model), one.buckets(one.plain), where);
            if (r.nextInt(4) == 0) {
                Set<String> values = new HashSet<>();
                int wanted = 1 + r.nextInt(4);
                while (values.size() < wanted) {
                    values.add("abcde".substring(r.nextInt(5)).substring(0, 1));
                }
                long minVersion = r.nextInt(3) == 0 ? 2 : 0;
                List<String> expectedIds = model.values().stream()
                        .filter(x -> values.contains(x.value()) && x.version() >= minVersion).map(Row::id).toList();
                int size = 1 + r.nextInt(12);
                for (int repeat = 0; repeat < 3; repeat++) { // repeats make the copies and unions pay for themselves
                    String q = where + ", values " + values + ", pages of " + size + ", repeat " + repeat;
                    assertEquals(expectedIds, one.walk(values, size, false, minVersion), q);
                    assertEquals(expectedIds, one.walk(values, size, true, minVersion), q);
                    assertEquals(expectedIds, general.walk(values, size, true, minVersion), q);
                }
            }
        }
        assertTrue(moves > 50, "rows moved between buckets: " + moves);
    }

    private static List<Object> modelBuckets(Map<String, Row> model) {
        List<Object> out = new ArrayList<>();
        for (String v : VALUES) {
            if (v == null) {
                continue;
            }
            List<String> keys = model.values().stream().filter(x -> v.equals(x.value())).map(Row::id).toList();
            out.add(keys);
            out.add(keys.size());
        }
        return out;
    }
}
