package org.dualprevention.storage.memory;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.risk.MapZoneId;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.query.Page;
import org.dualprevention.query.PageRequest;
import org.dualprevention.query.RiskPointQuery;
import org.dualprevention.spi.RiskPointRepository;
import org.jspecify.annotations.Nullable;

/** Risk points, indexed by owning unit, zone, hazard id and reassessment flag. */
final class MemoryRiskPointRepository implements RiskPointRepository {
    private static final String FLAGGED = "flagged";

    // the index functions run twice on every save (old and new record) and build no stream: a save that changes
    // no index value (an assessment, a new version) then allocates almost nothing for the indexes; the unit, zone
    // and flag indexes give a point one value or none (Table.one: a save compares the two values)
    private final Table<RiskPointId, RiskPointId, RiskPoint> table = new Table<>("risk point", RiskPoint::id,
            RiskPoint::id, k -> k, RiskPoint::version, RiskPointId::value, RiskPointId::of);
    private final Table.Index<RiskPointId, RiskPoint> byUnit = table.index(Table.one(RiskPoint::owningUnit));
    private final Table.Index<RiskPointId, RiskPoint> byZone = table.index(Table.one(MemoryRiskPointRepository::zoneOf));
    private final Table.Index<RiskPointId, RiskPoint> byHazard = table.index(MemoryRiskPointRepository::hazardIds);
    private final Table.Index<RiskPointId, RiskPoint> flagged = table.index(Table.one(MemoryRiskPointRepository::flag));

    /** The zone index's value: the zone, or null for none. */
    static @Nullable MapZoneId zoneOf(RiskPoint p) {
        return p.zone().orElse(null);
    }

    /** The hazard index's values: the hazards' ids in order. */
    static List<HazardId> hazardIds(RiskPoint p) {
        List<Hazard> hazards = p.hazards();
        int n = hazards.size();
        if (n == 0) {
            return List.of();
        }
        if (n == 1) {
            return List.of(hazards.get(0).id());
        }
        HazardId[] ids = new HazardId[n];
        for (int i = 0; i < n; i++) {
            ids[i] = hazards.get(i).id();
        }
        return List.of(ids);
    }

    /** The flag index's value: {@code flagged} if a hazard is flagged for reassessment, else null. */
    static @Nullable String flag(RiskPoint p) {
        List<Hazard> hazards = p.hazards();
        for (int i = 0, n = hazards.size(); i < n; i++) {
            if (hazards.get(i).reassessment().isPresent()) {
                return FLAGGED;
            }
        }
        return null;
    }

    @Override
    public Optional<RiskPoint> find(RiskPointId id) {
        return table.get(id);
    }

    @Override
    public Optional<RiskPoint> findByHazard(HazardId hazard) {
        Objects.requireNonNull(hazard, "hazard");
        // the hazard's bucket read directly (no candidate list, no merging iterator): the same first record in id
        // order holding the hazard as Table.first over the bucket gives
        return table.firstIn(byHazard, hazard, p -> p.hazard(hazard).isPresent());
    }

    /**
     * The plain path of {@link #findByHazard}: the first match through the table's candidate iterator; for the
     * equivalence tests of the direct path only.
     */
    Optional<RiskPoint> findByHazardThroughTable(HazardId hazard) {
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
