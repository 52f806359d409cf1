package org.dualprevention.testkit.gen;

import java.util.List;
import java.util.Objects;
import org.dualprevention.organization.OrgUnit;

/**
 * Organisation units that {@link org.dualprevention.organization.Organization#of(java.util.Collection)}
 * must refuse, made by an {@link OrgMutation}, with the violation path the refusal must name.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param mutation the mutation that made it
 * @param units the units
 * @param path the violation path expected, e.g. {@code units[OU-7].parent}
 * @param description what was changed
 * @since 0.1
 */
public record InvalidOrganization(OrgMutation mutation, List<OrgUnit> units, String path, String description) {
    /** Validates and copies the components. */
    public InvalidOrganization {
        Objects.requireNonNull(mutation, "mutation");
        units = List.copyOf(units);
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(description, "description");
    }
}
