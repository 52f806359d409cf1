package org.dualprevention.engine.closedloop;

import static org.dualprevention.engine.closedloop.Fixtures.ZONE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.dualprevention.IllegalTransitionException;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerAction;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerEvent;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.HiddenDangerSource;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.danger.Transition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every state × action pair of the closed loop, against an expected table written here by hand (not read
 * from {@link TransitionTable}), with each refusal's exact message.
 */
class ClosedLoopTableTest {

    /** The expected loop: state -> action -> next state. Pairs not listed must be refused. */
    private static final Map<HiddenDangerState, Map<HiddenDangerAction, HiddenDangerState>> EXPECTED = expected();

    private static Map<HiddenDangerState, Map<HiddenDangerAction, HiddenDangerState>> expected() {
        Map<HiddenDangerState, Map<HiddenDangerAction, HiddenDangerState>> m = new EnumMap<>(HiddenDangerState.class);
        for (HiddenDangerState s : HiddenDangerState.values()) {
            m.put(s, new EnumMap<>(HiddenDangerAction.class));
        }
        m.get(HiddenDangerState.REPORTED).put(HiddenDangerAction.VERIFY, HiddenDangerState.VERIFIED);
        m.get(HiddenDangerState.REPORTED).put(HiddenDangerAction.WITHDRAW, HiddenDangerState.WITHDRAWN);
        m.get(HiddenDangerState.REPORTED).put(HiddenDangerAction.RECTIFY_ON_SPOT, HiddenDangerState.AWAITING_ACCEPTANCE);
        m.get(HiddenDangerState.VERIFIED).put(HiddenDangerAction.WITHDRAW, HiddenDangerState.WITHDRAWN);
        m.get(HiddenDangerState.VERIFIED).put(HiddenDangerAction.RECTIFY_ON_SPOT, HiddenDangerState.AWAITING_ACCEPTANCE);
        m.get(HiddenDangerState.VERIFIED).put(HiddenDangerAction.PLAN, HiddenDangerState.PLANNED);
        m.get(HiddenDangerState.PLANNED).put(HiddenDangerAction.START, HiddenDangerState.RECTIFYING);
        m.get(HiddenDangerState.PLANNED).put(HiddenDangerAction.EXTEND_DEADLINE, HiddenDangerState.PLANNED);
        m.get(HiddenDangerState.RECTIFYING).put(HiddenDangerAction.EXTEND_DEADLINE, HiddenDangerState.RECTIFYING);
        m.get(HiddenDangerState.RECTIFYING).put(HiddenDangerAction.SUBMIT, HiddenDangerState.AWAITING_ACCEPTANCE);
        m.get(HiddenDangerState.AWAITING_ACCEPTANCE).put(HiddenDangerAction.ACCEPT, HiddenDangerState.CLOSED);
        m.get(HiddenDangerState.AWAITING_ACCEPTANCE).put(HiddenDangerAction.REJECT, HiddenDangerState.RECTIFYING);
        return m;
    }

    /** The allowed-now list each refusal must name, in action order. */
    private static final Map<HiddenDangerState, String> ALLOWED_NOW = Map.of(
            HiddenDangerState.REPORTED, "[VERIFY, WITHDRAW, RECTIFY_ON_SPOT]",
            HiddenDangerState.VERIFIED, "[WITHDRAW, RECTIFY_ON_SPOT, PLAN]",
            HiddenDangerState.PLANNED, "[START, EXTEND_DEADLINE]",
            HiddenDangerState.RECTIFYING, "[EXTEND_DEADLINE, SUBMIT]",
            HiddenDangerState.AWAITING_ACCEPTANCE, "[ACCEPT, REJECT]",
            HiddenDangerState.CLOSED, "[]",
            HiddenDangerState.WITHDRAWN, "[]");

