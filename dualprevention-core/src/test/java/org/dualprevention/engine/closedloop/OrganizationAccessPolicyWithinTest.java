package org.dualprevention.engine.closedloop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.junit.jupiter.api.Test;

/** The access policy's walk up the parents answers as {@link Organization#isWithin} does. */
class OrganizationAccessPolicyWithinTest {

    @Test
    void withinAgreesWithOrganizationIsWithinOnRandomOrganisations() {
        long seed = System.nanoTime();
        Random r = new Random(seed);
        for (int round = 0; round < 50; round++) {
            List<OrgUnit> units = new ArrayList<>();
            int roots = 1 + r.nextInt(3);
            for (int i = 0; i < roots; i++) {
                units.add(OrgUnit.root(OrgUnitId.of("R" + i), "root " + i, ControlLevel.of("l0", 0)));
            }
            int n = 1 + r.nextInt(40);
            for (int i = 0; i < n; i++) {
                OrgUnit parent = units.get(r.nextInt(units.size()));
                int rank = parent.level().rank() + 1;
                units.add(OrgUnit.child(OrgUnitId.of("U" + i), "unit " + i, ControlLevel.of("l" + rank, rank),
                        parent.id()));
            }
            Organization org = Organization.of(units);
            for (OrgUnit a : units) {
                for (OrgUnit b : units) {
                    assertEquals(org.isWithin(a.id(), b.id()),
                            OrganizationAccessPolicy.within(org, a.id(), b.id()),
                            "seed " + seed + ": " + a.id() + " within " + b.id());
                }
                // an ancestor not in the organisation is simply not reached, as isWithin answers
                assertEquals(org.isWithin(a.id(), OrgUnitId.of("nowhere")),
                        OrganizationAccessPolicy.within(org, a.id(), OrgUnitId.of("nowhere")), "seed " + seed);
            }
            // a unit not in the organisation: the same error as isWithin
            IllegalArgumentException expected = assertThrows(IllegalArgumentException.class,
                    () -> org.isWithin(OrgUnitId.of("nowhere"), units.get(0).id()));
            IllegalArgumentException actual = assertThrows(IllegalArgumentException.class,
                    () -> OrganizationAccessPolicy.within(org, OrgUnitId.of("nowhere"), units.get(0).id()));
            assertEquals(expected.getMessage(), actual.getMessage(), "seed " + seed);
        }
    }
}
