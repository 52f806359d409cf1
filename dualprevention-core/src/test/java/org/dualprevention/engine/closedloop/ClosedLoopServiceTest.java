package org.dualprevention.engine.closedloop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.dualprevention.AccessDeniedException;
import org.dualprevention.IllegalTransitionException;
import org.dualprevention.danger.ClosedLoopSettings;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.organization.Actor;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.dualprevention.spi.AccessPolicy;
import org.dualprevention.engine.closedloop.OrganizationAccessPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The service runs the table, then the access policy, then the hidden danger's guards. */
class ClosedLoopServiceTest {
    static final Organization ORG = Organization.of(List.of(
            OrgUnit.root(OrgUnitId.of("C"), "Company", ControlLevel.COMPANY),
            OrgUnit.child(OrgUnitId.of("D"), "Production dept", ControlLevel.DEPARTMENT, OrgUnitId.of("C")),
            OrgUnit.child(OrgUnitId.of("W1"), "Press shop", ControlLevel.WORKSHOP, OrgUnitId.of("D")),
            OrgUnit.child(OrgUnitId.of("W2"), "Paint shop", ControlLevel.WORKSHOP, OrgUnitId.of("D")),
            OrgUnit.child(OrgUnitId.of("T1"), "Press team A", ControlLevel.TEAM, OrgUnitId.of("W1"))));

    private static ClosedLoopService service(HiddenDanger h, AccessPolicy policy) {
        return ClosedLoopService.of(Danger.after(h), Danger.ZONE, ClosedLoopSettings.defaults(), policy);
    }

    private static Actor in(String unit, String who) {
        return Actor.of(ActorId.of(who), OrgUnitId.of(unit));
    }

    static Stream<Arguments> decisions() {
        return Stream.of(
                // unit, action on a GENERAL danger of W1 in the given state, allowed?
                Arguments.of("W1", "verify", HiddenDangerState.REPORTED, true),
                Arguments.of("D", "verify", HiddenDangerState.REPORTED, true),
                Arguments.of("C", "verify", HiddenDangerState.REPORTED, true),
                Arguments.of("W2", "verify", HiddenDangerState.REPORTED, false),
                Arguments.of("T1", "verify", HiddenDangerState.REPORTED, false),
                Arguments.of("T1", "start", HiddenDangerState.PLANNED, true),
                Arguments.of("W2", "start", HiddenDangerState.PLANNED, false),
                Arguments.of("T1", "accept", HiddenDangerState.AWAITING_ACCEPTANCE, false),
                Arguments.of("W1", "accept", HiddenDangerState.AWAITING_ACCEPTANCE, true),
                Arguments.of("X", "accept", HiddenDangerState.AWAITING_ACCEPTANCE, false));
    }

    private static HiddenDangerCommand command(String action, Actor a, HiddenDanger h) {
        switch (action) {
            case "verify":
                return HiddenDangerCommand.Verify.general(a, "");
            case "start":
                return HiddenDangerCommand.Start.by(a);
            case "accept":
                return new HiddenDangerCommand.Accept(a, "");
            default:
                throw new AssertionError(action);
        }
    }

    @ParameterizedTest(name = "{0} {1} in {2}: {3}")
    @MethodSource("decisions")
    void defaultPolicyDecidesByUnit(String unit, String action, HiddenDangerState state, boolean allowed) {
        HiddenDanger h = Danger.walk("HD-1", Danger.RP, state, HiddenDangerGrade.GENERAL);
        ClosedLoopService s = service(h, OrganizationAccessPolicy.of(ORG));
        HiddenDangerCommand c = command(action, in(unit, "zed"), h);
        if (allowed) {
            assertEquals(h.version() + 1, s.apply(h, c).next().version());
        } else {
            AccessDeniedException e = assertThrows(AccessDeniedException.class, () -> s.apply(h, c));
            assertEquals("zed", e.actor());
            assertEquals(c.action().name(), e.action());
            assertEquals("HD-1", e.target());
        }
    }

