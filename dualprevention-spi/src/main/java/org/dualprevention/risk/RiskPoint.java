package org.dualprevention.risk;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.dualprevention.internal.Checks;
import org.dualprevention.organization.OrgUnitId;

/**
 * A risk point (风险点): a place or area, equipment or facility, or operation or activity, owned by an
 * organisation unit, placed in a map zone, carrying its hazards. It is the aggregate of the risk
 * register: hazards, their measures and assessments are stored with it under one {@link #version()}.
 *
 * <p>{@code version} is the storage version: 0 for a risk point never stored, then 1, 2, … as each
 * next state is saved.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @since 0.1
 */
public final class RiskPoint {
    private final RiskPointId id;
    private final String name;
    private final RiskPointKind kind;
    private final OrgUnitId owningUnit;
    private final Optional<MapZoneId> zone;
    private final List<Hazard> hazards;
    private final long version;

    /**
     * A copy of a checked risk point with another hazard list (already immutable, the same ids in the same
     * order, so no repeat can appear) and version: nothing of {@code base} is checked again.
     */
    private RiskPoint(RiskPoint base, List<Hazard> sameIdsHazards, long version) {
        this.id = base.id;
        this.name = base.name;
        this.kind = base.kind;
        this.owningUnit = base.owningUnit;
        this.zone = base.zone;
        this.hazards = sameIdsHazards;
        Checks.checkArgument(version >= 0, "version [%s] must not be negative", version);
        this.version = version;
    }

    private RiskPoint(RiskPointId id, String name, RiskPointKind kind, OrgUnitId owningUnit, Optional<MapZoneId> zone,
            List<Hazard> hazards, long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Checks.notBlank(name, "name");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.owningUnit = Objects.requireNonNull(owningUnit, "owningUnit");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.hazards = List.copyOf(hazards);
        int n = this.hazards.size();
        if (n > 1) {
            // a risk point has a handful of hazards: pairwise comparison finds the same first repeat as a set
            if (n <= Hazard.SMALL) {
                for (int i = 1; i < n; i++) {
                    HazardId hid = this.hazards.get(i).id();
                    for (int j = 0; j < i; j++) {
                        Checks.checkArgument(!hid.equals(this.hazards.get(j).id()),
                                "risk point [%s] lists hazard [%s] twice", id, hid);
                    }
                }
            } else {
                Set<HazardId> ids = new HashSet<>();
                for (Hazard h : this.hazards) {
                    Checks.checkArgument(ids.add(h.id()), "risk point [%s] lists hazard [%s] twice", id, h.id());
                }
            }
        }
        Checks.checkArgument(version >= 0, "version [%s] must not be negative", version);
        this.version = version;
    }

    /**
     * A new risk point with no hazards, version 0.
     *
     * @param id id
     * @param name name, e.g. "LPG tank farm"
     * @param kind place, equipment or operation
     * @param owningUnit the unit that owns it
     * @param zone the map zone, if any
     * @return the risk point
     */
    public static RiskPoint of(RiskPointId id, String name, RiskPointKind kind, OrgUnitId owningUnit,
            Optional<MapZoneId> zone) {
        return new RiskPoint(id, name, kind, owningUnit, zone, List.of(), 0);
    }

    /**
     * A risk point with every field given at once, as read back from storage or a document: the same
     * checks as {@link #of} followed by {@link #withHazards} and {@link #withVersion}, and the same result,
     * but built once instead of three times.
     *
     * @param id id
     * @param name name
     * @param kind place, equipment or operation
     * @param owningUnit the unit that owns it
     * @param zone the map zone, if any
     * @param hazards the hazards in order, ids unique
     * @param version the storage version, not negative
     * @return the risk point
     * @throws IllegalArgumentException if a field is blank or not allowed, as for the step-by-step path
     * @since 0.2
     */
    public static RiskPoint loaded(RiskPointId id, String name, RiskPointKind kind, OrgUnitId owningUnit,
            Optional<MapZoneId> zone, List<Hazard> hazards, long version) {
        return new RiskPoint(id, name, kind, owningUnit, zone, hazards, version);
    }

