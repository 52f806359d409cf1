package org.dualprevention.storage.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.dualprevention.StaleVersionException;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.ClosedLoopSettings;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.danger.Transition;
import org.dualprevention.engine.closedloop.AuditChain;
import org.dualprevention.engine.closedloop.ClosedLoop;
import org.dualprevention.organization.Actor;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.dualprevention.query.Page;
import org.dualprevention.query.PageRequest;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.HazardCategory;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.risk.RiskPointKind;
import org.dualprevention.spi.Storage;
import org.junit.jupiter.api.Test;

class InMemoryStorageTest {
    private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
    private final Storage storage = InMemoryStorage.create();
    private final TestClock clock = new TestClock(T0, Dangers.ZONE);

    static HazardCategory anyCategory() {
        return HazardCategory.PHYSICAL;
    }

    static RiskPoint point(String id, String unit) {
        return RiskPoint.of(RiskPointId.of(id), "point " + id, RiskPointKind.EQUIPMENT, OrgUnitId.of(unit),
                Optional.empty());
    }

    static Hazard hazard(String id) {
        return Hazard.of(HazardId.of(id), "hazard " + id, anyCategory(), Set.of(AccidentType.values()[0]), "", "");
    }

    private List<Transition> danger(String id, HiddenDangerState target) {
        return Dangers.lifecycle(new Dangers.Spec(HiddenDangerId.of(id), OrgUnitId.of("W1"),
                Optional.of(RiskPointId.of("RP1")), HiddenDangerGrade.GENERAL, LocalDate.of(2026, 3, 10), target), clock);
    }

    private void saveAll(List<Transition> ts) {
        for (Transition t : ts) {
            storage.hiddenDangers().save(t.next(), t.expectedVersion(), t.audit());
        }
    }

    private List<AuditEntry> chain(HiddenDangerId id) {
        return Page.stream(p -> storage.auditLog().entries(id, p), 2).collect(Collectors.toList());
    }

    @Test
    void savedHiddenDangerIsFoundWithItsWholeAuditChainInOrder() {
        List<Transition> ts = danger("HD-1", HiddenDangerState.CLOSED);
        saveAll(ts);
        HiddenDanger last = ts.get(ts.size() - 1).next();
        assertEquals(Optional.of(last), storage.hiddenDangers().find(last.id()));
        List<AuditEntry> entries = chain(last.id());
        assertEquals(ts.stream().map(Transition::audit).collect(Collectors.toList()), entries);
        assertEquals(last.version(), entries.size());
        assertTrue(AuditChain.verify(entries, last).isValid());
        assertEquals(Optional.empty(), storage.hiddenDangers().find(HiddenDangerId.of("nope")));
        assertEquals(Page.empty(), storage.auditLog().entries(HiddenDangerId.of("nope"), PageRequest.first(5)));
    }

    @Test
    void staleSaveThrowsAndStoresNeitherStateNorAuditEntry() {
        List<Transition> ts = danger("HD-2", HiddenDangerState.PLANNED);
        saveAll(ts.subList(0, 2));
        Transition verify = ts.get(1);
        // replaying the same version again is stale
        StaleVersionException e = assertThrows(StaleVersionException.class,
                () -> storage.hiddenDangers().save(verify.next(), verify.expectedVersion(), verify.audit()));
        assertEquals(1, e.expectedVersion());
        assertEquals(2, e.actualVersion());
        assertEquals("HD-2", e.aggregateId());
        // creating again is stale too
        assertThrows(StaleVersionException.class,
                () -> storage.hiddenDangers().save(ts.get(0).next(), 0, ts.get(0).audit()));
        assertEquals(Optional.of(verify.next()), storage.hiddenDangers().find(verify.next().id()));
        assertEquals(2, chain(verify.next().id()).size());
    }

    @Test
    void versionsMustStepByOneAndTheEntryMustBelongToTheState() {
        List<Transition> ts = danger("HD-3", HiddenDangerState.VERIFIED);
        Transition report = ts.get(0);
        assertThrows(IllegalArgumentException.class,
                () -> storage.hiddenDangers().save(report.next(), 1, report.audit()));
        assertThrows(IllegalArgumentException.class,
                () -> storage.hiddenDangers().save(report.next(), 0, ts.get(1).audit()));
        List<Transition> other = danger("HD-4", HiddenDangerState.REPORTED);
        assertThrows(IllegalArgumentException.class,
                () -> storage.hiddenDangers().save(report.next(), 0, other.get(0).audit()));
        assertEquals(Optional.empty(), storage.hiddenDangers().find(report.next().id()));
        assertEquals(0, chain(report.next().id()).size());
        assertEquals(0, storage.hiddenDangers().count(org.dualprevention.query.HiddenDangerQuery.all()));
    }

