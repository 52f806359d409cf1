package org.dualprevention.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.RectificationPlan;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.query.HiddenDangerQuery;
import org.dualprevention.storage.memory.InMemoryStorage;

/**
 * Heap retained per hidden danger, measured in one JVM: the heap used after repeated {@link System#gc()}
 * before and after filling each structure with the same N hidden dangers (walked through the closed loop
 * into a mix of states by {@link DangerFixtures#walk}), divided by N. Compared, in the same run:
 * <ol>
 *   <li>{@link InMemoryStorage}: each transition saved with its audit entry (state, whole audit chain,
 *       four secondary indexes);</li>
 *   <li>a {@code HashMap<HiddenDangerId, HiddenDanger>} of the final versions only (the aggregate itself,
 *       no audit chain, no index);</li>
 *   <li>baseline: a {@code HashMap<String, PlainDanger>} of a plain record holding the same fields as
 *       strings, dates and numbers;</li>
 *   <li>baseline: the same plain record plus its audit entries as plain records (what the store must keep
 *       to replay and verify the chain, and to check the snapshot against its head: since issue 17 each plain
 *       entry also keeps the state hash its format-2 entry records, as the store's entry does).</li>
 * </ol>
 * Usage: {@code java -Xmx4g -cp benchmarks/target/benchmarks.jar org.dualprevention.benchmarks.StoreFootprint [N]}.
 */
public final class StoreFootprint {
    /** A plain record with the fields of a hidden danger. */
    record PlainDanger(String id, long version, String state, String title, String description, String source,
            String unit, String reporter, Instant reportedAt, LocalDate foundOn, String riskPoint, String hazard,
            String failedMeasure, String inspectionTask, String inspectionItem, String grade, String verifier,
            String planResponsible, String planMeasures, BigDecimal planFunds, String planCurrency,
            String planContingency, LocalDate deadline, String rectifier, String rectificationNote,
            LocalDate completedOn, int rejections, String acceptor, Instant closedAt, String withdrawnBy,
            String withdrawReason, Instant lastActionAt, String auditHead) {
    }

    /** A plain record with the fields of an audit entry. */
    record PlainAudit(long sequence, String actor, Instant at, String action, String stateBefore, String stateAfter,
            String data, String previousHash, String hash, String stateHash) {
    }

    /** The plain record plus its audit entries. */
    record PlainWithAudit(PlainDanger danger, List<PlainAudit> audit) {
    }

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private StoreFootprint() {
    }

    /**
     * Runs the measurement.
     *
     * @param args optional N (default 100000)
     */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        List<OrgUnitId> teams = DangerFixtures.teams(20, 5);
        System.out.printf(Locale.ROOT, "N = %d hidden dangers; JDK %s; %d cores; max heap %d MiB; GC %s%n", n,
                Runtime.version(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getGarbageCollectorMXBeans().get(0).getName());
        // warm up the generator so class loading and JIT do not count
        measure("warm-up (discarded)", n / 10, () -> fillStore(n / 10, teams));

        for (int round = 1; round <= 2; round++) {
            System.out.println("round " + round);
            double store = measure("InMemoryStorage (state + audit chain + indexes)", n, () -> fillStore(n, teams));
            double aggregate = measure("HashMap<id, HiddenDanger> final versions only", n, () -> {
                Map<HiddenDangerId, HiddenDanger> m = new HashMap<>();
                for (long i = 0; i < n; i++) {
                    HiddenDanger h = DangerFixtures.walk(i, teams, 1000, t -> { });
                    m.put(h.id(), h);
                }
                return m;
            });
            double plain = measure("baseline HashMap<String, PlainDanger>", n, () -> {
                Map<String, PlainDanger> m = new HashMap<>();
                for (long i = 0; i < n; i++) {
                    PlainDanger p = plain(DangerFixtures.walk(i, teams, 1000, t -> { }));
                    m.put(p.id(), p);
                }
                return m;
            });
            double plainAudit = measure("baseline HashMap<String, PlainDanger + List<PlainAudit>>", n, () -> {
                Map<String, PlainWithAudit> m = new HashMap<>();
                for (long i = 0; i < n; i++) {
                    List<AuditEntry> entries = new ArrayList<>(6);
                    HiddenDanger h = DangerFixtures.walk(i, teams, 1000, t -> entries.add(t.audit()));
                    List<PlainAudit> audit = new ArrayList<>(entries.size());
                    for (AuditEntry e : entries) {
                        audit.add(new PlainAudit(e.sequence(), e.actor().value(), e.at(), e.action().name(),
                                e.stateBefore().map(Enum::name).orElse(null), e.stateAfter().name(), e.data(),
                                e.previousHash(), e.hash(), e.stateHash().orElse(null)));
                    }
                    m.put(h.id().value(), new PlainWithAudit(plain(h), List.copyOf(audit)));
                }
                return m;
            });
            System.out.printf(Locale.ROOT, "ratio store / plain record: %.1f; store / plain record + audit: %.2f; "
                    + "aggregate / plain record: %.1f%n", store / plain, store / plainAudit, aggregate / plain);
        }
    }

    private static InMemoryStorage fillStore(int n, List<OrgUnitId> teams) {
        InMemoryStorage s = InMemoryStorage.create();
        for (long i = 0; i < n; i++) {
            DangerFixtures.walk(i, teams, 1000, DangerFixtures.saver(s));
        }
        if (s.hiddenDangers().count(HiddenDangerQuery.all()) != n) {
            throw new IllegalStateException("store lost hidden dangers");
        }
        return s;
    }

    private static PlainDanger plain(HiddenDanger h) {
        RectificationPlan p = h.plan().orElse(null);
        return new PlainDanger(h.id().value(), h.version(), h.state().name(), h.title(), h.description(),
                h.source().name(), h.unit().value(), h.reporter().value(), h.reportedAt(), h.foundOn(),
                h.riskPoint().map(r -> r.value()).orElse(null), h.hazard().map(r -> r.value()).orElse(null),
                h.failedMeasure().map(r -> r.value()).orElse(null), h.inspection().map(r -> r.task()).orElse(null),
                h.inspection().map(r -> r.item()).orElse(null), h.grade().map(Enum::name).orElse(null),
                h.verifier().map(a -> a.value()).orElse(null), p == null ? null : p.responsible().value(),
                p == null ? null : p.measures(), p == null ? null : p.funds().amount(),
                p == null ? null : p.funds().currency(), p == null ? null : p.contingencyPlan(),
                h.deadline().orElse(null), h.rectifiers().isEmpty() ? null : h.rectifiers().first().value(),
                h.rectificationNote().orElse(null), h.completedOn().orElse(null), h.rejections(),
                h.acceptor().map(a -> a.value()).orElse(null), h.closedAt().orElse(null),
                h.withdrawnBy().map(a -> a.value()).orElse(null), h.withdrawReason().orElse(null), h.lastActionAt(),
                h.auditHead());
    }

    private static long usedAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            used = Math.min(used, MEMORY.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private static volatile Object keep;

    private static double measure(String what, int n, Supplier<Object> fill) {
        long before = usedAfterGc();
        long t0 = System.nanoTime();
        Object filled = fill.get();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        keep = filled;
        long after = usedAfterGc();
        keep = null;
        double perItem = (double) (after - before) / n;
        System.out.printf(Locale.ROOT, "  %-58s %8.0f bytes per hidden danger (%d MiB retained; filled in %d ms)%n",
                what, perItem, (after - before) >> 20, ms);
        return perItem;
    }
}
