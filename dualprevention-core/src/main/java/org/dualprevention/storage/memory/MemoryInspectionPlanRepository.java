package org.dualprevention.storage.memory;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.inspection.InspectionPlan;
import org.dualprevention.inspection.InspectionPlanId;
import org.dualprevention.query.InspectionPlanQuery;
import org.dualprevention.spi.InspectionPlanRepository;
import org.dualprevention.query.Page;
import org.dualprevention.query.PageRequest;

/** Inspection plans, indexed by unit and kind. */
final class MemoryInspectionPlanRepository implements InspectionPlanRepository {
    private final Table<InspectionPlanId, InspectionPlanId, InspectionPlan> table = new Table<>("inspection plan",
            InspectionPlan::id, InspectionPlan::id, k -> k, InspectionPlan::version, InspectionPlanId::value,
            InspectionPlanId::of);
    private final Table.Index<InspectionPlanId, InspectionPlan> byUnit = table.index(p -> List.of(p.unit()));
    private final Table.Index<InspectionPlanId, InspectionPlan> byKind = table.index(p -> List.of(p.kind()));

    @Override
    public Optional<InspectionPlan> find(InspectionPlanId id) {
        return table.get(id);
    }

    @Override
    public void save(InspectionPlan next, long expectedVersion) {
        Objects.requireNonNull(next, "next");
        Versions.checkStep(next.id(), next.version(), expectedVersion);
        table.compareAndSet(next.id(), expectedVersion, cur -> next);
    }

    @Override
    public Page<InspectionPlan> find(InspectionPlanQuery query, PageRequest page) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(page, "page");
        return table.page(table.smallest(
                query.units().map(u -> Table.candidates(byUnit, u)).orElse(null),
                query.kinds().map(k -> Table.candidates(byKind, k)).orElse(null)), query::matches, page, p -> p);
    }

    /** Joins the storage's atomic units (S20). */
    void join(MemoryUnit unit) {
        table.guardedBy(unit);
    }
}
