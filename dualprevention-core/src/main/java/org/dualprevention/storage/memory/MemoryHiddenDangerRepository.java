package org.dualprevention.storage.memory;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.time.LocalDate;
import java.util.function.LongPredicate;
import java.util.function.Predicate;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.engine.closedloop.AuditChain;
import org.dualprevention.spi.AuditKeyProvider;
import org.jspecify.annotations.Nullable;
import org.dualprevention.spi.AuditLog;
import org.dualprevention.query.HiddenDangerQuery;
import org.dualprevention.spi.HiddenDangerRepository;
import org.dualprevention.query.Page;
import org.dualprevention.query.PageRequest;

/**
 * Hidden dangers and their audit chains. Each record holds the snapshot (the state) and the chain in one
 * immutable value, swapped in by one compare-and-set, so state and audit entry are visible together
 * (rule S4). Indexed by unit, state, risk point and grade.
 *
 * <p>The read path is the snapshot, checked against its head entry ({@link AuditChain#requireSnapshot}): a
 * load costs the same at any chain length, and a snapshot its head entry disowns is reported with a
 * {@link org.dualprevention.RecordIntegrityException}, never returned. A save appends to the chain in amortised
 * constant time: the records of one hidden danger share one array, each seeing only its first {@code size}
 * entries, which are never written again.
 */
final class MemoryHiddenDangerRepository implements HiddenDangerRepository, AuditLog {

    /**
     * The stored snapshot and its audit chain, in save order: the first {@code size} entries of {@code entries}.
     * Later records of the same hidden danger may share the array and fill the slots after {@code size}.
     *
     * <p>A record remembers that its snapshot was checked against its head entry: both are immutable and the
     * record is never changed after it is stored, so the check of a record is made once, and not again on every
     * later read (a query returning it, the next command's load): by {@code save}, with the entry as given (the record
     * keeps an entry equal to it, so the answer is the one a read would get), or, if that check failed, on its first
     * read, which then reports the record. A record replaced outside the
     * library ({@link #tamper}) is a new record and is checked again. The mark is a bit of {@code sizeAndChecked}
     * (no extra field per hidden danger); a read racing the first check may check again, never skip a check.
     */
    static final class Stored {
        private final HiddenDanger danger;
        /** Each a {@link CompactEntry}, or the {@link AuditEntry} itself when it has no compact form. */
        private final Object[] entries;
        /** size &lt;&lt; 1, plus 1 once the snapshot was checked against the head entry. */
        private int sizeAndChecked;

        Stored(HiddenDanger danger, Object[] entries, int size) {
            this.danger = danger;
            this.entries = entries;
            this.sizeAndChecked = size << 1;
        }

        HiddenDanger danger() {
            return danger;
        }

        int size() {
            return sizeAndChecked >>> 1;
        }

        boolean isChecked() {
            return (sizeAndChecked & 1) != 0;
        }

        void markChecked() {
            sizeAndChecked = (size() << 1) | 1;
        }

        AuditEntry head() {
            int size = size();
            Object e = entries[size - 1];
            return e instanceof CompactEntry ? ((CompactEntry) e).entry(danger.id(), size - 1,
                    CompactEntry.hashAt(entries, size - 2), danger.auditHead()) : (AuditEntry) e;
        }

        List<AuditEntry> chain() {
            return entries(0, size());
        }

        /** The entries {@code from} (inclusive) to {@code to} (exclusive), made again from their stored form. */
        List<AuditEntry> entries(int from, int to) {
            AuditEntry[] out = new AuditEntry[to - from];
            String previous = CompactEntry.hashAt(entries, from - 1);
            for (int i = from; i < to; i++) {
                AuditEntry e = CompactEntry.at(entries, i, danger.id(), previous);
                out[i - from] = e;
                previous = e.hash();
            }
            return Arrays.asList(out);
        }

        /** This record with one entry appended: in the shared array when its next slot was never written. */
        Stored append(HiddenDanger next, AuditEntry entry) {
            Object[] array = entries;
            int size = size();
            if (size == array.length || array[size] != null) {
                // full, or the slot holds an entry of a save that was undone: copy, so no reader sees it change
                array = Arrays.copyOf(array, Math.max(4, size * 2));
                Arrays.fill(array, size, array.length, null);
            }
            array[size] = kept(entry, size, size == 0 ? null : array[size - 1]);
            return new Stored(next, array, size + 1);
        }

