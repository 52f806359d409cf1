package org.dualprevention.engine.closedloop;

import static org.dualprevention.engine.closedloop.Fixtures.ZONE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.dualprevention.danger.DeadlineExtension;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerAction;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerEvent;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.HiddenDangerSource;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.danger.OverdueSweep;
import org.dualprevention.danger.Transition;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.RiskPointId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The events each action produces, overdue as a derived fact, the sweep, and the canonical text escaping. */
class EventsAndOverdueTest {

    private static List<Class<?>> kinds(Transition t) {
        List<Class<?>> out = new ArrayList<>();
        for (HiddenDangerEvent e : t.events()) {
            out.add(e.getClass());
        }
        return out;
    }

    @Test
    void verifyingMajorReportsToTheAuthorityAndRequestsReassessment() {
        HiddenDanger h = Fixtures.reported();
        Transition t = ClosedLoop.apply(h, HiddenDangerCommand.Verify.major(Fixtures.BOB, "", Fixtures.authorityReport()),
                Fixtures.next(h), ZONE, Fixtures.SOD);
        assertEquals(List.of(HiddenDangerEvent.Transitioned.class, HiddenDangerEvent.MajorReportedToAuthority.class,
                HiddenDangerEvent.ReassessmentRequested.class), kinds(t));
        HiddenDangerEvent.MajorReportedToAuthority m = (HiddenDangerEvent.MajorReportedToAuthority) t.events().get(1);
        assertEquals(Fixtures.authorityReport(), m.report());
        assertEquals(Optional.of(RiskPointId.of("RP-1")), m.riskPoint());
        assertEquals(new HiddenDangerEvent.ReassessmentRequested(Fixtures.ID, t.audit().at(), RiskPointId.of("RP-1"),
                HazardId.of("HZ-1"), ControlMeasureId.of("CM-1")), t.events().get(2));
    }

    @Test
    void verifyingGeneralWithoutFailedMeasureOnlyTransitions() {
        HiddenDanger h = ClosedLoop.report(HiddenDangerCommand.Report.of(Fixtures.ALICE, Fixtures.ID, "Oil", "",
                HiddenDangerSource.RANDOM_OBSERVATION, Fixtures.UNIT, Fixtures.DAY0), Fixtures.clock(0), ZONE).next();
        Transition t = ClosedLoop.apply(h, HiddenDangerCommand.Verify.general(Fixtures.BOB, ""), Fixtures.next(h), ZONE, Fixtures.SOD);
        assertEquals(List.of(HiddenDangerEvent.Transitioned.class), kinds(t));
        assertEquals(new HiddenDangerEvent.Transitioned(Fixtures.ID, t.audit().at(), Fixtures.BOB.id(),
                HiddenDangerAction.VERIFY, HiddenDangerState.REPORTED, HiddenDangerState.VERIFIED, 2), t.events().get(0));
    }

    @Test
    void rectifyingOnTheSpotUnverifiedRequestsReassessmentOnce() {
        HiddenDanger reported = Fixtures.reported();
        Transition direct = ClosedLoop.apply(reported, Fixtures.valid(HiddenDangerAction.RECTIFY_ON_SPOT, reported),
                Fixtures.next(reported), ZONE, Fixtures.SOD);
        assertEquals(List.of(HiddenDangerEvent.Transitioned.class, HiddenDangerEvent.ReassessmentRequested.class),
                kinds(direct));
        HiddenDanger verified = Fixtures.step(reported, HiddenDangerAction.VERIFY);
        Transition after = ClosedLoop.apply(verified, Fixtures.valid(HiddenDangerAction.RECTIFY_ON_SPOT, verified),
                Fixtures.next(verified), ZONE, Fixtures.SOD);
        assertEquals(List.of(HiddenDangerEvent.Transitioned.class), kinds(after), "already requested when verified");
        assertTrue(after.next().rectifiedOnSpot());
    }

    @Test
    void extensionsAreCountedAndKeepTheOriginalDeadline() {
        HiddenDanger h = Fixtures.inState(HiddenDangerState.PLANNED, HiddenDangerGrade.GENERAL);
        LocalDate original = h.deadline().orElseThrow();
        Transition t1 = ClosedLoop.apply(h, Fixtures.valid(HiddenDangerAction.EXTEND_DEADLINE, h), Fixtures.next(h), ZONE,
                Fixtures.SOD);
        HiddenDanger h1 = t1.next();
        Transition t2 = ClosedLoop.apply(h1, Fixtures.valid(HiddenDangerAction.EXTEND_DEADLINE, h1), Fixtures.next(h1), ZONE,
                Fixtures.SOD);
        HiddenDanger h2 = t2.next();
        assertEquals(2, h2.extensionCount());
        assertEquals(Optional.of(original), h2.originalDeadline());
        assertEquals(Optional.of(original.plusDays(14)), h2.deadline());
        assertEquals(new DeadlineExtension(original.plusDays(7), original.plusDays(14), "spare parts late",
                Fixtures.DAVE.id(), Fixtures.FRANK.id(), t2.audit().at()), h2.extensions().get(1));
        HiddenDangerEvent.DeadlineExtended e = (HiddenDangerEvent.DeadlineExtended) t2.events().get(1);
        assertEquals(2, e.count());
        assertEquals(h2.extensions().get(1), e.extension());
        assertEquals(HiddenDangerState.PLANNED, h2.state());
    }