    @Test
    void majorHiddenDangersNeedTheCompany() {
        HiddenDanger reported = Danger.walk("HD-1", Danger.RP, HiddenDangerState.REPORTED, HiddenDangerGrade.MAJOR);
        ClosedLoopService s = service(reported, OrganizationAccessPolicy.of(ORG));
        HiddenDangerCommand byWorkshop = HiddenDangerCommand.Verify.major(in("W1", "wu"), "", Danger.authorityReport());
        AccessDeniedException e = assertThrows(AccessDeniedException.class, () -> s.apply(reported, byWorkshop));
        assertEquals("Actor [wu] may not VERIFY [HD-1]: VERIFY of a MAJOR hidden danger needs an actor at level [company]"
                + " or above; the actor's unit [W1] is at level [workshop]", e.getMessage());
        s.apply(reported, HiddenDangerCommand.Verify.major(in("C", "boss"), "", Danger.authorityReport()));

        HiddenDanger awaiting = Danger.walk("HD-1", Danger.RP, HiddenDangerState.AWAITING_ACCEPTANCE, HiddenDangerGrade.MAJOR);
        ClosedLoopService s2 = service(awaiting, OrganizationAccessPolicy.of(ORG));
        assertThrows(AccessDeniedException.class, () -> s2.apply(awaiting, new HiddenDangerCommand.Accept(in("D", "d"), "")));
        assertEquals(HiddenDangerState.CLOSED,
                s2.apply(awaiting, new HiddenDangerCommand.Accept(in("C", "boss"), "")).next().state());
        ClosedLoopService atDepartment = service(awaiting,
                OrganizationAccessPolicy.of(ORG).withMajorLevel(ControlLevel.DEPARTMENT));
        assertEquals(HiddenDangerState.CLOSED,
                atDepartment.apply(awaiting, new HiddenDangerCommand.Accept(in("D", "d"), "")).next().state());
        // the rectification work itself is not restricted to the company
        HiddenDanger planned = Danger.walk("HD-1", Danger.RP, HiddenDangerState.PLANNED, HiddenDangerGrade.MAJOR);
        service(planned, OrganizationAccessPolicy.of(ORG)).apply(planned, HiddenDangerCommand.Start.by(in("T1", "t")));
    }

    @Test
    void theApproverOfAnExtensionMustBeAKnownActorAllowedToDecideAtTheHiddenDangersLevel() {
        HiddenDanger general = Danger.walk("HD-1", Danger.RP, HiddenDangerState.RECTIFYING, HiddenDangerGrade.GENERAL);
        ClosedLoopService s = service(general, OrganizationAccessPolicy.of(ORG));
        Actor doer = in("T1", "tom");
        java.time.LocalDate later = general.deadline().orElseThrow().plusDays(5);
        AccessDeniedException unknown = assertThrows(AccessDeniedException.class, () -> s.apply(general,
                new HiddenDangerCommand.ExtendDeadline(doer, later, "parts late", in("Z", "ghost"))));
        assertEquals("Actor [tom] may not EXTEND_DEADLINE [HD-1]: the approver [ghost] is not a known actor: their unit [Z]"
                + " is not in the organisation", unknown.getMessage());
        AccessDeniedException beside = assertThrows(AccessDeniedException.class, () -> s.apply(general,
                new HiddenDangerCommand.ExtendDeadline(doer, later, "parts late", in("W2", "paula"))));
        assertEquals("Actor [tom] may not EXTEND_DEADLINE [HD-1]: the approver [paula] may not approve EXTEND_DEADLINE:"
                + " their unit [W2] is not at or above the hidden danger's unit [W1]", beside.getMessage());
        assertThrows(AccessDeniedException.class, () -> s.apply(general,
                new HiddenDangerCommand.ExtendDeadline(doer, later, "parts late", in("T1", "tina"))),
                "an approver below the hidden danger's unit may not approve");
        assertEquals(later, s.apply(general, new HiddenDangerCommand.ExtendDeadline(doer, later, "parts late",
                in("D", "dan"))).next().deadline().orElseThrow());

        HiddenDanger major = Danger.walk("HD-1", Danger.RP, HiddenDangerState.RECTIFYING, HiddenDangerGrade.MAJOR);
        ClosedLoopService m = service(major, OrganizationAccessPolicy.of(ORG));
        Actor boss = in("C", "boss");
        java.time.LocalDate majorLater = major.deadline().orElseThrow().plusDays(5);
        AccessDeniedException level = assertThrows(AccessDeniedException.class, () -> m.apply(major,
                new HiddenDangerCommand.ExtendDeadline(boss, majorLater, "steel late", in("D", "dan"))));
        assertEquals("Actor [boss] may not EXTEND_DEADLINE [HD-1]: EXTEND_DEADLINE of a MAJOR hidden danger needs an"
                + " approver at level [company] or above; the approver [dan] is in unit [D] at level [department]",
                level.getMessage());
        assertEquals(majorLater, m.apply(major, new HiddenDangerCommand.ExtendDeadline(boss, majorLater, "steel late",
                in("C", "ceo"))).next().deadline().orElseThrow());
    }