    static Stream<Arguments> everyPair() {
        List<Arguments> out = new ArrayList<>();
        for (HiddenDangerGrade g : HiddenDangerGrade.values()) {
            for (HiddenDangerState s : HiddenDangerState.values()) {
                for (HiddenDangerAction a : HiddenDangerAction.values()) {
                    out.add(Arguments.of(s, a, g));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} x {1} ({2})")
    @MethodSource("everyPair")
    void everyStateAndAction(HiddenDangerState state, HiddenDangerAction action, HiddenDangerGrade grade) {
        HiddenDanger h = Fixtures.inState(state, grade);
        assertEquals(state, h.state());
        HiddenDanger before = Fixtures.inState(state, grade);
        HiddenDangerState expected = EXPECTED.get(state).get(action);
        boolean guardRefuses = action == HiddenDangerAction.RECTIFY_ON_SPOT && grade == HiddenDangerGrade.MAJOR
                && state == HiddenDangerState.VERIFIED;
        HiddenDangerCommand command = Fixtures.valid(action, h);
        if (expected == null) {
            IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                    () -> ClosedLoop.apply(h, command, Fixtures.next(h), ZONE, Fixtures.SOD));
            assertEquals("Hidden danger [HD-2026-0001] cannot " + action + " in state " + state + "; allowed now: "
                    + ALLOWED_NOW.get(state), e.getMessage());
            assertEquals("HD-2026-0001", e.aggregateId());
            assertEquals(state.name(), e.state());
            assertEquals(action.name(), e.action());
            assertEquals(ALLOWED_NOW.get(state), e.allowedActions().toString());
            assertEquals(before, h, "a refused command changes nothing");
            assertEquals(Optional.empty(), TransitionTable.target(state, action));
        } else if (guardRefuses) {
            org.dualprevention.ValidationException e = assertThrows(org.dualprevention.ValidationException.class,
                    () -> ClosedLoop.apply(h, command, Fixtures.next(h), ZONE, Fixtures.SOD));
            assertEquals("grade", e.violations().get(0).path());
            assertEquals(1, e.violations().size());
        } else {
            Transition t = ClosedLoop.apply(h, command, Fixtures.next(h), ZONE, Fixtures.SOD);
            assertEquals(expected, t.next().state());
            assertEquals(h.version() + 1, t.next().version());
            assertEquals(t.next().version(), t.audit().sequence());
            assertEquals(h.version(), t.expectedVersion());
            assertEquals(Optional.of(state), t.audit().stateBefore());
            assertEquals(expected, t.audit().stateAfter());
            assertEquals(action, t.audit().action());
            assertEquals(command.actor().id(), t.audit().actor());
            assertEquals(h.auditHead(), t.audit().previousHash());
            assertEquals(t.audit().hash(), t.next().auditHead());
            assertEquals(AuditEntries.computeHash(t.audit()), t.audit().hash());
            assertTrue(t.events().get(0) instanceof HiddenDangerEvent.Transitioned, "first event is the transition");
            assertEquals(before, h, "apply never changes the receiver");
            assertEquals(Optional.of(expected), TransitionTable.target(state, action));
        }
    }

    @ParameterizedTest
    @EnumSource(HiddenDangerState.class)
    void allowedActionsMatchTheExpectedTable(HiddenDangerState state) {
        assertEquals(List.copyOf(EXPECTED.get(state).keySet()), TransitionTable.allowedIn(state));
        assertEquals(ALLOWED_NOW.get(state), TransitionTable.allowedIn(state).toString());
        assertEquals(state.isTerminal(), TransitionTable.allowedIn(state).isEmpty());
    }

    @Test
    void reportCreatesInReportedWithEntryOne() {
        Transition t = ClosedLoop.report(Fixtures.report(), Fixtures.clock(0), ZONE);
        assertEquals(HiddenDangerState.REPORTED, t.next().state());
        assertEquals(1, t.next().version());
        assertEquals(0, t.expectedVersion());
        assertEquals(1, t.audit().sequence());
        assertEquals(Optional.empty(), t.audit().stateBefore());
        assertEquals(AuditEntry.GENESIS, t.audit().previousHash());
        assertEquals(List.of(new HiddenDangerEvent.Reported(Fixtures.ID, Fixtures.T0, Fixtures.ALICE.id(), Fixtures.UNIT,
                HiddenDangerSource.INSPECTION, "Guard missing on press 3", t.next().riskPoint())), t.events());
        assertEquals(Optional.of(HiddenDangerState.REPORTED), TransitionTable.row(HiddenDangerAction.REPORT).to());
        assertTrue(TransitionTable.row(HiddenDangerAction.REPORT).from().isEmpty());
    }

    @Test
    void mermaidDiagramListsEveryTransition() {
        String expected = "stateDiagram-v2\n"
                + "    [*] --> REPORTED : REPORT\n"
                + "    REPORTED --> VERIFIED : VERIFY\n"
                + "    REPORTED --> WITHDRAWN : WITHDRAW\n"
                + "    VERIFIED --> WITHDRAWN : WITHDRAW\n"
                + "    REPORTED --> AWAITING_ACCEPTANCE : RECTIFY_ON_SPOT\n"
                + "    VERIFIED --> AWAITING_ACCEPTANCE : RECTIFY_ON_SPOT\n"
                + "    VERIFIED --> PLANNED : PLAN\n"
                + "    PLANNED --> RECTIFYING : START\n"
                + "    PLANNED --> PLANNED : EXTEND_DEADLINE\n"
                + "    RECTIFYING --> RECTIFYING : EXTEND_DEADLINE\n"
                + "    RECTIFYING --> AWAITING_ACCEPTANCE : SUBMIT\n"
                + "    AWAITING_ACCEPTANCE --> CLOSED : ACCEPT\n"
                + "    AWAITING_ACCEPTANCE --> RECTIFYING : REJECT\n"
                + "    CLOSED --> [*]\n"
                + "    WITHDRAWN --> [*]\n";
        assertEquals(expected, TransitionTable.toMermaid());
    }
}