    @Test
    void closingSaysWhetherItWasOnTime() {
        HiddenDanger h = Fixtures.inState(HiddenDangerState.AWAITING_ACCEPTANCE, HiddenDangerGrade.GENERAL);
        LocalDate deadline = h.deadline().orElseThrow();
        Instant onDeadline = deadline.atTime(23, 0).atZone(ZONE).toInstant();
        Instant after = deadline.plusDays(1).atTime(0, 30).atZone(ZONE).toInstant();
        HiddenDangerEvent.Closed onTime = closed(ClosedLoop.apply(h, Fixtures.valid(HiddenDangerAction.ACCEPT, h),
                Clock.fixed(onDeadline, ZONE), ZONE, Fixtures.SOD));
        HiddenDangerEvent.Closed late = closed(ClosedLoop.apply(h, Fixtures.valid(HiddenDangerAction.ACCEPT, h),
                Clock.fixed(after, ZONE), ZONE, Fixtures.SOD));
        assertTrue(onTime.onTime());
        assertFalse(late.onTime());
        assertEquals(HiddenDangerGrade.GENERAL, late.grade());
        assertEquals(0, late.rejections());
    }

    private static HiddenDangerEvent.Closed closed(Transition t) {
        assertEquals(List.of(HiddenDangerEvent.Transitioned.class, HiddenDangerEvent.Closed.class), kinds(t));
        return (HiddenDangerEvent.Closed) t.events().get(1);
    }

    // ------------------------------------------------------------------------ overdue

    static Stream<Arguments> statesAndDays() {
        List<Arguments> out = new ArrayList<>();
        for (HiddenDangerState s : HiddenDangerState.values()) {
            for (int offset = -2; offset <= 2; offset++) {
                out.add(Arguments.of(s, offset));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}, deadline {1} days before today")
    @MethodSource("statesAndDays")
    void overdueIffPastTheDeadlineInForceAndNotTerminal(HiddenDangerState state, int daysPast) {
        HiddenDanger h = Fixtures.inState(state, HiddenDangerGrade.GENERAL);
        if (h.deadline().isEmpty()) {
            assertFalse(h.isOverdue(Fixtures.DAY0.plusYears(5)), "no deadline, never overdue");
            return;
        }
        LocalDate today = h.deadline().get().plusDays(daysPast);
        boolean expected = !state.isTerminal() && daysPast > 0;
        assertEquals(expected, h.isOverdue(today));
        assertEquals(expected ? daysPast : 0, h.daysOverdue(today));
        Instant noonThere = today.atTime(12, 0).atZone(ZONE).toInstant();
        assertEquals(expected, h.isOverdue(noonThere, ZONE));
    }

    @Test
    void overdueIsJudgedInTheOrganisationsZone() {
        HiddenDanger h = Fixtures.inState(HiddenDangerState.RECTIFYING, HiddenDangerGrade.GENERAL);
        LocalDate deadline = h.deadline().orElseThrow();
        // 00:30 in Shanghai the day after the deadline is still the deadline day in UTC
        Instant justAfter = deadline.plusDays(1).atTime(0, 30).atZone(ZONE).toInstant();
        assertTrue(h.isOverdue(justAfter, ZONE));
        assertFalse(h.isOverdue(justAfter, ZoneOffset.UTC));
    }

    @Test
    void sweepReportsEachHiddenDangerOnceWhenItBecomesOverdue() {
        HiddenDanger rect = Fixtures.inState(HiddenDangerState.RECTIFYING, HiddenDangerGrade.GENERAL);
        HiddenDanger closed = Fixtures.inState(HiddenDangerState.CLOSED, HiddenDangerGrade.GENERAL);
        LocalDate deadline = rect.deadline().orElseThrow();
        List<HiddenDanger> all = List.of(rect, closed, Fixtures.reported());
        int reported = 0;
        for (int d = -3; d <= 5; d++) {
            LocalDate day = deadline.plusDays(d);
            List<HiddenDangerEvent.Overdue> events = OverdueSweep.newlyOverdue(all, day.minusDays(1),
                    day.atTime(6, 0).atZone(ZONE).toInstant(), ZONE);
            reported += events.size();
            if (d == 1) {
                assertEquals(List.of(new HiddenDangerEvent.Overdue(rect.id(), day.atTime(6, 0).atZone(ZONE).toInstant(),
                        rect.unit(), HiddenDangerGrade.GENERAL, deadline, 1)), events);
            }
        }
        assertEquals(1, reported);
    }

    // ------------------------------------------------------------------------ canonical text

    @Test
    void escapingRoundTripsRandomText() {
        long seed = 20261125L;
        SplittableRandom rng = new SplittableRandom(seed);
        char[] alphabet = {'a', '=', '\\', '\n', '\r', 'n', 'u', '0', '\u0001', '\u007f', '隐', '患', ' ', '\t', '\u2028'};
        for (int i = 0; i < 5000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = rng.nextInt(12);
            for (int j = 0; j < len; j++) {
                sb.append(alphabet[rng.nextInt(alphabet.length)]);
            }
            String s = sb.toString();
            String escaped = CanonicalData.escape(s);
            assertFalse(escaped.contains("\n") || escaped.contains("\r"), "seed=" + seed + " case " + i);
            assertEquals(s, CanonicalData.unescape(escaped), "seed=" + seed + " case " + i + " text [" + escaped + "]");
        }
    }
}