        static Stored first(HiddenDanger danger, AuditEntry entry) {
            Object[] array = new Object[4];
            array[0] = kept(entry, 0, null);
            return new Stored(danger, array, 1);
        }

        private static Object kept(AuditEntry entry, int place, @Nullable Object previous) {
            CompactEntry c = CompactEntry.of(entry, place, previous);
            return c == null ? entry : c;
        }
    }

    private static final Set<HiddenDangerState> OPEN_STATES = openStates();

    private final Table<HiddenDangerId, HiddenDangerId, Stored> table = new Table<>("hidden danger",
            s -> s.danger().id(), s -> s.danger().id(), k -> k, s -> s.danger().version(), HiddenDangerId::value,
            HiddenDangerId::of);
    // each index gives a record one value or none (Table.one: a save compares values, no list built)
    private final Table.Index<HiddenDangerId, Stored> byUnit = table.index(Table.one(s -> s.danger().unit()));
    private final Table.Index<HiddenDangerId, Stored> byState = table.index(Table.one(s -> s.danger().state()));
    private final Table.Index<HiddenDangerId, Stored> byRiskPoint = table.index(
            Table.one(s -> s.danger().riskPoint().orElse(null)));
    private final Table.Index<HiddenDangerId, Stored> byGrade = table.index(
            Table.one(s -> s.danger().grade().orElse(null)));
    /**
     * The open hidden dangers of each unit, walked as arrays in id order by the queries of open or overdue
     * hidden dangers in some units; the attribute is the deadline in force as an epoch day (none: the largest
     * long), so the overdue test reads no record; ids are merged by their text (a HiddenDangerId's order). A
     * record's page view is settled once the record was checked ({@link #checked} then returns its snapshot and
     * nothing else for as long as it is stored), so later pages return it without reading the record.
     */
    private final Table.Index<HiddenDangerId, Stored> byOpenUnit = table.index(
            Table.one(s -> s.danger().isOpen() ? s.danger().unit() : null),
            MemoryHiddenDangerRepository::deadlineDay, HiddenDangerId::value,
            s -> s.isChecked() ? s.danger() : null);

    private static long deadlineDay(Stored s) {
        Optional<LocalDate> d = s.danger().deadline();
        return d.isPresent() ? d.get().toEpochDay() : Long.MAX_VALUE;
    }

    /**
     * How a query of open hidden dangers in some units reads the open-by-unit index: the units, the deadline test
     * (overdue), what is left to test of a row whose record is the one copied into the index's arrays (null:
     * nothing), and the whole query for any other row.
     */
    private record OpenPlan(java.util.Collection<?> units, @Nullable LongPredicate deadline,
            @Nullable Predicate<Stored> residual, Predicate<Stored> predicate) {
    }

    /**
     * The plan for the open-by-unit index when the query can match only open ones and the index is its smallest
     * candidate set; else null. A query in some units reads their buckets; one in every unit (no unit given) reads
     * every bucket, which beats merging the skip lists of the open states and re-checking each record.
     */
    private @Nullable OpenPlan openPlan(HiddenDangerQuery query) {
        Optional<Set<OrgUnitId>> units = query.units();
        Optional<Set<HiddenDangerState>> states = query.states();
        Optional<LocalDate> overdue = query.overdueAsOf();
        if (overdue.isEmpty() && (states.isEmpty() || !OPEN_STATES.containsAll(states.get()))) {
            return null;
        }
        // a set, so that the table keeps the merged rows of the buckets a query reads together (Table.Union)
        java.util.Collection<?> buckets = units.isPresent() ? units.get() : Set.copyOf(byOpenUnit.values());
        if (candidatesSize(query) < Table.size(byOpenUnit, buckets)) {
            return null;
        }
        LongPredicate deadline = null;
        if (overdue.isPresent()) {
            long day = overdue.get().toEpochDay();
            deadline = d -> d < day; // the deadline before the day: the rule of HiddenDanger.overdueOn
        }
        Predicate<Stored> predicate = s -> query.matches(s.danger());
        boolean rest = (states.isPresent() && !states.get().containsAll(OPEN_STATES)) || query.riskPoint().isPresent()
                || query.grades().isPresent() || query.reportedFrom().isPresent();
        return new OpenPlan(buckets, deadline, rest ? predicate : null, predicate);
    }

