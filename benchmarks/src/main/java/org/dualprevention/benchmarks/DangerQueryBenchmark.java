package org.dualprevention.benchmarks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.dualprevention.query.HiddenDangerQuery;
import org.dualprevention.query.Page;
import org.dualprevention.storage.memory.InMemoryStorage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The in-memory store's indexed queries "open in a workshop and its teams" and "overdue as of a day in a
 * workshop and its teams", paged through to the end (pages of 1,000), against two baselines in the same
 * run: a plain loop over a list of the same hidden dangers with the same predicate (a scan: a floor the store
 * must beat), and a hand-written {@code HashMap} index from unit to hidden dangers (the peer: what a host
 * would write by hand; it does not sort, the store returns id order; the {@code ...IndexSorted} peers sort the
 * matches by id as the store's pages are ordered, shown beside it). The store holds {@code dangers}
 * hidden dangers in a mix of states over 20 workshops of 5 teams; one workshop holds 1/20 of them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xmx3g", "-Xms3g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DangerQueryBenchmark {
    /** Hidden dangers in the store. */
    @Param("100000")
    public int dangers;

    private static final LocalDate AS_OF = LocalDate.of(DangerFixtures.YEAR, 12, 15);

    private InMemoryStorage storage;
    private List<HiddenDanger> list;
    private Map<OrgUnitId, List<HiddenDanger>> byUnit;
    private Set<OrgUnitId> units;
    private HiddenDangerQuery open;
    private HiddenDangerQuery overdue;

    /** Fills the store through the closed loop and keeps the final versions in a list. */
    @Setup
    public void setUp() {
        Organization org = DangerFixtures.organization(20, 5);
        List<OrgUnitId> teams = DangerFixtures.teams(20, 5);
        storage = InMemoryStorage.create();
        storage.organization().save(org, 0);
        list = new ArrayList<>(dangers);
        for (long i = 0; i < dangers; i++) {
            list.add(DangerFixtures.walk(i, teams, 0, DangerFixtures.saver(storage)));
        }
        byUnit = new HashMap<>();
        for (HiddenDanger d : list) {
            byUnit.computeIfAbsent(d.unit(), u -> new ArrayList<>()).add(d);
        }
        units = org.selfAndDescendants(OrgUnitId.of("W3"));
        open = HiddenDangerQuery.all().open().inUnits(units);
        overdue = HiddenDangerQuery.all().overdueAsOf(AS_OF).inUnits(units);
        if (openStore() != openLoop() || overdueStore() != overdueLoop() || overdueLoop() == 0
                || openIndex() != openLoop() || overdueIndex() != overdueLoop() || openIndexSorted() != openLoop()
                || overdueIndexSorted() != overdueLoop()) {
            throw new IllegalStateException("store and loop disagree: open " + openStore() + " vs " + openLoop()
                    + ", overdue " + overdueStore() + " vs " + overdueLoop());
        }
    }

    /**
     * The store: open hidden dangers of a workshop and its teams, every page.
     *
     * @return how many
     */
    @Benchmark
    public long openStore() {
        return Page.stream(p -> storage.hiddenDangers().find(open, p), 1000).count();
    }

    /**
     * Baseline: the same filter in a plain loop.
     *
     * @return how many
     */
    @Benchmark
    public long openLoop() {
        long n = 0;
        for (HiddenDanger d : list) {
            if (d.isOpen() && units.contains(d.unit())) {
                n++;
            }
        }
        return n;
    }

    /**
     * The store: overdue hidden dangers of a workshop and its teams as of a day, every page.
     *
     * @return how many
     */
    @Benchmark
    public long overdueStore() {
        return Page.stream(p -> storage.hiddenDangers().find(overdue, p), 1000).count();
    }

    /**
     * Baseline: the same filter in a plain loop.
     *
     * @return how many
     */
    @Benchmark
    public long overdueLoop() {
        long n = 0;
        for (HiddenDanger d : list) {
            if (d.isOverdue(AS_OF) && units.contains(d.unit())) {
                n++;
            }
        }
        return n;
    }

    /**
     * Baseline: a hand-written {@code HashMap} index from unit to its hidden dangers, read for the units of
     * the query, each candidate checked and the matches collected into a list (as the store's pages are).
     *
     * @return how many
     */
    @Benchmark
    public long openIndex() {
        List<HiddenDanger> out = new ArrayList<>();
        for (OrgUnitId u : units) {
            List<HiddenDanger> ds = byUnit.get(u);
            if (ds != null) {
                for (HiddenDanger d : ds) {
                    if (d.isOpen()) {
                        out.add(d);
                    }
                }
            }
        }
        return out.size();
    }

    /**
     * Baseline: the {@code HashMap} index, the matches then sorted by id, as the store returns them (the store
     * pages in id order; a host wanting the same order writes this).
     *
     * @return how many
     */
    @Benchmark
    public long openIndexSorted() {
        List<HiddenDanger> out = new ArrayList<>();
        for (OrgUnitId u : units) {
            List<HiddenDanger> ds = byUnit.get(u);
            if (ds != null) {
                for (HiddenDanger d : ds) {
                    if (d.isOpen()) {
                        out.add(d);
                    }
                }
            }
        }
        out.sort(BY_ID);
        return out.size();
    }

    /**
     * Baseline: the {@code HashMap} index for the overdue query, the matches then sorted by id, as the store
     * returns them.
     *
     * @return how many
     */
    @Benchmark
    public long overdueIndexSorted() {
        List<HiddenDanger> out = new ArrayList<>();
        for (OrgUnitId u : units) {
            List<HiddenDanger> ds = byUnit.get(u);
            if (ds != null) {
                for (HiddenDanger d : ds) {
                    if (d.isOverdue(AS_OF)) {
                        out.add(d);
                    }
                }
            }
        }
        out.sort(BY_ID);
        return out.size();
    }

    private static final java.util.Comparator<HiddenDanger> BY_ID = (a, b) -> a.id().compareTo(b.id());

    /**
     * Baseline: the same {@code HashMap} index for the overdue query.
     *
     * @return how many
     */
    @Benchmark
    public long overdueIndex() {
        List<HiddenDanger> out = new ArrayList<>();
        for (OrgUnitId u : units) {
            List<HiddenDanger> ds = byUnit.get(u);
            if (ds != null) {
                for (HiddenDanger d : ds) {
                    if (d.isOverdue(AS_OF)) {
                        out.add(d);
                    }
                }
            }
        }
        return out.size();
    }
}
