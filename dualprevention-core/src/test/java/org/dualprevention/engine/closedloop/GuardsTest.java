package org.dualprevention.engine.closedloop;

import static org.dualprevention.engine.closedloop.Fixtures.ALICE;
import static org.dualprevention.engine.closedloop.Fixtures.BOB;
import static org.dualprevention.engine.closedloop.Fixtures.CAROL;
import static org.dualprevention.engine.closedloop.Fixtures.DAVE;
import static org.dualprevention.engine.closedloop.Fixtures.ERIN;
import static org.dualprevention.engine.closedloop.Fixtures.FRANK;
import static org.dualprevention.engine.closedloop.Fixtures.PHOTO;
import static org.dualprevention.engine.closedloop.Fixtures.SOD;
import static org.dualprevention.engine.closedloop.Fixtures.ZONE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.dualprevention.AccessDeniedException;
import org.dualprevention.ValidationException;
import org.dualprevention.Violation;
import org.dualprevention.danger.AuthorityReport;
import org.dualprevention.danger.ClosedLoopSettings;
import org.dualprevention.danger.Funds;
import org.dualprevention.danger.GovernanceScheme;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerAction;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.HiddenDangerSource;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.danger.InspectionRef;
import org.dualprevention.danger.RectificationPlan;
import org.dualprevention.danger.Transition;
import org.dualprevention.organization.ActorId;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.RiskPointId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each guard of each action, one by one, then several at once. */
class GuardsTest {
    private static final LocalDate TODAY = Fixtures.DAY0;
    private static final URI RELATIVE = URI.create("photos/1.jpg");

    private static HiddenDanger in(HiddenDangerState s) {
        return Fixtures.inState(s, HiddenDangerGrade.GENERAL);
    }

    private static HiddenDanger major(HiddenDangerState s) {
        return Fixtures.inState(s, HiddenDangerGrade.MAJOR);
    }

    private static RectificationPlan plan(String measures, Funds funds, LocalDate deadline, String contingency) {
        return RectificationPlan.of(DAVE.id(), measures, funds, deadline, contingency);
    }

    private static Arguments c(String name, Supplier<HiddenDanger> start, Function<HiddenDanger, HiddenDangerCommand> cmd,
            String... paths) {
        return Arguments.of(name, start, cmd, List.of(paths));
    }

