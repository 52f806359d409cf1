package org.dualprevention.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerSource;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.engine.AssessmentRequest;
import org.dualprevention.engine.DualPrevention;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.Actor;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.Assessment;
import org.dualprevention.risk.AssessmentInput;
import org.dualprevention.risk.AssessmentKind;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.HazardCategory;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.MethodId;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.risk.RiskPointKind;
import org.dualprevention.storage.memory.InMemoryStorage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The embedding snippet of README.md, kept compiling and true here. */
class ReadmeEmbedTest {

    @Test
    @DisplayName("the README's 20-line embed compiles and does what its comments say")
    void readmeEmbed() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T01:00:00Z"), ZoneId.of("Asia/Shanghai"));
        OrgUnitId plant = OrgUnitId.of("plant");
        // --- README snippet begins ---
        DualPrevention dp = DualPrevention.builder()
                .storage(InMemoryStorage.create())              // explicit; dualprevention-jdbc gives a database
                .clock(clock)                                   // all time comes from here
                .zone(ZoneId.of("Asia/Shanghai"))
                .build();                                       // LEC, LS, MATRIX, MES, DIRECT are discovered
        dp.register().saveOrganization(Organization.of(List.of(OrgUnit.root(plant, "Plant", ControlLevel.COMPANY))));
        dp.register().addRiskPoint(RiskPoint.of(RiskPointId.of("RP-1"), "Press line", RiskPointKind.EQUIPMENT, plant,
                Optional.empty()).withHazard(Hazard.of(HazardId.of("H-1"), "Unguarded press",
                HazardCategory.PHYSICAL, List.of(AccidentType.MACHINERY), "guard removed", "crushed hand")));
        Assessment a = dp.register().assess(HazardId.of("H-1"), AssessmentRequest.of(MethodId.of("LEC"),
                AssessmentInput.of(Map.of("L", 6, "E", 6, "C", 7)), AssessmentKind.INHERENT, ActorId.of("zhang")));
        a.score();   // 252, exact
        a.level();   // SIGNIFICANT (较大风险, orange) under the default scheme LEC-V1
        HiddenDanger hd = dp.hiddenDangers().report(HiddenDangerCommand.Report.of(Actor.of(ActorId.of("li"), plant),
                HiddenDangerId.of("HD-1"), "Guard missing", "Press 3 runs without its guard",
                HiddenDangerSource.RANDOM_OBSERVATION, plant, LocalDate.of(2026, 3, 2)));
        hd.state();  // REPORTED; verify, plan, start, submit and accept with dp.hiddenDangers().apply(id, command)
        // --- README snippet ends ---
        assertEquals("252", a.score().toString());
        assertEquals(RiskLevel.SIGNIFICANT, a.level());
        assertEquals("LEC-V1", a.scheme().value());
        assertEquals(HiddenDangerState.REPORTED, hd.state());
        assertTrue(dp.hiddenDangers().find(HiddenDangerId.of("HD-1")).isPresent());
        assertEquals(1, dp.hiddenDangers().auditEntries(HiddenDangerId.of("HD-1")).size());
    }
}
