package org.dualprevention.storage.memory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongPredicate;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.dualprevention.StaleVersionException;
import org.dualprevention.query.Page;
import org.dualprevention.query.PageRequest;
import org.jspecify.annotations.Nullable;

/**
 * One aggregate table of the in-memory store: a primary {@link ConcurrentHashMap} from id to the stored
 * record, an ordered set of sort keys for keyset paging, and secondary indexes from an index value to
 * the ordered set of sort keys of the records having it.
 *
 * <p>Writes go through {@link ConcurrentHashMap#compute}, which locks only the record's bin: saves of one
 * aggregate are serialised (compare-and-set of the version), saves of different aggregates run in
 * parallel, and reads ({@code get}, index iteration) never lock. Index maintenance happens inside the
 * compute, so the indexes of one record change in the order its versions do. A query re-checks every
 * candidate against the current record with the query's own predicate, so a reader that races a save
 * sees the record either in its old or in its new state (rule S10: items changed during a traversal
 * may be missed or seen once).
 *
 * @param <I> the id type
 * @param <K> the sort key type (unique per record, usually the id)
 * @param <V> the stored record type (immutable)
 */
final class Table<I, K extends Comparable<? super K>, V> {

    /**
     * A secondary index: for each record, the index values it has. A sorted index (one with an {@code attribute})
     * also keeps, per bucket, an array copy of the bucket in key order (see {@link Sorted}).
     */
    static final class Index<K, V> {
        private final Function<V, Collection<?>> valuesOf;
        /** The index's one value of a record or null (none), when it was made with {@link Table#one}; else null. */
        private final @Nullable Function<V, @Nullable Object> single;
        private final @Nullable ToLongFunction<V> attribute;
        private final @Nullable Function<K, String> text;
        private final @Nullable Function<V, @Nullable Object> settled;
        private final ConcurrentHashMap<Object, Bucket<K>> buckets = new ConcurrentHashMap<>();
        /** The merged copies of sets of buckets that queries read together, by the set of their index values. */
        private final ConcurrentHashMap<Set<?>, Unions<K>> unions = new ConcurrentHashMap<>();

        @SuppressWarnings("unchecked") // One<V> is the only One given a Function<V, ...>
        Index(Function<V, Collection<?>> valuesOf, @Nullable ToLongFunction<V> attribute,
                @Nullable Function<K, String> text, @Nullable Function<V, @Nullable Object> settled) {
            this.valuesOf = valuesOf;
            this.single = valuesOf instanceof One ? ((One<V>) valuesOf).value : null;
            this.attribute = attribute;
            this.text = text;
            this.settled = settled;
        }

        /** The bucket of one index value, or empty. */
        Optional<Bucket<K>> bucket(Object value) {
            return Optional.ofNullable(buckets.get(value));
        }

        /** How many sets of buckets have a union kept (for tests). */
        int unionsKept() {
            int n = 0;
            for (Unions<K> u : unions.values()) {
                if (u.union != null) {
                    n++;
                }
            }
            return n;
        }

        /** Every index value that has a bucket (a live view; a bucket is never removed, it may be empty). */
        Set<Object> values() {
            return buckets.keySet();
        }
    }

    /**
     * The sort keys of the records having one index value, each with the record's {@link Slot}, and a counter
     * (skip-list size is O(n)).
     */
    static final class Bucket<K> {
        final NavigableMap<K, Slot> keys;
        final AtomicInteger size = new AtomicInteger();
        /** The index value of this bucket. */
        final Object value;
        /** Counts every change of {@link #keys}; a {@link Sorted} copy is current while this is its {@code mods}. */
        final AtomicInteger mods = new AtomicInteger();
        /** The last array copy of a sorted index's bucket, dropped by the next change of {@link #keys}. */
        volatile @Nullable Sorted<K> sorted;
        /**
         * Rows the slow path (the skip list) walked for queries since the last copy: a new copy is made once they
         * reach the bucket's size, so under steady writes copying costs at most as much as the walks it replaces.
         */
        final AtomicLong walked = new AtomicLong();

        Bucket(Comparator<? super K> order, Object value) {
            this.keys = new ConcurrentSkipListMap<>(order);
            this.value = value;
        }

        /** After a change of {@link #keys}. */
        void changed() {
            mods.incrementAndGet();
            sorted = null;
        }
    }

    /**
     * A bucket of a sorted index copied into arrays in key order: each key with its record's slot, the record
     * the slot held when copied (checked then to belong to the bucket) and the index's attribute of that record.
     * A query walks the arrays; a row whose slot still holds the copied record needs no re-check of its
     * bucket membership (the record is immutable), any other row is re-checked against its current record.
     * Until it is dropped a copy keeps at most one superseded record per row reachable.
     *
     * <p>{@code views} holds, per row, the view a page returns for the copied record once the index's
     * {@code settled} function has given one (null until then; filled by the query that first returns the row,
     * a benign race: every writer writes the same immutable view of the same immutable record), so a page of
     * settled rows reads no record.
     */
    record Sorted<K>(int mods, Object[] keys, Slot[] slots, Object[] values, long[] attributes,
            @Nullable String common, long @Nullable [] prefixes, @Nullable Object[] views) {
    }

    /**
     * A set of buckets that queries read together (the units of a query): the rows queries merged from their
     * copies since the last union was made, and that union, if any.
     */
    static final class Unions<K> {
        final AtomicLong walked = new AtomicLong();
        volatile @Nullable Union<K> union;
    }

    /**
     * The rows of several buckets' array copies merged once into one copy in key order ({@code rows}, with no
     * packed prefixes): a query of those buckets walks it instead of merging the copies. It holds exactly the rows
     * of its {@code parts} (the copy each bucket value had when merged), so it is read only while every bucket of
     * the query still has that same copy; rows are re-checked through their slots as any copy's are. Until it is
     * replaced or dropped it keeps its parts' copied records reachable, as the parts do.
     */
    record Union<K>(Map<Object, Sorted<K>> parts, Sorted<K> rows) {
    }