    @Test
    void reportingIsOpenToEveryoneInTheOrganisation() {
        HiddenDanger any = Danger.walk("HD-0", Danger.RP, HiddenDangerState.REPORTED, HiddenDangerGrade.GENERAL);
        ClosedLoopService s = service(any, OrganizationAccessPolicy.of(ORG));
        HiddenDangerCommand.Report byTeam = HiddenDangerCommand.Report.of(in("T1", "tina"),
                org.dualprevention.danger.HiddenDangerId.of("HD-9"), "Oil", "",
                org.dualprevention.danger.HiddenDangerSource.RANDOM_OBSERVATION, OrgUnitId.of("W2"), Danger.DAY0);
        assertEquals(HiddenDangerState.REPORTED, s.report(byTeam).next().state());
        HiddenDangerCommand.Report byStranger = HiddenDangerCommand.Report.of(in("Z", "zed"), byTeam.id(), "Oil", "",
                byTeam.source(), byTeam.unit(), Danger.DAY0);
        AccessDeniedException e = assertThrows(AccessDeniedException.class, () -> s.report(byStranger));
        assertEquals("Actor [zed] may not REPORT [HD-9]: the actor's unit [Z] is not in the organisation", e.getMessage());
    }

    @Test
    void theTableIsCheckedBeforeThePolicyAndThePolicyBeforeTheGuards() {
        HiddenDanger h = Danger.walk("HD-1", Danger.RP, HiddenDangerState.REPORTED, HiddenDangerGrade.GENERAL);
        AccessPolicy denyAll = r -> org.dualprevention.danger.AccessDecision.deny("nobody");
        ClosedLoopService s = service(h, denyAll);
        IllegalTransitionException illegal = assertThrows(IllegalTransitionException.class,
                () -> s.apply(h, new HiddenDangerCommand.Accept(in("C", "c"), "")));
        assertEquals("Hidden danger [HD-1] cannot ACCEPT in state REPORTED; allowed now: [VERIFY, WITHDRAW, RECTIFY_ON_SPOT]",
                illegal.getMessage());
        assertThrows(AccessDeniedException.class, () -> s.apply(h, new HiddenDangerCommand.Withdraw(in("C", "c"), " ")));
        ClosedLoopService open = service(h, AccessPolicy.allowAll());
        assertThrows(org.dualprevention.ValidationException.class,
                () -> open.apply(h, new HiddenDangerCommand.Withdraw(in("C", "c"), " ")));
    }

    @Test
    void theServiceUsesItsClock() {
        HiddenDanger h = Danger.walk("HD-1", Danger.RP, HiddenDangerState.REPORTED, HiddenDangerGrade.GENERAL);
        Clock clock = Danger.after(h);
        ClosedLoopService s = ClosedLoopService.of(clock, Danger.ZONE, ClosedLoopSettings.defaults(), AccessPolicy.allowAll());
        assertEquals(clock.instant(), s.apply(h, HiddenDangerCommand.Verify.general(in("C", "c"), "")).audit().at());
    }
}
