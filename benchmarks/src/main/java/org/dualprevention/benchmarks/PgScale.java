package org.dualprevention.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.ClosedLoopSettings;
import org.dualprevention.danger.Funds;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerSource;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.danger.RectificationPlan;
import org.dualprevention.danger.Transition;
import org.dualprevention.engine.DualPrevention;
import org.dualprevention.engine.closedloop.ClosedLoop;
import org.dualprevention.jdbc.JdbcStorage;
import org.dualprevention.jdbc.Migrations;
import org.dualprevention.organization.Actor;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.query.HiddenDangerQuery;
import org.dualprevention.query.PageRequest;
import org.dualprevention.risk.RiskPointId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * PostgreSQL measurements of issues 12 and 17 (a plain main, not JMH: each operation is a database round trip of
 * milliseconds; every library figure is taken in the same run as its baseline, warm, interleaved, median of many).
 * The library side uses only the public API ({@link JdbcStorage}, {@link DualPrevention}). Parts:
 * <ul>
 *   <li>{@code chain}: loading one hidden danger at version 10 and at version 2,000 through
 *       {@code JdbcStorage.hiddenDangers().find(id)}, alternating, in a fresh schema dropped afterwards;</li>
 *   <li>{@code overdue}: the first page of 100 overdue hidden dangers on the size's table, against the same query
 *       by hand that reads every column of the row, the snapshot column {@code doc} and the head audit entry (a
 *       join on {@code seq = version}) and parses them: the document with Jackson into a tree, the entry into a
 *       record, SHA-256 over the document text (the state-hash check) and over the entry's fields (the head-hash
 *       check); both sides must return the same ids in the same order;</li>
 *   <li>{@code load}: one hidden danger by id (random among the size's), against the same single-row read by
 *       hand (row, {@code doc} and head entry, parsed as above);</li>
 *   <li>{@code closedloop}: commands per second on one thread, six per loop (report, verify, plan, start, submit,
 *       accept), through {@link DualPrevention} on {@link JdbcStorage}, against hand-written JDBC doing the same
 *       statements per command (see {@link HandLoop});</li>
 *   <li>{@code concurrent}: 16 threads, the overdue page and then closed-loop commands through the library: p50,
 *       p99 and maximum from the sorted samples, and the throughput;</li>
 *   <li>{@code partition}: a scratch schema where {@code dp_hidden_danger} and {@code dp_audit_entry} are
 *       partitioned by hash of the tenant; the library imports four tenants, runs its queries and commands on one,
 *       and the plans of its own statements (captured from the driver and replayed under {@code EXPLAIN}) are
 *       printed;</li>
 *   <li>{@code sql}: prints every statement one closed-loop command runs through the library.</li>
 * </ul>
 * The size's table lives in its own schema ({@code dp_bench_100k}, {@code dp_bench_1m}, ...), filled once through
 * {@code JdbcStorage.importHiddenDangers} with the chains {@link DangerFixtures#walk} makes (the library's own
 * audit chain code, so every row is valid) and reused while its size, the fixture and the schema version match.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.dualprevention.benchmarks.PgScale <postgresql url> [size]
 * [parts, comma-separated; default chain,overdue,load,closedloop,concurrent]}. Prints Markdown rows.
 */
public final class PgScale {
    private static final LocalDate AS_OF = LocalDate.parse("2026-02-10");
    /** Bump when {@link DangerFixtures#walk} changes what it stores: a filled schema is then filled again. */
    private static final int FIXTURE = 1;
    private static final OrgUnitId UNIT = OrgUnitId.of("W0-T0");
    private static final Actor WORKER = Actor.of(ActorId.of("worker"), UNIT);
    private static final Actor LEADER = Actor.of(ActorId.of("leader"), UNIT);
    private static final Actor SAFETY = Actor.of(ActorId.of("safety"), DangerFixtures.COMPANY);
    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-02T01:00:00Z"), DangerFixtures.ZONE);
    private static final ClosedLoopSettings SETTINGS = ClosedLoopSettings.defaults();
    private static final RectificationPlan PLAN = RectificationPlan.of(LEADER.id(), "refit the guard",
            Funds.cny("500"), DAY.plusDays(10), "keep out");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TENANT = JdbcStorage.DEFAULT_TENANT;
    /** Keeps results alive so no side's work is optimised away. */
    static volatile long sink;

    private PgScale() {
    }

