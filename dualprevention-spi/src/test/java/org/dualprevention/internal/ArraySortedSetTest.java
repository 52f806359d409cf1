package org.dualprevention.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@link ArraySortedSet} answers every question as an unmodifiable {@code TreeSet} of the same elements does, on
 * seeded random sets of 0 to 12 names drawn from a small alphabet (so duplicates and misses are common), with every
 * range bound; the seed and the case are in every failure.
 */
class ArraySortedSetTest {
    private static final long SEED = 61206L;

    private static <T> void same(Function<SortedSet<String>, T> question, SortedSet<String> expected,
            SortedSet<String> actual, String what) {
        Object e;
        Object a;
        try {
            e = question.apply(expected);
        } catch (RuntimeException x) {
            e = x.getClass();
        }
        try {
            a = question.apply(actual);
        } catch (RuntimeException x) {
            a = x.getClass();
        }
        assertEquals(e, a, what + " (seed " + SEED + ")");
    }

    @Test
    void behavesAsAnUnmodifiableTreeSet() {
        Random r = new Random(SEED);
        for (int k = 0; k < 5_000; k++) {
            List<String> items = new ArrayList<>();
            int n = r.nextInt(13);
            for (int i = 0; i < n; i++) {
                items.add("u" + r.nextInt(15));
            }
            SortedSet<String> tree = Collections.unmodifiableSortedSet(new TreeSet<>(items));
            ArraySortedSet<String> array = ArraySortedSet.copyOf(items);
            String what = "case " + k + " " + items;
            assertEquals(tree, array, what);
            assertEquals(array, tree, what);
            assertEquals(tree.hashCode(), array.hashCode(), what);
            assertEquals(tree.toString(), array.toString(), what);
            assertEquals(new ArrayList<>(tree), new ArrayList<>(array), what);
            same(SortedSet::first, tree, array, what);
            same(SortedSet::last, tree, array, what);
            same(SortedSet::size, tree, array, what);
            for (int b = 0; b < 16; b++) {
                String x = "u" + b;
                String y = "u" + r.nextInt(16);
                same(s -> s.contains(x), tree, array, what + " contains " + x);
                same(s -> new ArrayList<>(s.headSet(x)), tree, array, what + " headSet " + x);
                same(s -> new ArrayList<>(s.tailSet(x)), tree, array, what + " tailSet " + x);
                same(s -> new ArrayList<>(s.subSet(x, y)), tree, array, what + " subSet " + x + " " + y);
                same(s -> s.add(x), tree, array, what + " add");
                same(s -> s.remove(x), tree, array, what + " remove");
            }
            same(s -> s.contains(null), tree, array, what + " contains null");
            same(s -> { s.clear(); return 0; }, tree, array, what + " clear");
            same(s -> s.addAll(List.of("z")), tree, array, what + " addAll");
            same(s -> s.retainAll(List.of()), tree, array, what + " retainAll");
            same(s -> s.removeIf(x -> true), tree, array, what + " removeIf");
            same(s -> { s.iterator().remove(); return 0; }, tree, array, what + " iterator remove");
            assertSame(array, ArraySortedSet.copyOf(array), "a copy of one is itself");
        }
        assertThrows(NullPointerException.class, () -> ArraySortedSet.copyOf(java.util.Arrays.asList("a", null)));
        assertThrows(NoSuchElementException.class, () -> ArraySortedSet.copyOf(List.<String>of()).first());
    }
}
