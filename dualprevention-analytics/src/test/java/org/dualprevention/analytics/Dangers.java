package org.dualprevention.analytics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.dualprevention.danger.AuthorityReport;
import org.dualprevention.danger.ClosedLoopSettings;
import org.dualprevention.danger.Funds;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerSource;
import org.dualprevention.danger.InspectionRef;
import org.dualprevention.danger.RectificationPlan;
import org.dualprevention.engine.closedloop.ClosedLoop;
import org.dualprevention.organization.Actor;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.RiskPointId;

/** Builds hidden dangers through the real closed loop. */
final class Dangers {
    private static final ClosedLoopSettings SETTINGS = ClosedLoopSettings.defaults();

    /** Receives every transition made here (the storage test saves them); does nothing by default. */
    static java.util.function.Consumer<org.dualprevention.danger.Transition> sink = t -> { };

    private Dangers() {
    }

    private static HiddenDanger next(org.dualprevention.danger.Transition t) {
        sink.accept(t);
        return t.next();
    }

    private static Clock at(LocalDate day) {
        return Fixtures.clockAt(day + "T10:00");
    }

    private static Actor actor(String id, OrgUnitId unit) {
        return Actor.of(ActorId.of(id), unit);
    }

    static HiddenDanger reported(String id, OrgUnitId unit, LocalDate on, Optional<RiskPointId> point) {
        HiddenDangerCommand.Report r = HiddenDangerCommand.Report.of(actor("reporter", unit), HiddenDangerId.of(id),
                "title " + id, "description " + id, HiddenDangerSource.INSPECTION, unit, on)
                .withInspection(InspectionRef.of("task-" + id, "item-" + id));
        if (point.isPresent()) {
            r = r.withRiskPoint(point.get());
        }
        return next(ClosedLoop.report(r, at(on), Fixtures.SHANGHAI));
    }

    static HiddenDanger reportedWithMeasure(String id, OrgUnitId unit, LocalDate on, RiskPointId point, HazardId hazard,
            ControlMeasureId measure) {
        HiddenDangerCommand.Report r = HiddenDangerCommand.Report.of(actor("reporter", unit), HiddenDangerId.of(id),
                "title " + id, "description " + id, HiddenDangerSource.RANDOM_OBSERVATION, unit, on)
                .withFailedMeasure(point, hazard, measure);
        return next(ClosedLoop.report(r, at(on), Fixtures.SHANGHAI));
    }

    static HiddenDanger major(HiddenDanger d, LocalDate on) {
        return next(ClosedLoop.apply(d, HiddenDangerCommand.Verify.major(actor("verifier", d.unit()), "",
                new AuthorityReport("status", "harm", "plan")), at(on), Fixtures.SHANGHAI, SETTINGS));
    }

    static HiddenDanger general(HiddenDanger d, LocalDate on) {
        return next(ClosedLoop.apply(d, HiddenDangerCommand.Verify.general(actor("verifier", d.unit()), ""), at(on),
                Fixtures.SHANGHAI, SETTINGS));
    }

    static HiddenDanger planned(HiddenDanger d, LocalDate on, LocalDate deadline) {
        return next(ClosedLoop.apply(d, new HiddenDangerCommand.Plan(actor("planner", d.unit()),
                RectificationPlan.of(ActorId.of("boss"), "fix it", Funds.cny("100"), deadline, "keep out")), at(on),
                Fixtures.SHANGHAI, SETTINGS));
    }

    static HiddenDanger closedOnSpot(HiddenDanger d, LocalDate on) {
        HiddenDanger r = next(ClosedLoop.apply(d, new HiddenDangerCommand.RectifyOnSpot(actor("fixer", d.unit()), "fixed",
                List.of(java.net.URI.create("urn:photo:1")), on), at(on), Fixtures.SHANGHAI, SETTINGS));
        return next(ClosedLoop.apply(r, new HiddenDangerCommand.Accept(actor("acceptor", d.unit()), ""), at(on),
                Fixtures.SHANGHAI, SETTINGS));
    }

    static HiddenDanger withdrawn(HiddenDanger d, LocalDate on) {
        return next(ClosedLoop.apply(d, new HiddenDangerCommand.Withdraw(actor("verifier", d.unit()), "not a hidden danger"),
                at(on), Fixtures.SHANGHAI, SETTINGS));
    }
}
