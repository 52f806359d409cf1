package org.dualprevention.organization;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.dualprevention.ValidationException;

/**
 * The organisation as a tree of {@link OrgUnit}s (company → department/workshop → team → post).
 *
 * <p>Rules checked by {@link #of(Collection)}: ids are unique, every parent exists, there is no cycle,
 * and each unit's level is strictly below its parent's level (levels may be skipped, which is how
 * levels are merged, DOMAIN.md §4.3). Several roots are allowed (a group with several companies).
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @since 0.1
 */
public final class Organization {
    private final Map<OrgUnitId, OrgUnit> units;
    private final Map<OrgUnitId, List<OrgUnitId>> children;

    private Organization(Map<OrgUnitId, OrgUnit> units) {
        this.units = Collections.unmodifiableMap(units);
        Map<OrgUnitId, List<OrgUnitId>> kids = new HashMap<>();
        for (OrgUnit u : units.values()) {
            u.parent().ifPresent(p -> kids.computeIfAbsent(p, k -> new ArrayList<>()).add(u.id()));
        }
        kids.replaceAll((k, v) -> List.copyOf(v));
        this.children = Collections.unmodifiableMap(kids);
    }

    /**
     * Builds and validates an organisation.
     *
     * @param units every unit, parents in any order
     * @return the organisation
     * @throws ValidationException listing every broken rule
     */
    public static Organization of(Collection<OrgUnit> units) {
        Objects.requireNonNull(units, "units");
        ValidationException.Collector v = new ValidationException.Collector("organisation");
        Map<OrgUnitId, OrgUnit> byId = new LinkedHashMap<>();
        int i = 0;
        for (OrgUnit u : units) {
            Objects.requireNonNull(u, "units[" + i + "]");
            if (byId.putIfAbsent(u.id(), u) != null) {
                v.add("units[" + i + "].id", u.id(), "an id not used by another unit");
            }
            i++;
        }
        for (OrgUnit u : byId.values()) {
            if (u.parent().isEmpty()) {
                continue;
            }
            OrgUnit parent = byId.get(u.parent().get());
            if (parent == null) {
                v.add("units[" + u.id() + "].parent", u.parent().get(), "the id of a unit in the organisation");
            } else if (!parent.level().isAbove(u.level())) {
                v.add("units[" + u.id() + "].level", u.level(),
                        "a level below the parent's level [" + parent.level() + "]");
            }
        }
        for (OrgUnit u : byId.values()) {
            Set<OrgUnitId> seen = new HashSet<>();
            OrgUnit cur = u;
            while (cur != null && cur.parent().isPresent()) {
                if (!seen.add(cur.id())) {
                    v.add("units[" + u.id() + "].parent", u.parent().get(), "a parent chain without cycles");
                    break;
                }
                cur = byId.get(cur.parent().get());
            }
        }
        v.throwIfAny();
        return new Organization(byId);
    }

    /**
     * The unit with the given id.
     *
     * @param id the id
     * @return the unit, or empty
     */
    public Optional<OrgUnit> unit(OrgUnitId id) {
        return Optional.ofNullable(units.get(Objects.requireNonNull(id, "id")));
    }

    /**
     * The unit with the given id, or an exception naming the unknown id.
     *
     * @param id the id
     * @return the unit
     * @throws IllegalArgumentException if no such unit exists
     */
    public OrgUnit require(OrgUnitId id) {
        OrgUnit u = units.get(Objects.requireNonNull(id, "id"));
        if (u == null) {
            throw new IllegalArgumentException("OrgUnit [" + id + "] is not in the organisation");
        }
        return u;
    }

    /** @return every unit, in the order given to {@link #of(Collection)} */
    public List<OrgUnit> units() {
        return List.copyOf(units.values());
    }

    /**
     * Whether the unit exists.
     *
     * @param id the id
     * @return true if present
     */
    public boolean contains(OrgUnitId id) {
        return units.containsKey(id);
    }

    /**
     * The direct children of a unit.
     *
     * @param id the parent's id
     * @return the children's ids, empty for a leaf
     */
    public List<OrgUnitId> children(OrgUnitId id) {
        require(id);
        return children.getOrDefault(id, List.of());
    }

    /**
     * The unit and every unit below it.
     *
     * @param id the unit
     * @return ids in depth-first order, starting with {@code id}
     */
    public Set<OrgUnitId> selfAndDescendants(OrgUnitId id) {
        require(id);
        Set<OrgUnitId> out = new LinkedHashSet<>();
        collect(id, out);
        return Collections.unmodifiableSet(out);
    }

    private void collect(OrgUnitId id, Set<OrgUnitId> out) {
        out.add(id);
        for (OrgUnitId c : children.getOrDefault(id, List.of())) {
            collect(c, out);
        }
    }

    /**
     * The unit and its ancestors, from the unit up to its root.
     *
     * @param id the unit
     * @return the chain, starting with {@code id}
     */
    public List<OrgUnit> selfAndAncestors(OrgUnitId id) {
        List<OrgUnit> out = new ArrayList<>();
        OrgUnit cur = require(id);
        out.add(cur);
        while (cur.parent().isPresent()) {
            cur = require(cur.parent().get());
            out.add(cur);
        }
        return List.copyOf(out);
    }

    /**
     * Whether {@code unit} is {@code ancestor} or lies below it.
     *
     * @param unit a unit
     * @param ancestor a possible ancestor
     * @return true if within
     */
    public boolean isWithin(OrgUnitId unit, OrgUnitId ancestor) {
        for (OrgUnit u : selfAndAncestors(unit)) {
            if (u.id().equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    /** @return the control levels used by the units, from the top down */
    public List<ControlLevel> levels() {
        Set<ControlLevel> levels = new TreeSet<>();
        for (OrgUnit u : units.values()) {
            levels.add(u.level());
        }
        return List.copyOf(levels);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Organization && ((Organization) o).units.equals(units);
    }

    @Override
    public int hashCode() {
        return units.hashCode();
    }

    @Override
    public String toString() {
        return "Organization" + units.keySet();
    }
}