    /**
     * Runs the parts.
     *
     * @param args PostgreSQL URL, size, parts
     * @throws Exception if the database fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !args[0].startsWith("jdbc:postgresql:")) {
            System.err.println("usage: PgScale <jdbc:postgresql url> [size] [chain,overdue,load,closedloop,concurrent,"
                    + "partition,sql]");
            System.exit(2);
        }
        String url = args[0];
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Set<String> parts = Set.of((args.length > 2 ? args[2] : "chain,overdue,load,closedloop,concurrent").split(","));
        System.out.println("PgScale " + size + " " + parts + " load " + load());
        if (parts.contains("chain")) {
            chain(url);
        }
        if (parts.contains("partition")) {
            partition(url);
        }
        Set<String> sized = Set.of("overdue", "load", "closedloop", "concurrent", "sql");
        if (parts.stream().noneMatch(sized::contains)) {
            return;
        }
        String schema = "dp_bench_" + label(size);
        fill(url, schema, size);
        try (PgPool pool = new PgPool(schemaUrl(url, schema), 20)) {
            JdbcStorage storage = JdbcStorage.builder().dataSource(pool).migrate(false).build();
            if (parts.contains("sql")) {
                sql(pool, storage);
            }
            if (parts.contains("overdue")) {
                overdue(pool, storage, size);
            }
            if (parts.contains("load")) {
                loadOne(pool, storage, size);
            }
            if (parts.contains("closedloop")) {
                closedLoop(pool, storage, size);
            }
            if (parts.contains("concurrent")) {
                concurrent(pool, storage, size);
            }
        }
    }

    static String load() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static String label(int size) {
        if (size % 1_000_000 == 0) {
            return (size / 1_000_000) + "m";
        }
        if (size % 1000 == 0) {
            return (size / 1000) + "k";
        }
        return Integer.toString(size);
    }

    private static String schemaUrl(String url, String schema) {
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static void exec(String url, String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    private static long scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    // ------------------------------------------------------------------------------------------ filling

    /**
     * Makes sure {@code schema} holds {@code size} fixture hidden dangers at the latest schema version: reused when
     * its marker row says so (size, schema version, fixture, whether rows carry a snapshot document) and the row count
     * agrees, dropped and filled again otherwise. Filling generates each hidden danger and its chain with
     * {@link DangerFixtures#walk} (the library's closed loop and audit chain code) on one thread while the other
     * writes the previous batch with {@code COPY}; {@link #checkAgainstLibrary} then proves the copied rows are the
     * rows {@code JdbcStorage.importHiddenDangers} writes, column for column.
     */
    static void fill(String url, String schema, int size) throws Exception {
        String docs = Snapshot.available() ? "doc" : "no-doc";
        exec(url, "CREATE SCHEMA IF NOT EXISTS " + schema);
        try (Connection c = DriverManager.getConnection(schemaUrl(url, schema))) {
            boolean meta = scalar(c, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '" + schema
                    + "' AND table_name = 'dp_bench_meta'") > 0;
            if (meta) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT size, schema_version,"
                        + " fixture, fill_ms, filled_at, docs FROM dp_bench_meta")) {
                    if (rs.next() && rs.getLong(1) == size && rs.getInt(2) == Migrations.latestVersion()
                            && rs.getInt(3) == FIXTURE && docs.equals(rs.getString(6))
                            && scalar(c, "SELECT COUNT(*) FROM dp_hidden_danger WHERE id LIKE 'HD-%'") == size) {
                        System.out.printf(Locale.ROOT, "| fill %s: reused (%,d hidden dangers, schema version %d, %s,"
                                + " filled %s in %.1f s) | | |%n", schema, size, rs.getInt(2), docs, rs.getString(5),
                                rs.getLong(4) / 1e3);
                        return;
                    }
                } catch (SQLException e) {
                    System.err.println("the marker of " + schema + " is unreadable (" + e.getMessage() + "): filling again");
                }
            }
        }
        exec(url, "DROP SCHEMA " + schema + " CASCADE", "CREATE SCHEMA " + schema);
        long t0 = System.nanoTime();
        try (PgPool pool = new PgPool(schemaUrl(url, schema), 2)) {
            Migrations.migrate(pool);
            List<OrgUnitId> teams = DangerFixtures.teams(20, 5);
            int batch = 5000;
            // generation (the chains, SHA-256 included) on a second thread while the database stores the last batch
            BlockingQueue<Object[]> queue = new ArrayBlockingQueue<>(3);
            Thread gen = new Thread(() -> {
                try {
                    for (int from = 0; from < size; from += batch) {
                        int to = Math.min(size, from + batch);
                        List<HiddenDanger> ds = new ArrayList<>(to - from);
                        List<List<AuditEntry>> cs = new ArrayList<>(to - from);
                        for (long i = from; i < to; i++) {
                            List<AuditEntry> chain = new ArrayList<>(6);
                            ds.add(DangerFixtures.walk(i, teams, 1000, t -> chain.add(t.audit())));
                            cs.add(chain);
                        }
                        queue.put(new Object[] {ds, cs});
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException | Error e) {
                    queue.offer(new Object[] {e});
                }
            }, "fill-generator");
            gen.setDaemon(true);
            gen.start();
            try (Connection c = pool.getConnection()) {
                c.setAutoCommit(false);
                org.postgresql.copy.CopyManager copy = c.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
                for (int from = 0; from < size; from += batch) {
                    Object[] b = queue.take();
                    if (b.length == 1) {
                        throw new IllegalStateException("generating the fixture failed", (Throwable) b[0]);
                    }
                    @SuppressWarnings("unchecked")
                    List<HiddenDanger> ds = (List<HiddenDanger>) b[0];
                    @SuppressWarnings("unchecked")
                    List<List<AuditEntry>> cs = (List<List<AuditEntry>>) b[1];
                    copyRows(copy, ds, cs);
                    c.commit();
                    if ((from / batch) % 20 == 19) {
                        System.err.printf(Locale.ROOT, "filled %,d in %.0f s (load %s)%n", from + batch,
                                (System.nanoTime() - t0) / 1e9, load());
                    }
                }
            }
            gen.join();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("VACUUM ANALYZE dp_hidden_danger");
                s.execute("VACUUM ANALYZE dp_audit_entry");
            }
            long all = (System.nanoTime() - t0) / 1_000_000;
            checkAgainstLibrary(url, pool, teams);
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE dp_bench_meta (size BIGINT, schema_version INT, fixture INT, fill_ms BIGINT,"
                        + " filled_at TEXT, docs TEXT)");
                s.execute("INSERT INTO dp_bench_meta VALUES (" + size + ", " + Migrations.latestVersion() + ", "
                        + FIXTURE + ", " + ms + ", '" + Instant.now() + " load " + load() + "', '" + docs + "')");
            }
            System.out.printf(Locale.ROOT, "| fill %s: %,d hidden dangers with their chains (walk, generation"
                    + " overlapped) by COPY, batches of %,d; rows checked equal to JdbcStorage.importHiddenDangers' | %,d ms"
                    + " (+ VACUUM ANALYZE: %,d ms) | load %s |%n", schema, size, batch, ms, all, load());
        }
    }

    /** The snapshot document the library writes, when its JSON module has one (the snapshot read path). */
    static final class Snapshot {
        private static final java.lang.reflect.Method TO_TEXT = find();

        private static java.lang.reflect.Method find() {
            try {
                return Class.forName("org.dualprevention.json.HiddenDangerJson").getMethod("toText", HiddenDanger.class);
            } catch (ReflectiveOperationException e) {
                return null;
            }
        }

        static boolean available() {
            return TO_TEXT != null;
        }

        static String of(HiddenDanger d) {
            if (TO_TEXT == null) {
                return null;
            }
            try {
                return (String) TO_TEXT.invoke(null, d);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("HiddenDangerJson.toText failed for " + d.id(), e);
            }
        }
    }

    /** One batch by COPY (text format) into both tables, the columns the library's import writes. */
    static void copyRows(org.postgresql.copy.CopyManager copy, List<HiddenDanger> ds, List<List<AuditEntry>> cs)
            throws SQLException, java.io.IOException {
        StringBuilder hd = new StringBuilder(ds.size() * 200);
        StringBuilder ae = new StringBuilder(ds.size() * 1500);
        for (int i = 0; i < ds.size(); i++) {
            HiddenDanger d = ds.get(i);
            copyRow(hd, d.id().value(), Long.toString(d.version()), d.state().code(), d.state().isTerminal() ? "f" : "t",
                    d.unit().value(), d.riskPoint().map(RiskPointId::value).orElse(null),
                    d.grade().map(HiddenDangerGrade::code).orElse(null), d.deadline().map(LocalDate::toString).orElse(null),
                    Long.toString(d.reportedAt().getEpochSecond() * 1_000_000_000L + d.reportedAt().getNano()),
                    Snapshot.of(d), TENANT);
            for (AuditEntry e : cs.get(i)) {
                copyRow(ae, e.dangerId().value(), Long.toString(e.sequence()), e.actor().value(), e.at().toString(),
                        e.action().code(), e.stateBefore().map(HiddenDangerState::code).orElse(null), e.stateAfter().code(),
                        e.data(), e.previousHash(), e.hash(), Integer.toString(e.format()), e.stateHash().orElse(null),
                        e.keyId().orElse(null), TENANT);
            }
        }
        copy.copyIn("COPY dp_hidden_danger (id, version, state, is_open, unit_id, risk_point_id, grade, deadline,"
                + " reported_ns, doc, tenant_id) FROM STDIN", new java.io.StringReader(hd.toString()));
        copy.copyIn("COPY dp_audit_entry (danger_id, seq, actor_id, at_text, action, state_before, state_after, data,"
                + " previous_hash, hash, entry_format, state_hash, key_id, tenant_id) FROM STDIN",
                new java.io.StringReader(ae.toString()));
    }

    /** One line of COPY text format: tab-separated, {@code \N} for null, backslash escapes. */
    private static void copyRow(StringBuilder out, String... values) {
        for (int k = 0; k < values.length; k++) {
            if (k > 0) {
                out.append('\t');
            }
            String v = values[k];
            if (v == null) {
                out.append("\\N");
                continue;
            }
            for (int j = 0; j < v.length(); j++) {
                char ch = v.charAt(j);
                switch (ch) {
                    case '\\' -> out.append("\\\\");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> out.append(ch);
                }
            }
        }
        out.append('\n');
    }

    /**
     * Imports the first 200 fixture hidden dangers through {@code JdbcStorage.importHiddenDangers} into a scratch
     * schema and compares every column of their rows and audit entries with the copied ones; then loads 200 random
     * copied ones through the library and compares them with the generated objects. Fails loudly on any difference.
     */
    static void checkAgainstLibrary(String url, PgPool filled, List<OrgUnitId> teams) throws Exception {
        String scratch = "dp_bench_probe_" + Long.toHexString(System.nanoTime());
        exec(url, "CREATE SCHEMA " + scratch);
        try (PgPool pool = new PgPool(schemaUrl(url, scratch), 1)) {
            Migrations.migrate(pool);
            List<HiddenDanger> ds = new ArrayList<>();
            List<List<AuditEntry>> cs = new ArrayList<>();
            for (long i = 0; i < 200; i++) {
                List<AuditEntry> chain = new ArrayList<>(6);
                ds.add(DangerFixtures.walk(i, teams, 1000, t -> chain.add(t.audit())));
                cs.add(chain);
            }
            JdbcStorage.builder().dataSource(pool).migrate(false).build().importHiddenDangers(ds, cs);
            for (String sql : List.of("SELECT t::text FROM dp_hidden_danger t WHERE id IN (" + ids(200)
                    + ") ORDER BY id", "SELECT t::text FROM dp_audit_entry t WHERE danger_id IN (" + ids(200)
                    + ") ORDER BY danger_id, seq")) {
                List<String> lib = texts(pool, sql);
                List<String> ours = texts(filled, sql);
                if (!lib.equals(ours) || lib.isEmpty()) {
                    throw new IllegalStateException("the COPY fill does not write what JdbcStorage.importHiddenDangers"
                            + " writes: " + sql + "\nlibrary: " + lib.subList(0, Math.min(2, lib.size())) + "\ncopied:  "
                            + ours.subList(0, Math.min(2, ours.size())));
                }
            }
        } finally {
            exec(url, "DROP SCHEMA " + scratch + " CASCADE");
        }
        JdbcStorage storage = JdbcStorage.builder().dataSource(filled).migrate(false).build();
        long size;
        try (Connection c = filled.getConnection()) {
            size = scalar(c, "SELECT COUNT(*) FROM dp_hidden_danger WHERE id LIKE 'HD-%'");
        }
        Random r = new Random(5);
        for (int k = 0; k < 200; k++) {
            long i = (long) (r.nextDouble() * size);
            HiddenDanger expected = DangerFixtures.walk(i, teams, 1000, t -> { });
            HiddenDanger got = storage.hiddenDangers().find(expected.id()).orElseThrow();
            if (!got.equals(expected)) {
                throw new IllegalStateException("the library loads " + got + " where the fill wrote " + expected);
            }
        }
    }

    private static String ids(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ", ").append("'HD-").append(i).append('\'');
        }
        return b.toString();
    }

    private static List<String> texts(PgPool pool, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------ hand-written reads

    /** The hand-written read: every column of the row, the snapshot document and the head entry, by join. */
    private static final String HAND_COLUMNS = "h.id, h.version, h.state, h.is_open, h.unit_id, h.risk_point_id,"
            + " h.grade, h.deadline, h.reported_ns, h.doc, a.actor_id, a.at_text, a.action, a.state_before,"
            + " a.state_after, a.data, a.previous_hash, a.hash, a.entry_format, a.state_hash, a.key_id"
            + " FROM dp_hidden_danger h JOIN dp_audit_entry a ON a.tenant_id = h.tenant_id AND a.danger_id = h.id"
            + " AND a.seq = h.version";
    private static final String HAND_OVERDUE = "SELECT " + HAND_COLUMNS + " WHERE h.tenant_id = ? AND h.is_open = TRUE"
            + " AND h.deadline < ? ORDER BY h.deadline, h.id LIMIT ?";
    private static final String HAND_ONE = "SELECT " + HAND_COLUMNS + " WHERE h.tenant_id = ? AND h.id = ?";

    /** The head entry as the baseline parses it. */
    record Head(String actor, Instant at, String action, String before, String after, String data, String previous,
            String hash, int format, String stateHash, String keyId) {
    }

    /** A row as the baseline parses it. */
    record HandRow(String id, long version, String state, boolean open, String unit, String riskPoint, String grade,
            LocalDate deadline, long reportedNs, JsonNode doc, Head head, String docHash, String entryHash) {
    }

    private static HandRow handRow(ResultSet rs, MessageDigest sha) throws SQLException {
        String docText = rs.getString(10);
        JsonNode doc = docText == null ? null : JSON.readTree(docText);
        // the instant read as the library reads it (IsoTimes, without DateTimeFormatter), so the peer is not slower
        Head head = new Head(rs.getString(11), org.dualprevention.internal.IsoTimes.parseInstant(rs.getString(12)),
                rs.getString(13), rs.getString(14),
                rs.getString(15), rs.getString(16), rs.getString(17), rs.getString(18), rs.getInt(19),
                rs.getString(20), rs.getString(21));
        String docHash = HexFormat.of().formatHex(sha.digest((docText == null ? "" : docText)
                .getBytes(StandardCharsets.UTF_8)));
        String entryHash = HexFormat.of().formatHex(sha.digest((rs.getString(1) + "\n" + rs.getLong(2) + "\n"
                + head.actor() + "\n" + head.at() + "\n" + head.action() + "\n" + head.before() + "\n" + head.after()
                + "\n" + head.data() + "\n" + head.previous() + "\n" + head.stateHash()).getBytes(StandardCharsets.UTF_8)));
        return new HandRow(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class), rs.getLong(9), doc, head, docHash,
                entryHash);
    }

    private static List<HandRow> handOverdue(PgPool pool, int limit) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(HAND_OVERDUE)) {
            ps.setString(1, TENANT);
            ps.setObject(2, AS_OF, Types.DATE);
            ps.setInt(3, limit + 1);
            List<HandRow> out = new ArrayList<>(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && out.size() < limit) {
                    out.add(handRow(rs, sha));
                }
            }
            return out;
        }
    }

    private static HandRow handOne(PgPool pool, String id) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(HAND_ONE)) {
            ps.setString(1, TENANT);
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no hidden danger " + id);
                }
                return handRow(rs, sha);
            }
        }
    }

    // ------------------------------------------------------------------------------------------ measurements

    static double median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    static long percentile(long[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /** Loading at version 10 and at version 2,000, alternating, median of each. */
    static void chain(String url) throws Exception {
        String schema = "dp_bench_chain_" + Long.toHexString(System.nanoTime());
        exec(url, "CREATE SCHEMA " + schema);
        try (PgPool pool = new PgPool(schemaUrl(url, schema), 2)) {
            Migrations.migrate(pool);
            JdbcStorage storage = JdbcStorage.builder().dataSource(pool).migrate(false).build();
            HiddenDangerId shortId = HiddenDangerId.of("HD-V10");
            HiddenDangerId longId = HiddenDangerId.of("HD-V2000");
            for (Object[] x : new Object[][] {{shortId, 10}, {longId, 2000}}) {
                List<AuditEntry> chain = new ArrayList<>();
                HiddenDanger h = longChain((HiddenDangerId) x[0], (Integer) x[1], chain);
                storage.importHiddenDangers(List.of(h), List.of(chain));
            }
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("ANALYZE");
            }
            int warm = 30;
            int n = 101;
            long[] shortT = new long[n];
            long[] longT = new long[n];
            for (int i = -warm; i < n; i++) {
                long a;
                long b;
                if ((i & 1) == 0) {
                    a = timeFind(storage, shortId, 10);
                    b = timeFind(storage, longId, 2000);
                } else {
                    b = timeFind(storage, longId, 2000);
                    a = timeFind(storage, shortId, 10);
                }
                if (i >= 0) {
                    shortT[i] = a;
                    longT[i] = b;
                }
            }
            System.out.printf(Locale.ROOT, "| load one hidden danger at version 10, JdbcStorage find (median of %d,"
                    + " alternating) | %.3f ms | |%n", n, median(shortT) / 1e6);
            System.out.printf(Locale.ROOT, "| load one hidden danger at version 2,000, JdbcStorage find | %.3f ms |"
                    + " ratio v2000/v10 %.2f (target <= 1.5) |%n", median(longT) / 1e6, median(longT) / median(shortT));
        } finally {
            exec(url, "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static long timeFind(JdbcStorage storage, HiddenDangerId id, long version) {
        long t = System.nanoTime();
        HiddenDanger h = storage.hiddenDangers().find(id).orElseThrow();
        t = System.nanoTime() - t;
        if (h.version() != version) {
            throw new IllegalStateException(id + " at " + h.version());
        }
        return t;
    }

    /** Report, verify, plan, start, then submit and reject in turn up to the version (as in the in-memory benchmark). */
    private static HiddenDanger longChain(HiddenDangerId id, int version, List<AuditEntry> chain) {
        Transition t = ClosedLoop.report(HiddenDangerCommand.Report.of(WORKER, id, "oil on the floor",
                "slipping hazard near pump", HiddenDangerSource.RANDOM_OBSERVATION, UNIT, DAY), CLOCK, DangerFixtures.ZONE);
        chain.add(t.audit());
        HiddenDanger h = t.next();
        List<HiddenDangerCommand> start = List.of(HiddenDangerCommand.Verify.general(LEADER, "confirmed"),
                new HiddenDangerCommand.Plan(LEADER, PLAN), HiddenDangerCommand.Start.by(LEADER));
        for (HiddenDangerCommand c : start) {
            h = step(h, c, chain);
        }
        while (h.version() < version) {
            h = step(h, new HiddenDangerCommand.Submit(LEADER, "refitted", List.of(DangerFixtures.PHOTO), DAY), chain);
            h = step(h, new HiddenDangerCommand.Reject(SAFETY, "not yet"), chain);
        }
        return h;
    }

    private static HiddenDanger step(HiddenDanger h, HiddenDangerCommand c, List<AuditEntry> chain) {
        Transition t = ClosedLoop.apply(h, c, CLOCK, DangerFixtures.ZONE, SETTINGS);
        chain.add(t.audit());
        return t.next();
    }

    /** The overdue first page: library vs the hand-written equivalent, alternating, same ids checked. */
    static void overdue(PgPool pool, JdbcStorage storage, int size) throws Exception {
        HiddenDangerQuery q = HiddenDangerQuery.all().overdueAsOf(AS_OF);
        long overdue = storage.hiddenDangers().count(q);
        int warm = 20;
        int n = 61;
        long[] lib = new long[n];
        long[] hand = new long[n];
        for (int i = -warm; i < n; i++) {
            long a;
            long b;
            List<String> libIds;
            List<String> handIds;
            if ((i & 1) == 0) {
                a = System.nanoTime();
                libIds = storage.hiddenDangers().find(q, PageRequest.first(100)).items().stream()
                        .map(d -> d.id().value()).toList();
                a = System.nanoTime() - a;
                b = System.nanoTime();
                handIds = handOverdue(pool, 100).stream().map(HandRow::id).toList();
                b = System.nanoTime() - b;
            } else {
                b = System.nanoTime();
                handIds = handOverdue(pool, 100).stream().map(HandRow::id).toList();
                b = System.nanoTime() - b;
                a = System.nanoTime();
                libIds = storage.hiddenDangers().find(q, PageRequest.first(100)).items().stream()
                        .map(d -> d.id().value()).toList();
                a = System.nanoTime() - a;
            }
            if (!libIds.equals(handIds)) {
                throw new IllegalStateException("the library's page differs from the hand-written one: " + libIds
                        + " vs " + handIds);
            }
            if (i >= 0) {
                lib[i] = a;
                hand[i] = b;
            }
        }
        System.out.printf(Locale.ROOT, "| overdue first page of 100 on %,d hidden dangers (%,d overdue), JdbcStorage"
                + " (median of %d, alternating) | %.2f ms | baseline/library %.2f (target >= 0.5, i.e. <= 2x) |%n",
                size, overdue, n, median(lib) / 1e6, median(hand) / median(lib));
        System.out.printf(Locale.ROOT, "| same page by hand: row + doc + head entry (join), parsed, two SHA-256 | %.2f ms"
                + " | |%n", median(hand) / 1e6);
    }

    /** One hidden danger by id: library vs the hand-written single-row read. */
    static void loadOne(PgPool pool, JdbcStorage storage, int size) throws Exception {
        Random r = new Random(17);
        int warm = 100;
        int n = 401;
        long[] lib = new long[n];
        long[] hand = new long[n];
        for (int i = -warm; i < n; i++) {
            String id = "HD-" + r.nextInt(size);
            long a;
            long b;
            if ((i & 1) == 0) {
                a = System.nanoTime();
                sink += storage.hiddenDangers().find(HiddenDangerId.of(id)).orElseThrow().version();
                a = System.nanoTime() - a;
                b = System.nanoTime();
                sink += handOne(pool, id).version();
                b = System.nanoTime() - b;
            } else {
                b = System.nanoTime();
                sink += handOne(pool, id).version();
                b = System.nanoTime() - b;
                a = System.nanoTime();
                sink += storage.hiddenDangers().find(HiddenDangerId.of(id)).orElseThrow().version();
                a = System.nanoTime() - a;
            }
            if (i >= 0) {
                lib[i] = a;
                hand[i] = b;
            }
        }
        System.out.printf(Locale.ROOT, "| load one hidden danger by id among %,d (random ids, seed 17), JdbcStorage"
                + " find (median of %d, alternating) | %.3f ms | baseline/library %.2f |%n", size, n, median(lib) / 1e6,
                median(hand) / median(lib));
        System.out.printf(Locale.ROOT, "| same row by hand: row + doc + head entry (join), parsed, two SHA-256 | %.3f ms"
                + " | |%n", median(hand) / 1e6);
    }

    // ------------------------------------------------------------------------------------------ closed loop

    private static HiddenDangerCommand.Report report(String id) {
        return HiddenDangerCommand.Report.of(WORKER, HiddenDangerId.of(id), "oil on the floor",
                "slipping hazard near pump", HiddenDangerSource.RANDOM_OBSERVATION, UNIT, DAY);
    }

    private static List<HiddenDangerCommand> commands() {
        return List.of(HiddenDangerCommand.Verify.general(LEADER, "confirmed"), new HiddenDangerCommand.Plan(LEADER, PLAN),
                HiddenDangerCommand.Start.by(LEADER),
                new HiddenDangerCommand.Submit(LEADER, "refitted", List.of(DangerFixtures.PHOTO), DAY),
                new HiddenDangerCommand.Accept(SAFETY, "ok"));
    }

    static DualPrevention engine(JdbcStorage storage) {
        DualPrevention engine = DualPrevention.builder().storage(storage).clock(CLOCK).zone(DangerFixtures.ZONE)
                .discover(false).build();
        if (storage.organization().load().isEmpty()) {
            engine.register().saveOrganization(DangerFixtures.organization(2, 2));
        }
        return engine;
    }

    /** One closed loop through the facade: six commands. */
    static void libraryLoop(DualPrevention engine, String id, long[] lat, int at) {
        long t = System.nanoTime();
        HiddenDanger h = engine.hiddenDangers().report(report(id));
        if (lat != null) {
            lat[at] = System.nanoTime() - t;
        }
        int k = 1;
        for (HiddenDangerCommand c : commands()) {
            t = System.nanoTime();
            h = engine.hiddenDangers().apply(h.id(), c);
            if (lat != null) {
                lat[at + k++] = System.nanoTime() - t;
            }
        }
        if (h.state() != HiddenDangerState.CLOSED) {
            throw new IllegalStateException("not closed: " + h);
        }
    }

    /**
     * The hand-written closed loop: the same transitions ({@link ClosedLoop}, as the in-memory baseline) stored with
     * the statements one command runs through {@link JdbcStorage} (printed by the {@code sql} part), one transaction
     * per command, prepared statements on one connection:
     * <ol>
     *   <li>auto-commit: look the command id up in {@code dp_command} (the retry check);</li>
 *   <li>read the organisation's row and parse its document with Jackson (the facade reads it for the access check
 *       of every command);</li>
     *   <li>for a command on a stored hidden danger: read the row, its {@code doc} and the head entry (the join of
     *       the overdue baseline) and parse them;</li>
     *   <li>one transaction: insert the row (report) or update it where the version is the expected one, with a
     *       {@code doc} of the hidden danger's fields written by Jackson; insert the audit entry; insert the
     *       command record; insert the outbox entry; commit;</li>
     *   <li>auto-commit: delete the outbox entry (delivered).</li>
     * </ol>
     * The hidden dangers link no risk point, so neither side writes a reassessment flag or reads a risk point.
     */
    static final class HandLoop implements AutoCloseable {
        private final Connection c;
        private final PreparedStatement findCommand;
        private final PreparedStatement organization;
        private final String organizationId;
        private final PreparedStatement read;
        private final PreparedStatement insert;
        private final PreparedStatement update;
        private final PreparedStatement audit;
        private final PreparedStatement command;
        private final PreparedStatement outbox;
        private final PreparedStatement delivered;
        private final MessageDigest sha;

        HandLoop(PgPool pool) throws Exception {
            c = pool.getConnection();
            findCommand = c.prepareStatement("SELECT fingerprint, danger_id, seq FROM dp_command WHERE tenant_id = ?"
                    + " AND command_id = ?");
            organization = c.prepareStatement("SELECT version, doc FROM dp_organization WHERE tenant_id = ? AND id = ?");
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM dp_organization")) {
                rs.next();
                organizationId = rs.getString(1);
            }
            read = c.prepareStatement(HAND_ONE);
            String cols = "version, state, is_open, unit_id, risk_point_id, grade, deadline, reported_ns, doc";
            insert = c.prepareStatement("INSERT INTO dp_hidden_danger (" + cols + ", tenant_id, id) VALUES"
                    + " (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS json), ?, ?)");
            update = c.prepareStatement("UPDATE dp_hidden_danger SET version = ?, state = ?, is_open = ?, unit_id = ?,"
                    + " risk_point_id = ?, grade = ?, deadline = ?, reported_ns = ?, doc = CAST(? AS json)"
                    + " WHERE tenant_id = ? AND id = ? AND version = ?");
            audit = c.prepareStatement("INSERT INTO dp_audit_entry (danger_id, seq, actor_id, at_text, action,"
                    + " state_before, state_after, data, previous_hash, hash, entry_format, state_hash, key_id, tenant_id)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            command = c.prepareStatement("INSERT INTO dp_command (tenant_id, command_id, fingerprint, danger_id, seq)"
                    + " VALUES (?, ?, ?, ?, ?)");
            outbox = c.prepareStatement("INSERT INTO dp_outbox (tenant_id, danger_id, seq) VALUES (?, ?, ?)");
            delivered = c.prepareStatement("DELETE FROM dp_outbox WHERE tenant_id = ? AND danger_id = ? AND seq = ?");
            sha = MessageDigest.getInstance("SHA-256");
        }

        void loop(String id) throws Exception {
            HiddenDangerCommand.Report r = report(id);
            HiddenDanger h = store(ClosedLoop.report(r, CLOCK, DangerFixtures.ZONE), r, true);
            for (HiddenDangerCommand cmd : commands()) {
                h = store(ClosedLoop.apply(h, cmd, CLOCK, DangerFixtures.ZONE, SETTINGS), cmd, false);
            }
            if (h.state() != HiddenDangerState.CLOSED) {
                throw new IllegalStateException("not closed: " + h);
            }
        }

        private HiddenDanger store(Transition t, HiddenDangerCommand cmd, boolean created) throws Exception {
            HiddenDanger next = t.next();
            String id = next.id().value();
            String commandId = UUID.randomUUID().toString();
            String fingerprint = HexFormat.of().formatHex(sha.digest(("hidden danger " + id + "\n" + cmd)
                    .getBytes(StandardCharsets.UTF_8)));
            findCommand.setString(1, TENANT);
            findCommand.setString(2, commandId);
            try (ResultSet rs = findCommand.executeQuery()) {
                if (rs.next()) {
                    throw new IllegalStateException("command id used");
                }
            }
            // the access check reads the organisation (as the facade does for every command)
            organization.setString(1, TENANT);
            organization.setString(2, organizationId);
            try (ResultSet rs = organization.executeQuery()) {
                if (!rs.next() || JSON.readTree(rs.getString(2)).isEmpty()) {
                    throw new IllegalStateException("no organisation");
                }
            }
            if (!created) {
                read.setString(1, TENANT);
                read.setString(2, id);
                try (ResultSet rs = read.executeQuery()) {
                    if (!rs.next() || handRow(rs, sha).version() != t.expectedVersion()) {
                        throw new IllegalStateException("stale " + id);
                    }
                }
            }
            c.setAutoCommit(false);
            PreparedStatement row = created ? insert : update;
            row.setLong(1, next.version());
            row.setString(2, next.state().code());
            row.setBoolean(3, !next.state().isTerminal());
            row.setString(4, next.unit().value());
            row.setString(5, next.riskPoint().map(RiskPointId::value).orElse(null));
            row.setString(6, next.grade().map(HiddenDangerGrade::code).orElse(null));
            row.setObject(7, next.deadline().orElse(null), Types.DATE);
            row.setLong(8, next.reportedAt().getEpochSecond() * 1_000_000_000L + next.reportedAt().getNano());
            row.setString(9, doc(next));
            row.setString(10, TENANT);
            row.setString(11, id);
            if (!created) {
                row.setLong(12, t.expectedVersion());
            }
            if (row.executeUpdate() != 1) {
                throw new IllegalStateException("stale " + id);
            }
            AuditEntry e = t.audit();
            audit.setString(1, id);
            audit.setLong(2, e.sequence());
            audit.setString(3, e.actor().value());
            audit.setString(4, e.at().toString());
            audit.setString(5, e.action().code());
            audit.setString(6, e.stateBefore().map(HiddenDangerState::code).orElse(null));
            audit.setString(7, e.stateAfter().code());
            audit.setString(8, e.data());
            audit.setString(9, e.previousHash());
            audit.setString(10, e.hash());
            audit.setInt(11, e.format());
            audit.setString(12, e.stateHash().orElse(null));
            audit.setString(13, e.keyId().orElse(null));
            audit.setString(14, TENANT);
            audit.executeUpdate();
            command.setString(1, TENANT);
            command.setString(2, commandId);
            command.setString(3, fingerprint);
            command.setString(4, id);
            command.setLong(5, next.version());
            command.executeUpdate();
            outbox.setString(1, TENANT);
            outbox.setString(2, id);
            outbox.setLong(3, next.version());
            outbox.executeUpdate();
            c.commit();
            c.setAutoCommit(true);
            delivered.setString(1, TENANT);
            delivered.setString(2, id);
            delivered.setLong(3, next.version());
            delivered.executeUpdate();
            return next;
        }

        /** The document of the baseline: the hidden danger's fields as a JSON object, by Jackson. */
        private static String doc(HiddenDanger d) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", d.id().value());
            m.put("version", d.version());
            m.put("state", d.state().code());
            m.put("unit", d.unit().value());
            m.put("title", d.title());
            m.put("description", d.description());
            m.put("reportedAt", d.reportedAt().toString());
            d.grade().ifPresent(g -> m.put("grade", g.code()));
            d.deadline().ifPresent(x -> m.put("deadline", x.toString()));
            d.riskPoint().ifPresent(x -> m.put("riskPoint", x.value()));
            return JSON.writeValueAsString(m);
        }

        @Override
        public void close() throws SQLException {
            c.close();
        }
    }

    /** Commands per second on one thread: library and hand-written loops in alternating rounds of ~2 s. */
    static void closedLoop(PgPool pool, JdbcStorage storage, int size) throws Exception {
        DualPrevention engine = engine(storage);
        String run = Long.toString(System.currentTimeMillis(), 36);
        long[] next = {0};
        int rounds = 7;
        double[] lib = new double[rounds];
        double[] hand = new double[rounds];
        try (HandLoop h = new HandLoop(pool)) {
            for (int round = -1; round < rounds; round++) {
                double a;
                double b;
                if ((round & 1) == 0) {
                    a = rate(() -> libraryLoop(engine, "CL-L-" + run + "-" + next[0]++, null, 0));
                    b = rate(() -> h.loop("CL-H-" + run + "-" + next[0]++));
                } else {
                    b = rate(() -> h.loop("CL-H-" + run + "-" + next[0]++));
                    a = rate(() -> libraryLoop(engine, "CL-L-" + run + "-" + next[0]++, null, 0));
                }
                if (round >= 0) {
                    lib[round] = a;
                    hand[round] = b;
                }
            }
        }
        Arrays.sort(lib);
        Arrays.sort(hand);
        double l = lib[rounds / 2];
        double b = hand[rounds / 2];
        System.out.printf(Locale.ROOT, "| closed loop on a table of %,d, one thread, facade on JdbcStorage (commands/s,"
                + " median of %d rounds of 2 s, alternating) | %.0f | library/baseline %.2f (target >= 0.5) |%n", size,
                rounds, l, l / b);
        System.out.printf(Locale.ROOT, "| same commands by hand-written JDBC (same statements, one transaction per"
                + " command) | %.0f | |%n", b);
    }

    /** A loop of six commands. */
    interface Loop {
        void run() throws Exception;
    }

    private static double rate(Loop loop) throws Exception {
        long t0 = System.nanoTime();
        long end = t0 + 2_000_000_000L;
        int loops = 0;
        while (System.nanoTime() < end) {
            loop.run();
            loops++;
        }
        return loops * 6 / ((System.nanoTime() - t0) / 1e9);
    }

    // ------------------------------------------------------------------------------------------ 16 threads

    /** The overdue page and then closed-loop commands from 16 threads at once, through the library. */
    static void concurrent(PgPool pool, JdbcStorage storage, int size) throws Exception {
        int threads = 16;
        long seconds = 10;
        HiddenDangerQuery q = HiddenDangerQuery.all().overdueAsOf(AS_OF);
        DualPrevention engine = engine(storage);
        String run = Long.toString(System.currentTimeMillis(), 36);
        for (String what : List.of("overdue first page of 100", "closed-loop command")) {
            boolean commands = what.startsWith("closed");
            ExecutorService ex = Executors.newFixedThreadPool(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<long[]>> fs = new ArrayList<>();
            AtomicLong ops = new AtomicLong();
            long[] window = new long[2];
            for (int k = 0; k < threads; k++) {
                int thread = k;
                fs.add(ex.submit(() -> {
                    long[] lat = new long[1 << 16];
                    int n = 0;
                    int loopNo = 0;
                    go.await();
                    // 2 s of warm-up, then the measured window
                    long warmEnd = System.nanoTime() + 2_000_000_000L;
                    long end = warmEnd + seconds * 1_000_000_000L;
                    long[] six = new long[6];
                    while (true) {
                        long now = System.nanoTime();
                        if (now >= end || n + 6 >= lat.length) {
                            break;
                        }
                        boolean measured = now >= warmEnd;
                        if (commands) {
                            libraryLoop(engine, "CC-" + run + "-" + thread + "-" + loopNo++, six, 0);
                            if (measured) {
                                System.arraycopy(six, 0, lat, n, 6);
                                n += 6;
                                ops.addAndGet(6);
                            }
                        } else {
                            long t = System.nanoTime();
                            sink += storage.hiddenDangers().find(q, PageRequest.first(100)).items().size();
                            t = System.nanoTime() - t;
                            if (measured) {
                                lat[n++] = t;
                                ops.incrementAndGet();
                            }
                        }
                    }
                    return Arrays.copyOf(lat, n);
                }));
            }
            go.countDown();
            window[0] = System.nanoTime();
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> f : fs) {
                all.add(f.get());
            }
            ex.shutdown();
            long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            System.out.printf(Locale.ROOT, "| %d threads, %s on %,d (library; %d s measured after 2 s warm-up; %,d"
                    + " samples) | p50 %.2f ms, p99 %.2f ms, max %.2f ms | %.0f per s (load %s) |%n", threads, what, size,
                    seconds, merged.length, percentile(merged, 0.50) / 1e6, percentile(merged, 0.99) / 1e6,
                    merged.length == 0 ? 0 : merged[merged.length - 1] / 1e6, ops.get() / (double) seconds, load());
        }
    }

    // ------------------------------------------------------------------------------------------ statements

    /** Prints the statements one closed-loop command and one overdue page run through the library. */
    static void sql(PgPool pool, JdbcStorage storage) {
        DualPrevention engine = engine(storage);
        String id = "SQL-" + Long.toString(System.currentTimeMillis(), 36);
        HiddenDanger h = engine.hiddenDangers().report(report(id));
        List<String> seen = new ArrayList<>();
        pool.log(c -> seen.add(c.sql()));
        engine.hiddenDangers().apply(h.id(), HiddenDangerCommand.Verify.general(LEADER, "confirmed"));
        pool.log(null);
        System.out.println("statements of one command (verify) through DualPrevention on JdbcStorage:");
        seen.forEach(s -> System.out.println("  " + s));
        seen.clear();
        pool.log(c -> seen.add(c.sql()));
        storage.hiddenDangers().find(HiddenDangerQuery.all().overdueAsOf(AS_OF), PageRequest.first(100));
        pool.log(null);
        System.out.println("statements of the overdue first page:");
        seen.forEach(s -> System.out.println("  " + s));
    }

    // ------------------------------------------------------------------------------------------ partitioning

    /**
     * Declarative partitioning of the hidden-danger and audit tables by hash of the tenant, in a scratch schema: the
     * library migrates the schema, the two tables are rebuilt partitioned (same columns, keys and indexes), four
     * tenants are imported through the library, and its overdue page, load by id, count and a closed loop run on one
     * tenant; the plans of its own statements are printed.
     */
    static void partition(String url) throws Exception {
        String schema = "dp_bench_part_" + Long.toHexString(System.nanoTime());
        exec(url, "CREATE SCHEMA " + schema);
        try (PgPool pool = new PgPool(schemaUrl(url, schema), 4)) {
            Migrations.migrate(pool);
            try (Connection c = pool.getConnection()) {
                System.out.println("partitioning dp_hidden_danger and dp_audit_entry by hash of tenant_id, 4 partitions:");
                partitionByTenant(c, schema, "dp_hidden_danger");
                partitionByTenant(c, schema, "dp_audit_entry");
            }
            List<OrgUnitId> teams = DangerFixtures.teams(20, 5);
            int per = 5000;
            for (int t = 0; t < 4; t++) {
                JdbcStorage tenant = JdbcStorage.builder().dataSource(pool).migrate(false).tenant("T" + t).build();
                for (int from = 0; from < per; from += 1000) {
                    List<HiddenDanger> ds = new ArrayList<>();
                    List<List<AuditEntry>> cs = new ArrayList<>();
                    for (long i = from; i < from + 1000; i++) {
                        List<AuditEntry> chain = new ArrayList<>(6);
                        ds.add(DangerFixtures.walk(i, teams, 1000, x -> chain.add(x.audit())));
                        cs.add(chain);
                    }
                    tenant.importHiddenDangers(ds, cs);
                }
            }
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("ANALYZE");
                System.out.println("partitions of dp_hidden_danger (rows):");
                try (ResultSet rs = s.executeQuery("SELECT c.relname, c.reltuples::bigint FROM pg_inherits i JOIN pg_class c"
                        + " ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'dp_hidden_danger'"
                        + " AND p.relnamespace = '" + schema + "'::regnamespace ORDER BY 1")) {
                    while (rs.next()) {
                        System.out.println("  " + rs.getString(1) + " " + rs.getLong(2));
                    }
                }
                // so that the small tables' plans show the indexes the big ones would use
                s.execute("SET enable_seqscan = off");
            }
            JdbcStorage t1 = JdbcStorage.builder().dataSource(pool).migrate(false).tenant("T1").build();
            List<PgPool.Captured> seen = new ArrayList<>();
            pool.log(seen::add);
            HiddenDangerQuery q = HiddenDangerQuery.all().overdueAsOf(AS_OF);
            int page = t1.hiddenDangers().find(q, PageRequest.first(100)).items().size();
            long count = t1.hiddenDangers().count(q);
            HiddenDanger one = t1.hiddenDangers().find(HiddenDangerId.of("HD-42")).orElseThrow();
            int open = t1.hiddenDangers().find(HiddenDangerQuery.all().open().inUnits(List.of(one.unit())),
                    PageRequest.first(100)).items().size();
            pool.log(null);
            DualPrevention engine = engine(t1);
            libraryLoop(engine, "PART-1", null, 0);
            System.out.printf(Locale.ROOT, "library on the partitioned tables, tenant T1: overdue page %d rows, overdue"
                    + " count %d, HD-42 at version %d, open in its unit %d, a closed loop of six commands stored%n", page,
                    count, one.version(), open);
            try (Connection c = pool.getConnection()) {
                for (String attack : List.of("UPDATE dp_audit_entry SET data = 'x' WHERE tenant_id = 'T1'",
                        "DELETE FROM dp_audit_entry WHERE tenant_id = 'T1'", "TRUNCATE dp_audit_entry",
                        "TRUNCATE dp_audit_entry_p0", "TRUNCATE dp_audit_entry_p1", "TRUNCATE dp_audit_entry_p2",
                        "TRUNCATE dp_audit_entry_p3")) {
                    try (Statement s = c.createStatement()) {
                        s.execute(attack);
                        throw new IllegalStateException("the partitioned audit table accepted: " + attack);
                    } catch (SQLException e) {
                        System.out.println("refused on the partitioned audit table: " + attack + " (" + e.getSQLState()
                                + ")");
                    }
                }
                try (Statement s = c.createStatement()) {
                    s.execute("SET enable_seqscan = off");
                }
                for (PgPool.Captured cap : seen) {
                    if (!cap.sql().startsWith("SELECT")) {
                        continue;
                    }
                    System.out.println("EXPLAIN " + cap.sql());
                    try (PreparedStatement ps = cap.replay(c, "EXPLAIN "); ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            System.out.println("    " + rs.getString(1));
                        }
                    }
                }
            }
        } finally {
            exec(url, "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    /**
     * The schema change of partitioning a table by hash of the tenant (4 partitions), after the library's
     * migrations, whatever their version: the table is rebuilt with the same columns (collations included), the same
     * primary key, indexes and triggers (read from the catalog), and every statement trigger (the audit table's
     * TRUNCATE guard) is also created on each partition, since truncating a partition fires only its own. The tenant
     * is first in every key since V5, so every unique key contains the partition key, as PostgreSQL requires.
     */
    static void partitionByTenant(Connection c, String schema, String table) throws SQLException {
        String oid = "'" + schema + "." + table + "'::regclass";
        List<String> after = new ArrayList<>();
        List<String> statementTriggers = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = "
                    + oid + " AND contype IN ('p', 'u')")) {
                while (rs.next()) {
                    after.add("ALTER TABLE " + table + " ADD CONSTRAINT " + rs.getString(1) + " " + rs.getString(2));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid = " + oid
                    + " AND indexrelid NOT IN (SELECT conindid FROM pg_constraint WHERE conrelid = " + oid + ")")) {
                while (rs.next()) {
                    after.add(rs.getString(1));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT pg_get_triggerdef(oid), (tgtype & 1) = 0 FROM pg_trigger"
                    + " WHERE tgrelid = " + oid + " AND NOT tgisinternal")) {
                while (rs.next()) {
                    after.add(rs.getString(1));
                    if (rs.getBoolean(2)) {
                        statementTriggers.add(rs.getString(1));
                    }
                }
            }
            s.execute("ALTER TABLE " + table + " RENAME TO " + table + "_flat");
            s.execute("CREATE TABLE " + table + " (LIKE " + table + "_flat INCLUDING DEFAULTS INCLUDING CONSTRAINTS)"
                    + " PARTITION BY HASH (tenant_id)");
            for (int k = 0; k < 4; k++) {
                s.execute("CREATE TABLE " + table + "_p" + k + " PARTITION OF " + table + " FOR VALUES WITH (MODULUS 4,"
                        + " REMAINDER " + k + ")");
            }
            s.execute("DROP TABLE " + table + "_flat");
            for (String sql : after) {
                System.out.println("  " + sql);
                s.execute(sql);
            }
            for (String t : statementTriggers) {
                for (int k = 0; k < 4; k++) {
                    s.execute(t.replace(" ON " + schema + "." + table + " ", " ON " + schema + "." + table + "_p" + k + " "));
                }
            }
        }
    }
}
