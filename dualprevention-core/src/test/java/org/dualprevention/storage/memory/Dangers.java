package org.dualprevention.storage.memory;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dualprevention.danger.AuthorityReport;
import org.dualprevention.danger.ClosedLoopSettings;
import org.dualprevention.danger.Funds;
import org.dualprevention.danger.GovernanceScheme;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerSource;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.danger.RectificationPlan;
import org.dualprevention.danger.Transition;
import org.dualprevention.engine.closedloop.ClosedLoop;
import org.dualprevention.organization.Actor;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.RiskPointId;

/** Builds the transitions that take a new hidden danger to a target state, for storage tests. */
public final class Dangers {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final URI PHOTO = URI.create("https://example.org/photo.jpg");

    private Dangers() {
    }

    /** The specification of one generated hidden danger. */
    public record Spec(HiddenDangerId id, OrgUnitId unit, Optional<RiskPointId> riskPoint, HiddenDangerGrade grade,
            LocalDate deadline, HiddenDangerState target) {
    }

    /**
     * The transitions from the report to {@code spec.target()}, each applied at the clock's instant.
     * Deadlines must not be before the clock's day.
     */
    public static List<Transition> lifecycle(Spec spec, Clock clock) {
        OrgUnitId unit = spec.unit();
        Actor reporter = Actor.of(ActorId.of("reporter"), unit);
        Actor verifier = Actor.of(ActorId.of("verifier"), unit);
        Actor rectifier = Actor.of(ActorId.of("rectifier"), unit);
        Actor acceptor = Actor.of(ActorId.of("acceptor"), unit);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZONE);
        HiddenDangerCommand.Report report = HiddenDangerCommand.Report.of(reporter, spec.id(), "Guard missing",
                "found on a walk-through", HiddenDangerSource.OTHER, unit, today);
        if (spec.riskPoint().isPresent()) {
            report = report.withRiskPoint(spec.riskPoint().get());
        }
        List<Transition> out = new ArrayList<>();
        Transition t = ClosedLoop.report(report, clock, ZONE);
        out.add(t);
        HiddenDangerState target = spec.target();
        if (target == HiddenDangerState.REPORTED) {
            return out;
        }
        ClosedLoopSettings settings = ClosedLoopSettings.defaults();
        if (target == HiddenDangerState.AWAITING_ACCEPTANCE && spec.grade() == HiddenDangerGrade.GENERAL
                && spec.id().value().hashCode() % 3 == 0) {
            out.add(t = ClosedLoop.apply(t.next(), new HiddenDangerCommand.RectifyOnSpot(rectifier, "fixed", List.of(PHOTO), today),
                    clock, ZONE, settings));
            return out;
        }
        HiddenDangerCommand.Verify verify = spec.grade() == HiddenDangerGrade.MAJOR
                ? HiddenDangerCommand.Verify.major(verifier, "confirmed",
                        new AuthorityReport("status", "harm", "treatment"))
                : HiddenDangerCommand.Verify.general(verifier, "confirmed");
        out.add(t = ClosedLoop.apply(t.next(), verify, clock, ZONE, settings));
        if (target == HiddenDangerState.VERIFIED) {
            return out;
        }
        if (target == HiddenDangerState.WITHDRAWN) {
            out.add(ClosedLoop.apply(t.next(), new HiddenDangerCommand.Withdraw(verifier, "not a hidden danger"), clock, ZONE,
                    settings));
            return out;
        }
        Optional<GovernanceScheme> scheme = spec.grade() == HiddenDangerGrade.MAJOR
                ? Optional.of(new GovernanceScheme("goals", "methods", "funds", "people", "time", "safety"))
                : Optional.empty();
        RectificationPlan plan = new RectificationPlan(rectifier.id(), "fit the guard", Funds.cny("100"),
                spec.deadline(), "stop the machine", scheme);
        out.add(t = ClosedLoop.apply(t.next(), new HiddenDangerCommand.Plan(rectifier, plan), clock, ZONE, settings));
        if (target == HiddenDangerState.PLANNED) {
            return out;
        }
        out.add(t = ClosedLoop.apply(t.next(), HiddenDangerCommand.Start.by(rectifier), clock, ZONE, settings));
        if (target == HiddenDangerState.RECTIFYING) {
            return out;
        }
        out.add(t = ClosedLoop.apply(t.next(), new HiddenDangerCommand.Submit(rectifier, "fitted", List.of(PHOTO), today), clock,
                ZONE, settings));
        if (target == HiddenDangerState.AWAITING_ACCEPTANCE) {
            return out;
        }
        out.add(ClosedLoop.apply(t.next(), new HiddenDangerCommand.Accept(acceptor, "ok"), clock, ZONE, settings));
        return out;
    }
}
