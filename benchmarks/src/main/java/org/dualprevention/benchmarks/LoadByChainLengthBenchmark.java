package org.dualprevention.benchmarks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dualprevention.danger.ClosedLoopSettings;
import org.dualprevention.danger.Funds;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerSource;
import org.dualprevention.danger.RectificationPlan;
import org.dualprevention.danger.Transition;
import org.dualprevention.engine.closedloop.ClosedLoop;
import org.dualprevention.organization.Actor;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.spi.Storage;
import org.dualprevention.storage.memory.InMemoryStorage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading one hidden danger from the in-memory store at version 10 and at version 2,000 (issue 12: within 1.5× of
 * each other): the store reads the snapshot and checks it against its head entry (state hash and the head's own
 * hash), so the cost should not grow with the chain. Since issue 17 the check is made once per stored record (on
 * its first read; the record is immutable) and a repeated load of the same version, as here, is a look-up: the
 * check's own cost is part of every closed-loop command in {@link ClosedLoopStoreBenchmark}. The chain is report, verify, plan, start, then submit and
 * reject in turn up to the version.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class LoadByChainLengthBenchmark {
    private static final OrgUnitId UNIT = OrgUnitId.of("W0-T0");
    private static final Actor WORKER = Actor.of(ActorId.of("worker"), UNIT);
    private static final Actor LEADER = Actor.of(ActorId.of("leader"), UNIT);
    private static final Actor SAFETY = Actor.of(ActorId.of("safety"), DangerFixtures.COMPANY);
    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-02T01:00:00Z"), DangerFixtures.ZONE);
    private static final ClosedLoopSettings SETTINGS = ClosedLoopSettings.defaults();

    /** The version of the hidden danger loaded: its number of audit entries (even, at least 4). */
    @Param({"10", "2000"})
    public int version;

    private Storage storage;
    private HiddenDangerId id;

    /** Stores one hidden danger at the version. */
    @Setup(Level.Trial)
    public void setUp() {
        storage = InMemoryStorage.create();
        id = HiddenDangerId.of("HD-LONG");
        Transition t = ClosedLoop.report(HiddenDangerCommand.Report.of(WORKER, id, "oil on the floor",
                "slipping hazard near pump", HiddenDangerSource.RANDOM_OBSERVATION, UNIT, DAY), CLOCK, DangerFixtures.ZONE);
        save(t);
        HiddenDanger h = t.next();
        for (HiddenDangerCommand c : List.of(HiddenDangerCommand.Verify.general(LEADER, "confirmed"),
                new HiddenDangerCommand.Plan(LEADER, RectificationPlan.of(LEADER.id(), "refit the guard",
                        Funds.cny("500"), DAY.plusDays(10), "keep out")), HiddenDangerCommand.Start.by(LEADER))) {
            h = apply(h, c);
        }
        while (h.version() < version) {
            h = apply(h, new HiddenDangerCommand.Submit(LEADER, "refitted", List.of(DangerFixtures.PHOTO), DAY));
            h = apply(h, new HiddenDangerCommand.Reject(SAFETY, "not yet"));
        }
        if (load().version() != version) {
            throw new IllegalStateException("stored version " + load().version() + ", wanted " + version);
        }
    }

    private HiddenDanger apply(HiddenDanger h, HiddenDangerCommand c) {
        Transition t = ClosedLoop.apply(h, c, CLOCK, DangerFixtures.ZONE, SETTINGS);
        save(t);
        return t.next();
    }

    private void save(Transition t) {
        storage.hiddenDangers().save(t.next(), t.expectedVersion(), t.audit());
    }

    /** One load: the snapshot, checked against its head entry. */
    @Benchmark
    public HiddenDanger load() {
        return storage.hiddenDangers().find(id).orElseThrow();
    }
}
