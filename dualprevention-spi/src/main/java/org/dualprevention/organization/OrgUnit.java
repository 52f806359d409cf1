package org.dualprevention.organization;

import java.util.Objects;
import java.util.Optional;
import org.dualprevention.internal.Checks;

/**
 * One unit of the organisation tree: a company, department or workshop, team or post.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param id the unit's id
 * @param name the unit's name, never blank
 * @param level the control level the unit acts at
 * @param parent the parent unit, empty for the root
 * @since 0.1
 */
public record OrgUnit(OrgUnitId id, String name, ControlLevel level, Optional<OrgUnitId> parent) {
    /** Validates the components. */
    public OrgUnit {
        Objects.requireNonNull(id, "id");
        name = Checks.notBlank(name, "name");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(parent, "parent");
        if (parent.isPresent() && parent.get().equals(id)) {
            throw new IllegalArgumentException("OrgUnit [" + id + "] cannot be its own parent");
        }
    }

    /**
     * A root unit (usually the company).
     *
     * @param id id
     * @param name name
     * @param level level
     * @return the unit
     */
    public static OrgUnit root(OrgUnitId id, String name, ControlLevel level) {
        return new OrgUnit(id, name, level, Optional.empty());
    }

    /**
     * A unit under a parent.
     *
     * @param id id
     * @param name name
     * @param level level
     * @param parent parent's id
     * @return the unit
     */
    public static OrgUnit child(OrgUnitId id, String name, ControlLevel level, OrgUnitId parent) {
        return new OrgUnit(id, name, level, Optional.of(parent));
    }
}