    /**
     * The values of an index that gives each record one value or none, made from that value: the index then keeps
     * the same buckets as one made with {@code v -> value == null ? List.of() : List.of(value)}, and a save compares
     * the two values instead of building two lists (a save of a hidden danger reads five such indexes twice).
     *
     * @param value the record's value, or null for none
     * @param <V> the record type
     * @return the values function to give {@link #index}
     */
    static <V> Function<V, Collection<?>> one(Function<V, @Nullable Object> value) {
        return new One<>(Objects.requireNonNull(value, "value"));
    }

    /** See {@link #one}. */
    private static final class One<V> implements Function<V, Collection<?>> {
        final Function<V, @Nullable Object> value;

        One(Function<V, @Nullable Object> value) {
            this.value = value;
        }

        @Override
        public Collection<?> apply(V v) {
            Object o = value.apply(v);
            return o == null ? List.of() : List.of(o);
        }
    }

    /** At most this many sets of buckets keep a union per index; beyond it the unions are dropped and remade. */
    static final int UNIONS = 64;

    /**
     * Eight characters of {@code text} from {@code from}, packed one per byte into a long whose unsigned order
     * never contradicts the texts' order: a character below 255 is its own byte, a character of 255 or more is
     * 255 and ends the packing, a text that ends pads with zeros. So for two texts with the same first
     * {@code from} characters, a smaller packed value means a smaller text, and equal packed values decide
     * nothing (the texts are compared).
     */
    static long packed(String text, int from) {
        long p = 0;
        int n = text.length();
        for (int i = 0; i < 8; i++) {
            int c = from + i < n ? text.charAt(from + i) : 0;
            if (c >= 255) {
                return (p << 8 | 255) << (8 * (7 - i));
            }
            p = p << 8 | c;
        }
        return p;
    }

    /** The length of the longest common prefix of two texts. */
    static int commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    /**
     * The place of one record: the primary map and every index entry of the record point to it, and a save swaps
     * its value. A query reads the current record through the index entry it walks, with no look-up in the
     * primary map; a save that changes no index value touches only the slot. Null once the record is removed.
     */
    static final class Slot {
        volatile @Nullable Object value;

        Slot(Object value) {
            this.value = value;
        }
    }

    private final String name;
    private final Function<V, I> idOf;
    private final Function<V, K> keyOf;
    private final Function<K, I> idOfKey;
    private final ToLongFunction<V> versionOf;
    private final Function<K, String> tokenOf;
    private final Function<String, K> keyOfToken;
    private final List<Index<K, V>> indexes = new ArrayList<>();
    private final ConcurrentHashMap<I, Slot> primary = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<K, Slot> order = new ConcurrentSkipListMap<>();

    Table(String name, Function<V, I> idOf, Function<V, K> keyOf, Function<K, I> idOfKey, ToLongFunction<V> versionOf,
            Function<K, String> tokenOf, Function<String, K> keyOfToken) {
        this.name = name;
        this.idOf = idOf;
        this.keyOf = keyOf;
        this.idOfKey = idOfKey;
        this.versionOf = versionOf;
        this.tokenOf = tokenOf;
        this.keyOfToken = keyOfToken;
    }

    /** Adds a secondary index; call before the first write. */
    private @Nullable MemoryUnit unit;

    /** Makes every write of this table take the storage's unit lock (S20). */
    void guardedBy(MemoryUnit u) {
        this.unit = u;
    }

    private <T> T guarded(java.util.function.Supplier<T> write) {
        MemoryUnit u = unit;
        return u == null ? write.get() : u.write(write);
    }

    Index<K, V> index(Function<V, Collection<?>> valuesOf) {
        return index(valuesOf, null, null, null);
    }

    /**
     * Adds a secondary index whose buckets a query can walk as arrays in key order ({@link #sortedPage}); call
     * before the first write.
     *
     * @param attribute a number of each record kept beside it in the arrays, for a query to filter on without
     *     reading the record
     * @param text the sort key as a text whose {@link String} order is the keys' order, or null: the arrays then
     *     keep the keys' characters after their common prefix packed into longs, and merging compares those
     * @param settled the view {@link #sortedPage} returns for a record when it will return that same view for as
     *     long as the record is stored, else null (not yet known); kept beside the row once known, so a later page
     *     returns it without reading the record. Null: every row's view is made from its record.
     */
    Index<K, V> index(Function<V, Collection<?>> valuesOf, @Nullable ToLongFunction<V> attribute,
            @Nullable Function<K, String> text, @Nullable Function<V, @Nullable Object> settled) {
        Index<K, V> i = new Index<>(valuesOf, attribute, text, settled);
        indexes.add(i);
        return i;
    }

    /** The current record, lock-free. */
    Optional<V> get(I id) {
        Slot slot = primary.get(Objects.requireNonNull(id, "id"));
        return slot == null ? Optional.empty() : Optional.ofNullable(valueOf(slot));
    }

    @SuppressWarnings("unchecked")
    private static <V> @Nullable V valueOf(Slot slot) {
        return (V) slot.value;
    }

    /**
     * Replaces the record of {@code id} with {@code change(current)} if its stored version is
     * {@code expectedVersion} (0 = absent), atomically with the index maintenance.
     */
    V compareAndSet(I id, long expectedVersion, Function<Optional<V>, V> change) {
        return guarded(() -> {
            Object[] written = new Object[1];
            primary.compute(id, (k, slot) -> {
                V cur = slot == null ? null : valueOf(slot);
                long actual = cur == null ? 0 : versionOf.applyAsLong(cur);
                if (actual != expectedVersion) {
                    throw new StaleVersionException(k.toString(), expectedVersion, actual);
                }
                V next = Objects.requireNonNull(change.apply(Optional.ofNullable(cur)), "next");
                Slot s = slot == null ? new Slot(next) : slot;
                s.value = next;
                reindex(cur, next, s);
                MemoryUnit.onUndo(() -> restore(id, next, cur));
                written[0] = next;
                return s;
            });
            @SuppressWarnings("unchecked")
            V next = (V) written[0];
            return next;
        });
    }

