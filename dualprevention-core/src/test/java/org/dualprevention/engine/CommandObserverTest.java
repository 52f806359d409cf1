package org.dualprevention.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dualprevention.AccessDeniedException;
import org.dualprevention.IllegalTransitionException;
import org.dualprevention.StaleVersionException;
import org.dualprevention.ValidationException;
import org.dualprevention.danger.AccessDecision;
import org.dualprevention.danger.CommandOutcome;
import org.dualprevention.danger.HiddenDangerAction;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerSource;
import org.dualprevention.organization.Actor;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.spi.AccessPolicy;
import org.dualprevention.spi.HiddenDangerRepository;
import org.dualprevention.spi.Storage;
import org.dualprevention.storage.memory.InMemoryStorage;
import org.junit.jupiter.api.Test;

/** Every command through the hidden-danger area reaches the observers once, with how it ended: every outcome. */
class CommandObserverTest {
    private static final Instant T = Instant.parse("2026-11-02T08:00:00Z");
    static final OrgUnitId UNIT = OrgUnitId.of("U");
    private static final Actor WORKER = Actor.of(ActorId.of("worker"), UNIT);
    private static final Actor LEADER = Actor.of(ActorId.of("leader"), UNIT);

    private record Heard(HiddenDangerAction action, CommandOutcome outcome, Duration took) {
    }

    private final List<Heard> heard = new ArrayList<>();

    private DualPrevention engine(AccessPolicy policy) {
        return DualPrevention.builder()
                .storage(InMemoryStorage.create())
                .clock(Clock.fixed(T, ZoneId.of("Asia/Shanghai")))
                .accessPolicy(policy)
                .commandObserver((a, o, t) -> heard.add(new Heard(a, o, t)))
                .build();
    }

    private static HiddenDangerCommand.Report report(String id) {
        return HiddenDangerCommand.Report.of(WORKER, HiddenDangerId.of(id), "oil leak", "",
                HiddenDangerSource.RANDOM_OBSERVATION, UNIT, LocalDate.of(2026, 11, 2));
    }

    @Test
    void eachOutcomeIsReportedOnceWithItsAction() {
        DualPrevention dp = engine(AccessPolicy.allowAll());
        HiddenDangerId id = HiddenDangerId.of("HD-1");
        dp.hiddenDangers().report(report("HD-1"));
        assertThrows(StaleVersionException.class, () -> dp.hiddenDangers().report(report("HD-1")));
        assertThrows(IllegalTransitionException.class,
                () -> dp.hiddenDangers().apply(id, new HiddenDangerCommand.Accept(LEADER, "ok")));
        assertThrows(IllegalArgumentException.class,
                () -> dp.hiddenDangers().apply(HiddenDangerId.of("HD-NONE"), HiddenDangerCommand.Verify.general(LEADER,
                        "ok")));
        dp.hiddenDangers().apply(id, HiddenDangerCommand.Verify.general(LEADER, "confirmed"));

        assertEquals(List.of(HiddenDangerAction.REPORT, HiddenDangerAction.REPORT, HiddenDangerAction.ACCEPT,
                HiddenDangerAction.VERIFY, HiddenDangerAction.VERIFY), heard.stream().map(Heard::action).toList());
        assertEquals(List.of(CommandOutcome.ACCEPTED, CommandOutcome.STALE_VERSION, CommandOutcome.ILLEGAL_TRANSITION,
                CommandOutcome.NOT_FOUND, CommandOutcome.ACCEPTED), heard.stream().map(Heard::outcome).toList());
        assertTrue(heard.stream().allMatch(h -> !h.took().isNegative()), heard.toString());
    }

    @Test
    void aRefusalByThePolicyIsAccessDenied() {
        DualPrevention dp = engine(r -> AccessDecision.deny("not in this unit"));
        assertThrows(AccessDeniedException.class, () -> dp.hiddenDangers().report(report("HD-2")));
        assertEquals(List.of(CommandOutcome.ACCESS_DENIED), heard.stream().map(Heard::outcome).toList());
    }

    @Test
    void aCommandRefusedByAGuardIsInvalidAndStoresNothing() {
        DualPrevention dp = engine(AccessPolicy.allowAll());
        HiddenDangerCommand.Report future = HiddenDangerCommand.Report.of(WORKER, HiddenDangerId.of("HD-4"), "oil leak",
                "", HiddenDangerSource.RANDOM_OBSERVATION, UNIT, LocalDate.of(2026, 11, 3)); // found tomorrow
        ValidationException e = assertThrows(ValidationException.class, () -> dp.hiddenDangers().report(future));
        assertTrue(e.getMessage().contains("foundOn"), e.getMessage());
        dp.hiddenDangers().report(report("HD-5"));
        assertThrows(ValidationException.class, () -> dp.hiddenDangers().apply(HiddenDangerId.of("HD-5"),
                new HiddenDangerCommand.Verify(LEADER, HiddenDangerGrade.MAJOR, "major", Optional.empty())));
        assertEquals(List.of(CommandOutcome.INVALID, CommandOutcome.ACCEPTED, CommandOutcome.INVALID),
                heard.stream().map(Heard::outcome).toList());
        assertEquals(List.of(HiddenDangerAction.REPORT, HiddenDangerAction.REPORT, HiddenDangerAction.VERIFY),
                heard.stream().map(Heard::action).toList());
        assertTrue(dp.hiddenDangers().find(HiddenDangerId.of("HD-4")).isEmpty(), "a refused report stores nothing");
        assertEquals(1, dp.hiddenDangers().find(HiddenDangerId.of("HD-5")).orElseThrow().version(),
                "a refused command changes nothing");
    }

    @Test
    void aStorageFailureIsFailed() {
        InMemoryStorage memory = InMemoryStorage.create();
        HiddenDangerRepository broken = (HiddenDangerRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HiddenDangerRepository.class}, (p, m, args) -> {
                    if (m.getName().equals("save")) {
                        throw new IllegalStateException("disk full");
                    }
                    return invoke(m, memory.hiddenDangers(), args);
                });
        Storage storage = (Storage) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Storage.class},
                (p, m, args) -> m.getName().equals("hiddenDangers") ? broken : invoke(m, memory, args));
        DualPrevention dp = DualPrevention.builder()
                .storage(storage)
                .clock(Clock.fixed(T, ZoneId.of("Asia/Shanghai")))
                .accessPolicy(AccessPolicy.allowAll())
                .commandObserver((a, o, t) -> heard.add(new Heard(a, o, t)))
                .build();
        assertThrows(IllegalStateException.class, () -> dp.hiddenDangers().report(report("HD-6")));
        assertEquals(List.of(CommandOutcome.FAILED), heard.stream().map(Heard::outcome).toList());
    }

    private static Object invoke(Method m, Object target, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Test
    void aFailingObserverDoesNotChangeTheCommandsResult() {
        DualPrevention dp = DualPrevention.builder()
                .storage(InMemoryStorage.create())
                .clock(Clock.fixed(T, ZoneId.of("Asia/Shanghai")))
                .accessPolicy(AccessPolicy.allowAll())
                .commandObserver((a, o, t) -> {
                    throw new IllegalStateException("observer down");
                })
                .commandObserver((a, o, t) -> heard.add(new Heard(a, o, t)))
                .build();
        assertEquals(1, dp.hiddenDangers().report(report("HD-3")).version());
        assertEquals(1, heard.size(), "the second observer still hears of the command");
        assertEquals(1, dp.hiddenDangers().find(HiddenDangerId.of("HD-3")).orElseThrow().version());
    }
}
