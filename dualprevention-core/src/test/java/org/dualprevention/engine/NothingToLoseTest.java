package org.dualprevention.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.dualprevention.danger.CommandId;
import org.dualprevention.danger.Funds;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.RectificationPlan;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerEvent;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerSource;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.organization.ActorId;
import org.dualprevention.risk.AssessmentInput;
import org.dualprevention.risk.AssessmentKind;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.MethodId;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.spi.HiddenDangerListener;
import org.dualprevention.spi.RiskPointRepository;
import org.dualprevention.spi.Storage;
import org.dualprevention.storage.memory.InMemoryStorage;
import org.dualprevention.storage.memory.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, "follow-ups are lost": a hidden danger naming a failed control measure and its hazard's reassessment
 * flag are one atomic unit, events leave through the outbox, and a command id makes a retry safe.
 */
class NothingToLoseTest {
    static final HiddenDangerId HD = HiddenDangerId.of("HD-1");
    static final RiskPointId RP = RiskPointId.of("RP-PRESS");

    final TestClock clock = new TestClock(Instant.parse("2026-11-02T01:00:00Z"), DualPreventionTest.ZONE);
    final InMemoryStorage memory = InMemoryStorage.create();
    final AtomicInteger riskPointSaveFailures = new AtomicInteger();
    final List<HiddenDangerEvent> events = new ArrayList<>();
    Storage storage;
    DualPrevention dp;

    /** The in-memory store, except that the next {@code riskPointSaveFailures} risk-point saves throw. */
    Storage faulty() {
        RiskPointRepository points = memory.riskPoints();
        RiskPointRepository failing = (RiskPointRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {RiskPointRepository.class}, (p, m, args) -> {
                    if (m.getName().equals("save") && riskPointSaveFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        throw new IllegalStateException("disk gone");
                    }
                    try {
                        return m.invoke(points, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return (Storage) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Storage.class},
                (p, m, args) -> {
                    if (m.getName().equals("riskPoints")) {
                        return failing;
                    }
                    try {
                        return m.invoke(memory, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @BeforeEach
    void setUp() {
        storage = faulty();
        dp = engine();
        dp.register().saveOrganization(DualPreventionTest.ORG);
        dp.register().addRiskPoint(DualPreventionTest.press());
        dp.register().assess(HazardId.of("H1"), AssessmentRequest.of(MethodId.of("ACME.PROD"),
                AssessmentInput.of(Map.of("A", BigDecimal.ONE, "B", BigDecimal.valueOf(2))), AssessmentKind.INHERENT,
                ActorId.of("assessor")));
        dp.hiddenDangers().report(HiddenDangerCommand.Report.of(DualPreventionTest.WORKER, HD, "guard removed", "",
                HiddenDangerSource.RANDOM_OBSERVATION, DualPreventionTest.T, LocalDate.of(2026, 11, 2))
                .withFailedMeasure(RP, HazardId.of("H1"), ControlMeasureId.of("M1")));
        events.clear();
    }

    DualPrevention engine() {
        return DualPrevention.builder().storage(storage).clock(clock).discover(false)
                .register(new TestPlugins.ProductMethod("ACME.PROD", "ACME.BANDS"))
                .register(new TestPlugins.BandScheme("ACME.BANDS", "ACME.PROD"))
                .listener(events::add).build();
    }

    boolean flagged() {
        return dp.register().riskPoint(RP).orElseThrow().hazard(HazardId.of("H1")).orElseThrow().reassessment()
                .isPresent();
    }

    @Test
    void aFailingFlagWriteStoresNothingOfTheCommandAndTheRetryStoresBothOnce() {
        riskPointSaveFailures.set(1);
        CommandId id = CommandId.of("verify-HD-1");
        HiddenDangerCommand verify = HiddenDangerCommand.Verify.general(DualPreventionTest.SAFETY, "confirmed");
        assertThrows(IllegalStateException.class, () -> dp.hiddenDangers().apply(id, HD, verify));
        // before the fix the hidden danger stayed verified without its hazard's flag, for good
        assertEquals(HiddenDangerState.REPORTED, dp.hiddenDangers().find(HD).orElseThrow().state(),
                "the hidden danger must not be stored without its follow-up");
        assertFalse(flagged());
        assertEquals(1, dp.hiddenDangers().auditEntries(HD).size());
        assertTrue(events.isEmpty(), "no event for a change that was not stored: " + events);
        assertTrue(storage.outbox().pending(10).isEmpty());

        HiddenDanger verified = dp.hiddenDangers().apply(id, HD, verify);
        assertEquals(2, verified.version());
        assertTrue(flagged(), "the retry stores the flag with the hidden danger");
        assertEquals(1, events.stream().filter(e -> e instanceof HiddenDangerEvent.ReassessmentRequested).count());
        assertTrue(storage.outbox().pending(10).isEmpty(), "delivered events leave the outbox");
    }

    @Test
    void aRetryWithTheSameCommandIdReturnsTheStoredResultAndFollowUpsHappenOnce() {
        CommandId id = CommandId.of("verify-HD-1");
        HiddenDangerCommand verify = HiddenDangerCommand.Verify.general(DualPreventionTest.SAFETY, "confirmed");
        HiddenDanger first = dp.hiddenDangers().apply(id, HD, verify);
        long rpVersion = dp.register().riskPoint(RP).orElseThrow().version();
        int eventsBefore = events.size();
        HiddenDanger again = dp.hiddenDangers().apply(id, HD, verify);
        assertEquals(first, again);
        assertEquals(2, dp.hiddenDangers().auditEntries(HD).size(), "applied once");
        assertEquals(rpVersion, dp.register().riskPoint(RP).orElseThrow().version(), "flagged once");
        assertEquals(eventsBefore, events.size(), "no event for a retry");
        // later changes do not change what the retry returns: the version that command produced
        dp.hiddenDangers().apply(HD, new HiddenDangerCommand.Plan(DualPreventionTest.LEADER, RectificationPlan.of(
                DualPreventionTest.LEADER.id(), "fix", Funds.cny("10"), LocalDate.of(2026, 11, 9), "guard")));
        assertEquals(first, dp.hiddenDangers().apply(id, HD, verify));
        // the same id with another command is refused, naming the id
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> dp.hiddenDangers()
                .apply(id, HD, HiddenDangerCommand.Verify.general(DualPreventionTest.SAFETY, "other note")));
        assertTrue(e.getMessage().contains("[verify-HD-1]"), e.getMessage());
    }

    @Test
    void eventsOfAChangeCommittedButNotDeliveredGoOutWhenTheEngineStartsAgain() {
        // the process "dies" after the commit: the outbox entry is written in the unit, delivery never happened
        HiddenDangerCommand verify = HiddenDangerCommand.Verify.general(DualPreventionTest.SAFETY, "confirmed");
        HiddenDanger current = dp.hiddenDangers().find(HD).orElseThrow();
        org.dualprevention.danger.Transition t = dp.hiddenDangers().closedLoop().apply(current, verify);
        storage.atomically(() -> {
            dp.hiddenDangers().write(t, CommandId.of("c1"), HiddenDangers.fingerprint(HD, verify));
            return null;
        });
        assertTrue(events.isEmpty());
        assertEquals(1, storage.outbox().pending(10).size());
        // a new engine on the same store delivers them: the same events the command produced
        DualPrevention restarted = engine();
        assertEquals(t.events(), events);
        assertTrue(storage.outbox().pending(10).isEmpty());
        assertEquals(0, restarted.hiddenDangers().deliverPending());
    }
}
