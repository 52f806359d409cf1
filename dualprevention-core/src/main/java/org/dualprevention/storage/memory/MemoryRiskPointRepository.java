package org.dualprevention.storage.memory;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.query.Page;
import org.dualprevention.query.PageRequest;
import org.dualprevention.query.RiskPointQuery;
import org.dualprevention.spi.RiskPointRepository;

/** Risk points, indexed by owning unit, zone, hazard id and reassessment flag. */
final class MemoryRiskPointRepository implements RiskPointRepository {
    private static final String FLAGGED = "flagged";

    private final Table<RiskPointId, RiskPointId, RiskPoint> table = new Table<>("risk point", RiskPoint::id,
            RiskPoint::id, k -> k, RiskPoint::version, RiskPointId::value, RiskPointId::of);
    private final Table.Index<RiskPointId, RiskPoint> byUnit = table.index(p -> List.of(p.owningUnit()));
    private final Table.Index<RiskPointId, RiskPoint> byZone = table.index(p -> p.zone().stream().toList());
    private final Table.Index<RiskPointId, RiskPoint> byHazard = table.index(
            p -> p.hazards().stream().map(Hazard::id).collect(Collectors.toList()));
    private final Table.Index<RiskPointId, RiskPoint> flagged = table.index(
            p -> p.hazards().stream().anyMatch(h -> h.reassessment().isPresent()) ? List.of(FLAGGED) : List.of());

    @Override
    public Optional<RiskPoint> find(RiskPointId id) {
        return table.get(id);
    }

    @Override
    public Optional<RiskPoint> findByHazard(HazardId hazard) {
        Objects.requireNonNull(hazard, "hazard");
        return table.first(Table.candidates(byHazard, List.of(hazard)), p -> p.hazard(hazard).isPresent());
    }

    @Override
    public void save(RiskPoint next, long expectedVersion) {
        Objects.requireNonNull(next, "next");
        Versions.checkStep(next.id(), next.version(), expectedVersion);
        table.compareAndSet(next.id(), expectedVersion, cur -> next);
    }

    @Override
    public Page<RiskPoint> find(RiskPointQuery query, PageRequest page) {
        Objects.requireNonNull(page, "page");
        return table.page(candidates(query), query::matches, page, p -> p);
    }

    @Override
    public long count(RiskPointQuery query) {
        return table.count(candidates(query), query::matches);
    }

    private Table.Candidates<RiskPointId> candidates(RiskPointQuery query) {
        Objects.requireNonNull(query, "query");
        return table.smallest(
                query.units().map(u -> Table.candidates(byUnit, u)).orElse(null),
                query.zones().map(z -> Table.candidates(byZone, z)).orElse(null),
                query.flaggedOnly() ? Table.candidates(flagged, List.of(FLAGGED)) : null);
    }

    /** Joins the storage's atomic units (S20). */
    void join(MemoryUnit unit) {
        table.guardedBy(unit);
    }
}
