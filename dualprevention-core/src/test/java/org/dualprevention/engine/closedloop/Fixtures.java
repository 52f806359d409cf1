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
import org.dualprevention.danger.HiddenDangerAction;
import org.dualprevention.danger.HiddenDangerCategory;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerSource;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.danger.InspectionRef;
import org.dualprevention.danger.RectificationPlan;
import org.dualprevention.organization.Actor;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.RiskPointId;

/** Shared test data: a hidden danger walked to any state with valid commands. */
final class Fixtures {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** 09:00 in Shanghai on 2026-03-02. */
    static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
    static final LocalDate DAY0 = LocalDate.of(2026, 3, 2);
    static final OrgUnitId UNIT = OrgUnitId.of("WS-1");
    static final HiddenDangerId ID = HiddenDangerId.of("HD-2026-0001");
    static final Actor ALICE = actor("alice");
    static final Actor BOB = actor("bob");
    static final Actor CAROL = actor("carol");
    static final Actor DAVE = actor("dave");
    static final Actor ERIN = actor("erin");
    static final Actor FRANK = actor("frank");
    static final URI PHOTO = URI.create("https://files.example/hd/1.jpg");
    static final ClosedLoopSettings SOD = ClosedLoopSettings.defaults();

    private Fixtures() {
    }

    static Actor actor(String id) {
        return Actor.of(ActorId.of(id), UNIT);
    }

    /** A clock fixed {@code hours} after {@link #T0}. */
    static Clock clock(long hours) {
        return Clock.fixed(T0.plus(Duration.ofHours(hours)), ZONE);
    }

    /** The clock for the command after {@code h}: one hour after its last action. */
    static Clock next(HiddenDanger h) {
        return Clock.fixed(h.lastActionAt().plus(Duration.ofHours(1)), ZONE);
    }

    static HiddenDangerCommand.Report report() {
        return HiddenDangerCommand.Report.of(ALICE, ID, "Guard missing on press 3", "Interlock bypassed with tape",
                HiddenDangerSource.INSPECTION, UNIT, DAY0)
                .withFailedMeasure(RiskPointId.of("RP-1"), HazardId.of("HZ-1"), ControlMeasureId.of("CM-1"))
                .withInspection(InspectionRef.of("T-1", "I-1")).withCategory(HiddenDangerCategory.ON_SITE)
                .withEvidence(List.of(PHOTO));
    }

    static AuthorityReport authorityReport() {
        return new AuthorityReport("Tank wall thinned by corrosion", "Leak of LPG possible; needs a shutdown",
                "Replace the tank section within 30 days");
    }

    static GovernanceScheme scheme() {
        return new GovernanceScheme("Remove the corrosion risk", "Replace section, recoat", "CNY 120000 and steel plate",
                "Equipment department, lead: dave", "Within 30 days, inspected weekly",
                "Area cordoned, gas detectors, emergency drill");
    }

    static RectificationPlan plan(HiddenDanger h) {
        LocalDate today = LocalDate.ofInstant(next(h).instant(), ZONE);
        RectificationPlan p = RectificationPlan.of(DAVE.id(), "Refit the guard and repair the interlock",
                Funds.cny("1500.00"), today.plusDays(14), "Press 3 locked out until done");
        return h.grade().orElse(HiddenDangerGrade.GENERAL) == HiddenDangerGrade.MAJOR ? p.withScheme(scheme()) : p;
    }

    /** A command for {@code action} that passes every guard on {@code h}. */
    static HiddenDangerCommand valid(HiddenDangerAction action, HiddenDanger h) {
        LocalDate today = LocalDate.ofInstant(next(h).instant(), ZONE);
        switch (action) {
            case REPORT:
                return report();
            case VERIFY:
                return HiddenDangerCommand.Verify.general(BOB, "confirmed on site");
            case WITHDRAW:
                return new HiddenDangerCommand.Withdraw(BOB, "duplicate of HD-2026-0000");
            case RECTIFY_ON_SPOT:
                return new HiddenDangerCommand.RectifyOnSpot(DAVE, "taped interlock removed", List.of(PHOTO), today);
            case PLAN:
                return new HiddenDangerCommand.Plan(CAROL, plan(h));
            case START:
                return HiddenDangerCommand.Start.by(DAVE);
            case EXTEND_DEADLINE:
                return new HiddenDangerCommand.ExtendDeadline(DAVE,
                        h.deadline().orElse(today).plusDays(7), "spare parts late", FRANK);
            case SUBMIT:
                return new HiddenDangerCommand.Submit(DAVE, "guard refitted, interlock repaired", List.of(PHOTO), today);
            case ACCEPT:
                return new HiddenDangerCommand.Accept(ERIN, "works");
            case REJECT:
                return new HiddenDangerCommand.Reject(ERIN, "interlock still bypassable");
            default:
                throw new AssertionError(action);
        }
    }

    static HiddenDanger reported() {
        return ClosedLoop.report(report(), clock(0), ZONE).next();
    }

    static HiddenDanger step(HiddenDanger h, HiddenDangerAction action) {
        return ClosedLoop.apply(h, valid(action, h), next(h), ZONE, SOD).next();
    }

    /** A hidden danger walked to {@code state} by valid commands, graded {@code grade} where it is graded. */
    static HiddenDanger inState(HiddenDangerState state, HiddenDangerGrade grade) {
        HiddenDanger h = reported();
        if (state == HiddenDangerState.REPORTED) {
            return h;
        }
        if (state == HiddenDangerState.WITHDRAWN) {
            return step(h, HiddenDangerAction.WITHDRAW);
        }
        HiddenDangerCommand verify = grade == HiddenDangerGrade.MAJOR
                ? HiddenDangerCommand.Verify.major(BOB, "tank wall", authorityReport())
                : HiddenDangerCommand.Verify.general(BOB, "confirmed");
        h = ClosedLoop.apply(h, verify, next(h), ZONE, SOD).next();
        for (HiddenDangerAction a : List.of(HiddenDangerAction.PLAN, HiddenDangerAction.START, HiddenDangerAction.SUBMIT,
                HiddenDangerAction.ACCEPT)) {
            if (h.state() == state) {
                return h;
            }
            h = step(h, a);
        }
        if (h.state() != state) {
            throw new AssertionError("cannot reach " + state);
        }
        return h;
    }
}