    private static Set<HiddenDangerState> openStates() {
        Set<HiddenDangerState> s = EnumSet.noneOf(HiddenDangerState.class);
        for (HiddenDangerState st : HiddenDangerState.values()) {
            if (!st.isTerminal()) {
                s.add(st);
            }
        }
        return Set.copyOf(s);
    }

    /** The host's keys the snapshots' head entries are checked with, or null. */
    private final @Nullable AuditKeyProvider keys;

    MemoryHiddenDangerRepository(@Nullable AuditKeyProvider keys) {
        this.keys = keys;
    }

    @Override
    public Optional<HiddenDanger> find(HiddenDangerId id) {
        return table.get(id).map(this::checked);
    }

    /**
     * The snapshot, checked against its head entry (under the host's keys, if given) on the record's first read
     * (see {@link Stored}).
     */
    private HiddenDanger checked(Stored s) {
        if (s.isChecked()) {
            return s.danger();
        }
        HiddenDanger d = AuditChain.requireSnapshot(s.danger(), s.head(), keys);
        s.markChecked();
        return d;
    }

    @Override
    public void save(HiddenDanger next, long expectedVersion, AuditEntry entry) {
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(entry, "entry");
        Versions.checkStep(next.id(), next.version(), expectedVersion);
        if (!entry.dangerId().equals(next.id()) || entry.sequence() != next.version()) {
            throw new IllegalArgumentException("audit entry [" + entry.dangerId() + " #" + entry.sequence()
                    + "] does not belong to hidden danger [" + next.id() + "] version [" + next.version()
                    + "]; nothing was saved");
        }
        // the check a first read makes (see Stored), made now with the entry as given: the record keeps an entry equal
        // to it, so the answer is the same, and the closed loop's memos of this very entry and snapshot answer it
        // without encoding or hashing again (a read would first make the head entry again from its stored form)
        boolean agrees = AuditChain.checkSnapshot(next, entry, keys).isEmpty();
        table.compareAndSet(next.id(), expectedVersion, cur -> {
            Stored s = cur.isPresent() ? cur.get().append(next, entry) : Stored.first(next, entry);
            if (agrees) {
                s.markChecked();
            }
            return s;
        });
    }

    @Override
    public Page<HiddenDanger> find(HiddenDangerQuery query, PageRequest page) {
        Objects.requireNonNull(page, "page");
        OpenPlan plan = openPlan(Objects.requireNonNull(query, "query"));
        if (plan != null) {
            return table.sortedPage(byOpenUnit, plan.units(), plan.deadline(), plan.residual(), plan.predicate(), page,
                    this::checked);
        }
        return table.page(candidates(query), s -> query.matches(s.danger()), page,
                this::checked);
    }

    /** The query {@link #open()} answers. */
    private static final HiddenDangerQuery OPEN = HiddenDangerQuery.all().open();

    /**
     * Every open hidden danger, in id order (the order of the pages of {@code find(HiddenDangerQuery.all().open(),
     * ..)}), walked lazily through the open-by-unit index as a query of them reads it (its array copies, or the merged
     * copy of every unit's bucket) but with no page: no list of items, no copy of it, no page token.
     */
    @Override
    public Iterable<HiddenDanger> open() {
        return () -> {
            OpenPlan plan = openPlan(OPEN);
            if (plan != null) {
                return table.sortedIterator(byOpenUnit, plan.units(), plan.deadline(), plan.residual(),
                        plan.predicate(), this::checked);
            }
            return table.iterator(candidates(OPEN), s -> OPEN.matches(s.danger()), this::checked);
        };
    }