    /** Puts back the value a failed unit replaced, if the unit's value is still the stored one. */
    private void restore(I id, V written, @Nullable V previous) {
        primary.compute(id, (k, slot) -> {
            if (slot == null || slot.value != written) {
                return slot;
            }
            if (previous != null) {
                slot.value = previous;
                reindex(written, previous, slot);
                return slot;
            }
            unindex(written);
            slot.value = null;
            return null;
        });
    }

    private void unindex(V gone) {
        K key = keyOf.apply(gone);
        order.remove(key);
        for (Index<K, V> index : indexes) {
            for (Object value : index.valuesOf.apply(gone)) {
                Bucket<K> b = index.buckets.get(value);
                if (b != null && b.keys.remove(key) != null) {
                    b.size.decrementAndGet();
                    b.changed();
                }
            }
        }
    }

    /** Stores {@code value} if its id is absent; returns whether it was stored. */
    boolean insertIfAbsent(V value) {
        boolean[] inserted = {false};
        guarded(() -> primary.compute(idOf.apply(value), (k, cur) -> {
            if (cur != null) {
                return cur;
            }
            Slot s = new Slot(value);
            reindex(null, value, s);
            inserted[0] = true;
            MemoryUnit.onUndo(() -> restore(idOf.apply(value), value, null));
            return s;
        }));
        return inserted[0];
    }

    private void reindex(@Nullable V old, V next, Slot slot) {
        K newKey = keyOf.apply(next);
        K oldKey = old == null ? null : keyOf.apply(old);
        boolean sameKey = newKey.equals(oldKey);
        // add the new entries first, then drop the old ones the new state no longer has; a save that changes
        // neither the sort key nor an index value (most saves: a new version of the same record) touches no
        // skip list at all
        if (!sameKey) {
            order.put(newKey, slot);
        }
        for (Index<K, V> index : indexes) {
            Function<V, @Nullable Object> single = index.single;
            if (single != null) {
                reindexOne(index, single.apply(next), old == null ? null : single.apply(old), newKey, oldKey, sameKey,
                        slot);
                continue;
            }
            Collection<?> nextValues = index.valuesOf.apply(next);
            Collection<?> oldValues = old == null ? List.of() : index.valuesOf.apply(old);
            if (sameKey && sameValues(oldValues, nextValues)) {
                continue;
            }
            // one value or none (every index but a few): no set to build
            Collection<?> newValues = nextValues.size() <= 1 ? nextValues : new HashSet<>(nextValues);
            for (Object value : newValues) {
                Bucket<K> b = index.buckets.computeIfAbsent(value, v -> new Bucket<>(Comparator.naturalOrder(), v));
                if (b.keys.putIfAbsent(newKey, slot) == null) {
                    b.size.incrementAndGet();
                    b.changed();
                }
            }
            if (oldKey != null) {
                for (Object value : oldValues) {
                    if (sameKey && newValues.contains(value)) {
                        continue;
                    }
                    Bucket<K> b = index.buckets.get(value);
                    if (b != null && b.keys.remove(oldKey) != null) {
                        b.size.decrementAndGet();
                        b.changed();
                    }
                }
            }
        }
        if (oldKey != null && !sameKey) {
            order.remove(oldKey);
        }
    }

    /**
     * {@link #reindex} of an index made with {@link #one}: the same changes of the same buckets as the general path
     * makes for the lists of none or one value, with no list built.
     *
     * @param next the new record's value, or null
     * @param old the old record's value, or null (also when there is no old record)
     */
    private void reindexOne(Index<K, V> index, @Nullable Object next, @Nullable Object old, K newKey,
            @Nullable K oldKey, boolean sameKey, Slot slot) {
        boolean sameValue = next == null ? old == null : next.equals(old);
        if (sameKey && sameValue) {
            return;
        }
        if (next != null) {
            Bucket<K> b = index.buckets.computeIfAbsent(next, v -> new Bucket<>(Comparator.naturalOrder(), v));
            if (b.keys.putIfAbsent(newKey, slot) == null) {
                b.size.incrementAndGet();
                b.changed();
            }
        }
        if (oldKey != null && old != null) {
            Bucket<K> b = index.buckets.get(old);
            if (b != null && b.keys.remove(oldKey) != null) {
                b.size.decrementAndGet();
                b.changed();
            }
        }
    }

