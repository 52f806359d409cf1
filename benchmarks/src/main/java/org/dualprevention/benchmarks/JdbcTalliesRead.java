package org.dualprevention.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.dualprevention.analytics.HiddenDangerFact;
import org.dualprevention.analytics.ReportingPeriod;
import org.dualprevention.analytics.Statistics;
import org.dualprevention.analytics.UnitStatistics;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.jdbc.JdbcStorage;
import org.dualprevention.jdbc.Migrations;
import org.dualprevention.jdbc.PeriodTally;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;

/**
 * Issue 17, "statistics that do not scan" on JDBC: reading one period's hidden-danger counts from the counters
 * PostgreSQL keeps in the transaction of each save ({@code JdbcStorage.Builder.keepTallies},
 * {@link JdbcStorage#tallies}), at 100,000 and 1,000,000 stored hidden dangers; and what keeping them adds to a
 * command's save.
 *
 * <p>The hidden dangers are walked through the real closed loop ({@link DangerFixtures#walk}, 100 teams in 20
 * workshops, found over 330 days), imported with their chains ({@link JdbcStorage#importHiddenDangers}) and counted by
 * {@link JdbcStorage#rebuildTallies()} (timed: the backfill), then {@code ANALYZE}d as autovacuum would soon. Before any timing, the counts read are checked equal,
 * figure by figure, to {@link Statistics} computed over the same hidden dangers. Reads: one team's month, one
 * workshop's month (6 units), the company's month and year (121 units, and from the tenant's roll-up with
 * {@link JdbcStorage#talliesOfAll}), each the median of {@code runs}; each also from the unit's roll-up counters
 * ({@link JdbcStorage#talliesOf}, migration V8), with the ratio of the read over the units to it.
 *
 * <p>Then the added cost per save: {@code saves} hidden dangers walked through the closed loop and saved transition
 * by transition into a store that keeps tallies and one that does not (two tenants of the same schema, interleaved
 * in blocks of 100 hidden dangers), ms per save.
 *
 * <p>Usage: {@code java -Xmx6g -cp benchmarks/target/benchmarks.jar org.dualprevention.benchmarks.JdbcTalliesRead
 * [url] [runs] [saves] [size...]} (defaults {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}, 21, 2000,
 * 100000). A fresh schema is made and dropped.
 */
public final class JdbcTalliesRead {
    private static final int WORKSHOPS = 20;
    private static final int TEAMS = 5;
    private static final Instant NOW = Instant.parse("2026-06-20T04:00:00Z");

    private JdbcTalliesRead() {
    }

