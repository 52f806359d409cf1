package org.dualprevention.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.jdbc.Dialect;
import org.dualprevention.jdbc.PeriodTally;
import org.dualprevention.query.HiddenDangerQuery;
import org.dualprevention.query.Page;
import org.dualprevention.query.PageRequest;
import org.jspecify.annotations.Nullable;

/**
 * The hidden-danger counters of {@code dp_danger_tally} (migration V7): what each hidden danger adds, kept in the
 * transaction of its save, and the sums one period's figures are read from.
 *
 * <p>Each hidden danger adds 1 to a few counters, each keyed by (unit, metric, day1, day2, dim), chosen so that every
 * figure of a period [first, last] read as of a day A (A no later than last) is a sum over a range of days,
 * whatever the number of hidden dangers (r reported on, c closed on, q rectified on = the earlier of its completion
 * and its closing, d the deadline in force):
 * <ul>
 *   <li>{@code found} (r, r, {@code g:grade} / {@code s:source} / {@code planned-major}) and {@code withdrawn} (r, r):
 *       summed for r in [first, A];</li>
 *   <li>{@code rectified} (r, q, {@code g:grade}), {@code closed} (r, c, "" / {@code first} when never refused): r in
 *       [first, A] and day2 ≤ A;</li>
 *   <li>{@code closedin} (c, c, "", s = days from report to closing): c in [first, A];</li>
 *   <li>{@code ontime} (d, t, {@code due} / {@code on-time} when closed by d) with t = max(r, min(d + 1, c)), the first
 *       day it is counted: d in [first, last] and t ≤ A;</li>
 *   <li>{@code overdue} (c or 9999-12-31, max(r, d + 1), ""): overdue on A when day2 ≤ A &lt; day1, so the read walks
 *       only the counters of hidden dangers still open on A.</li>
 * </ul>
 * The rules are those of the analytics module's {@code Statistics} (its property test against a full recomputation
 * lives in this module's tests). Days are taken in the zone given to {@code keepTallies}.
 *
 * <p>A save takes back the previous version's contribution (read from {@code dp_danger_tally_member}: one statement
 * by primary key) and adds the new one: only counters whose delta is not 0 are written, in key order (so two
 * transactions never wait for each other's counters in opposite orders), in one JDBC batch, plus the member row.
 * Every key is also added under the unit {@link #ALL_UNITS}, the tenant's roll-up, so the whole organisation's
 * figures are read from one unit's counters.
 */
public final class Tallies {
    /** The day after every real day: the closing day of a hidden danger still open. */
    static final LocalDate NEVER = LocalDate.of(9999, 12, 31);
    private static final String MAJOR = "major";
    private static final String UNGRADED = "ungraded";

    private final Transactions tx;
    private final Dialect dialect;
    private final ZoneId zone;

