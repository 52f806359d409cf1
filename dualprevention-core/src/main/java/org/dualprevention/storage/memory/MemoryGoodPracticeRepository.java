package org.dualprevention.storage.memory;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.inspection.GoodPractice;
import org.dualprevention.inspection.GoodPracticeId;
import org.dualprevention.query.GoodPracticeQuery;
import org.dualprevention.spi.GoodPracticeRepository;
import org.dualprevention.query.Page;
import org.dualprevention.query.PageRequest;

/** Good practices, write-once, indexed by unit. */
final class MemoryGoodPracticeRepository implements GoodPracticeRepository {
    private final Table<GoodPracticeId, GoodPracticeId, GoodPractice> table = new Table<>("good practice",
            GoodPractice::id, GoodPractice::id, k -> k, g -> 1L, GoodPracticeId::value, GoodPracticeId::of);
    private final Table.Index<GoodPracticeId, GoodPractice> byUnit = table.index(g -> List.of(g.unit()));

    @Override
    public Optional<GoodPractice> find(GoodPracticeId id) {
        return table.get(id);
    }

    @Override
    public void add(GoodPractice practice) {
        Objects.requireNonNull(practice, "practice");
        table.compareAndSet(practice.id(), 0, cur -> practice);
    }

    @Override
    public Page<GoodPractice> find(GoodPracticeQuery query, PageRequest page) {
        Objects.requireNonNull(page, "page");
        return table.page(candidates(query), query::matches, page, g -> g);
    }

    @Override
    public long count(GoodPracticeQuery query) {
        return table.count(candidates(query), query::matches);
    }

    private Table.Candidates<GoodPracticeId> candidates(GoodPracticeQuery query) {
        Objects.requireNonNull(query, "query");
        return table.smallest(query.units().map(u -> Table.candidates(byUnit, u)).orElse(null));
    }

    /** Joins the storage's atomic units (S20). */
    void join(MemoryUnit unit) {
        table.guardedBy(unit);
    }
}
