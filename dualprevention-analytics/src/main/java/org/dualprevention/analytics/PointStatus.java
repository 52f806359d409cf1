package org.dualprevention.analytics;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.danger.EffectiveLevel;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.MapZoneId;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.RiskPointId;

/**
 * One risk point on the risk map: its assessed and effective level, the reasons the effective level is
 * raised, and its open and overdue hidden dangers.
 *
 * <p>A risk point never assessed has neither an assessed nor an effective level; its hidden dangers are
 * still counted.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param id the risk point
 * @param name its name
 * @param unit its owning unit
 * @param zone its map zone, if any
 * @param assessed the level from its current assessments (the combination rule), if assessed
 * @param effective the level in force with open hidden dangers (the effective-level policy), if assessed
 * @param reasons why the effective level is above the assessed one; empty when it is not
 * @param openDangers open hidden dangers linked to it
 * @param overdueDangers of those, the ones past their deadline on the map's date
 * @since 0.1
 */
public record PointStatus(RiskPointId id, String name, OrgUnitId unit, Optional<MapZoneId> zone,
        Optional<RiskLevel> assessed, Optional<RiskLevel> effective, List<EffectiveLevel.Reason> reasons,
        long openDangers, long overdueDangers) {
    /** Validates and copies the components. */
    public PointStatus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(assessed, "assessed");
        Objects.requireNonNull(effective, "effective");
        reasons = List.copyOf(reasons);
    }

    /** @return whether the effective level is above the assessed level */
    public boolean isRaised() {
        return assessed.isPresent() && effective.isPresent() && effective.get().isMoreSevereThan(assessed.get());
    }
}