    /**
     * Creates the counters of a store.
     *
     * @param tx transactions
     * @param dialect dialect
     * @param zone the organisation's zone (days of closing)
     */
    public Tallies(Transactions tx, Dialect dialect, ZoneId zone) {
        this.tx = tx;
        this.dialect = dialect;
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** @return the zone days are taken in */
    public ZoneId zone() {
        return zone;
    }

    /** One counter's key (without tenant and unit) and what one hidden danger adds to its sum. */
    record Key(String metric, LocalDate day1, LocalDate day2, String dim, long s) {
        String text() {
            return metric + "|" + day1 + "|" + day2 + "|" + dim + "|" + s;
        }

        static Key parse(String text) {
            String[] p = text.split("\\|", -1);
            if (p.length != 5) {
                throw new IllegalStateException("tally member entry [" + text + "] is not metric|day1|day2|dim|s");
            }
            return new Key(p[0], LocalDate.parse(p[1]), LocalDate.parse(p[2]), p[3], Long.parseLong(p[4]));
        }
    }

    /** A counter's full key: unit and key (the sum s is not part of it). */
    record Counter(String unit, String metric, LocalDate day1, LocalDate day2, String dim) implements Comparable<Counter> {
        @Override
        public int compareTo(Counter o) {
            int c = unit.compareTo(o.unit);
            if (c == 0) {
                c = metric.compareTo(o.metric);
            }
            if (c == 0) {
                c = day1.compareTo(o.day1);
            }
            if (c == 0) {
                c = day2.compareTo(o.day2);
            }
            return c != 0 ? c : dim.compareTo(o.dim);
        }
    }

    private static String code(String what, String code) {
        if (code.isEmpty() || code.length() > 60 || code.contains("|") || code.contains(";")) {
            throw new IllegalArgumentException(what + " code [" + code + "] cannot be counted; allowed: 1 to 60 characters"
                    + " without | or ;");
        }
        return code;
    }

    /**
     * What one hidden danger adds to the counters of its unit (the rules of the class comment).
     *
     * @param d the hidden danger
     * @param zone the zone of days
     * @return its keys
     */
    static List<Key> contribution(HiddenDanger d, ZoneId zone) {
        List<Key> out = new ArrayList<>(9);
        LocalDate r = d.foundOn();
        if (d.state() == HiddenDangerState.WITHDRAWN) {
            out.add(new Key("withdrawn", r, r, "", 0));
            return out;
        }
        String grade = code("grade", d.grade().map(HiddenDangerGrade::code).orElse(UNGRADED));
        LocalDate c = null;
        if (!d.isOpen()) {
            c = LocalDate.ofInstant(d.closedAt().orElseThrow(() -> new IllegalStateException("hidden danger [" + d.id()
                    + "] is " + d.state().code() + " but has no closing instant")), zone);
        }
        out.add(new Key("found", r, r, "g:" + grade, 0));
        out.add(new Key("found", r, r, "s:" + code("source", d.source().code()), 0));
        if (MAJOR.equals(grade) && d.plan().isPresent()) {
            out.add(new Key("found", r, r, "planned-major", 0));
        }
        LocalDate q = min(d.completedOn().orElse(null), c);
        if (q != null) {
            out.add(new Key("rectified", r, q, "g:" + grade, 0));
        }
        if (c != null) {
            out.add(new Key("closed", r, c, "", 0));
            if (d.rejections() == 0) {
                out.add(new Key("closed", r, c, "first", 0));
            }
            out.add(new Key("closedin", c, c, "", ChronoUnit.DAYS.between(r, c)));
        }
        Optional<LocalDate> deadline = d.deadline();
        if (deadline.isPresent()) {
            LocalDate dl = deadline.get();
            LocalDate after = dl.plusDays(1);
            LocalDate t = max(r, c == null || after.isBefore(c) ? after : c);
            out.add(new Key("ontime", dl, t, "due", 0));
            if (c != null && !c.isAfter(dl)) {
                out.add(new Key("ontime", dl, t, "on-time", 0));
            }
            LocalDate start = max(r, after);
            LocalDate end = c == null ? NEVER : c;
            if (start.isBefore(end)) {
                out.add(new Key("overdue", end, start, "", 0));
            }
        }
        return out;
    }

    private static @Nullable LocalDate min(@Nullable LocalDate a, @Nullable LocalDate b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    static String text(List<Key> keys) {
        StringBuilder sb = new StringBuilder();
        for (Key k : keys) {
            if (sb.length() > 0) {
                sb.append(';');
            }
            sb.append(k.text());
        }
        return sb.toString();
    }

    static List<Key> parse(String text) {
        List<Key> out = new ArrayList<>();
        if (!text.isEmpty()) {
            for (String s : text.split(";", -1)) {
                out.add(Key.parse(s));
            }
        }
        return out;
    }

    private static final String MEMBER = "SELECT unit_id, contribution FROM dp_danger_tally_member WHERE tenant_id = ?"
            + " AND danger_id = ?";

    /**
     * Called by the hidden-danger save, after the row was written, in its transaction: takes back the previous
     * version's contribution and adds the new one.
     *
     * @param c the save's connection
     * @param next the version saved
     * @param expectedVersion the version it replaced (0 for a new hidden danger: nothing to take back)
     * @throws SQLException on failure
     */
    public void saved(Connection c, HiddenDanger next, long expectedVersion) throws SQLException {
        String id = next.id().value();
        String unit = next.unit().value();
        List<Key> now = contribution(next, zone);
        String nowText = text(now);
        Map<Counter, long[]> delta = new TreeMap<>();
        if (expectedVersion > 0 && dialect == Dialect.POSTGRESQL) {
            // one round trip: the previous contribution read and the new one written (both see the same snapshot)
            try (PreparedStatement ps = c.prepareStatement(SWAP_PG)) {
                ps.setString(1, tx.tenant());
                ps.setString(2, id);
                ps.setString(3, tx.tenant());
                ps.setString(4, id);
                ps.setString(5, unit);
                ps.setString(6, nowText);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        if (rs.getString(1).equals(unit) && rs.getString(2).equals(nowText)) {
                            return;
                        }
                        add(delta, rs.getString(1), parse(rs.getString(2)), -1);
                    }
                }
            }
            add(delta, unit, now, 1);
            write(c, delta);
            return;
        }
        boolean member = false;
        if (expectedVersion > 0) {
            try (PreparedStatement ps = c.prepareStatement(MEMBER)) {
                ps.setString(1, tx.tenant());
                ps.setString(2, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        member = true;
                        String oldUnit = rs.getString(1);
                        String oldText = rs.getString(2);
                        if (oldUnit.equals(unit) && oldText.equals(nowText)) {
                            return; // the same contribution: nothing to write
                        }
                        add(delta, oldUnit, parse(oldText), -1);
                    }
                }
            }
        }
        add(delta, unit, now, 1);
        write(c, delta);
        writeMember(c, id, unit, nowText, member);
    }

    /**
     * Counts hidden dangers imported as new in the import's transaction: their member rows and their contributions
     * to the counters, in batches.
     *
     * @param c the import's connection
     * @param dangers the hidden dangers just stored (none was stored before)
     * @throws SQLException on failure
     */
    public void imported(Connection c, List<HiddenDanger> dangers) throws SQLException {
        Map<Counter, long[]> delta = new TreeMap<>();
        members(c, dangers, delta);
        write(c, delta);
    }

    /**
     * Inserts the member rows of hidden dangers not counted yet, in batches, and adds their contributions to
     * {@code counters}.
     */
    private void members(Connection c, List<HiddenDanger> dangers, Map<Counter, long[]> counters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO dp_danger_tally_member (unit_id, contribution,"
                + " tenant_id, danger_id) VALUES (?, ?, ?, ?)")) {
            int n = 0;
            for (HiddenDanger d : dangers) {
                List<Key> keys = contribution(d, zone);
                add(counters, d.unit().value(), keys, 1);
                ps.setString(1, d.unit().value());
                ps.setString(2, text(keys));
                ps.setString(3, tx.tenant());
                ps.setString(4, d.id().value());
                ps.addBatch();
                if (++n % 1000 == 0) {
                    ps.executeBatch();
                }
            }
            if (n % 1000 != 0) {
                ps.executeBatch();
            }
        }
    }

    /** PostgreSQL: reads the member row as it was and writes the new one, in one statement. */
    private static final String SWAP_PG = "WITH old AS (SELECT unit_id, contribution FROM dp_danger_tally_member"
            + " WHERE tenant_id = ? AND danger_id = ?), up AS (INSERT INTO dp_danger_tally_member (tenant_id, danger_id,"
            + " unit_id, contribution) VALUES (?, ?, ?, ?) ON CONFLICT (tenant_id, danger_id) DO UPDATE SET"
            + " unit_id = EXCLUDED.unit_id, contribution = EXCLUDED.contribution) SELECT unit_id, contribution FROM old";

    /** The unit id of the tenant's roll-up counters (an org unit's id is never blank). */
    public static final String ALL_UNITS = "";

    /** Adds the keys to the unit's counters and to the tenant's roll-up. */
    private static void add(Map<Counter, long[]> delta, String unit, List<Key> keys, int sign) {
        for (String u : List.of(unit, ALL_UNITS)) {
            for (Key k : keys) {
                long[] v = delta.computeIfAbsent(new Counter(u, k.metric(), k.day1(), k.day2(), k.dim()), x -> new long[2]);
                v[0] += sign;
                v[1] += sign * k.s();
            }
        }
    }

    private String upsert() {
        String cols = "tenant_id, unit_id, metric, day1, day2, dim, n, s";
        switch (dialect) {
            case POSTGRESQL:
                return "INSERT INTO dp_danger_tally (" + cols + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id,"
                        + " unit_id, metric, day1, day2, dim) DO UPDATE SET n = dp_danger_tally.n + EXCLUDED.n,"
                        + " s = dp_danger_tally.s + EXCLUDED.s";
            case MYSQL:
                return "INSERT INTO dp_danger_tally (" + cols + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
                        + " n = n + VALUES(n), s = s + VALUES(s)";
            default:
                return "MERGE INTO dp_danger_tally t USING (VALUES (CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(128)),"
                        + " CAST(? AS VARCHAR(16)), CAST(? AS DATE), CAST(? AS DATE), CAST(? AS VARCHAR(64)), CAST(? AS BIGINT),"
                        + " CAST(? AS BIGINT))) AS v(" + cols + ") ON t.tenant_id = v.tenant_id AND t.unit_id = v.unit_id"
                        + " AND t.metric = v.metric AND t.day1 = v.day1 AND t.day2 = v.day2 AND t.dim = v.dim"
                        + " WHEN MATCHED THEN UPDATE SET n = t.n + v.n, s = t.s + v.s"
                        + " WHEN NOT MATCHED THEN INSERT (" + cols + ") VALUES (v.tenant_id, v.unit_id, v.metric, v.day1,"
                        + " v.day2, v.dim, v.n, v.s)";
        }
    }

    /** Adds the non-zero deltas, in key order, in one batch. */
    private void write(Connection c, Map<Counter, long[]> delta) throws SQLException {
        int n = 0;
        try (PreparedStatement ps = c.prepareStatement(upsert())) {
            for (Map.Entry<Counter, long[]> e : delta.entrySet()) {
                long[] v = e.getValue();
                if (v[0] == 0 && v[1] == 0) {
                    continue;
                }
                Counter k = e.getKey();
                ps.setString(1, tx.tenant());
                ps.setString(2, k.unit());
                ps.setString(3, k.metric());
                ps.setObject(4, k.day1());
                ps.setObject(5, k.day2());
                ps.setString(6, k.dim());
                ps.setLong(7, v[0]);
                ps.setLong(8, v[1]);
                ps.addBatch();
                n++;
                if (n % 1000 == 0) {
                    ps.executeBatch();
                }
            }
            if (n % 1000 != 0) {
                ps.executeBatch();
            }
        }
    }

    private void writeMember(Connection c, String id, String unit, String text, boolean exists) throws SQLException {
        String sql = exists ? "UPDATE dp_danger_tally_member SET unit_id = ?, contribution = ? WHERE tenant_id = ?"
                + " AND danger_id = ?" : "INSERT INTO dp_danger_tally_member (unit_id, contribution, tenant_id, danger_id)"
                + " VALUES (?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, unit);
            ps.setString(2, text);
            ps.setString(3, tx.tenant());
            ps.setString(4, id);
            ps.executeUpdate();
        }
    }

    /** The read: one branch per metric, each a range of day1 within the units, summed per metric and dim. */
    private static String read(int units) {
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < units; i++) {
            in.append(i == 0 ? "?" : ", ?");
        }
        String base = "SELECT metric, dim, SUM(n), SUM(s) FROM dp_danger_tally WHERE tenant_id = ? AND unit_id IN (" + in
                + ") AND metric = ? AND ";
        String group = " GROUP BY metric, dim";
        return base + "day1 >= ? AND day1 <= ? AND day2 <= ?" + group // found, withdrawn, rectified, closed, closedin
                + " UNION ALL " + base + "day1 >= ? AND day1 <= ? AND day2 <= ?" + group
                + " UNION ALL " + base + "day1 >= ? AND day1 <= ? AND day2 <= ?" + group
                + " UNION ALL " + base + "day1 >= ? AND day1 <= ? AND day2 <= ?" + group
                + " UNION ALL " + base + "day1 >= ? AND day1 <= ? AND day2 <= ?" + group
                + " UNION ALL " + base + "day1 >= ? AND day1 <= ? AND day2 <= ?" + group // ontime
                + " UNION ALL " + base + "day1 > ? AND day2 <= ?" + group; // overdue
    }

    /**
     * The sums of one period over a set of units (see {@code JdbcStorage.tallies}).
     *
     * @param units unit ids
     * @param first the period's first day
     * @param last the period's last day
     * @param asOf the day the figures are taken
     * @return the sums
     */
    public PeriodTally read(Collection<String> units, LocalDate first, LocalDate last, LocalDate asOf) {
        List<String> us = List.copyOf(units);
        if (us.isEmpty()) {
            return PeriodTally.EMPTY;
        }
        return tx.read("read the hidden-danger tallies", c -> {
            Map<String, Map<String, long[]>> sums = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(read(us.size()))) {
                int i = 1;
                for (String m : List.of("found", "withdrawn", "rectified", "closed", "closedin")) {
                    i = head(ps, i, us, m);
                    ps.setObject(i++, first);
                    ps.setObject(i++, asOf);
                    ps.setObject(i++, asOf);
                }
                i = head(ps, i, us, "ontime");
                ps.setObject(i++, first);
                ps.setObject(i++, last);
                ps.setObject(i++, asOf);
                i = head(ps, i, us, "overdue");
                ps.setObject(i++, asOf);
                ps.setObject(i, asOf);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sums.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                                .put(rs.getString(2), new long[] {rs.getLong(3), rs.getLong(4)});
                    }
                }
            }
            return PeriodTally.of(sums);
        });
    }

    private int head(PreparedStatement ps, int i, List<String> units, String metric) throws SQLException {
        ps.setString(i++, tx.tenant());
        for (String u : units) {
            ps.setString(i++, u);
        }
        ps.setString(i++, metric);
        return i;
    }

    /**
     * Rebuilds this tenant's counters from every stored hidden danger, in one unit of work (all or nothing): for a
     * store written before V7, by imports, or by nodes that did not keep tallies.
     *
     * @param dangers the repository to page through
     * @return how many hidden dangers were counted
     */
    @SuppressWarnings("NullAway") // a SqlWork<Void> returns null: no result
    public long rebuild(JdbcHiddenDangerRepository dangers) {
        return tx.unit("rebuild the hidden-danger tallies", () -> {
            tx.write("clear the hidden-danger tallies", c -> {
                for (String t : List.of("dp_danger_tally", "dp_danger_tally_member")) {
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + t + " WHERE tenant_id = ?")) {
                        ps.setString(1, tx.tenant());
                        ps.executeUpdate();
                    }
                }
                return null;
            });
            Map<Counter, long[]> counters = new TreeMap<>();
            long count = 0;
            PageRequest page = PageRequest.first(2000);
            while (true) {
                Page<HiddenDanger> p = dangers.find(HiddenDangerQuery.all(), page);
                List<HiddenDanger> items = p.items();
                tx.write("count " + items.size() + " hidden dangers", c -> {
                    members(c, items, counters);
                    return null;
                });
                count += items.size();
                if (p.next().isEmpty()) {
                    break;
                }
                page = PageRequest.after(p.next().get(), 2000);
            }
            tx.write("write the hidden-danger tallies", c -> {
                write(c, counters);
                return null;
            });
            return count;
        });
    }
}
