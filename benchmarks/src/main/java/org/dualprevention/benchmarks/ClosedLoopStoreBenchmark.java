package org.dualprevention.benchmarks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.ClosedLoopSettings;
import org.dualprevention.danger.Funds;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerSource;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.danger.RectificationPlan;
import org.dualprevention.danger.Transition;
import org.dualprevention.engine.DualPrevention;
import org.dualprevention.engine.closedloop.ClosedLoop;
import org.dualprevention.organization.Actor;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.storage.memory.InMemoryStorage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One hidden danger through the whole closed loop — report, verify, plan, start, submit, accept: six
 * commands, six audit entries — per operation, single-threaded, into a fresh {@link InMemoryStorage} per
 * iteration.
 *
 * <ul>
 *   <li>{@link #facade}: through {@link DualPrevention} (organisation access policy, load, apply, save with
 *       the audit entry, events);</li>
 *   <li>{@link #repository}: the same transitions made with {@link HiddenDanger#apply} and saved straight
 *       into the in-memory repository (no facade);</li>
 *   <li>baseline {@link #applyIntoMap}: the same transitions put into a plain {@link ConcurrentHashMap}
 *       (state) with the audit entries appended to a list per id;</li>
 *   <li>baseline {@link #applyOnly}: the same transitions, stored nowhere.</li>
 * </ul>
 * The hidden dangers link no risk point, so the facade does no effective-level work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xmx2g", "-Xms2g"})
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
public class ClosedLoopStoreBenchmark {
    private static final OrgUnitId UNIT = OrgUnitId.of("W0-T0");
    private static final Actor WORKER = Actor.of(ActorId.of("worker"), UNIT);
    private static final Actor LEADER = Actor.of(ActorId.of("leader"), UNIT);
    private static final Actor SAFETY = Actor.of(ActorId.of("safety"), DangerFixtures.COMPANY);
    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-02T01:00:00Z"), DangerFixtures.ZONE);
    private static final ClosedLoopSettings SETTINGS = ClosedLoopSettings.defaults();
    private static final RectificationPlan PLAN = RectificationPlan.of(LEADER.id(), "refit the guard",
            Funds.cny("500"), DAY.plusDays(10), "keep out");

    private InMemoryStorage storage;
    private DualPrevention engine;
    private ConcurrentHashMap<HiddenDangerId, HiddenDanger> map;
    private ConcurrentHashMap<HiddenDangerId, List<AuditEntry>> audit;
    private long next;

    /** A fresh store, engine and map for each iteration, so iterations do not grow the data. */
    @Setup(Level.Iteration)
    public void setUp() {
        storage = InMemoryStorage.create();
        engine = DualPrevention.builder().storage(storage).clock(CLOCK).zone(DangerFixtures.ZONE).discover(false)
                .build();
        engine.register().saveOrganization(DangerFixtures.organization(2, 2));
        map = new ConcurrentHashMap<>();
        audit = new ConcurrentHashMap<>();
    }

    private HiddenDangerCommand.Report report() {
        return HiddenDangerCommand.Report.of(WORKER, HiddenDangerId.of("HD-" + next++), "oil on the floor",
                "slipping hazard near pump", HiddenDangerSource.RANDOM_OBSERVATION, UNIT, DAY);
    }

    private static List<HiddenDangerCommand> commands() {
        return List.of(HiddenDangerCommand.Verify.general(LEADER, "confirmed"), new HiddenDangerCommand.Plan(LEADER, PLAN),
                HiddenDangerCommand.Start.by(LEADER),
                new HiddenDangerCommand.Submit(LEADER, "refitted", List.of(DangerFixtures.PHOTO), DAY),
                new HiddenDangerCommand.Accept(SAFETY, "ok"));
    }

    /**
     * The library: six commands through the facade into the in-memory store.
     *
     * @return the closed hidden danger
     */
    @Benchmark
    public HiddenDanger facade() {
        HiddenDanger h = engine.hiddenDangers().report(report());
        for (HiddenDangerCommand c : commands()) {
            h = engine.hiddenDangers().apply(h.id(), c);
        }
        return check(h);
    }

    /**
     * The library without the facade: six transitions saved into the in-memory repository.
     *
     * @return the closed hidden danger
     */
    @Benchmark
    public HiddenDanger repository() {
        Transition t = ClosedLoop.report(report(), CLOCK, DangerFixtures.ZONE);
        storage.hiddenDangers().save(t.next(), t.expectedVersion(), t.audit());
        HiddenDanger h = t.next();
        for (HiddenDangerCommand c : commands()) {
            t = ClosedLoop.apply(h, c, CLOCK, DangerFixtures.ZONE, SETTINGS);
            storage.hiddenDangers().save(t.next(), t.expectedVersion(), t.audit());
            h = t.next();
        }
        return check(h);
    }

    /**
     * Baseline: the same six transitions into a plain concurrent map and audit lists.
     *
     * @return the closed hidden danger
     */
    @Benchmark
    public HiddenDanger applyIntoMap() {
        Transition t = ClosedLoop.report(report(), CLOCK, DangerFixtures.ZONE);
        HiddenDanger h = t.next();
        List<AuditEntry> entries = new ArrayList<>(6);
        entries.add(t.audit());
        map.put(h.id(), h);
        audit.put(h.id(), entries);
        for (HiddenDangerCommand c : commands()) {
            t = ClosedLoop.apply(h, c, CLOCK, DangerFixtures.ZONE, SETTINGS);
            h = t.next();
            map.put(h.id(), h);
            entries.add(t.audit());
        }
        return check(h);
    }

    /**
     * Baseline: the same six transitions, stored nowhere.
     *
     * @return the closed hidden danger
     */
    @Benchmark
    public HiddenDanger applyOnly() {
        HiddenDanger h = ClosedLoop.report(report(), CLOCK, DangerFixtures.ZONE).next();
        for (HiddenDangerCommand c : commands()) {
            h = ClosedLoop.apply(h, c, CLOCK, DangerFixtures.ZONE, SETTINGS).next();
        }
        return check(h);
    }

    private static HiddenDanger check(HiddenDanger h) {
        if (h.state() != HiddenDangerState.CLOSED || h.version() != 6) {
            throw new IllegalStateException("not closed: " + h);
        }
        return h;
    }
}
