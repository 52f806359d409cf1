package org.dualprevention.engine.closedloop;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
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
import org.dualprevention.organization.Actor;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.RiskPointId;

/** Builds hidden dangers in any state through the public API, for core tests. */
public final class Danger {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
    public static final LocalDate DAY0 = LocalDate.of(2026, 3, 2);
    public static final OrgUnitId UNIT = OrgUnitId.of("W1");
    public static final RiskPointId RP = RiskPointId.of("RP-1");
    public static final URI PHOTO = URI.create("https://files.example/1.jpg");

    private Danger() {
    }

    public static Actor actor(String id) {
        return Actor.of(ActorId.of(id), UNIT);
    }

    public static Clock after(HiddenDanger h) {
        return Clock.fixed(h.lastActionAt().plus(Duration.ofHours(1)), ZONE);
    }

    public static HiddenDangerCommand.Report report(String id, RiskPointId point) {
        return HiddenDangerCommand.Report.of(actor("alice"), HiddenDangerId.of(id), "t", "", HiddenDangerSource.INSPECTION,
                UNIT, DAY0).withFailedMeasure(point, HazardId.of("HZ-1"), ControlMeasureId.of("CM-1"))
                .withInspection(org.dualprevention.danger.InspectionRef.of("T", "I"));
    }

    public static AuthorityReport authorityReport() {
        return new AuthorityReport("a", "b", "c");
    }

    public static GovernanceScheme scheme() {
        return new GovernanceScheme("1", "2", "3", "4", "5", "6");
    }

    /** A hidden danger linked to {@code point}, walked to {@code state} with a deadline 10 days after DAY0. */
    public static HiddenDanger walk(String id, RiskPointId point, HiddenDangerState state, HiddenDangerGrade grade) {
        ClosedLoopSettings s = ClosedLoopSettings.defaults();
        HiddenDanger h = ClosedLoop.report(report(id, point), Clock.fixed(T0, ZONE), ZONE).next();
        if (state == HiddenDangerState.REPORTED) {
            return h;
        }
        if (state == HiddenDangerState.WITHDRAWN) {
            return ClosedLoop.apply(h, new HiddenDangerCommand.Withdraw(actor("bob"), "no"), after(h), ZONE, s).next();
        }
        h = ClosedLoop.apply(h, grade == HiddenDangerGrade.MAJOR ? HiddenDangerCommand.Verify.major(actor("bob"), "", authorityReport())
                : HiddenDangerCommand.Verify.general(actor("bob"), ""), after(h), ZONE, s).next();
        if (state == HiddenDangerState.VERIFIED) {
            return h;
        }
        RectificationPlan p = RectificationPlan.of(ActorId.of("dave"), "m", Funds.cny("1"), DAY0.plusDays(10), "c");
        h = ClosedLoop.apply(h, new HiddenDangerCommand.Plan(actor("carol"), grade == HiddenDangerGrade.MAJOR ? p.withScheme(scheme())
                : p), after(h), ZONE, s).next();
        if (state == HiddenDangerState.PLANNED) {
            return h;
        }
        h = ClosedLoop.apply(h, HiddenDangerCommand.Start.by(actor("dave")), after(h), ZONE, s).next();
        if (state == HiddenDangerState.RECTIFYING) {
            return h;
        }
        h = ClosedLoop.apply(h, new HiddenDangerCommand.Submit(actor("dave"), "d", List.of(PHOTO), DAY0), after(h), ZONE, s).next();
        if (state == HiddenDangerState.AWAITING_ACCEPTANCE) {
            return h;
        }
        return ClosedLoop.apply(h, new HiddenDangerCommand.Accept(actor("erin"), ""), after(h), ZONE, s).next();
    }
}
