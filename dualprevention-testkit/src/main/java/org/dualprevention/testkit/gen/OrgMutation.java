package org.dualprevention.testkit.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dualprevention.organization.OrgUnit;

/**
 * The catalogue of ways to break a valid organisation tree.
 *
 * @since 0.1
 */
public enum OrgMutation {
    /** Two units share an id. */
    DUPLICATE_ID,
    /** A unit names a parent that is not in the organisation. */
    MISSING_PARENT,
    /** A unit's level is not strictly below its parent's (here: the same level). */
    LEVEL_NOT_BELOW_PARENT,
    /** A root is made the child of its own child, closing a cycle. */
    CYCLE;

    /**
     * Breaks the units of a valid organisation in this way.
     *
     * @param valid the units of a valid organisation
     * @param gen chooses what to break
     * @return the broken units, or empty if this mutation needs a parent–child pair and there is none
     */
    public Optional<InvalidOrganization> apply(List<OrgUnit> valid, Gen gen) {
        List<OrgUnit> units = new ArrayList<>(valid);
        List<OrgUnit> children = new ArrayList<>();
        for (OrgUnit u : units) {
            if (u.parent().isPresent()) {
                children.add(u);
            }
        }
        switch (this) {
            case DUPLICATE_ID: {
                OrgUnit u = gen.pick(units);
                units.add(new OrgUnit(u.id(), u.name() + " copy", u.level(), u.parent()));
                return Optional.of(new InvalidOrganization(this, units, "units[" + (units.size() - 1) + "].id",
                        "unit " + u.id() + " listed twice"));
            }
            case MISSING_PARENT: {
                if (children.isEmpty()) {
                    return Optional.empty();
                }
                OrgUnit c = gen.pick(children);
                OrgUnit broken = OrgUnit.child(c.id(), c.name(), c.level(), gen.orgUnitId());
                units.set(units.indexOf(c), broken);
                return Optional.of(new InvalidOrganization(this, units, "units[" + c.id() + "].parent",
                        "unit " + c.id() + " names the missing parent " + broken.parent().orElseThrow()));
            }
            case LEVEL_NOT_BELOW_PARENT: {
                if (children.isEmpty()) {
                    return Optional.empty();
                }
                OrgUnit c = gen.pick(children);
                OrgUnit parent = units.stream().filter(u -> u.id().equals(c.parent().orElseThrow())).findFirst()
                        .orElseThrow();
                units.set(units.indexOf(c), new OrgUnit(c.id(), c.name(), parent.level(), c.parent()));
                return Optional.of(new InvalidOrganization(this, units, "units[" + c.id() + "].level",
                        "unit " + c.id() + " at its parent's level " + parent.level()));
            }
            case CYCLE: {
                if (children.isEmpty()) {
                    return Optional.empty();
                }
                OrgUnit c = gen.pick(children);
                OrgUnit parent = units.stream().filter(u -> u.id().equals(c.parent().orElseThrow())).findFirst()
                        .orElseThrow();
                units.set(units.indexOf(parent), new OrgUnit(parent.id(), parent.name(), parent.level(),
                        Optional.of(c.id())));
                return Optional.of(new InvalidOrganization(this, units, "units[" + parent.id() + "].parent",
                        "units " + parent.id() + " and " + c.id() + " are each other's parent"));
            }
            default:
                throw new AssertionError(this);
        }
    }
}
