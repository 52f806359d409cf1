package org.dualprevention.internal;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.SortedSet;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * An immutable set in natural order backed by a sorted array: what a value keeps of a few names (the rectifiers of a
 * hidden danger) in about 40 bytes instead of the 150 of an unmodifiable {@code TreeSet} of one. It behaves as
 * {@code Collections.unmodifiableSortedSet(new TreeSet<>(c))} does (order, equality, hash code, text, {@code null}
 * refused, every change refused with {@link UnsupportedOperationException}); its head, tail and sub sets are
 * copies, which an immutable set cannot tell from views.
 *
 * @param <E> the element type
 */
public final class ArraySortedSet<E extends Comparable<? super E>> extends AbstractSet<E> implements SortedSet<E> {
    private static final ArraySortedSet<?> EMPTY = new ArraySortedSet<>(new Comparable<?>[0]);

    private final Object[] elements;

    private ArraySortedSet(Object[] sortedDistinct) {
        this.elements = sortedDistinct;
    }

    /**
     * The elements of a collection, sorted, each once.
     *
     * @param c the elements
     * @param <E> the element type
     * @return the set (the same object when {@code c} is one already)
     * @throws NullPointerException if {@code c} or an element is null
     */
    @SuppressWarnings("unchecked")
    public static <E extends Comparable<? super E>> ArraySortedSet<E> copyOf(Collection<? extends E> c) {
        if (c instanceof ArraySortedSet) {
            return (ArraySortedSet<E>) c;
        }
        Object[] a = c.toArray();
        if (a.length == 0) {
            return (ArraySortedSet<E>) EMPTY;
        }
        for (Object o : a) {
            Objects.requireNonNull(o, "element");
        }
        Arrays.sort(a);
        int n = 1;
        for (int i = 1; i < a.length; i++) {
            if (((E) a[i]).compareTo((E) a[n - 1]) != 0) {
                a[n++] = a[i];
            }
        }
        return new ArraySortedSet<>(n == a.length ? a : Arrays.copyOf(a, n));
    }

    @SuppressWarnings("unchecked")
    private E at(int i) {
        return (E) elements[i];
    }

    /** The position of an element, or {@code -(insertion point) - 1}. */
    @SuppressWarnings("unchecked")
    private int find(Object o) {
        Objects.requireNonNull(o, "element");
        E key = (E) o;
        int lo = 0;
        int hi = elements.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = at(mid).compareTo(key);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    private int from(E e) {
        int i = find(e);
        return i >= 0 ? i : -i - 1;
    }

    @Override
    public int size() {
        return elements.length;
    }

    @Override
    public boolean contains(Object o) {
        return find(o) >= 0;
    }

    @Override
    public Iterator<E> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < elements.length;
            }

            @Override
            public E next() {
                if (next >= elements.length) {
                    throw new NoSuchElementException();
                }
                return at(next++);
            }
        };
    }

    @Override
    public @Nullable Comparator<? super E> comparator() {
        return null;
    }

    private ArraySortedSet<E> range(int from, int to) {
        return from >= to ? copyOf(java.util.List.of()) : new ArraySortedSet<>(Arrays.copyOfRange(elements, from, to));
    }

    @Override
    public SortedSet<E> subSet(E fromElement, E toElement) {
        if (fromElement.compareTo(Objects.requireNonNull(toElement, "toElement")) > 0) {
            throw new IllegalArgumentException("fromKey > toKey");
        }
        return range(from(fromElement), from(toElement));
    }

    @Override
    public SortedSet<E> headSet(E toElement) {
        return range(0, from(toElement));
    }

    @Override
    public SortedSet<E> tailSet(E fromElement) {
        return range(from(fromElement), elements.length);
    }

    @Override
    public E first() {
        if (elements.length == 0) {
            throw new NoSuchElementException();
        }
        return at(0);
    }

    @Override
    public E last() {
        if (elements.length == 0) {
            throw new NoSuchElementException();
        }
        return at(elements.length - 1);
    }

    @Override
    public Object[] toArray() {
        return elements.clone();
    }

    @Override
    public boolean add(E e) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean remove(Object o) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean addAll(Collection<? extends E> c) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean removeAll(Collection<?> c) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean retainAll(Collection<?> c) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean removeIf(Predicate<? super E> filter) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void clear() {
        throw new UnsupportedOperationException();
    }
}