    /**
     * The plain path: the same page as {@link #find(HiddenDangerQuery, PageRequest)} from a filter of every record in
     * id order (no index, no array copy); for the equivalence tests of the indexed paths only.
     */
    Page<HiddenDanger> findByScan(HiddenDangerQuery query, PageRequest page) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(page, "page");
        return table.page(table.all(), s -> query.matches(s.danger()), page, this::checked);
    }

    @Override
    public Page<HiddenDangerId> ids(PageRequest page) {
        Objects.requireNonNull(page, "page");
        return table.page(candidates(HiddenDangerQuery.all()), s -> true, page, s -> s.danger().id());
    }

    /**
     * Replaces a stored record as someone editing the store outside the library would: for tests of the read
     * path and of verification only.
     *
     * @param id the hidden danger
     * @param change the edit, given the stored snapshot and chain
     */
    void tamper(HiddenDangerId id, java.util.function.BiFunction<HiddenDanger, List<AuditEntry>, Stored> change) {
        Stored cur = table.get(id).orElseThrow();
        table.compareAndSet(id, cur.danger().version(), c -> change.apply(cur.danger(), cur.chain()));
    }

    /** A record of a snapshot and a chain, for {@link #tamper}. */
    static Stored record(HiddenDanger danger, List<AuditEntry> chain) {
        return new Stored(danger, chain.toArray(new Object[0]), chain.size());
    }

    @Override
    public long count(HiddenDangerQuery query) {
        OpenPlan plan = openPlan(Objects.requireNonNull(query, "query"));
        if (plan != null) {
            return table.sortedCount(byOpenUnit, plan.units(), plan.deadline(), plan.residual(), plan.predicate());
        }
        return table.count(candidates(query), s -> query.matches(s.danger()));
    }

    /** The estimated size of {@link #candidates}, without building them. */
    private long candidatesSize(HiddenDangerQuery query) {
        Optional<Set<HiddenDangerState>> states = query.states();
        if (states.isEmpty() && query.overdueAsOf().isPresent()) {
            states = Optional.of(OPEN_STATES);
        }
        long size = table.size();
        if (query.units().isPresent()) {
            size = Math.min(size, Table.size(byUnit, query.units().get()));
        }
        if (states.isPresent()) {
            size = Math.min(size, Table.size(byState, states.get()));
        }
        if (query.riskPoint().isPresent()) {
            size = Math.min(size, Table.size(byRiskPoint, List.of(query.riskPoint().get())));
        }
        if (query.grades().isPresent()) {
            size = Math.min(size, Table.size(byGrade, query.grades().get()));
        }
        return size;
    }

    private Table.Candidates<HiddenDangerId> candidates(HiddenDangerQuery query) {
        Objects.requireNonNull(query, "query");
        Optional<Set<HiddenDangerState>> states = query.states();
        if (states.isEmpty() && query.overdueAsOf().isPresent()) {
            states = Optional.of(OPEN_STATES);
        }
        return table.smallest(
                query.units().map(u -> Table.candidates(byUnit, u)).orElse(null),
                states.map(s -> Table.candidates(byState, s)).orElse(null),
                query.riskPoint().map(r -> Table.candidates(byRiskPoint, List.of(r))).orElse(null),
                query.grades().map(g -> Table.candidates(byGrade, g)).orElse(null));
    }

    @Override
    public Page<AuditEntry> entries(HiddenDangerId danger, PageRequest page) {
        Objects.requireNonNull(danger, "danger");
        Objects.requireNonNull(page, "page");
        int from = 0;
        if (page.after().isPresent()) {
            try {
                from = Integer.parseInt(page.after().get());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Page token [" + page.after().get()
                        + "] was not made by the audit log of this store; pass the token of the previous page unchanged", e);
            }
            if (from < 0) {
                throw new IllegalArgumentException("Page token [" + from + "] is negative");
            }
        }
        Optional<Stored> stored = table.get(danger);
        int size = stored.map(Stored::size).orElse(0);
        if (from >= size) {
            return Page.empty();
        }
        int to = Math.min(size, from + page.limit());
        return Page.of(stored.get().entries(from, to), to < size ? Optional.of(Integer.toString(to)) : Optional.empty());
    }

    /** How many sets of units have merged rows kept by the open-by-unit index (for tests of that path). */
    int unionsKept() {
        return byOpenUnit.unionsKept();
    }

    /** Joins the storage's atomic units (S20). */
    void join(MemoryUnit unit) {
        table.guardedBy(unit);
    }
}
