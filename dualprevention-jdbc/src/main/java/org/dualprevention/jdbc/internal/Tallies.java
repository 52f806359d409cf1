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
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.ControlMeasure;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.RiskPoint;
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
 *
 * <p>Migration V8 adds, under {@code found} (r, r), the dims {@code a:accident type} (one per accident type of the
 * hazard), {@code h:hazard class} and {@code l:control level} (the failed measure's level; {@code l:} alone when the
 * hidden danger has none, read as its own unit's level). They come from the risk point's <em>current</em> version,
 * as {@code Statistics} joins the register it is given and {@code MaintainedStatistics} re-projects a risk point's
 * hidden dangers when it changes: a risk point's save ({@link #riskPointSaved}) recounts the hidden dangers whose
 * member row names it. And the roll-up counters of {@code dp_danger_tally_tree}: every key of a unit's hidden danger
 * is also added under the unit and each of its ancestors (read from {@code dp_danger_tally_unit}, the organisation's
 * tree written at each save of the organisation, {@link #organizationSaved}), with {@code l:} resolved to the
 * level of the hidden danger's unit, so a unit with all its sub-units is read from that one unit's counters. A save
 * of the organisation rewrites the tree and rebuilds the roll-ups from the units' own counters in SQL.
 */
public final class Tallies {
    /** The day after every real day: the closing day of a hidden danger still open. */
    static final LocalDate NEVER = LocalDate.of(9999, 12, 31);
    private static final String MAJOR = "major";
    private static final String UNGRADED = "ungraded";

    private final Transactions tx;
    private final Dialect dialect;
    private final ZoneId zone;
    private final Points points;

    /** Reads a stored risk point in the caller's transaction. */
    @FunctionalInterface
    public interface Points {
        /**
         * The stored risk point.
         *
         * @param c the connection
         * @param id its id
         * @return it, if stored
         * @throws SQLException on failure
         */
        Optional<RiskPoint> find(Connection c, String id) throws SQLException;
    }

    /**
     * Creates the counters of a store.
     *
     * @param tx transactions
     * @param dialect dialect
     * @param zone the organisation's zone (days of closing)
     * @param points the stored risk points (accident types, hazard class and control level of a hidden danger)
     */
    public Tallies(Transactions tx, Dialect dialect, ZoneId zone, Points points) {
        this.tx = tx;
        this.dialect = dialect;
        this.zone = Objects.requireNonNull(zone, "zone");
        this.points = Objects.requireNonNull(points, "points");
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
     * @param point its risk point as stored now, or null
     * @return its keys
     */
    static List<Key> contribution(HiddenDanger d, ZoneId zone, @Nullable RiskPoint point) {
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
        out.addAll(pointKeys(r, point, Link.of(d)));
        return out;
    }

    /** The risk point, hazard and failed measure a hidden danger names (the member row's link columns). */
    record Link(@Nullable String point, @Nullable String hazard, @Nullable String measure) {
        static Link of(HiddenDanger d) {
            return new Link(d.riskPoint().map(x -> x.value()).orElse(null), d.hazard().map(HazardId::value).orElse(null),
                    d.failedMeasure().map(ControlMeasureId::value).orElse(null));
        }
    }

    private static final String LEVEL = "l:";

    /**
     * The keys a found hidden danger (reported on r) takes from its risk point as stored now, as the analytics
     * module's {@code HiddenDangerFact.from} joins them: the accident types and hazard class of the named hazard, the
     * control level of the failed measure (on that hazard, else the risk point's first measure of that id), else
     * {@code l:} (the hidden danger's own unit's level).
     */
    static List<Key> pointKeys(LocalDate r, @Nullable RiskPoint p, Link link) {
        List<Key> out = new ArrayList<>(4);
        String level = "";
        if (p != null && link.point() != null && p.id().value().equals(link.point())) {
            Optional<Hazard> hazard = link.hazard() == null ? Optional.empty() : p.hazard(HazardId.of(link.hazard()));
            if (hazard.isPresent()) {
                for (AccidentType t : AccidentType.values()) { // enum order: the same text for the same set
                    if (hazard.get().accidentTypes().contains(t)) {
                        out.add(new Key("found", r, r, "a:" + code("accident type", t.code()), 0));
                    }
                }
                out.add(new Key("found", r, r, "h:" + code("hazard class", hazard.get().category().hazardClass().code()), 0));
            }
            if (link.measure() != null) {
                ControlMeasureId m = ControlMeasureId.of(link.measure());
                Optional<ControlMeasure> measure = hazard.flatMap(h -> h.measure(m));
                if (measure.isEmpty()) {
                    measure = p.hazards().stream().flatMap(h -> h.measure(m).stream()).findFirst();
                }
                if (measure.isPresent()) {
                    level = code("control level", measure.get().controlLevel().code());
                }
            }
        }
        out.add(new Key("found", r, r, LEVEL + level, 0));
        return out;
    }

    /** Whether a key is one {@link #pointKeys} makes. */
    private static boolean isPointKey(Key k) {
        return k.metric().equals("found") && (k.dim().startsWith("a:") || k.dim().startsWith("h:")
                || k.dim().startsWith(LEVEL));
    }

    /** A member's keys with those of its risk point taken again from {@code p} (null: not stored). */
    static List<Key> repoint(List<Key> keys, @Nullable RiskPoint p, Link link) {
        List<Key> out = new ArrayList<>(keys.size());
        LocalDate r = null;
        for (Key k : keys) {
            if (isPointKey(k)) {
                continue;
            }
            if (k.metric().equals("found") && k.dim().startsWith("g:")) {
                r = k.day1();
            }
            out.add(k);
        }
        if (r != null) {
            out.addAll(pointKeys(r, p, link));
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

    private static final String MEMBER = "SELECT unit_id, contribution, risk_point_id, hazard_id, measure_id FROM"
            + " dp_danger_tally_member WHERE tenant_id = ? AND danger_id = ?";

    /** The unit's tree rows: its ancestors (itself first or not: any order) with its own level. */
    private record Up(String ancestor, String level) {
    }

    /**
     * Called by the hidden-danger save, after the row was written, in its transaction: takes back the previous
     * version's contribution and adds the new one, to the units' counters and to the roll-ups of their ancestors.
     *
     * @param c the save's connection
     * @param next the version saved
     * @param expectedVersion the version it replaced (0 for a new hidden danger: nothing to take back)
     * @throws SQLException on failure
     */
    public void saved(Connection c, HiddenDanger next, long expectedVersion) throws SQLException {
        String id = next.id().value();
        String unit = next.unit().value();
        Link link = Link.of(next);
        RiskPoint point = link.point() == null ? null : points.find(c, link.point()).orElse(null);
        List<Key> now = contribution(next, zone, point);
        String nowText = text(now);
        String oldUnit = null;
        String oldText = null;
        if (expectedVersion > 0 && dialect == Dialect.POSTGRESQL) {
            // one round trip: the previous contribution read and the new one written (both see the same snapshot)
            try (PreparedStatement ps = c.prepareStatement(SWAP_PG)) {
                ps.setString(1, tx.tenant());
                ps.setString(2, id);
                ps.setString(3, tx.tenant());
                ps.setString(4, id);
                ps.setString(5, unit);
                ps.setString(6, nowText);
                ps.setString(7, link.point());
                ps.setString(8, link.hazard());
                ps.setString(9, link.measure());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        oldUnit = rs.getString(1);
                        oldText = rs.getString(2);
                    }
                }
            }
        } else {
            boolean member = false;
            if (expectedVersion > 0) {
                try (PreparedStatement ps = c.prepareStatement(MEMBER)) {
                    ps.setString(1, tx.tenant());
                    ps.setString(2, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            member = true;
                            oldUnit = rs.getString(1);
                            oldText = rs.getString(2);
                            if (oldUnit.equals(unit) && oldText.equals(nowText)
                                    && link.equals(new Link(rs.getString(3), rs.getString(4), rs.getString(5)))) {
                                return; // the same contribution and link: nothing to write
                            }
                        }
                    }
                }
            }
            writeMember(c, id, unit, nowText, link, member);
        }
        if (unit.equals(oldUnit) && nowText.equals(oldText)) {
            return; // the same contribution: no counter moves
        }
        Map<String, List<Up>> tree = tree(c, oldUnit == null ? List.of(unit) : List.of(unit, oldUnit));
        Map<Counter, long[]> delta = new TreeMap<>();
        Map<Counter, long[]> up = new TreeMap<>();
        if (oldUnit != null && oldText != null) {
            List<Key> old = parse(oldText);
            add(delta, oldUnit, old, -1);
            addUp(up, tree.get(oldUnit), old, -1);
        }
        add(delta, unit, now, 1);
        addUp(up, tree.get(unit), now, 1);
        write(c, delta, OWN);
        write(c, up, TREE);
    }

    /**
     * Called by a risk point's save, after its row was written, in its transaction: the hidden dangers whose member
     * row names it are counted again under its new version (accident types, hazard class, control level).
     *
     * @param c the save's connection
     * @param next the version saved
     * @return how many hidden dangers' counts moved
     * @throws SQLException on failure
     */
    public int riskPointSaved(Connection c, RiskPoint next) throws SQLException {
        record Member(String id, String unit, String text, Link link) {
        }
        List<Member> members = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT danger_id, unit_id, contribution, hazard_id, measure_id"
                + " FROM dp_danger_tally_member WHERE tenant_id = ? AND risk_point_id = ? ORDER BY danger_id FOR UPDATE")) {
            ps.setString(1, tx.tenant());
            ps.setString(2, next.id().value());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    members.add(new Member(rs.getString(1), rs.getString(2), rs.getString(3),
                            new Link(next.id().value(), rs.getString(4), rs.getString(5))));
                }
            }
        }
        Map<Counter, long[]> delta = new TreeMap<>();
        Map<Counter, long[]> up = new TreeMap<>();
        List<String[]> changed = new ArrayList<>();
        java.util.Set<String> units = new java.util.TreeSet<>();
        members.forEach(m -> units.add(m.unit()));
        Map<String, List<Up>> tree = tree(c, units);
        for (Member m : members) {
            List<Key> old = parse(m.text());
            List<Key> now = repoint(old, next, m.link());
            String nowText = text(now);
            if (nowText.equals(m.text())) {
                continue;
            }
            add(delta, m.unit(), old, -1);
            addUp(up, tree.get(m.unit()), old, -1);
            add(delta, m.unit(), now, 1);
            addUp(up, tree.get(m.unit()), now, 1);
            changed.add(new String[] {m.id(), nowText});
        }
        if (changed.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE dp_danger_tally_member SET contribution = ? WHERE"
                + " tenant_id = ? AND danger_id = ?")) {
            for (String[] x : changed) {
                ps.setString(1, x[1]);
                ps.setString(2, tx.tenant());
                ps.setString(3, x[0]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        write(c, delta, OWN);
        write(c, up, TREE);
        return changed.size();
    }

    /**
     * Called by the organisation's save, after its row was written, in its transaction: writes the tree the roll-ups
     * follow (each unit with each of its ancestors and its level) and rebuilds the roll-ups from the units' own
     * counters, in SQL (a reorganisation moves sub-trees' counts, a unit's new level moves its {@code l:} counts).
     *
     * @param c the save's connection
     * @param org the organisation saved
     * @throws SQLException on failure
     */
    public void organizationSaved(Connection c, Organization org) throws SQLException {
        delete(c, "dp_danger_tally_unit");
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO dp_danger_tally_unit (tenant_id, unit_id, ancestor_id,"
                + " unit_level) VALUES (?, ?, ?, ?)")) {
            int n = 0;
            for (OrgUnit u : org.units()) {
                String level = code("control level", u.level().code());
                for (OrgUnit a : org.selfAndAncestors(u.id())) {
                    ps.setString(1, tx.tenant());
                    ps.setString(2, u.id().value());
                    ps.setString(3, a.id().value());
                    ps.setString(4, level);
                    ps.addBatch();
                    if (++n % 1000 == 0) {
                        ps.executeBatch();
                    }
                }
            }
            if (n % 1000 != 0) {
                ps.executeBatch();
            }
        }
        rebuildTree(c);
    }

    /** The roll-ups summed again from the units' own counters along the tree, in one statement. */
    private void rebuildTree(Connection c) throws SQLException {
        delete(c, TREE);
        String dim = "CASE WHEN t.dim = 'l:' THEN CONCAT('l:', u.unit_level) ELSE t.dim END";
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO dp_danger_tally_tree (tenant_id, unit_id, metric, day1,"
                + " day2, dim, n, s) SELECT t.tenant_id, u.ancestor_id, t.metric, t.day1, t.day2, " + dim + ", SUM(t.n),"
                + " SUM(t.s) FROM dp_danger_tally t JOIN dp_danger_tally_unit u ON u.tenant_id = t.tenant_id AND u.unit_id"
                + " = t.unit_id WHERE t.tenant_id = ? GROUP BY t.tenant_id, u.ancestor_id, t.metric, t.day1, t.day2, " + dim
                + " HAVING SUM(t.n) <> 0 OR SUM(t.s) <> 0")) {
            ps.setString(1, tx.tenant());
            ps.executeUpdate();
        }
    }

    private void delete(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE tenant_id = ?")) {
            ps.setString(1, tx.tenant());
            ps.executeUpdate();
        }
    }

    /** The tree rows of some units (a unit not in the organisation has none: it rolls up nowhere). */
    private Map<String, List<Up>> tree(Connection c, Collection<String> units) throws SQLException {
        Map<String, List<Up>> out = new HashMap<>();
        if (units.isEmpty()) {
            return out;
        }
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < units.size(); i++) {
            in.append(i == 0 ? "?" : ", ?");
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT unit_id, ancestor_id, unit_level FROM dp_danger_tally_unit"
                + " WHERE tenant_id = ? AND unit_id IN (" + in + ")")) {
            int i = 1;
            ps.setString(i++, tx.tenant());
            for (String u : units) {
                ps.setString(i++, u);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Up(rs.getString(2), rs.getString(3)));
                }
            }
        }
        return out;
    }

    /** The whole tree of this tenant. */
    private Map<String, List<Up>> tree(Connection c) throws SQLException {
        Map<String, List<Up>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT unit_id, ancestor_id, unit_level FROM dp_danger_tally_unit"
                + " WHERE tenant_id = ?")) {
            ps.setString(1, tx.tenant());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Up(rs.getString(2), rs.getString(3)));
                }
            }
        }
        return out;
    }

    /**
     * Counts hidden dangers imported as new in the import's transaction: their member rows and their contributions
     * to the counters and the roll-ups, in batches.
     *
     * @param c the import's connection
     * @param dangers the hidden dangers just stored (none was stored before)
     * @throws SQLException on failure
     */
    public void imported(Connection c, List<HiddenDanger> dangers) throws SQLException {
        Map<Counter, long[]> delta = new TreeMap<>();
        Map<Counter, long[]> up = new TreeMap<>();
        members(c, dangers, delta, up, tree(c), new HashMap<>());
        write(c, delta, OWN);
        write(c, up, TREE);
    }

    /**
     * Inserts the member rows of hidden dangers not counted yet, in batches, and adds their contributions to
     * {@code counters} (and to {@code up} along {@code tree}, when given).
     */
    private void members(Connection c, List<HiddenDanger> dangers, Map<Counter, long[]> counters,
            @Nullable Map<Counter, long[]> up, Map<String, List<Up>> tree, Map<String, Optional<RiskPoint>> register)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO dp_danger_tally_member (unit_id, contribution,"
                + " risk_point_id, hazard_id, measure_id, tenant_id, danger_id) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (HiddenDanger d : dangers) {
                Link link = Link.of(d);
                RiskPoint point = null;
                if (link.point() != null) {
                    Optional<RiskPoint> p = register.get(link.point());
                    if (p == null) {
                        p = points.find(c, link.point());
                        register.put(link.point(), p);
                    }
                    point = p.orElse(null);
                }
                List<Key> keys = contribution(d, zone, point);
                add(counters, d.unit().value(), keys, 1);
                if (up != null) {
                    addUp(up, tree.get(d.unit().value()), keys, 1);
                }
                ps.setString(1, d.unit().value());
                ps.setString(2, text(keys));
                ps.setString(3, link.point());
                ps.setString(4, link.hazard());
                ps.setString(5, link.measure());
                ps.setString(6, tx.tenant());
                ps.setString(7, d.id().value());
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
            + " unit_id, contribution, risk_point_id, hazard_id, measure_id) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT"
            + " (tenant_id, danger_id) DO UPDATE SET unit_id = EXCLUDED.unit_id, contribution = EXCLUDED.contribution,"
            + " risk_point_id = EXCLUDED.risk_point_id, hazard_id = EXCLUDED.hazard_id, measure_id = EXCLUDED.measure_id)"
            + " SELECT unit_id, contribution FROM old";

    /** The unit id of the tenant's roll-up counters (an org unit's id is never blank). */
    public static final String ALL_UNITS = "";

    /** The units' own counters (and the tenant's roll-up). */
    private static final String OWN = "dp_danger_tally";

    /** The roll-ups per sub-tree. */
    private static final String TREE = "dp_danger_tally_tree";

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

    /** Adds the keys to the roll-up of each of the unit's tree rows, {@code l:} read as the unit's level. */
    private static void addUp(Map<Counter, long[]> up, @Nullable List<Up> ups, List<Key> keys, int sign) {
        if (ups == null) {
            return;
        }
        for (Up a : ups) {
            for (Key k : keys) {
                String dim = k.dim().equals(LEVEL) ? LEVEL + a.level() : k.dim();
                long[] v = up.computeIfAbsent(new Counter(a.ancestor(), k.metric(), k.day1(), k.day2(), dim), x -> new long[2]);
                v[0] += sign;
                v[1] += sign * k.s();
            }
        }
    }

    private String upsert(String table) {
        String cols = "tenant_id, unit_id, metric, day1, day2, dim, n, s";
        switch (dialect) {
            case POSTGRESQL:
                return "INSERT INTO " + table + " (" + cols + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id,"
                        + " unit_id, metric, day1, day2, dim) DO UPDATE SET n = " + table + ".n + EXCLUDED.n,"
                        + " s = " + table + ".s + EXCLUDED.s";
            case MYSQL:
                return "INSERT INTO " + table + " (" + cols + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
                        + " n = n + VALUES(n), s = s + VALUES(s)";
            default:
                return "MERGE INTO " + table + " t USING (VALUES (CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(128)),"
                        + " CAST(? AS VARCHAR(16)), CAST(? AS DATE), CAST(? AS DATE), CAST(? AS VARCHAR(64)), CAST(? AS BIGINT),"
                        + " CAST(? AS BIGINT))) AS v(" + cols + ") ON t.tenant_id = v.tenant_id AND t.unit_id = v.unit_id"
                        + " AND t.metric = v.metric AND t.day1 = v.day1 AND t.day2 = v.day2 AND t.dim = v.dim"
                        + " WHEN MATCHED THEN UPDATE SET n = t.n + v.n, s = t.s + v.s"
                        + " WHEN NOT MATCHED THEN INSERT (" + cols + ") VALUES (v.tenant_id, v.unit_id, v.metric, v.day1,"
                        + " v.day2, v.dim, v.n, v.s)";
        }
    }

    /** Adds the non-zero deltas, in key order, in one batch. */
    private void write(Connection c, Map<Counter, long[]> delta, String table) throws SQLException {
        int n = 0;
        PreparedStatement ps = null;
        try {
            for (Map.Entry<Counter, long[]> e : delta.entrySet()) {
                long[] v = e.getValue();
                if (v[0] == 0 && v[1] == 0) {
                    continue;
                }
                if (ps == null) {
                    ps = c.prepareStatement(upsert(table));
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
            if (ps != null && n % 1000 != 0) {
                ps.executeBatch();
            }
        } finally {
            if (ps != null) {
                ps.close();
            }
        }
    }

    private void writeMember(Connection c, String id, String unit, String text, Link link, boolean exists)
            throws SQLException {
        String sql = exists ? "UPDATE dp_danger_tally_member SET unit_id = ?, contribution = ?, risk_point_id = ?,"
                + " hazard_id = ?, measure_id = ? WHERE tenant_id = ? AND danger_id = ?"
                : "INSERT INTO dp_danger_tally_member (unit_id, contribution, risk_point_id, hazard_id, measure_id,"
                + " tenant_id, danger_id) VALUES (?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, unit);
            ps.setString(2, text);
            ps.setString(3, link.point());
            ps.setString(4, link.hazard());
            ps.setString(5, link.measure());
            ps.setString(6, tx.tenant());
            ps.setString(7, id);
            ps.executeUpdate();
        }
    }

    /** The read: one branch per metric, each a range of day1 within the units, summed per metric and dim. */
    private static String read(String table, int units) {
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < units; i++) {
            in.append(i == 0 ? "?" : ", ?");
        }
        String base = "SELECT metric, dim, SUM(n), SUM(s) FROM " + table + " WHERE tenant_id = ? AND unit_id IN (" + in
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
        return read(OWN, units, first, last, asOf);
    }

    /**
     * The sums of one period over a unit with all its sub-units, from its roll-up counters (see
     * {@code JdbcStorage.talliesOf}).
     *
     * @param unit the unit id
     * @param first the period's first day
     * @param last the period's last day
     * @param asOf the day the figures are taken
     * @return the sums
     */
    public PeriodTally readTree(String unit, LocalDate first, LocalDate last, LocalDate asOf) {
        return read(TREE, List.of(unit), first, last, asOf);
    }

    private PeriodTally read(String table, Collection<String> units, LocalDate first, LocalDate last, LocalDate asOf) {
        List<String> us = List.copyOf(units);
        if (us.isEmpty()) {
            return PeriodTally.EMPTY;
        }
        return tx.read("read the hidden-danger tallies", c -> {
            Map<String, Map<String, long[]>> sums = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(read(table, us.size()))) {
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
     * store written before V7 or V8, by imports, or by nodes that did not keep tallies. The tree of the roll-ups is
     * written from {@code org} (the stored organisation), the roll-ups summed from the units' counters.
     *
     * @param dangers the repository to page through
     * @param org the stored organisation, if any (none: no roll-up per sub-tree)
     * @return how many hidden dangers were counted
     */
    @SuppressWarnings("NullAway") // a SqlWork<Void> returns null: no result
    public long rebuild(JdbcHiddenDangerRepository dangers, Optional<Organization> org) {
        return tx.unit("rebuild the hidden-danger tallies", () -> {
            tx.write("clear the hidden-danger tallies", c -> {
                for (String t : List.of(OWN, "dp_danger_tally_member", TREE, "dp_danger_tally_unit")) {
                    delete(c, t);
                }
                return null;
            });
            Map<Counter, long[]> counters = new TreeMap<>();
            Map<String, Optional<RiskPoint>> register = new HashMap<>();
            long count = 0;
            PageRequest page = PageRequest.first(2000);
            while (true) {
                Page<HiddenDanger> p = dangers.find(HiddenDangerQuery.all(), page);
                List<HiddenDanger> items = p.items();
                tx.write("count " + items.size() + " hidden dangers", c -> {
                    members(c, items, counters, null, Map.of(), register);
                    return null;
                });
                count += items.size();
                if (p.next().isEmpty()) {
                    break;
                }
                page = PageRequest.after(p.next().get(), 2000);
            }
            tx.write("write the hidden-danger tallies", c -> {
                write(c, counters, OWN);
                if (org.isPresent()) {
                    organizationSaved(c, org.get());
                }
                return null;
            });
            return count;
        });
    }
}