    @Test
    void organisationIsVersioned() {
        Organization org = Organization.of(List.of(OrgUnit.root(OrgUnitId.of("C"), "Co", ControlLevel.COMPANY)));
        assertTrue(storage.organization().load().isEmpty());
        storage.organization().save(org, 0);
        assertEquals(1, storage.organization().load().get().version());
        assertThrows(StaleVersionException.class, () -> storage.organization().save(org, 0));
        storage.organization().save(org, 1);
        assertEquals(2, storage.organization().load().get().version());
        assertEquals(org, storage.organization().load().get().value());
    }

    @Test
    void riskPointsAreFoundByHazardAndTheIndexFollowsChanges() {
        RiskPoint p = point("RP1", "W1").withHazard(hazard("H1")).withVersion(1);
        storage.riskPoints().save(p, 0);
        assertEquals(Optional.of(p), storage.riskPoints().findByHazard(HazardId.of("H1")));
        RiskPoint p2 = p.withHazards(List.of(hazard("H2"))).withVersion(2);
        storage.riskPoints().save(p2, 1);
        assertEquals(Optional.empty(), storage.riskPoints().findByHazard(HazardId.of("H1")));
        assertEquals(Optional.of(p2), storage.riskPoints().findByHazard(HazardId.of("H2")));
        assertThrows(IllegalArgumentException.class, () -> storage.riskPoints().find(
                org.dualprevention.query.RiskPointQuery.all(), PageRequest.after("no such token", 5)).items());
    }

    /** Every round, every thread tries to save the same version; exactly one wins each round. */
    @Test
    void concurrentSaversOnOneHiddenDangerExactlyOneWinsEachRound() throws Exception {
        List<Transition> ts = danger("HD-C", HiddenDangerState.RECTIFYING);
        saveAll(ts);
        int threads = 8;
        int rounds = 40;
        CyclicBarrier barrier = new CyclicBarrier(threads);
        AtomicInteger[] wins = new AtomicInteger[rounds];
        for (int r = 0; r < rounds; r++) {
            wins[r] = new AtomicInteger();
        }
        ConcurrentLinkedQueue<String> winners = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int thread = i;
                fs.add(pool.submit(() -> {
                    Actor actor = Actor.of(ActorId.of("t" + thread), OrgUnitId.of("W1"));
                    for (int r = 0; r < rounds; r++) {
                        HiddenDanger cur = storage.hiddenDangers().find(HiddenDangerId.of("HD-C")).orElseThrow();
                        barrier.await();
                        Transition t = ClosedLoop.apply(cur, new HiddenDangerCommand.ExtendDeadline(actor,
                                cur.deadline().orElseThrow().plusDays(1), "round " + r, Actor.of(ActorId.of("boss"), OrgUnitId.of("W1"))), clock,
                                Dangers.ZONE, ClosedLoopSettings.defaults());
                        try {
                            storage.hiddenDangers().save(t.next(), t.expectedVersion(), t.audit());
                            wins[r].incrementAndGet();
                            winners.add("t" + thread);
                        } catch (StaleVersionException e) {
                            // lost this round
                        }
                        barrier.await();
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        for (int r = 0; r < rounds; r++) {
            assertEquals(1, wins[r].get(), "winners in round " + r);
        }
        HiddenDanger last = storage.hiddenDangers().find(HiddenDangerId.of("HD-C")).orElseThrow();
        assertEquals(ts.size() + rounds, last.version());
        List<AuditEntry> entries = chain(last.id());
        assertEquals(last.version(), entries.size());
        assertTrue(AuditChain.verify(entries, last).isValid(), () -> AuditChain.verify(entries, last).toString());
        assertEquals(List.copyOf(winners), entries.subList(ts.size(), entries.size()).stream()
                .map(e -> e.actor().value()).collect(Collectors.toList()));
        assertEquals(LocalDate.of(2026, 3, 10).plusDays(rounds), last.deadline().orElseThrow());
    }

    /** Free contention with retries: every successful update is present at the end. */
    @Test
    void noLostUpdateUnderContentionWithRetries() throws Exception {
        storage.riskPoints().save(point("RP-C", "W1").withVersion(1), 0);
        int threads = 6;
        int perThread = 50;
        AtomicInteger stale = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int thread = i;
                fs.add(pool.submit(() -> {
                    for (int k = 0; k < perThread; k++) {
                        while (true) {
                            RiskPoint cur = storage.riskPoints().find(RiskPointId.of("RP-C")).orElseThrow();
                            RiskPoint next = cur.withHazard(hazard("H-" + thread + "-" + k)).withVersion(cur.version() + 1);
                            try {
                                storage.riskPoints().save(next, cur.version());
                                break;
                            } catch (StaleVersionException e) {
                                stale.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        RiskPoint last = storage.riskPoints().find(RiskPointId.of("RP-C")).orElseThrow();
        assertEquals(1 + threads * perThread, last.version());
        assertEquals(threads * perThread, last.hazards().size());
        for (int i = 0; i < threads; i++) {
            for (int k = 0; k < perThread; k++) {
                assertTrue(storage.riskPoints().findByHazard(HazardId.of("H-" + i + "-" + k)).isPresent());
            }
        }
        assertFalse(stale.get() < 0);
    }
}
