package org.dualprevention.organization;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.dualprevention.internal.Checks;

/**
 * A person acting through the library, as the host knows them: the host's user key, the organisation
 * unit they belong to (which gives their control level through the {@link Organization}), and the host's
 * role names. Commands carry the actor so an access policy can decide without calling back into the host.
 *
 * <p>Roles are the host's own strings (e.g. {@code "safety-officer"}); the library's default access policy
 * uses units and control levels only and leaves roles to custom policies.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param id the host's user key
 * @param unit the unit the actor belongs to
 * @param roles the host's role names, sorted, possibly empty
 * @since 0.1
 */
public record Actor(ActorId id, OrgUnitId unit, SortedSet<String> roles) {
    /** Validates the components and copies the roles into an immutable sorted set. */
    public Actor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(roles, "roles");
        TreeSet<String> copy = new TreeSet<>();
        for (String r : roles) {
            copy.add(Checks.idValue(r, "role"));
        }
        roles = Collections.unmodifiableSortedSet(copy);
    }

    /**
     * An actor without roles.
     *
     * @param id the user key
     * @param unit the unit
     * @return the actor
     */
    public static Actor of(ActorId id, OrgUnitId unit) {
        return new Actor(id, unit, new TreeSet<>());
    }

    /**
     * An actor with roles.
     *
     * @param id the user key
     * @param unit the unit
     * @param roles role names
     * @return the actor
     */
    public static Actor of(ActorId id, OrgUnitId unit, Set<String> roles) {
        return new Actor(id, unit, new TreeSet<>(Objects.requireNonNull(roles, "roles")));
    }

    /**
     * Whether the actor has a role.
     *
     * @param role the role name
     * @return true if present
     */
    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
