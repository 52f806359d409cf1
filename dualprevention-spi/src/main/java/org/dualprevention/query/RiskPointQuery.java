package org.dualprevention.query;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.MapZoneId;
import org.dualprevention.risk.RiskPoint;

/**
 * Which risk points to find: by owning unit, by map zone, or only those with a hazard flagged for
 * reassessment. Criteria combine with AND; an absent criterion does not filter; a present but empty
 * set matches nothing. {@link #matches(RiskPoint)} is the reference meaning (rule S9 of {@link org.dualprevention.spi.Storage}).
 *
 * <p>Sub-units are not expanded here: the engine passes the unit and every unit below it
 * ({@link org.dualprevention.organization.Organization#selfAndDescendants}) when asked to include them.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @since 0.1
 */
public final class RiskPointQuery {
    private static final RiskPointQuery ALL = new RiskPointQuery(Optional.empty(), Optional.empty(), false);

    private final Optional<Set<OrgUnitId>> units;
    private final Optional<Set<MapZoneId>> zones;
    private final boolean flaggedOnly;

    private RiskPointQuery(Optional<Set<OrgUnitId>> units, Optional<Set<MapZoneId>> zones, boolean flaggedOnly) {
        this.units = units;
        this.zones = zones;
        this.flaggedOnly = flaggedOnly;
    }

    /** @return the query matching every risk point */
    public static RiskPointQuery all() {
        return ALL;
    }

    /**
     * Only risk points owned by one of these units.
     *
     * @param unitIds the units
     * @return the narrowed query
     */
    public RiskPointQuery inUnits(Collection<OrgUnitId> unitIds) {
        return new RiskPointQuery(Optional.of(Set.copyOf(unitIds)), zones, flaggedOnly);
    }

    /**
     * Only risk points in one of these map zones.
     *
     * @param zoneIds the zones
     * @return the narrowed query
     */
    public RiskPointQuery inZones(Collection<MapZoneId> zoneIds) {
        return new RiskPointQuery(units, Optional.of(Set.copyOf(zoneIds)), flaggedOnly);
    }

    /**
     * Only risk points with at least one hazard flagged for reassessment.
     *
     * @return the narrowed query
     */
    public RiskPointQuery flaggedForReassessment() {
        return new RiskPointQuery(units, zones, true);
    }

    /** @return the owning units, if filtered */
    public Optional<Set<OrgUnitId>> units() {
        return units;
    }

    /** @return the zones, if filtered */
    public Optional<Set<MapZoneId>> zones() {
        return zones;
    }

    /** @return whether only risk points with a flagged hazard match */
    public boolean flaggedOnly() {
        return flaggedOnly;
    }

    /**
     * The reference meaning of the query.
     *
     * @param point a risk point
     * @return whether it matches every criterion
     */
    public boolean matches(RiskPoint point) {
        Objects.requireNonNull(point, "point");
        if (units.isPresent() && !units.get().contains(point.owningUnit())) {
            return false;
        }
        if (zones.isPresent() && (point.zone().isEmpty() || !zones.get().contains(point.zone().get()))) {
            return false;
        }
        return !flaggedOnly || point.hazards().stream().anyMatch(h -> h.reassessment().isPresent());
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RiskPointQuery)) {
            return false;
        }
        RiskPointQuery q = (RiskPointQuery) o;
        return units.equals(q.units) && zones.equals(q.zones) && flaggedOnly == q.flaggedOnly;
    }

    @Override
    public int hashCode() {
        return Objects.hash(units, zones, flaggedOnly);
    }

    @Override
    public String toString() {
        return "RiskPointQuery[units=" + units.map(Object::toString).orElse("any") + ", zones="
                + zones.map(Object::toString).orElse("any") + (flaggedOnly ? ", flagged" : "") + "]";
    }
}