    static Stream<Arguments> commandGuards() {
        LocalDate later = TODAY.plusDays(10);
        return Stream.of(
                c("verify major without authority report", () -> in(HiddenDangerState.REPORTED),
                        h -> new HiddenDangerCommand.Verify(BOB, HiddenDangerGrade.MAJOR, "", Optional.empty()),
                        "authorityReport"),
                c("verify major with blank report texts", () -> in(HiddenDangerState.REPORTED),
                        h -> HiddenDangerCommand.Verify.major(BOB, "", new AuthorityReport(" ", "", "\t")),
                        "authorityReport.statusAndCause", "authorityReport.harmAndDifficulty",
                        "authorityReport.treatmentPlan"),
                c("withdraw without reason", () -> in(HiddenDangerState.VERIFIED),
                        h -> new HiddenDangerCommand.Withdraw(BOB, "  "), "reason"),
                c("rectify on spot a major one", () -> major(HiddenDangerState.VERIFIED),
                        h -> new HiddenDangerCommand.RectifyOnSpot(DAVE, "done", List.of(PHOTO), TODAY), "grade"),
                c("rectify on spot without description", () -> in(HiddenDangerState.REPORTED),
                        h -> new HiddenDangerCommand.RectifyOnSpot(DAVE, "", List.of(PHOTO), TODAY), "description"),
                c("rectify on spot without evidence", () -> in(HiddenDangerState.REPORTED),
                        h -> new HiddenDangerCommand.RectifyOnSpot(DAVE, "done", List.of(), TODAY), "evidence"),
                c("rectify on spot with relative evidence", () -> in(HiddenDangerState.REPORTED),
                        h -> new HiddenDangerCommand.RectifyOnSpot(DAVE, "done", List.of(PHOTO, RELATIVE), TODAY),
                        "evidence[1]"),
                c("rectify on spot completed before found", () -> in(HiddenDangerState.REPORTED),
                        h -> new HiddenDangerCommand.RectifyOnSpot(DAVE, "done", List.of(PHOTO), TODAY.minusDays(1)),
                        "completedOn"),
                c("rectify on spot completed in the future", () -> in(HiddenDangerState.REPORTED),
                        h -> new HiddenDangerCommand.RectifyOnSpot(DAVE, "done", List.of(PHOTO), TODAY.plusDays(1)),
                        "completedOn"),
                c("plan without measures", () -> in(HiddenDangerState.VERIFIED),
                        h -> new HiddenDangerCommand.Plan(CAROL, plan(" ", Funds.cny("0"), later, "lock out")),
                        "plan.measures"),
                c("plan with negative funds", () -> in(HiddenDangerState.VERIFIED),
                        h -> new HiddenDangerCommand.Plan(CAROL, plan("fix", Funds.cny("-0.01"), later, "lock out")),
                        "plan.funds.amount"),
                c("plan with unknown currency", () -> in(HiddenDangerState.VERIFIED),
                        h -> new HiddenDangerCommand.Plan(CAROL,
                                plan("fix", Funds.of(BigDecimal.TEN, "RMB"), later, "lock out")),
                        "plan.funds.currency"),
                c("plan with deadline in the past", () -> in(HiddenDangerState.VERIFIED),
                        h -> new HiddenDangerCommand.Plan(CAROL, plan("fix", Funds.cny("1"), TODAY.minusDays(1), "x")),
                        "plan.deadline"),
                c("plan without contingency plan", () -> in(HiddenDangerState.VERIFIED),
                        h -> new HiddenDangerCommand.Plan(CAROL, plan("fix", Funds.cny("1"), later, "")),
                        "plan.contingencyPlan"),
                c("plan of a major one without scheme", () -> major(HiddenDangerState.VERIFIED),
                        h -> new HiddenDangerCommand.Plan(CAROL, plan("fix", Funds.cny("1"), later, "x")),
                        "plan.scheme"),
                c("plan of a major one with a blank scheme", () -> major(HiddenDangerState.VERIFIED),
                        h -> new HiddenDangerCommand.Plan(CAROL, plan("fix", Funds.cny("1"), later, "x")
                                .withScheme(new GovernanceScheme("", " ", "", "", "", ""))),
                        "plan.scheme.goalsAndTasks", "plan.scheme.methodsAndMeasures", "plan.scheme.fundsAndMaterials",
                        "plan.scheme.organisationAndPeople", "plan.scheme.timeLimitAndRequirements",
                        "plan.scheme.safetyMeasuresAndEmergencyPlan"),
                c("plan with everything wrong", () -> major(HiddenDangerState.VERIFIED),
                        h -> new HiddenDangerCommand.Plan(CAROL,
                                plan("", Funds.of(new BigDecimal("-5"), "XYZ"), TODAY.minusDays(3), "")),
                        "plan.measures", "plan.funds.amount", "plan.funds.currency", "plan.deadline",
                        "plan.contingencyPlan", "plan.scheme"),
                c("extend to the same deadline", () -> in(HiddenDangerState.PLANNED),
                        h -> new HiddenDangerCommand.ExtendDeadline(DAVE, h.deadline().orElseThrow(), "late", FRANK),
                        "newDeadline"),
                c("extend to an earlier deadline", () -> in(HiddenDangerState.RECTIFYING),
                        h -> new HiddenDangerCommand.ExtendDeadline(DAVE, h.deadline().orElseThrow().minusDays(1), "late",
                                FRANK),
                        "newDeadline"),
                c("extend without reason", () -> in(HiddenDangerState.RECTIFYING),
                        h -> new HiddenDangerCommand.ExtendDeadline(DAVE, h.deadline().orElseThrow().plusDays(1), "",
                                FRANK),
                        "reason"),
                c("extend with no deadline in force (rejected after rectifying on the spot)", GuardsTest::onSpotRejected,
                        h -> new HiddenDangerCommand.ExtendDeadline(DAVE, TODAY.plusDays(9), "late", FRANK),
                        "newDeadline"),
                c("submit without anything", () -> in(HiddenDangerState.RECTIFYING),
                        h -> new HiddenDangerCommand.Submit(DAVE, "", List.of(), TODAY.minusDays(2)),
                        "description", "evidence", "completedOn"),
                c("submit completed in the future", () -> in(HiddenDangerState.RECTIFYING),
                        h -> new HiddenDangerCommand.Submit(DAVE, "done", List.of(PHOTO), TODAY.plusDays(2)),
                        "completedOn"),
                c("reject without reason", () -> in(HiddenDangerState.AWAITING_ACCEPTANCE),
                        h -> new HiddenDangerCommand.Reject(ERIN, " "), "reason"));
    }