    /**
     * Runs the measurement.
     *
     * @param args [url] [runs] [saves] [size...]
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 21;
        int saves = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        int[] sizes = args.length > 3 ? Arrays.stream(args, 3, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {100_000};
        Organization org = DangerFixtures.organization(WORKSHOPS, TEAMS);
        List<OrgUnitId> teams = DangerFixtures.teams(WORKSHOPS, TEAMS);
        String schema = "jdbcstats_bench_" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        try (PgPool pool = new PgPool(url + "&currentSchema=" + schema, 4)) {
            Migrations.migrate(pool);
            JdbcStorage store = JdbcStorage.builder().dataSource(pool).keepTallies(DangerFixtures.ZONE).build();
            store.organization().save(org, 0); // the tree the roll-ups per sub-tree follow (migration V8)
            System.out.printf(Locale.ROOT, "JDK %s; %d cores; %d units%n", Runtime.version(),
                    Runtime.getRuntime().availableProcessors(), org.units().size());
            System.out.println("hidden dangers | read | units | ms (median) | counter rows | load average");
            List<HiddenDangerFact> facts = new ArrayList<>();
            int filled = 0;
            for (int size : sizes) {
                for (int from = filled; from < size; from += 1000) {
                    List<HiddenDanger> dangers = new ArrayList<>();
                    List<List<AuditEntry>> chains = new ArrayList<>();
                    for (int i = from; i < Math.min(size, from + 1000); i++) {
                        List<AuditEntry> chain = new ArrayList<>();
                        HiddenDanger h = DangerFixtures.walk(i, teams, 0, t -> chain.add(t.audit()));
                        dangers.add(h);
                        chains.add(chain);
                        facts.add(HiddenDangerFact.from(h, Optional.empty(), DangerFixtures.ZONE));
                    }
                    store.importHiddenDangers(dangers, chains);
                }
                filled = size;
                long t0 = System.nanoTime();
                long counted = store.rebuildTallies();
                analyze(pool); // as autovacuum would soon: a table just filled has no statistics yet
                System.out.printf(Locale.ROOT, "%d | rebuildTallies (backfill, %d counted) | | %.0f | %d | %s%n", size,
                        counted, (System.nanoTime() - t0) / 1e6, rows(pool), load());
                ReportingPeriod month = ReportingPeriod.month(YearMonth.of(2026, 6));
                ReportingPeriod year = ReportingPeriod.year(2026);
                Object[][] reads = {{"team W3-T2, month", OrgUnitId.of("W3-T2"), month},
                    {"workshop W3, month", OrgUnitId.of("W3"), month}, {"company, month", DangerFixtures.COMPANY, month},
                    {"company, year", DangerFixtures.COMPANY, year}};
                Clock clock = Clock.fixed(NOW, DangerFixtures.ZONE);
                for (Object[] r : reads) {
                    OrgUnitId unit = (OrgUnitId) r[1];
                    ReportingPeriod p = (ReportingPeriod) r[2];
                    Set<String> below = org.selfAndDescendants(unit).stream().map(OrgUnitId::value).collect(Collectors.toSet());
                    LocalDate today = LocalDate.ofInstant(NOW, DangerFixtures.ZONE);
                    LocalDate asOf = today.isBefore(p.lastDay()) ? today : p.lastDay();
                    PeriodTally t = store.tallies(below, p.start(), p.lastDay(), asOf);
                    UnitStatistics full = Statistics.of(org, clock, DangerFixtures.ZONE).compute(unit, p, facts, List.of());
                    check(t, full);
                    double ms = medianMs(runs, () -> store.tallies(below, p.start(), p.lastDay(), asOf).found());
                    System.out.printf(Locale.ROOT, "%d | %s | %d | %.2f | | %s%n", size, r[0], below.size(), ms, load());
                    PeriodTally tree = store.talliesOf(unit.value(), p.start(), p.lastDay(), asOf);
                    check(tree, full);
                    double treeMs = medianMs(runs, () -> store.talliesOf(unit.value(), p.start(), p.lastDay(), asOf).found());
                    System.out.printf(Locale.ROOT, "%d | %s, talliesOf (the unit's roll-up, V8) | 1 | %.2f | | %s | ratio"
                            + " over-units/roll-up %.1f%n", size, r[0], treeMs, load(), ms / treeMs);
                    if (unit.equals(DangerFixtures.COMPANY)) {
                        PeriodTally all = store.talliesOfAll(p.start(), p.lastDay(), asOf);
                        check(all, full);
                        double rollUp = medianMs(runs, () -> store.talliesOfAll(p.start(), p.lastDay(), asOf).found());
                        System.out.printf(Locale.ROOT, "%d | %s, talliesOfAll (the tenant's roll-up) | 1 | %.2f | | %s%n",
                                size, r[0], rollUp, load());
                    }
                }
            }
            saveCost(pool, teams, saves, sizes[sizes.length - 1]);
        } finally {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    /** ms per save with and without tallies, interleaved in blocks. */
    private static void saveCost(PgPool pool, List<OrgUnitId> teams, int saves, int offset) {
        JdbcStorage with = JdbcStorage.builder().dataSource(pool).tenant("with").keepTallies(DangerFixtures.ZONE).build();
        JdbcStorage without = JdbcStorage.builder().dataSource(pool).tenant("without").build();
        long[] ns = new long[2];
        long[] count = new long[2];
        for (int block = 0; block < saves / 100; block++) {
            for (int side = 0; side < 2; side++) {
                JdbcStorage s = ((block + side) % 2 == 0) ? with : without;
                int k = s == with ? 0 : 1;
                for (int i = 0; i < 100; i++) {
                    long id = offset + block * 100L + i;
                    List<org.dualprevention.danger.Transition> ts = new ArrayList<>();
                    DangerFixtures.walk(id, teams, 0, ts::add);
                    long t0 = System.nanoTime();
                    for (org.dualprevention.danger.Transition t : ts) {
                        s.hiddenDangers().save(t.next(), t.expectedVersion(), t.audit());
                    }
                    ns[k] += System.nanoTime() - t0;
                    count[k] += ts.size();
                }
            }
        }
        double a = ns[0] / 1e6 / count[0];
        double b = ns[1] / 1e6 / count[1];
        System.out.printf(Locale.ROOT, "save cost | with tallies %.3f ms/save (%d saves) | without %.3f ms/save (%d saves)"
                + " | ratio without/with %.2f | %s%n", a, count[0], b, count[1], b / a, load());
    }

    private static void check(PeriodTally t, UnitStatistics s) {
        long[] got = {t.found(), t.withdrawn(), t.majorFound(), t.majorPlanned(), t.closed(), t.overdueOpen(),
            t.closedInPeriod()};
        long[] want = {s.found(), s.withdrawn(), s.majorFound(), s.majorPlanned(), s.closedLoop().numerator(),
            s.overdueOpen(), -1};
        want[6] = got[6]; // closedInPeriod is only seen through the mean
        if (!Arrays.equals(got, want) || !t.foundBySource().equals(s.bySource())
                || !s.rectification().equals(org.dualprevention.analytics.Rate.of(t.rectified(), t.found()))
                || !s.onTimeRectification().equals(org.dualprevention.analytics.Rate.of(t.onTime(), t.onTimeDue()))) {
            throw new IllegalStateException("tallies " + t + " differ from the recomputation " + s);
        }
    }

    private static void analyze(PgPool pool) throws Exception {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("ANALYZE dp_danger_tally");
            s.execute("ANALYZE dp_danger_tally_tree");
        }
    }

    private static long rows(PgPool pool) throws Exception {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM dp_danger_tally")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double medianMs(int runs, LongSupplier work) {
        long sink = 0;
        for (int w = 0; w < 5; w++) {
            sink += work.getAsLong();
        }
        double[] ms = new double[runs];
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            sink += work.getAsLong();
            ms[r] = (System.nanoTime() - t0) / 1e6;
        }
        if (sink == Long.MIN_VALUE) {
            System.out.println("never");
        }
        Arrays.sort(ms);
        return ms[runs / 2];
    }

    private static String load() {
        try {
            return new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg"))).trim();
        } catch (java.io.IOException e) {
            return "n/a";
        }
    }
}
