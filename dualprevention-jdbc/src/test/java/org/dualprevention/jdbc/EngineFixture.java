package org.dualprevention.jdbc;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerEvent;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerSource;
import org.dualprevention.engine.DualPrevention;
import org.dualprevention.organization.Actor;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.ControlMeasure;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.HazardCategory;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.MeasureCategory;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.risk.RiskPointKind;
import org.dualprevention.spi.HiddenDangerListener;
import org.dualprevention.spi.Storage;

/** An engine on a storage with a small register: a press whose guard (M1) can fail. */
final class EngineFixture {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final OrgUnitId C = OrgUnitId.of("C");
    static final OrgUnitId T = OrgUnitId.of("T");
    static final Actor SAFETY = Actor.of(ActorId.of("safety"), C);
    static final Actor WORKER = Actor.of(ActorId.of("worker"), T);
    static final RiskPointId RP = RiskPointId.of("RP-PRESS");
    static final HazardId H1 = HazardId.of("H1");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-02T01:00:00Z"), ZONE);

    final List<HiddenDangerEvent> events = Collections.synchronizedList(new ArrayList<>());
    final DualPrevention dp;

    EngineFixture(Storage storage) {
        this.dp = DualPrevention.builder().storage(storage).clock(CLOCK).listener(events::add).build();
    }

    EngineFixture(Storage storage, HiddenDangerListener listener) {
        this.dp = DualPrevention.builder().storage(storage).clock(CLOCK).listener(listener).build();
    }

    /** Saves the organisation and the press. */
    EngineFixture withRegister() {
        dp.register().saveOrganization(Organization.of(List.of(OrgUnit.root(C, "Company", ControlLevel.COMPANY),
                OrgUnit.child(T, "Team", ControlLevel.TEAM, C))));
        Hazard h = Hazard.of(H1, "crushing", HazardCategory.PHYSICAL, Set.of(AccidentType.values()[2]), "", "")
                .withMeasures(List.of(new ControlMeasure(ControlMeasureId.of("M1"), MeasureCategory.ENGINEERING, "guard",
                        ControlLevel.COMPANY, C, "guard fitted")));
        dp.register().addRiskPoint(RiskPoint.of(RP, "Press", RiskPointKind.EQUIPMENT, T, Optional.empty()).withHazard(h));
        return this;
    }

    static HiddenDangerCommand.Report report(HiddenDangerId id) {
        return HiddenDangerCommand.Report.of(WORKER, id, "guard removed", "", HiddenDangerSource.RANDOM_OBSERVATION, T,
                LocalDate.of(2026, 11, 2)).withFailedMeasure(RP, H1, ControlMeasureId.of("M1"));
    }

    static HiddenDangerCommand verify() {
        return HiddenDangerCommand.Verify.general(SAFETY, "confirmed");
    }

    boolean flagged() {
        return dp.register().riskPoint(RP).orElseThrow().hazard(H1).orElseThrow().reassessment().isPresent();
    }

    long reassessmentRequests() {
        synchronized (events) {
            return events.stream().filter(e -> e instanceof HiddenDangerEvent.ReassessmentRequested).count();
        }
    }
}