    private static HiddenDanger onSpotRejected() {
        HiddenDanger h = in(HiddenDangerState.REPORTED);
        h = Fixtures.step(h, HiddenDangerAction.RECTIFY_ON_SPOT);
        return Fixtures.step(h, HiddenDangerAction.REJECT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commandGuards")
    void guardReportsEveryViolationPath(String name, Supplier<HiddenDanger> start,
            Function<HiddenDanger, HiddenDangerCommand> command, List<String> paths) {
        HiddenDanger h = start.get();
        HiddenDanger copy = start.get();
        HiddenDangerCommand cmd = command.apply(h);
        ValidationException e = assertThrows(ValidationException.class, () -> ClosedLoop.apply(h, cmd, Fixtures.next(h), ZONE, SOD));
        assertEquals(paths, e.violations().stream().map(Violation::path).toList(), e.getMessage());
        assertEquals("command [" + cmd.action() + "] for hidden danger [HD-2026-0001]", e.subject());
        assertEquals(copy, h);
    }

    static Stream<Arguments> reportGuards() {
        HiddenDangerCommand.Report ok = Fixtures.report();
        HiddenDangerCommand.Report random = HiddenDangerCommand.Report.of(ALICE, Fixtures.ID, "Oil on floor", "",
                HiddenDangerSource.RANDOM_OBSERVATION, Fixtures.UNIT, Fixtures.DAY0);
        return Stream.of(
                Arguments.of(new HiddenDangerCommand.Report(ALICE, ok.id(), " ", "", ok.source(), ok.category(), ok.unit(),
                        ok.foundOn(), ok.riskPoint(), ok.hazard(), ok.failedMeasure(), ok.inspection(), ok.evidence()),
                        List.of("title")),
                Arguments.of(new HiddenDangerCommand.Report(ALICE, ok.id(), "t", "", ok.source(), ok.category(), ok.unit(),
                        TODAY.plusDays(1), ok.riskPoint(), ok.hazard(), ok.failedMeasure(), ok.inspection(),
                        ok.evidence()), List.of("foundOn")),
                Arguments.of(new HiddenDangerCommand.Report(ALICE, ok.id(), "t", "", ok.source(), ok.category(), ok.unit(),
                        ok.foundOn(), Optional.empty(), ok.hazard(), ok.failedMeasure(), ok.inspection(), ok.evidence()),
                        List.of("hazard")),
                Arguments.of(new HiddenDangerCommand.Report(ALICE, ok.id(), "t", "", ok.source(), ok.category(), ok.unit(),
                        ok.foundOn(), ok.riskPoint(), Optional.empty(), ok.failedMeasure(), ok.inspection(),
                        ok.evidence()), List.of("failedMeasure")),
                Arguments.of(new HiddenDangerCommand.Report(ALICE, ok.id(), "t", "", ok.source(), ok.category(), ok.unit(),
                        ok.foundOn(), ok.riskPoint(), ok.hazard(), ok.failedMeasure(), Optional.empty(), ok.evidence()),
                        List.of("inspection")),
                Arguments.of(random.withInspection(InspectionRef.of("T-1", "I-1")), List.of("inspection")),
                Arguments.of(ok.withInspection(InspectionRef.of(" ", "")), List.of("inspection.task", "inspection.item")),
                Arguments.of(ok.withEvidence(List.of(RELATIVE, PHOTO, RELATIVE)), List.of("evidence[0]", "evidence[2]")),
                Arguments.of(new HiddenDangerCommand.Report(ALICE, ok.id(), "", "", HiddenDangerSource.INSPECTION,
                        Optional.empty(), ok.unit(), TODAY.plusDays(5), Optional.empty(), Optional.of(HazardId.of("H")),
                        Optional.of(ControlMeasureId.of("M")), Optional.empty(), List.of(RELATIVE)),
                        List.of("title", "foundOn", "hazard", "inspection", "evidence[0]")));
    }

    @ParameterizedTest
    @MethodSource("reportGuards")
    void reportGuards(HiddenDangerCommand.Report report, List<String> paths) {
        ValidationException e = assertThrows(ValidationException.class,
                () -> ClosedLoop.report(report, Fixtures.clock(0), ZONE));
        assertEquals(paths, e.violations().stream().map(Violation::path).toList(), e.getMessage());
    }

    @Test
    void validReportsPass() {
        HiddenDanger h = ClosedLoop.report(HiddenDangerCommand.Report.of(ALICE, Fixtures.ID, "Oil on floor", "",
                HiddenDangerSource.RANDOM_OBSERVATION, Fixtures.UNIT, Fixtures.DAY0)
                .withRiskPoint(RiskPointId.of("RP-2")), Fixtures.clock(0), ZONE).next();
        assertEquals(Optional.of(RiskPointId.of("RP-2")), h.riskPoint());
        assertEquals(Optional.empty(), h.inspection());
    }

    @Test
    void violationMessageNamesPathValueAndAllowed() {
        HiddenDanger h = in(HiddenDangerState.VERIFIED);
        ValidationException e = assertThrows(ValidationException.class, () -> ClosedLoop.apply(h, new HiddenDangerCommand.Plan(CAROL,
                plan("fix", Funds.cny("-1.50"), TODAY.plusDays(3), "x")), Fixtures.next(h), ZONE, SOD));
        assertEquals("Invalid command [PLAN] for hidden danger [HD-2026-0001]: 1 violation\n"
                + "  plan.funds.amount: value [-1.50] is not allowed; allowed: an amount not negative", e.getMessage());
    }

    @Test
    void noCommandBeforeTheLastOne() {
        HiddenDanger h = in(HiddenDangerState.VERIFIED);
        Clock earlier = Clock.fixed(h.lastActionAt().minusSeconds(1), ZONE);
        ValidationException e = assertThrows(ValidationException.class,
                () -> ClosedLoop.apply(h, Fixtures.valid(HiddenDangerAction.PLAN, h), earlier, ZONE, SOD));
        assertEquals(List.of("at"), e.violations().stream().map(Violation::path).toList());
        Clock same = Clock.fixed(h.lastActionAt(), ZONE);
        assertEquals(HiddenDangerState.PLANNED, ClosedLoop.apply(h, Fixtures.valid(HiddenDangerAction.PLAN, h), same, ZONE, SOD)
                .next().state(), "the same instant is allowed");
    }

    @Test
    void deadlineMayBeToday() {
        HiddenDanger h = in(HiddenDangerState.VERIFIED);
        Transition t = ClosedLoop.apply(h, new HiddenDangerCommand.Plan(CAROL, plan("fix", Funds.cny("0"), TODAY, "x")),
                Fixtures.next(h), ZONE, SOD);
        assertEquals(Optional.of(TODAY), t.next().deadline());
    }

    // ---------------------------------------------------------------- separation of duties

    static Stream<Arguments> excludedAcceptors() {
        return Stream.of(Arguments.of("dave", "started, submitted and is responsible"),
                Arguments.of("gina", "named as rectifier at start"),
                Arguments.of("hank", "submitted"),
                Arguments.of("ivan", "responsible person of the plan"));
    }

    /** A hidden danger rectified by dave with gina, submitted by hank, with ivan responsible. */
    private static HiddenDanger awaitingWithParties() {
        HiddenDanger h = in(HiddenDangerState.VERIFIED);
        RectificationPlan p = RectificationPlan.of(ActorId.of("ivan"), "fix", Funds.cny("10"), TODAY.plusDays(5), "x");
        h = ClosedLoop.apply(h, new HiddenDangerCommand.Plan(CAROL, p), Fixtures.next(h), ZONE, SOD).next();
        h = ClosedLoop.apply(h, new HiddenDangerCommand.Start(DAVE, List.of(ActorId.of("gina"))), Fixtures.next(h), ZONE, SOD).next();
        h = ClosedLoop.apply(h, new HiddenDangerCommand.Submit(Fixtures.actor("hank"), "done", List.of(PHOTO), TODAY),
                Fixtures.next(h), ZONE, SOD).next();
        return h;
    }

    @ParameterizedTest(name = "{0} ({1}) may not accept")
    @MethodSource("excludedAcceptors")
    void separationOfDutiesKeepsRectificationPartiesFromAccepting(String who, String why) {
        HiddenDanger h = awaitingWithParties();
        HiddenDangerCommand accept = new HiddenDangerCommand.Accept(Fixtures.actor(who), "ok");
        AccessDeniedException e = assertThrows(AccessDeniedException.class,
                () -> ClosedLoop.apply(h, accept, Fixtures.next(h), ZONE, SOD));
        assertEquals("Actor [" + who + "] may not ACCEPT [HD-2026-0001]: separation of duties: the acceptor must not be"
                + " a rectifier, submitter or the responsible person [dave, gina, hank, ivan]", e.getMessage());
        assertEquals(who, e.actor());
        assertEquals("ACCEPT", e.action());
        assertEquals("HD-2026-0001", e.target());
        Transition off = ClosedLoop.apply(h, accept, Fixtures.next(h), ZONE, SOD.withSeparationOfDuties(false));
        assertEquals(HiddenDangerState.CLOSED, off.next().state(), "allowed with separation of duties off");
        assertEquals(Optional.of(ActorId.of(who)), off.next().acceptor());
    }

    @Test
    void someoneElseMayAccept() {
        HiddenDanger h = awaitingWithParties();
        Transition t = ClosedLoop.apply(h, new HiddenDangerCommand.Accept(ALICE, ""), Fixtures.next(h), ZONE, SOD);
        assertEquals(HiddenDangerState.CLOSED, t.next().state());
        assertEquals(Optional.of(t.audit().at()), t.next().closedAt());
    }

    @Test
    void rectifierOnTheSpotMayNotAcceptButAnotherMay() {
        HiddenDanger h = Fixtures.step(in(HiddenDangerState.REPORTED), HiddenDangerAction.RECTIFY_ON_SPOT);
        assertEquals(HiddenDangerState.AWAITING_ACCEPTANCE, h.state());
        assertEquals(Optional.of(HiddenDangerGrade.GENERAL), h.grade());
        assertThrows(AccessDeniedException.class,
                () -> ClosedLoop.apply(h, new HiddenDangerCommand.Accept(DAVE, ""), Fixtures.next(h), ZONE, SOD));
        assertEquals(HiddenDangerState.CLOSED,
                ClosedLoop.apply(h, new HiddenDangerCommand.Accept(ALICE, ""), Fixtures.next(h), ZONE, SOD).next().state());
    }

    @Test
    void extensionApprovedByTheRequesterIsRefusedOnlyWithSeparationOfDuties() {
        HiddenDanger h = in(HiddenDangerState.RECTIFYING);
        HiddenDangerCommand self = new HiddenDangerCommand.ExtendDeadline(DAVE, h.deadline().orElseThrow().plusDays(3),
                "late", DAVE);
        AccessDeniedException e = assertThrows(AccessDeniedException.class,
                () -> ClosedLoop.apply(h, self, Fixtures.next(h), ZONE, SOD));
        assertEquals("EXTEND_DEADLINE", e.action());
        assertEquals(h.deadline().orElseThrow().plusDays(3),
                ClosedLoop.apply(h, self, Fixtures.next(h), ZONE, SOD.withSeparationOfDuties(false)).next().deadline().orElseThrow());
    }

    @Test
    void anExtensionToADayAlreadyPastIsRefused() {
        HiddenDanger h = in(HiddenDangerState.RECTIFYING);
        LocalDate deadline = h.deadline().orElseThrow();
        // weeks after the deadline: the hidden danger is overdue, and an extension must reach today at least
        java.time.Clock late = java.time.Clock.fixed(deadline.plusDays(20).atTime(9, 0).atZone(ZONE).toInstant(), ZONE);
        LocalDate today = deadline.plusDays(20);
        ValidationException e = assertThrows(ValidationException.class, () -> ClosedLoop.apply(h,
                new HiddenDangerCommand.ExtendDeadline(DAVE, deadline.plusDays(10), "late", FRANK), late, ZONE, SOD));
        assertEquals(1, e.violations().size(), e.violations().toString());
        assertEquals("newDeadline", e.violations().get(0).path());
        assertEquals("a date not before today [" + today + "]: an extension to a day already past leaves the hidden"
                + " danger overdue", e.violations().get(0).allowed());
        assertEquals(today, ClosedLoop.apply(h, new HiddenDangerCommand.ExtendDeadline(DAVE, today, "late", FRANK), late,
                ZONE, SOD).next().deadline().orElseThrow(), "today itself is in time");
    }

    @Test
    void separationOfDutiesIsCheckedBeforeDataGuards() {
        HiddenDanger h = in(HiddenDangerState.RECTIFYING);
        HiddenDangerCommand self = new HiddenDangerCommand.ExtendDeadline(DAVE, TODAY.minusDays(30), "", DAVE);
        assertThrows(AccessDeniedException.class, () -> ClosedLoop.apply(h, self, Fixtures.next(h), ZONE, SOD));
    }

    @Test
    void settingsDefaultToSeparationOfDuties() {
        assertEquals(true, ClosedLoopSettings.defaults().separationOfDuties());
        assertEquals(false, ClosedLoopSettings.defaults().withSeparationOfDuties(false).separationOfDuties());
        assertEquals(ClosedLoopSettings.defaults(), ClosedLoopSettings.defaults().withSeparationOfDuties(true));
    }
}
