package org.dualprevention.analytics;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;

/** Shared test fixtures: a small plant. */
final class Fixtures {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final OrgUnitId C = OrgUnitId.of("C");
    static final OrgUnitId W1 = OrgUnitId.of("W1");
    static final OrgUnitId W2 = OrgUnitId.of("W2");
    static final OrgUnitId T1 = OrgUnitId.of("T1");
    static final Organization ORG = Organization.of(List.of(
            OrgUnit.root(C, "Company", ControlLevel.COMPANY),
            OrgUnit.child(W1, "Workshop 1", ControlLevel.WORKSHOP, C),
            OrgUnit.child(W2, "Workshop 2", ControlLevel.WORKSHOP, C),
            OrgUnit.child(T1, "Team 1", ControlLevel.TEAM, W1)));

    private Fixtures() {
    }

    static Clock clockAt(String localDateTime) {
        return Clock.fixed(LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant(), SHANGHAI);
    }
}