    /** Whether two index-value collections hold the same values (as sets); cheap for the usual 0 or 1 value. */
    private static boolean sameValues(Collection<?> a, Collection<?> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() && b.isEmpty();
        }
        if (a.size() == 1 && b.size() == 1) {
            return a.iterator().next().equals(b.iterator().next());
        }
        return new HashSet<>(a).equals(new HashSet<>(b));
    }

    /** The number of stored records (O(1)). */
    int size() {
        return primary.size();
    }

    /**
     * The candidate key sets of an index for some index values, with their total size; used to pick
     * the most selective index.
     */
    static <K, V> Candidates<K> candidates(Index<K, V> index, Collection<?> values) {
        List<NavigableMap<K, Slot>> sets = new ArrayList<>();
        long size = 0;
        for (Object v : values) {
            Optional<Bucket<K>> b = index.bucket(v);
            if (b.isPresent()) {
                sets.add(b.get().keys);
                size += b.get().size.get();
            }
        }
        return new Candidates<>(sets, size);
    }

    /**
     * The size {@link #candidates(Index, Collection)} of those values would estimate, without building them (for a
     * plan that only compares sizes).
     */
    static <K, V> long size(Index<K, V> index, Collection<?> values) {
        long size = 0;
        for (Object v : values) {
            Bucket<K> b = index.buckets.get(v);
            if (b != null) {
                size += b.size.get();
            }
        }
        return size;
    }

    /** Key sets whose union holds every record that may match, and an estimate of its size. */
    record Candidates<K>(List<NavigableMap<K, Slot>> sets, long size) {
    }

    /** The whole table as candidates. */
    Candidates<K> all() {
        return new Candidates<>(List.of((NavigableMap<K, Slot>) order), primary.size());
    }

    /** The candidates restricted to the sort keys in {@code [from, before)}. */
    static <K> Candidates<K> range(Candidates<K> c, K from, K before) {
        List<NavigableMap<K, Slot>> sets = new ArrayList<>();
        for (NavigableMap<K, Slot> s : c.sets()) {
            sets.add(s.subMap(from, true, before, false));
        }
        return new Candidates<>(sets, c.size());
    }

    /** The candidates with the smallest estimated size. */
    @SafeVarargs
    final Candidates<K> smallest(@Nullable Candidates<K>... options) {
        Candidates<K> best = all();
        for (Candidates<K> c : options) {
            if (c != null && c.size() < best.size()) {
                best = c;
            }
        }
        return best;
    }

    /** One page of the records in the candidates that satisfy {@code predicate}, in sort-key order. */
    <T> Page<T> page(Candidates<K> candidates, Predicate<V> predicate, PageRequest request, Function<V, T> view) {
        Optional<K> after = request.after().map(this::decode);
        return page(matching(candidates, predicate, after), request, view);
    }

    /**
     * One page of the records of a sorted index's buckets for {@code values} that satisfy {@code predicate}, in
     * sort-key order, read from the buckets' array copies; the same page as {@link #page} over
     * {@link #candidates(Index, Collection)} of those values gives.
     *
     * @param attribute a test of the index's attribute that a record must pass, or null; used only for a row whose
     *     slot still holds the copied record
     * @param residual the rest of {@code predicate} for a row whose slot still holds the copied record (which
     *     belongs to its bucket and passed {@code attribute}), or null when nothing is left to test
     * @param predicate the whole test, for any other row
     */
    <T> Page<T> sortedPage(Index<K, V> index, Collection<?> values, @Nullable LongPredicate attribute,
            @Nullable Predicate<V> residual, Predicate<V> predicate, PageRequest request, Function<V, T> view) {
        Optional<K> after = request.after().map(this::decode);
        List<Object> of = new ArrayList<>(values.size());
        List<Sorted<K>> copies = copies(index, values, request.limit() + 1L, of);
        if (copies == null) {
            return page(matching(candidates(index, values), predicate, after), request, view);
        }
        return new SortedMerge(united(index, values, of, copies, request.limit() + 1L), attribute, residual,
                predicate, after).page(request.limit(), view, index.settled);
    }

    /** How many records of a sorted index's buckets for {@code values} satisfy {@code predicate}. */
    long sortedCount(Index<K, V> index, Collection<?> values, @Nullable LongPredicate attribute,
            @Nullable Predicate<V> residual, Predicate<V> predicate) {
        List<Object> of = new ArrayList<>(values.size());
        List<Sorted<K>> copies = copies(index, values, Integer.MAX_VALUE, of);
        if (copies == null) {
            return count(candidates(index, values), predicate);
        }
        return new SortedMerge(united(index, values, of, copies, Integer.MAX_VALUE), attribute, residual, predicate,
                Optional.empty()).count();
    }

    /**
     * The array copies of the buckets (those with rows) when every bucket has a current one (or may make one, see
     * {@link Bucket#walked}); else null, the rows the caller will walk in the skip lists counted as walked.
     *
     * @param rows how many rows the caller will take at most (counted as walked when the skip lists are used)
     * @param of filled with the index value of each copy returned, in the same order
     */
    private @Nullable List<Sorted<K>> copies(Index<K, V> index, Collection<?> values, long rows, List<Object> of) {
        List<Sorted<K>> copies = new ArrayList<>(values.size());
        List<Bucket<K>> stale = null;
        for (Object v : values) {
            Bucket<K> b = index.buckets.get(v);
            if (b == null) {
                continue;
            }
            Sorted<K> c = current(index, b);
            if (c == null) {
                if (stale == null) {
                    stale = new ArrayList<>();
                }
                stale.add(b);
            } else if (c.keys().length > 0) {
                copies.add(c);
                of.add(v);
            }
        }
        if (stale != null) {
            for (Bucket<K> b : stale) {
                b.walked.addAndGet(Math.min(rows, b.size.get()));
            }
            return null;
        }
        return copies;
    }

    /**
     * The copies a query of {@code values} merges: one union of them when a union of exactly these copies exists,
     * or when the rows queries merged from these buckets since the last union reach the rows of the copies (so
     * making unions costs at most as much as the merges they replace); else the copies themselves.
     *
     * @param of the index value of each copy
     * @param rows how many rows the caller will take at most
     */
    private List<Sorted<K>> united(Index<K, V> index, Collection<?> values, List<Object> of, List<Sorted<K>> copies,
            long rows) {
        if (copies.size() < 2 || !(values instanceof Set)) {
            return copies;
        }
        Unions<K> unions = index.unions.get((Set<?>) values);
        if (unions != null) {
            Union<K> u = unions.union;
            if (u != null && u.parts().size() == copies.size()) {
                boolean same = true;
                for (int j = 0; j < copies.size() && same; j++) {
                    same = u.parts().get(of.get(j)) == copies.get(j);
                }
                if (same) {
                    return List.of(u.rows());
                }
            }
        }
        long total = 0;
        for (Sorted<K> c : copies) {
            total += c.keys().length;
        }
        if (unions == null) {
            if (index.unions.size() >= UNIONS) {
                index.unions.clear();
            }
            unions = index.unions.computeIfAbsent(Set.copyOf(values), v -> new Unions<>());
        }
        if (unions.walked.addAndGet(Math.min(rows, total)) < total) {
            return copies;
        }
        Map<Object, Sorted<K>> parts = new java.util.HashMap<>();
        for (int j = 0; j < copies.size(); j++) {
            parts.put(of.get(j), copies.get(j));
        }
        Sorted<K> merged = new SortedMerge(copies, null, null, x -> true, Optional.empty()).rows(total);
        unions.union = new Union<>(parts, merged);
        unions.walked.set(0);
        return List.of(merged);
    }

    /** The bucket's array copy if current, a new one if the walks since the last paid for it, else null. */
    private @Nullable Sorted<K> current(Index<K, V> index, Bucket<K> b) {
        int mods = b.mods.get();
        Sorted<K> c = b.sorted;
        if (c != null && c.mods() == mods) {
            return c;
        }
        if (b.walked.get() < b.size.get()) {
            return null;
        }
        c = copy(index, b, mods);
        b.walked.set(0);
        b.sorted = c;
        if (b.mods.get() != mods) {
            // changed while copying: the copy holds every change counted up to mods, so it serves this query,
            // but it is not kept
            b.sorted = null;
        }
        return c;
    }

    /** Whether a record has an index value (no list built for an index made with {@link #one}). */
    private static <K, V> boolean has(Index<K, V> index, V v, Object value) {
        Function<V, @Nullable Object> single = index.single;
        return single != null ? value.equals(single.apply(v)) : index.valuesOf.apply(v).contains(value);
    }

    /** Copies a bucket: its rows whose slot holds a record having the bucket's value under its key. */
    private Sorted<K> copy(Index<K, V> index, Bucket<K> b, int mods) {
        int n = Math.max(4, b.size.get() + 4);
        Object[] keys = new Object[n];
        Slot[] slots = new Slot[n];
        Object[] records = new Object[n];
        long[] attributes = new long[n];
        ToLongFunction<V> attributeOf = Objects.requireNonNull(index.attribute, "not a sorted index");
        int i = 0;
        for (Map.Entry<K, Slot> e : b.keys.entrySet()) {
            Slot slot = e.getValue();
            V v = valueOf(slot);
            if (v == null || keyOf.apply(v).compareTo(e.getKey()) != 0 || !has(index, v, b.value)) {
                continue; // a save in flight: its row is read through the skip list's new entries on the next copy
            }
            if (i == keys.length) {
                int m = keys.length * 2;
                keys = java.util.Arrays.copyOf(keys, m);
                slots = java.util.Arrays.copyOf(slots, m);
                records = java.util.Arrays.copyOf(records, m);
                attributes = java.util.Arrays.copyOf(attributes, m);
            }
            keys[i] = e.getKey();
            slots[i] = slot;
            records[i] = v;
            attributes[i] = attributeOf.applyAsLong(v);
            i++;
        }
        String common = null;
        long[] prefixes = null;
        Function<K, String> text = index.text;
        if (text != null && i > 0) {
            // the rows are in key order, so the first and the last share the prefix every row has
            @SuppressWarnings("unchecked")
            String first = text.apply((K) keys[0]);
            @SuppressWarnings("unchecked")
            String last = text.apply((K) keys[i - 1]);
            common = first.substring(0, commonPrefix(first, last));
            prefixes = new long[i];
            for (int r = 0; r < i; r++) {
                @SuppressWarnings("unchecked")
                String t = text.apply((K) keys[r]);
                prefixes[r] = packed(t, common.length());
            }
        }
        Object[] views = new Object[i];
        Function<V, @Nullable Object> settled = index.settled;
        if (settled != null) {
            for (int r = 0; r < i; r++) {
                @SuppressWarnings("unchecked")
                V v = (V) records[r];
                views[r] = settled.apply(v);
            }
        }
        return new Sorted<>(mods, java.util.Arrays.copyOf(keys, i), java.util.Arrays.copyOf(slots, i),
                java.util.Arrays.copyOf(records, i), java.util.Arrays.copyOf(attributes, i), common, prefixes, views);
    }

    /**
     * The ascending union of array copies without repeated keys, each row checked. The sources are kept ordered
     * by their next key; after a source gives its row it is moved back to its place by insertion (about half the
     * sources compared), and a key equal to another source's next key is skipped there, so no key is compared
     * twice to find duplicates.
     *
     * <p>The rows are taken in batches ({@link #fill}): the merge first lists a batch's rows, then their slots are
     * read in one pass (loads that do not wait on each other, so the processor overlaps their cache misses), then
     * the rows are checked in order. A row whose slot holds the copied record is tested on the copy's attribute and
     * the residual test only; its view is the copy's settled view when known (no read of the record). Any other
     * row is re-checked against its current record with the whole predicate.
     */
    private final class SortedMerge {
        private final Object[][] keys;
        private final Slot[][] slots;
        private final Object[][] records;
        private final long[][] attributes;
        /**
         * The packed characters after a prefix all keys share, when every copy packed them after the same
         * prefix; else null and keys are compared whole.
         */
        private final long @Nullable [][] prefixes;
        private final int[] pos;
        /** The live sources, ordered by their next key; the first {@code live} entries count. */
        private final int[] order;
        private int live;
        private final @Nullable LongPredicate attribute;
        private final @Nullable Predicate<V> residual;
        private final Predicate<V> predicate;
        private final @Nullable Object[][] views;

        SortedMerge(List<Sorted<K>> copies, @Nullable LongPredicate attribute, @Nullable Predicate<V> residual,
                Predicate<V> predicate, Optional<K> after) {
            int k = copies.size();
            keys = new Object[k][];
            slots = new Slot[k][];
            records = new Object[k][];
            attributes = new long[k][];
            views = new Object[k][];
            pos = new int[k];
            order = new int[k];
            long[][] packed = new long[k][];
            String shared = null;
            for (int s = 0; s < k && packed != null; s++) {
                Sorted<K> c = copies.get(s);
                if (c.prefixes() == null || (shared != null && !shared.equals(c.common()))) {
                    packed = null;
                } else {
                    shared = c.common();
                    packed[s] = c.prefixes();
                }
            }
            prefixes = packed;
            this.attribute = attribute;
            this.residual = residual;
            this.predicate = predicate;
            for (int s = 0; s < k; s++) {
                Sorted<K> c = copies.get(s);
                keys[s] = c.keys();
                slots[s] = c.slots();
                records[s] = c.values();
                attributes[s] = c.attributes();
                views[s] = c.views();
                pos[s] = after.isPresent() ? firstAfter(c.keys(), after.get()) : 0;
                if (pos[s] < keys[s].length) {
                    place(s, 0);
                }
            }
        }

        /** The first index in {@code a} whose key is greater than {@code key}. */
        private int firstAfter(Object[] a, K key) {
            int lo = 0;
            int hi = a.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (key(a, mid).compareTo(key) <= 0) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        @SuppressWarnings("unchecked")
        private K key(Object[] a, int i) {
            return (K) a[i];
        }

        /**
         * Inserts source {@code s} among the live sources {@code order[from..live)}, which are ordered; sources
         * {@code order[0..from)} stay before it. A next key equal to another source's is skipped in {@code s}.
         */
        private void place(int s, int from) {
            int j = from;
            long[][] packed = prefixes;
            while (j < live) {
                int o = order[j];
                int c = 0;
                if (packed != null) {
                    c = Long.compareUnsigned(packed[s][pos[s]], packed[o][pos[o]]);
                }
                if (c == 0) {
                    c = key(keys[s], pos[s]).compareTo(key(keys[o], pos[o]));
                }
                if (c < 0) {
                    break;
                }
                if (c == 0) {
                    if (++pos[s] == keys[s].length) {
                        return; // exhausted: not placed
                    }
                    continue;
                }
                j++;
            }
            System.arraycopy(order, j, order, j + 1, live - j);
            order[j] = s;
            live++;
        }

        /**
         * The next rows in key order, at most {@code src.length}: source {@code src[j]}, row {@code row[j]}.
         *
         * @return how many (0 at the end)
         */
        int fill(int[] src, int[] row) {
            if (keys.length == 1) {
                // one source (a single bucket, or a union): its next rows in order, nothing to merge
                int from = pos[0];
                int n = live == 0 ? 0 : Math.min(src.length, keys[0].length - from);
                for (int j = 0; j < n; j++) {
                    src[j] = 0;
                    row[j] = from + j;
                }
                pos[0] = from + n;
                if (pos[0] == keys[0].length) {
                    live = 0;
                }
                return n;
            }
            int n = 0;
            while (n < src.length && live > 0) {
                int s = order[0];
                src[n] = s;
                row[n] = pos[s];
                n++;
                // take source s out, advance it, put it back in its place
                live--;
                System.arraycopy(order, 1, order, 0, live);
                if (++pos[s] < keys[s].length) {
                    place(s, 0);
                }
            }
            return n;
        }

        /** Reads the current record of each row of a batch into {@code current}. */
        void read(int[] src, int[] row, int n, @Nullable Object[] current) {
            for (int j = 0; j < n; j++) {
                current[j] = slots[src[j]][row[j]].value;
            }
        }

        /**
         * Whether the row, whose current record is {@code cur}, matches: on the copy when {@code cur} is the copied
         * record, else re-checked whole.
         */
        private boolean matches(int s, int i, @Nullable Object cur) {
            if (cur == records[s][i]) {
                return (attribute == null || attribute.test(attributes[s][i])) && (residual == null
                        || residual.test(value(cur)));
            }
            return cur != null && keyOf.apply(value(cur)).compareTo(key(keys[s], i)) == 0
                    && predicate.test(value(cur));
        }

        @SuppressWarnings("unchecked")
        private V value(@Nullable Object cur) {
            return (V) Objects.requireNonNull(cur);
        }

        /**
         * The first page of at most {@code limit} matching rows, with the token of its last key when more match.
         *
         * @param settled the index's settled views (see {@link Index}), or null
         */
        <T> Page<T> page(int limit, Function<V, T> view, @Nullable Function<V, @Nullable Object> settled) {
            int batch = Math.min(BATCH, Math.max(8, limit + 1));
            int[] src = new int[batch];
            int[] row = new int[batch];
            Object[] current = new Object[batch];
            List<T> items = new ArrayList<>(Math.min(limit, 1024));
            Object lastKey = null;
            for (int n = fill(src, row); n > 0; n = fill(src, row)) {
                read(src, row, n, current);
                for (int j = 0; j < n; j++) {
                    int s = src[j];
                    int i = row[j];
                    Object cur = current[j];
                    if (!matches(s, i, cur)) {
                        continue;
                    }
                    if (items.size() == limit) {
                        // the limit is at least 1, so a full page has a last key
                        @SuppressWarnings("unchecked")
                        K last = (K) Objects.requireNonNull(lastKey);
                        return Page.of(items, Optional.of(encode(last)));
                    }
                    items.add(viewOf(s, i, cur, view, settled));
                    lastKey = keys[s][i]; // equal to the current record's key: checked by matches
                }
            }
            return Page.of(items, Optional.empty());
        }

        /**
         * The view of a row that {@link #matches}: the settled view kept beside the copied record when the slot still
         * holds it (what {@code view} gives for it), else {@code view} of the current record, kept as the settled
         * view when the record is the copied one and the index has settled views.
         */
        <T> T viewOf(int s, int i, Object cur, Function<V, T> view, @Nullable Function<V, @Nullable Object> settled) {
            boolean copied = cur == records[s][i];
            Object known = copied ? views[s][i] : null;
            if (known != null) {
                @SuppressWarnings("unchecked") // the settled view of the copied record: what view gives
                T t = (T) known;
                return t;
            }
            V v = value(cur);
            T t = view.apply(v);
            if (settled != null && copied) {
                views[s][i] = settled.apply(v);
            }
            return t;
        }

        /** Every row, merged into one copy (no packed prefixes: a single copy is not merged). */
        Sorted<K> rows(long total) {
            int n = (int) total;
            Object[] k = new Object[n];
            Slot[] sl = new Slot[n];
            Object[] rec = new Object[n];
            long[] at = new long[n];
            Object[] vw = new Object[n];
            int[] src = new int[BATCH];
            int[] row = new int[BATCH];
            int r = 0;
            for (int m = fill(src, row); m > 0; m = fill(src, row)) {
                for (int j = 0; j < m; j++) {
                    int s = src[j];
                    int i = row[j];
                    k[r] = keys[s][i];
                    sl[r] = slots[s][i];
                    rec[r] = records[s][i];
                    at[r] = attributes[s][i];
                    vw[r] = views[s][i];
                    r++;
                }
            }
            // a key in two copies (a record moving between buckets) is one row: fewer rows than total
            return new Sorted<>(-1, java.util.Arrays.copyOf(k, r), java.util.Arrays.copyOf(sl, r),
                    java.util.Arrays.copyOf(rec, r), java.util.Arrays.copyOf(at, r), null, null,
                    java.util.Arrays.copyOf(vw, r));
        }

        /** How many rows match. */
        long count() {
            int[] src = new int[BATCH];
            int[] row = new int[BATCH];
            Object[] current = new Object[BATCH];
            long count = 0;
            for (int n = fill(src, row); n > 0; n = fill(src, row)) {
                read(src, row, n, current);
                for (int j = 0; j < n; j++) {
                    if (matches(src[j], row[j], current[j])) {
                        count++;
                    }
                }
            }
            return count;
        }
    }

    /** Rows a sorted merge lists and reads at a time. */
    private static final int BATCH = 64;

    private <T> Page<T> page(Iterator<V> it, PageRequest request, Function<V, T> view) {
        List<T> items = new ArrayList<>(Math.min(request.limit(), 1024));
        V last = null;
        while (it.hasNext()) {
            V v = it.next();
            if (items.size() == request.limit()) {
                // the limit is at least 1, so a full page has a last record; its key is read only here
                return Page.of(items, Optional.of(encode(keyOf.apply(Objects.requireNonNull(last)))));
            }
            items.add(view.apply(v));
            last = v;
        }
        return Page.of(items, Optional.empty());
    }

    /** The first record in sort-key order among the candidates that satisfies {@code predicate} (no page built). */
    Optional<V> first(Candidates<K> candidates, Predicate<V> predicate) {
        Iterator<V> it = matching(candidates, predicate, Optional.empty());
        return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
    }

    /**
     * The first record in sort-key order in the bucket of one index value that satisfies {@code predicate}, read
     * from the bucket's skip list directly (no candidate list, no merging iterator): what
     * {@code first(candidates(index, List.of(value)), predicate)} gives, for a look-up that runs on every call (a
     * risk point by one of its hazards).
     */
    Optional<V> firstIn(Index<K, V> index, Object value, Predicate<V> predicate) {
        Bucket<K> bucket = index.buckets.get(value);
        if (bucket == null) {
            return Optional.empty();
        }
        for (Map.Entry<K, Slot> e : bucket.keys.entrySet()) {
            V v = current(e);
            if (v != null && predicate.test(v)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /**
     * The record an index entry stands for, if its slot still holds a record of the entry's key (a record that
     * moved to another key since, or was removed, is not this entry's); null otherwise.
     */
    private @Nullable V current(Map.Entry<K, Slot> entry) {
        V v = valueOf(entry.getValue());
        return v != null && keyOf.apply(v).compareTo(entry.getKey()) == 0 ? v : null;
    }

    /** How many records in the candidates satisfy {@code predicate}. */
    long count(Candidates<K> candidates, Predicate<V> predicate) {
        long n = 0;
        Iterator<V> it = matching(candidates, predicate, Optional.empty());
        while (it.hasNext()) {
            it.next();
            n++;
        }
        return n;
    }

    /** Tokens are {@code <table name>:<base64url of the key>}, so a foreign token is recognised. */
    private String encode(K key) {
        return prefix() + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(tokenOf.apply(key).getBytes(StandardCharsets.UTF_8));
    }

    private String prefix() {
        return name.replace(' ', '-') + ":";
    }

    private K decode(String token) {
        try {
            if (!token.startsWith(prefix())) {
                throw new IllegalArgumentException("wrong prefix");
            }
            String key = new String(Base64.getUrlDecoder().decode(token.substring(prefix().length())),
                    StandardCharsets.UTF_8);
            return Objects.requireNonNull(keyOfToken.apply(key));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Page token [" + token + "] was not made by the " + name
                    + " table of this store; pass the token of the previous page unchanged", e);
        }
    }

    /**
     * Merges the candidate sets after {@code after}, dropping duplicates, re-checking the current records (read
     * through the index entries' slots: no look-up in the primary map).
     */
    private Iterator<V> matching(Candidates<K> candidates, Predicate<V> predicate, Optional<K> after) {
        List<Iterator<Map.Entry<K, Slot>>> sources = new ArrayList<>(candidates.sets().size());
        for (NavigableMap<K, Slot> set : candidates.sets()) {
            sources.add((after.isPresent() ? set.tailMap(after.get(), false) : set).entrySet().iterator());
        }
        Iterator<Map.Entry<K, Slot>> keys = sources.size() == 1 ? sources.get(0) : merged(sources);
        return new Iterator<>() {
            private @Nullable V nextValue;

            @Override
            public boolean hasNext() {
                while (nextValue == null && keys.hasNext()) {
                    V v = current(keys.next());
                    if (v != null && predicate.test(v)) {
                        nextValue = v;
                    }
                }
                return nextValue != null;
            }

            @Override
            public V next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                V v = Objects.requireNonNull(nextValue); // set by hasNext()
                nextValue = null;
                return v;
            }
        };
    }

    /**
     * The ascending union of several ascending entry iterators without repeated keys. One reusable head per source
     * (no allocation per key); the next head is found by a linear scan for a few sources, through a heap for
     * many.
     */
    private static <K extends Comparable<? super K>, S> Iterator<Map.Entry<K, S>> merged(
            List<Iterator<Map.Entry<K, S>>> sources) {
        List<Head<K, S>> live = new ArrayList<>(sources.size());
        for (Iterator<Map.Entry<K, S>> it : sources) {
            if (it.hasNext()) {
                live.add(new Head<>(it.next(), it));
            }
        }
        boolean heap = live.size() > 8;
        PriorityQueue<Head<K, S>> queue = heap ? new PriorityQueue<>(live) : null;
        return new Iterator<>() {
            private @Nullable K previous;
            private Map.@Nullable Entry<K, S> upcoming;

            @Override
            public boolean hasNext() {
                while (upcoming == null) {
                    Head<K, S> h = queue != null ? queue.poll() : smallest(live);
                    if (h == null) {
                        return false;
                    }
                    Map.Entry<K, S> entry = h.entry;
                    if (h.rest.hasNext()) {
                        h.entry = h.rest.next();
                        if (queue != null) {
                            queue.add(h);
                        }
                    } else if (queue == null) {
                        live.remove(h);
                    }
                    K key = entry.getKey();
                    if (previous == null || previous.compareTo(key) != 0) {
                        previous = key;
                        upcoming = entry;
                    }
                }
                return true;
            }

            @Override
            public Map.Entry<K, S> next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                Map.Entry<K, S> e = Objects.requireNonNull(upcoming); // set by hasNext()
                upcoming = null;
                return e;
            }
        };
    }

    private static <K extends Comparable<? super K>, S> @Nullable Head<K, S> smallest(List<Head<K, S>> heads) {
        Head<K, S> best = null;
        for (Head<K, S> h : heads) {
            if (best == null || h.entry.getKey().compareTo(best.entry.getKey()) < 0) {
                best = h;
            }
        }
        return best;
    }

    private static final class Head<K extends Comparable<? super K>, S> implements Comparable<Head<K, S>> {
        Map.Entry<K, S> entry;
        final Iterator<Map.Entry<K, S>> rest;

        Head(Map.Entry<K, S> entry, Iterator<Map.Entry<K, S>> rest) {
            this.entry = entry;
            this.rest = rest;
        }

        @Override
        public int compareTo(Head<K, S> o) {
            return entry.getKey().compareTo(o.entry.getKey());
        }
    }

    // ------------------------------------------------------------------ walks without pages

    /**
     * Every record in the candidates that satisfies {@code predicate}, in sort-key order, as views, read lazily: the
     * items, in the same order, of paging through {@link #page} to the end, without building pages.
     */
    <T> Iterator<T> iterator(Candidates<K> candidates, Predicate<V> predicate, Function<V, T> view) {
        Iterator<V> it = matching(candidates, predicate, Optional.empty());
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public T next() {
                return view.apply(it.next());
            }
        };
    }

    /**
     * Every record of a sorted index's buckets for {@code values} that satisfies {@code predicate}, in sort-key
     * order, as views, read lazily: the items, in the same order, of paging through {@link #sortedPage} to the end,
     * without building pages. Read from the buckets' array copies (or their union) in batches as a page reads them,
     * or from the skip lists when a bucket has no current copy; the rows walked count towards new copies and unions
     * as a count's do.
     */
    <T> Iterator<T> sortedIterator(Index<K, V> index, Collection<?> values, @Nullable LongPredicate attribute,
            @Nullable Predicate<V> residual, Predicate<V> predicate, Function<V, T> view) {
        List<Object> of = new ArrayList<>(values.size());
        List<Sorted<K>> copies = copies(index, values, Integer.MAX_VALUE, of);
        if (copies == null) {
            return iterator(candidates(index, values), predicate, view);
        }
        return new SortedWalk<>(new SortedMerge(united(index, values, of, copies, Integer.MAX_VALUE), attribute,
                residual, predicate, Optional.empty()), view, index.settled);
    }

    /**
     * The matching rows of a {@link SortedMerge}, batch by batch, each as its view: the rows, checks and views of
     * {@link SortedMerge#page} with no limit and no list.
     */
    private final class SortedWalk<T> implements Iterator<T> {
        private final SortedMerge merge;
        private final Function<V, T> view;
        private final @Nullable Function<V, @Nullable Object> settled;
        private final int[] src = new int[BATCH];
        private final int[] row = new int[BATCH];
        private final Object[] current = new Object[BATCH];
        /** The rows of the batch in hand and the next one to check. */
        private int n;
        private int at;
        private @Nullable T upcoming;

        SortedWalk(SortedMerge merge, Function<V, T> view, @Nullable Function<V, @Nullable Object> settled) {
            this.merge = merge;
            this.view = view;
            this.settled = settled;
        }

        @Override
        public boolean hasNext() {
            while (upcoming == null) {
                if (at == n) {
                    n = merge.fill(src, row);
                    at = 0;
                    if (n == 0) {
                        return false;
                    }
                    merge.read(src, row, n, current);
                }
                int s = src[at];
                int i = row[at];
                Object cur = current[at];
                current[at] = null;
                at++;
                if (!merge.matches(s, i, cur)) {
                    continue;
                }
                upcoming = merge.viewOf(s, i, cur, view, settled);
            }
            return true;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            T t = Objects.requireNonNull(upcoming); // set by hasNext()
            upcoming = null;
            return t;
        }
    }
}