    /** @return the id */
    public RiskPointId id() {
        return id;
    }

    /** @return the name */
    public String name() {
        return name;
    }

    /** @return the kind */
    public RiskPointKind kind() {
        return kind;
    }

    /** @return the owning unit */
    public OrgUnitId owningUnit() {
        return owningUnit;
    }

    /** @return the map zone, if any */
    public Optional<MapZoneId> zone() {
        return zone;
    }

    /** @return the hazards in order */
    public List<Hazard> hazards() {
        return hazards;
    }

    /** @return the storage version, 0 if never stored */
    public long version() {
        return version;
    }

    /**
     * One hazard.
     *
     * @param hazardId its id
     * @return the hazard, or empty
     */
    public Optional<Hazard> hazard(HazardId hazardId) {
        for (int i = 0, n = hazards.size(); i < n; i++) {
            Hazard h = hazards.get(i);
            if (h.id().equals(hazardId)) {
                return Optional.of(h);
            }
        }
        return Optional.empty();
    }

    /**
     * A copy with one more hazard.
     *
     * @param hazard the hazard
     * @return the copy
     */
    public RiskPoint withHazard(Hazard hazard) {
        List<Hazard> list = new ArrayList<>(hazards);
        list.add(Objects.requireNonNull(hazard, "hazard"));
        return new RiskPoint(id, name, kind, owningUnit, zone, list, version);
    }

    /**
     * A copy with the given hazards.
     *
     * @param newHazards the hazards
     * @return the copy
     */
    public RiskPoint withHazards(List<Hazard> newHazards) {
        return new RiskPoint(id, name, kind, owningUnit, zone, newHazards, version);
    }

    /**
     * A copy with one hazard replaced by the result of {@code change}.
     *
     * @param hazardId which hazard
     * @param change how to change it
     * @return the copy
     * @throws IllegalArgumentException if the hazard is not on this risk point
     */
    public RiskPoint withHazardChanged(HazardId hazardId, UnaryOperator<Hazard> change) {
        for (int i = 0, n = hazards.size(); i < n; i++) {
            if (hazards.get(i).id().equals(hazardId)) {
                Hazard changed = Objects.requireNonNull(change.apply(hazards.get(i)), "changed hazard");
                Checks.checkArgument(changed.id().equals(hazardId), "a hazard change may not alter its id [%s]", hazardId);
                Hazard[] list = hazards.toArray(new Hazard[n]);
                list[i] = changed;
                // same ids in the same order: nothing else of this checked risk point needs checking again
                return new RiskPoint(this, List.of(list), version);
            }
        }
        throw new IllegalArgumentException("hazard [" + hazardId + "] is not on risk point [" + id + "]");
    }

    /**
     * A copy with another name, kind, owner or zone.
     *
     * @param newName name
     * @param newKind kind
     * @param newOwner owning unit
     * @param newZone zone
     * @return the copy
     */
    public RiskPoint withDetails(String newName, RiskPointKind newKind, OrgUnitId newOwner, Optional<MapZoneId> newZone) {
        return new RiskPoint(id, newName, newKind, newOwner, newZone, hazards, version);
    }

    /**
     * A copy with another storage version (used by storage implementations).
     *
     * @param newVersion the version
     * @return the copy
     */
    public RiskPoint withVersion(long newVersion) {
        return new RiskPoint(this, hazards, newVersion);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RiskPoint)) {
            return false;
        }
        RiskPoint r = (RiskPoint) o;
        return id.equals(r.id) && name.equals(r.name) && kind == r.kind && owningUnit.equals(r.owningUnit)
                && zone.equals(r.zone) && hazards.equals(r.hazards) && version == r.version;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, kind, owningUnit, zone, hazards, version);
    }

    @Override
    public String toString() {
        return "RiskPoint[" + id + " " + name + " v" + version + "]";
    }
}
