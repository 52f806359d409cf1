package org.dualprevention.readme;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerSource;
import org.dualprevention.engine.AssessmentRequest;
import org.dualprevention.engine.DualPrevention;
import org.dualprevention.organization.Actor;
import org.dualprevention.organization.ActorId;
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
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.risk.RiskPointKind;
import org.dualprevention.storage.memory.InMemoryStorage;

/** A host's first risk point, assessment and hidden danger, with the engine in memory. */
public class Embedding {
    public static void main(String[] args) {
        ZoneId zone = ZoneId.of("Asia/Shanghai");            // the organisation's zone: "today" and deadlines
        Clock clock = Clock.system(zone);                   // all time comes from here (tests pass a fixed one)
        OrgUnitId plant = OrgUnitId.of("plant");
        DualPrevention dp = DualPrevention.builder()
                .storage(InMemoryStorage.create())          // explicit; dualprevention-jdbc gives a database
                .clock(clock)
                .zone(zone)
                .build();                                   // LEC, LS, MATRIX, MES, DIRECT are discovered
        dp.register().saveOrganization(Organization.of(List.of(OrgUnit.root(plant, "Plant", ControlLevel.COMPANY))));
        dp.register().addRiskPoint(RiskPoint.of(RiskPointId.of("RP-1"), "Press line", RiskPointKind.EQUIPMENT, plant,
                Optional.empty()).withHazard(Hazard.of(HazardId.of("H-1"), "Unguarded press",
                HazardCategory.PHYSICAL, List.of(AccidentType.MACHINERY), "guard removed", "crushed hand")));
        Assessment a = dp.register().assess(HazardId.of("H-1"), AssessmentRequest.of(MethodId.of("LEC"),
                AssessmentInput.of(Map.of("L", 6, "E", 6, "C", 7)), AssessmentKind.INHERENT, ActorId.of("zhang")));
        System.out.println(a.score() + " " + a.level());    // 252 SIGNIFICANT (较大风险, orange) under LEC-V1
        HiddenDanger hd = dp.hiddenDangers().report(HiddenDangerCommand.Report.of(Actor.of(ActorId.of("li"), plant),
                HiddenDangerId.of("HD-1"), "Guard missing", "Press 3 runs without its guard",
                HiddenDangerSource.RANDOM_OBSERVATION, plant, LocalDate.now(clock)));
        System.out.println(hd.state());   // REPORTED; verify, plan, start, submit, accept: dp.hiddenDangers().apply(..)
    }
}
