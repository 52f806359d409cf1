package org.dualprevention.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.engine.closedloop.AuditChain;
import org.dualprevention.json.HiddenDangerJson;
import org.dualprevention.json.JsonImportException;
import org.dualprevention.spi.AuditKeyProvider;
import org.dualprevention.danger.ChainVerification;
import org.dualprevention.jdbc.CorruptRecord;
import org.dualprevention.internal.IsoTimes;
import org.dualprevention.jdbc.CorruptRecordException;
import org.dualprevention.jdbc.Dialect;
import org.dualprevention.jdbc.JdbcStorageException;
import org.dualprevention.query.HiddenDangerQuery;
import org.dualprevention.query.Page;
import org.dualprevention.query.PageRequest;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.spi.HiddenDangerRepository;
import org.jspecify.annotations.Nullable;

/**
 * Hidden dangers in {@code dp_hidden_danger}, each save together with its audit entry in
 * {@code dp_audit_entry}.
 *
 * <p>The read path is the snapshot: {@code doc} holds the hidden danger in its dualprevention-json form
 * ({@link HiddenDangerJson}), written in the same statement as the row and the same transaction as its audit entry. A
 * load (one hidden danger, or one page of a query) reads the rows joined with their head audit entries in one
 * statement and checks each snapshot against its head ({@link AuditChain#checkSnapshot}: id, version, audit head, the
 * head's own hash and the state hash it binds), then every query column against the snapshot; any disagreement is a
 * {@link CorruptRecordException}, never served. So a load costs the same at any chain length. A row without a snapshot
 * (written before release 0.2) or whose head binds no state (format 1) is loaded by replaying its whole chain, as
 * before; {@link #fillSnapshots()} writes the missing snapshots. Full verification ({@link #corruptRecords()}, the
 * engine's {@code verifyAuditChain} and store verification, imports) replays every chain.
 *
 * <p>Order of results: overdue queries by (deadline, id), reported-window queries by (reported time, id),
 * every other query by id, so that each hot query walks one index in order.
 *
 * @since 0.1
 */
public final class JdbcHiddenDangerRepository implements HiddenDangerRepository {
    private static final Set<HiddenDangerState> OPEN = openStates();

    private final Transactions tx;
    private final DocTable<HiddenDanger> table;
    private final @Nullable AuditKeyProvider keys;
    private volatile @Nullable Tallies tallies;

    /**
     * Creates the repository without keys.
     *
     * @param tx transactions
     * @param codec codec
     * @param dialect dialect
     */
    public JdbcHiddenDangerRepository(Transactions tx, JsonCodec codec, Dialect dialect) {
        this(tx, codec, dialect, null);
    }

    /**
     * Creates the repository.
     *
     * @param tx transactions
     * @param codec codec
     * @param dialect dialect
     * @param keys the host's audit keys, or null: loads, checks and replays then verify keyed entries' HMACs
     */
    public JdbcHiddenDangerRepository(Transactions tx, JsonCodec codec, Dialect dialect, @Nullable AuditKeyProvider keys) {
        this.tx = tx;
        this.keys = keys;
        this.table = new DocTable<>("dp_hidden_danger", dialect, HiddenDanger.class, d -> d.id().value(),
                HiddenDanger::version,
                List.of(new DocTable.Column<>("state", Types.VARCHAR, d -> d.state().code()),
                        new DocTable.Column<>("is_open", Types.BOOLEAN, d -> !d.state().isTerminal()),
                        new DocTable.Column<>("unit_id", Types.VARCHAR, d -> d.unit().value()),
                        new DocTable.Column<>("risk_point_id", Types.VARCHAR, d -> d.riskPoint().map(RiskPointId::value).orElse(null)),
                        new DocTable.Column<>("grade", Types.VARCHAR, d -> d.grade().map(HiddenDangerGrade::code).orElse(null)),
                        new DocTable.Column<>("deadline", Types.DATE, d -> d.deadline().orElse(null)),
                        new DocTable.Column<>("reported_ns", Types.BIGINT, d -> Sql.nanos(d.reportedAt()))),
                codec).documentWith(HiddenDangerJson::toText).tenant(tx.tenant());
    }

    private static Set<HiddenDangerState> openStates() {
        Set<HiddenDangerState> s = EnumSet.noneOf(HiddenDangerState.class);
        for (HiddenDangerState st : HiddenDangerState.values()) {
            if (!st.isTerminal()) {
                s.add(st);
            }
        }
        return s;
    }

    /**
     * Keeps the hidden-danger counters of {@code dp_danger_tally} in the transaction of every save from now on.
     *
     * @param t the counters
     */
    public void keepTallies(Tallies t) {
        this.tallies = Objects.requireNonNull(t, "t");
    }

    /** @return the table mapping (for bulk import) */
    DocTable<HiddenDanger> table() {
        return table;
    }

    @Override
    public Optional<HiddenDanger> find(HiddenDangerId id) {
        Objects.requireNonNull(id, "id");
        return tx.read("find hidden danger [" + id + "]", c -> {
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(FIND)) {
                ps.setString(1, tx.tenant());
                ps.setString(2, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(row(rs));
                    }
                }
            }
            return rows.isEmpty() ? Optional.<HiddenDanger>empty() : Optional.of(load(c, rows).get(0));
        });
    }

    /** The columns a read selects from the row: the key, the version, every query column (each checked) and doc. */
    private static final String ROW = "id, version, state, is_open, unit_id, risk_point_id, grade, deadline, reported_ns, doc";

    /** The same, qualified with the row's alias, followed by the head entry's columns. */
    private static final String ROW_AND_HEAD = "h.id, h.version, h.state, h.is_open, h.unit_id, h.risk_point_id, h.grade,"
            + " h.deadline, h.reported_ns, h.doc, " + JdbcAuditLog.entryColumns("a");

    /** How a row meets its head entry: by primary key (tenant, hidden danger, sequence = version). */
    private static final String HEAD_JOIN = " LEFT JOIN dp_audit_entry a ON a.tenant_id = h.tenant_id AND a.danger_id = h.id"
            + " AND a.seq = h.version";

    /** One hidden danger and its head entry: tenant, id. */
    private static final String FIND = "SELECT " + ROW_AND_HEAD + " FROM dp_hidden_danger h" + HEAD_JOIN
            + " WHERE h.tenant_id = ? AND h.id = ?";

    /** The column index of the head entry's first column in a row read with {@link #ROW_AND_HEAD}. */
    private static final int HEAD = 11;

    /**
     * A row as read: id, version, the query columns by name, the snapshot and the head entry (null when the row has
     * none: no snapshot written yet, or the entry is missing).
     */
    private record Row(String id, long version, Map<String, @Nullable Object> columns, @Nullable String doc,
            @Nullable AuditEntry head, @Nullable CorruptRecordException headProblem) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        Map<String, @Nullable Object> cols = new LinkedHashMap<>();
        String id = rs.getString(1);
        cols.put("state", rs.getString(3));
        boolean open = rs.getBoolean(4);
        cols.put("is_open", rs.wasNull() ? null : open);
        cols.put("unit_id", rs.getString(5));
        cols.put("risk_point_id", rs.getString(6));
        cols.put("grade", rs.getString(7));
        cols.put("deadline", rs.getObject(8, LocalDate.class));
        long reported = rs.getLong(9);
        cols.put("reported_ns", rs.wasNull() ? null : reported);
        String doc = rs.getString(10);
        rs.getLong(HEAD);
        AuditEntry head = null;
        CorruptRecordException problem = null;
        if (!rs.wasNull()) {
            try {
                head = JdbcAuditLog.entry(HiddenDangerId.of(id), rs, HEAD);
            } catch (CorruptRecordException e) {
                problem = e; // reported when the row is served (a page reads one row more than it serves)
            }
        }
        return new Row(id, rs.getLong(2), cols, doc, head, problem);
    }

    /**
     * Checks every query column of a row against the hidden danger its verified chain gives: a column edited
     * outside the library is reported, never trusted.
     */
    private void check(Row row, HiddenDanger d) {
        for (DocTable.Column<HiddenDanger> col : table.columns()) {
            Object expected = col.value().apply(d);
            Object actual = row.columns().get(col.name());
            if (!Objects.equals(expected, actual)) {
                throw new CorruptRecordException(row.id(), 0, col.name(), "The row of hidden danger [" + row.id()
                        + "] is corrupt: column [" + col.name() + "] holds [" + actual + "] but the hidden danger's"
                        + " verified state gives [" + expected + "]; the row was changed outside the library, so it is"
                        + " not served. JdbcStorage.corruptRecords() lists every corrupt record");
            }
        }
    }

    /**
     * Rebuilds a hidden danger from its audit chain, the persistent form ({@link AuditChain#replay}).
     */
    private HiddenDanger replay(String id, long version, @Nullable List<AuditEntry> chain) {
        int n = chain == null ? 0 : chain.size();
        if (chain == null || n != version) {
            throw new JdbcStorageException("Hidden danger [" + id + "] is stored at version [" + version + "] but its audit log"
                    + " holds [" + n + "] entries up to it; the tables were changed outside the library");
        }
        try {
            return AuditChain.replay(chain, keys);
        } catch (IllegalArgumentException e) {
            throw new JdbcStorageException("The stored audit chain of hidden danger [" + id + "] does not replay", e);
        }
    }

    /** The snapshot of a row, read from its JSON form; a document that is not one is reported. */
    private static HiddenDanger snapshot(Row r) {
        try {
            return HiddenDangerJson.fromText(Objects.requireNonNull(r.doc()));
        } catch (JsonImportException e) {
            throw new CorruptRecordException(r.id(), 0, "doc", "The row of hidden danger [" + r.id() + "] is corrupt:"
                    + " column [doc] does not hold a hidden danger (" + e.getMessage() + "); the row was changed outside"
                    + " the library, so it is not served. JdbcStorage.corruptRecords() lists every corrupt record", e);
        }
    }

    /** Whether a row is loaded from its snapshot (it has one and its head entry binds a state). */
    private static boolean fromSnapshot(Row r) {
        AuditEntry head = r.head();
        return r.doc() != null && head != null && head.stateHash().isPresent();
    }

    /**
     * The hidden danger a row's snapshot holds, checked against its head entry ({@link AuditChain#checkSnapshot}).
     */
    private HiddenDanger checkedSnapshot(Row r) {
        AuditEntry head = Objects.requireNonNull(r.head());
        HiddenDanger d = snapshot(r);
        Optional<String> problem = AuditChain.checkSnapshot(d, head, keys);
        if (problem.isPresent()) {
            throw new CorruptRecordException(r.id(), head.sequence(), "doc", "The record of hidden danger [" + r.id()
                    + "] is corrupt: its snapshot (column [doc]) and its head audit entry [#" + head.sequence()
                    + "] disagree: " + problem.get() + ". The tables were changed outside the library, so it is not served;"
                    + " JdbcStorage.corruptRecords() lists every corrupt record");
        }
        return d;
    }

    /**
     * Loads the hidden dangers of rows read with their head entries: each from its snapshot checked against its head
     * entry, a row without a usable snapshot by replaying its chain (one more statement for all of them); then every
     * query column checked against the result.
     */
    private List<HiddenDanger> load(Connection c, List<Row> rows) throws SQLException {
        Map<String, Long> legacy = new LinkedHashMap<>();
        for (Row r : rows) {
            CorruptRecordException headProblem = r.headProblem();
            if (headProblem != null) {
                throw headProblem;
            }
            if (r.head() == null && r.version() > 0) {
                if (r.doc() != null) {
                    throw new CorruptRecordException(r.id(), r.version(), "dp_audit_entry", "The record of hidden danger ["
                            + r.id() + "] is corrupt: it is stored at version [" + r.version() + "] but its audit log has no"
                            + " entry [#" + r.version() + "]; the tables were changed outside the library, so it is not served."
                            + " JdbcStorage.corruptRecords() lists every corrupt record");
                }
                legacy.put(r.id(), r.version());
            } else if (!fromSnapshot(r)) {
                legacy.put(r.id(), r.version());
            }
        }
        Map<String, List<AuditEntry>> chains = legacy.isEmpty() ? Map.of() : JdbcAuditLog.chains(c, tx.tenant(), legacy);
        List<HiddenDanger> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            HiddenDanger d;
            if (legacy.containsKey(r.id())) {
                d = replay(r.id(), r.version(), chains.get(r.id()));
                if (r.doc() != null && !snapshot(r).equals(d)) {
                    throw new CorruptRecordException(r.id(), 0, "doc", "The row of hidden danger [" + r.id() + "] is"
                            + " corrupt: column [doc] is not the state its verified chain gives; the row was changed outside"
                            + " the library, so it is not served. JdbcStorage.corruptRecords() lists every corrupt record");
                }
            } else {
                d = checkedSnapshot(r);
            }
            check(r, d);
            out.add(d);
        }
        return out;
    }

    /**
     * Fully verifies one hidden danger: the snapshot against its head (as every load does), then the whole chain
     * verified and replayed, and the replay equal to the snapshot.
     *
     * @throws CorruptRecordException or JdbcStorageException naming what is wrong
     */
    private void verifyFully(HiddenDangerId id) {
        tx.read("verify hidden danger [" + id + "]", c -> {
            Optional<HiddenDanger> loaded = Optional.empty();
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(FIND)) {
                ps.setString(1, tx.tenant());
                ps.setString(2, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(row(rs));
                    }
                }
            }
            if (rows.isEmpty()) {
                return loaded;
            }
            Row r = rows.get(0);
            HiddenDanger d = load(c, rows).get(0);
            List<AuditEntry> chain = JdbcAuditLog.chains(c, tx.tenant(), Map.of(r.id(), r.version())).get(r.id());
            ChainVerification v = AuditChain.verify(chain == null ? List.of() : chain, d, keys);
            if (!v.isValid()) {
                throw new CorruptRecordException(r.id(), v.firstBadSequence().orElse(0), "", "The audit chain of hidden"
                        + " danger [" + r.id() + "] does not verify: " + v);
            }
            HiddenDanger replayed = replay(r.id(), r.version(), chain);
            if (!replayed.equals(d)) {
                throw new CorruptRecordException(r.id(), 0, "doc", "The row of hidden danger [" + r.id() + "] is corrupt:"
                        + " its snapshot (column [doc]) is not the state its verified chain replays to");
            }
            return Optional.of(d);
        });
    }

    /**
     * Writes the snapshot of every hidden danger that has none (rows written before release 0.2), each from its
     * verified chain, and only if its query columns agree with it; a row saved meanwhile is left as it is (its save
     * wrote the snapshot). A corrupt record is skipped (see {@link #corruptRecords()}).
     *
     * @return how many snapshots were written
     */
    public int fillSnapshots() {
        int filled = 0;
        Optional<String> after = Optional.empty();
        while (true) {
            Optional<String> from = after;
            List<String> ids = tx.read("list hidden dangers without snapshot", c -> {
                Sql.Where w = table.scoped(new Sql.Where());
                w.and("doc IS NULL");
                from.ifPresent(a -> w.and("id > ?", a));
                Sql.Stmt stmt = w.statement("SELECT id FROM " + table.table() + w.sql() + " ORDER BY id LIMIT ?", 200);
                List<String> list = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(stmt.sql())) {
                    stmt.bind(ps);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            list.add(rs.getString(1));
                        }
                    }
                }
                return list;
            });
            for (String id : ids) {
                HiddenDanger d;
                try {
                    d = find(HiddenDangerId.of(id)).orElse(null);
                } catch (CorruptRecordException e) {
                    continue;
                } catch (JdbcStorageException e) {
                    if (e.getCause() instanceof SQLException && !(e.getCause() instanceof java.sql.SQLDataException)) {
                        throw e;
                    }
                    continue;
                }
                if (d == null) {
                    continue;
                }
                HiddenDanger danger = d;
                filled += tx.write("write the snapshot of hidden danger [" + id + "]", c -> {
                    try (PreparedStatement ps = c.prepareStatement("UPDATE " + table.table() + " SET doc = "
                            + (table.dialect() == Dialect.POSTGRESQL ? "CAST(? AS json)" : "?")
                            + " WHERE tenant_id = ? AND id = ? AND version = ? AND doc IS NULL")) {
                        ps.setString(1, HiddenDangerJson.toText(danger));
                        ps.setString(2, tx.tenant());
                        ps.setString(3, id);
                        ps.setLong(4, danger.version());
                        return ps.executeUpdate();
                    }
                });
            }
            if (ids.size() < 200) {
                return filled;
            }
            after = Optional.of(ids.get(ids.size() - 1));
        }
    }

    /**
     * One page of the ids of this tenant's hidden dangers, by id, reading the id column only (so full verification
     * is not stopped by a corrupt row).
     */
    @Override
    public Page<HiddenDangerId> ids(PageRequest page) {
        Objects.requireNonNull(page, "page");
        Optional<String[]> after = Sql.untoken(page.after(), 1);
        return tx.read("list hidden danger ids", c -> {
            List<String> rows = table.rows(c, "id", new Sql.Where(), List.of("id"), after, page.limit(), rs -> rs.getString(1));
            boolean more = rows.size() > page.limit();
            List<HiddenDangerId> ids = new ArrayList<>();
            for (String r : more ? rows.subList(0, page.limit()) : rows) {
                ids.add(HiddenDangerId.of(r));
            }
            Optional<String> next = more ? Optional.of(Sql.token(ids.get(ids.size() - 1).value())) : Optional.empty();
            return Page.of(ids, next);
        });
    }

    /**
     * Every corrupt hidden-danger record, each named, without stopping at the first: snapshots that disagree with
     * their head entry or their chain's replay, rows whose query columns disagree with the verified state, audit
     * entries that cannot be read, chains that do not verify, do not replay or do not reach the stored version. Reads
     * and replays every hidden danger's whole chain (by id, in pages), so it costs a full pass.
     *
     * @return the corrupt records, by hidden danger id
     */
    public List<CorruptRecord> corruptRecords() {
        List<CorruptRecord> out = new ArrayList<>();
        Optional<String> after = Optional.empty();
        while (true) {
            Optional<String> from = after;
            List<String> ids = tx.read("list hidden danger ids", c -> {
                Sql.Where w = table.scoped(new Sql.Where());
                from.ifPresent(a -> w.and("id > ?", a));
                Sql.Stmt stmt = w.statement("SELECT id FROM " + table.table() + w.sql() + " ORDER BY id LIMIT ?", 500);
                List<String> list = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(stmt.sql())) {
                    stmt.bind(ps);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            list.add(rs.getString(1));
                        }
                    }
                }
                return list;
            });
            for (String id : ids) {
                try {
                    verifyFully(HiddenDangerId.of(id));
                } catch (CorruptRecordException e) {
                    out.add(new CorruptRecord(id, e.sequence(), e.column(), String.valueOf(e.getMessage())));
                } catch (JdbcStorageException | IllegalArgumentException e) {
                    if (e instanceof JdbcStorageException && ((JdbcStorageException) e).getCause() instanceof SQLException
                            && !(((JdbcStorageException) e).getCause() instanceof java.sql.SQLDataException)) {
                        throw e;
                    }
                    out.add(new CorruptRecord(id, 0, "", String.valueOf(e.getMessage())));
                }
            }
            if (ids.size() < 500) {
                return out;
            }
            after = Optional.of(ids.get(ids.size() - 1));
        }
    }

    /**
     * Checks a save's arguments (S2, S6).
     *
     * @param next the next state
     * @param expectedVersion the version replaced
     * @param entry its audit entry
     */
    static void check(HiddenDanger next, long expectedVersion, AuditEntry entry) {
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(entry, "entry");
        String id = next.id().value();
        Repos.checkStep("HiddenDanger", id, next.version(), expectedVersion);
        if (!entry.dangerId().equals(next.id()) || entry.sequence() != next.version()) {
            throw new IllegalArgumentException("audit entry [" + entry.dangerId() + " #" + entry.sequence()
                    + "] does not belong to hidden danger [" + id + "] version [" + next.version()
                    + "]; allowed: the entry of the same hidden danger with sequence = next version");
        }
        Sql.nanos(next.reportedAt());
    }

    @Override
    @SuppressWarnings("NullAway") // a SqlWork<Void> returns null: no result
    public void save(HiddenDanger next, long expectedVersion, AuditEntry entry) {
        check(next, expectedVersion, entry);
        String id = next.id().value();
        Repos.save(tx, "save hidden danger [" + id + "]", id, expectedVersion, c -> {
            table.save(c, next, expectedVersion);
            JdbcAuditLog.insert(c, tx.tenant(), List.of(entry));
            Tallies t = tallies;
            if (t != null) {
                t.saved(c, next, expectedVersion); // after the row: a concurrent save of the same id waits on it
            }
            return null;
        }, c -> table.currentVersion(c, id));
    }

    private static Sql.Where where(HiddenDangerQuery q) {
        Sql.Where w = new Sql.Where();
        if (q.states().isPresent()) {
            Set<HiddenDangerState> states = q.states().get();
            if (states.equals(OPEN)) {
                w.and("is_open = TRUE");
            } else {
                if (!states.isEmpty() && OPEN.containsAll(states)) {
                    w.and("is_open = TRUE");
                }
                w.in("state", states.stream().map(HiddenDangerState::code).sorted().collect(Collectors.toList()));
            }
        }
        q.units().ifPresent(u -> w.in("unit_id", u.stream().map(x -> x.value()).sorted().collect(Collectors.toList())));
        if (q.overdueAsOf().isPresent()) {
            w.and("is_open = TRUE");
            w.and("deadline < ?", q.overdueAsOf().get());
        }
        q.riskPoint().ifPresent(r -> w.and("risk_point_id = ?", r.value()));
        q.grades().ifPresent(g -> w.in("grade", g.stream().map(HiddenDangerGrade::code).sorted().collect(Collectors.toList())));
        if (q.reportedFrom().isPresent()) {
            w.and("reported_ns >= ?", Sql.boundNanos(q.reportedFrom().get()));
            w.and("reported_ns < ?", Sql.boundNanos(q.reportedBefore().orElseThrow()));
        }
        return w;
    }

    private static List<String> order(HiddenDangerQuery query) {
        if (query.overdueAsOf().isPresent()) {
            return List.of("deadline", "id");
        }
        if (query.reportedFrom().isPresent()) {
            return List.of("reported_ns", "id");
        }
        return List.of("id");
    }

    private static String[] key(HiddenDangerQuery query, HiddenDanger d) {
        if (query.overdueAsOf().isPresent()) {
            return new String[] {d.deadline().orElseThrow().toString(), d.id().value()};
        }
        if (query.reportedFrom().isPresent()) {
            return new String[] {Long.toString(Sql.nanos(d.reportedAt())), d.id().value()};
        }
        return new String[] {d.id().value()};
    }

    @Override
    public Page<HiddenDanger> find(HiddenDangerQuery query, PageRequest page) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(page, "page");
        List<String> order = order(query);
        Optional<String[]> after = Sql.untoken(page.after(), order.size());
        return tx.read("find hidden dangers " + query, c -> {
            Sql.Where where = where(query);
            List<Row> rows = new ArrayList<>();
            if (!where.matchesNothing()) {
                Sql.Stmt stmt = pageStatement(query, page);
                try (PreparedStatement ps = c.prepareStatement(stmt.sql())) {
                    stmt.bind(ps);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rows.add(row(rs));
                        }
                    }
                }
            }
            boolean more = rows.size() > page.limit();
            List<HiddenDanger> items = load(c, more ? rows.subList(0, page.limit()) : rows);
            Optional<String> next = more ? Optional.of(Sql.token(key(query, items.get(items.size() - 1))))
                    : Optional.empty();
            return Page.of(items, next);
        });
    }

    /**
     * The SQL {@link #find(HiddenDangerQuery, PageRequest)} runs, for {@code EXPLAIN} in tests: one statement per page,
     * the page's rows (snapshot included) in a derived table walking the query's index, each joined with its head audit
     * entry by primary key.
     *
     * @param query the query
     * @param page the page
     * @return the statement
     */
    public Sql.Stmt pageStatement(HiddenDangerQuery query, PageRequest page) {
        List<String> order = order(query);
        Sql.Stmt inner = table.pageStatement("tenant_id, " + ROW, where(query), order,
                Sql.untoken(page.after(), order.size()), page.limit());
        return new Sql.Stmt("SELECT " + ROW_AND_HEAD + " FROM (" + inner.sql() + ") h" + HEAD_JOIN + " ORDER BY "
                + order.stream().map(col -> "h." + col).collect(Collectors.joining(", ")), inner.params());
    }

    @Override
    public long count(HiddenDangerQuery query) {
        Objects.requireNonNull(query, "query");
        return tx.read("count hidden dangers " + query, c -> table.count(c, where(query)));
    }

    /**
     * Inserts new hidden dangers and their whole audit chains in one transaction: each item checked by
     * {@code check} before the transaction can commit. With JDBC batches every item is checked first; through
     * PostgreSQL's COPY the checks run on other threads while the items are streamed, so the server stores the
     * batch while this side checks it (a failed check abandons the COPY, this throws it, and the caller's
     * transaction rolls back: nothing is stored).
     *
     * @param c the connection, in a transaction
     * @param dangers the hidden dangers (not stored yet)
     * @param chains their audit chains, same order
     * @param check the check of item i, throwing {@link IllegalArgumentException} to refuse the batch
     * @throws SQLException on failure (a duplicate id included)
     */
    void insertBatch(Connection c, List<HiddenDanger> dangers, List<List<AuditEntry>> chains, IntConsumer check)
            throws SQLException {
        if (table.dialect() == Dialect.POSTGRESQL) {
            Optional<PgCopy> copy = PgCopy.of(c);
            if (copy.isPresent()) {
                copyBatch(copy.get(), dangers, chains, check);
                return;
            }
        }
        for (int i = 0; i < dangers.size(); i++) {
            check.accept(i);
        }
        table.insertBatch(c, dangers);
        List<AuditEntry> all = new ArrayList<>();
        chains.forEach(all::addAll);
        JdbcAuditLog.insert(c, tx.tenant(), all);
    }

    /** The columns of a hidden danger's row as COPY writes them. */
    private static final String COPY_ROW = "tenant_id, id, version, state, is_open, unit_id, risk_point_id, grade, deadline,"
            + " reported_ns, doc";

    /** The columns of an audit entry as COPY writes them. */
    private static final String COPY_ENTRY = "tenant_id, danger_id, seq, actor_id, at_text, action, state_before, state_after,"
            + " data, previous_hash, hash, entry_format, state_hash, key_id";

    /**
     * The same as the JDBC batches, through PostgreSQL's COPY, all in the caller's transaction, with the checks run
     * on other threads ({@link Checks}) while this one encodes and streams: the audit entries of every item, then
     * the rows with their snapshots. Nothing is committed before every check has passed: the caller's transaction
     * commits only after this returns, which waits for the checks and throws the first refusal (a refusal stops the
     * streaming early; the caller then rolls back and nothing of the batch is stored).
     */
    private void copyBatch(PgCopy copy, List<HiddenDanger> dangers, List<List<AuditEntry>> chains, IntConsumer check)
            throws SQLException {
        Checks checks = Checks.start(dangers.size(), check);
        try {
            StringBuilder rows = new StringBuilder(dangers.size() * 1024);
            List<@Nullable Object> row = new ArrayList<>(16);
            PgCopy.Stream entries = copy.open("dp_audit_entry", COPY_ENTRY);
            try {
                for (int i = 0; i < dangers.size(); i++) {
                    if (checks.refused()) {
                        break; // the refusal is thrown below
                    }
                    for (AuditEntry e : chains.get(i)) {
                        row.clear();
                        row.add(tx.tenant());
                        row.add(e.dangerId().value());
                        row.add(e.sequence());
                        row.add(e.actor().value());
                        row.add(IsoTimes.format(e.at()));
                        row.add(e.action().code());
                        row.add(e.stateBefore().map(HiddenDangerState::code).orElse(null));
                        row.add(e.stateAfter().code());
                        row.add(e.data());
                        row.add(e.previousHash());
                        row.add(e.hash());
                        row.add(e.format());
                        row.add(e.stateHash().orElse(null));
                        row.add(e.keyId().orElse(null));
                        entries.row(row);
                    }
                    HiddenDanger d = dangers.get(i);
                    row.clear();
                    row.add(tx.tenant());
                    row.add(d.id().value());
                    row.add(d.version());
                    for (DocTable.Column<HiddenDanger> col : table.columns()) {
                        row.add(col.value().apply(d));
                    }
                    row.add(HiddenDangerJson.toText(d));
                    PgCopy.csvRow(rows, row);
                }
                if (!checks.refused()) {
                    entries.end();
                }
            } finally {
                entries.cancel();
            }
            if (!checks.refused()) {
                copy.copyCsv(table.table(), COPY_ROW, rows);
            }
        } catch (SQLException | RuntimeException e) {
            checks.awaitRefusal(); // a refusal is the answer even if the COPY failed too (it came first in order)
            throw e;
        }
        checks.await();
    }

    /**
     * The checks of an import's items, run on their own threads (one per core, at most 4, item i on thread
     * i mod threads, each in order) while the importing thread streams the items through COPY. The refusal thrown is
     * that of the lowest refused item, as if checked in order: after a refusal at item r the threads still check
     * every item below r and skip the rest. {@link #await()} rethrows it on the importing thread. Small batches are
     * checked inline before anything is sent.
     */
    private static final class Checks {
        private static final int INLINE = 32;
        private final int n;
        private final IntConsumer check;
        private volatile boolean stop;
        /** The lowest refused item so far (n: none), with its failure; guarded by {@code this}. */
        private volatile int refusedAt;
        private @Nullable Throwable refusal;
        private final List<Thread> threads = new ArrayList<>();

        private Checks(int n, IntConsumer check, int count) {
            this.n = n;
            this.check = check;
            this.refusedAt = n;
            if (count == 0) {
                run(0, 1);
                return;
            }
            for (int k = 0; k < count; k++) {
                int first = k;
                Thread t = new Thread(() -> run(first, count), "dualprevention-import-checks-" + k);
                t.setDaemon(true);
                t.setContextClassLoader(Thread.currentThread().getContextClassLoader());
                threads.add(t);
            }
            threads.forEach(Thread::start);
        }

        static Checks start(int n, IntConsumer check) {
            int count = n <= INLINE ? 0 : Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
            return new Checks(n, check, count);
        }

        private void run(int first, int step) {
            for (int i = first; i < n && !stop && i < refusedAt; i += step) {
                try {
                    check.accept(i);
                } catch (Throwable t) { // rethrown on the importing thread
                    synchronized (this) {
                        if (i < refusedAt) {
                            refusedAt = i;
                            refusal = t;
                        }
                    }
                    return;
                }
            }
        }

        /** @return whether a check has failed (the import stops) */
        boolean refused() {
            return refusedAt < n;
        }

        /** Waits for every check and rethrows the failure of the lowest refused item, as the check threw it. */
        void await() {
            join();
            Throwable t;
            synchronized (this) {
                t = refusal;
            }
            if (t instanceof RuntimeException) {
                throw (RuntimeException) t;
            }
            if (t instanceof Error) {
                throw (Error) t;
            }
            if (t != null) {
                throw new IllegalStateException("an import check failed", t);
            }
        }

        /** After a failure of the COPY: stops the checks, and rethrows a refusal if one came. */
        void awaitRefusal() {
            stop = true;
            join();
            if (refused()) {
                await();
            }
        }

        private void join() {
            boolean interrupted = false;
            for (Thread t : threads) {
                while (true) {
                    try {
                        t.join();
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true; // the checks are short: finish waiting, keep the interrupt
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Bulk-imports hidden dangers with their audit chains (see {@code JdbcStorage.importHiddenDangers}).
     *
     * @param dangers hidden dangers
     * @param chains their chains, same order
     * @param check the full check of item i (chain verified and replayed), throwing {@link IllegalArgumentException}
     *     to refuse the whole batch; run before the item is written
     * @return how many were stored
     */
    public int importBatch(List<HiddenDanger> dangers, List<List<AuditEntry>> chains, IntConsumer check) {
        for (int i = 0; i < dangers.size(); i++) {
            HiddenDanger d = dangers.get(i);
            List<AuditEntry> chain = chains.get(i);
            if (chain.size() != d.version()) {
                throw new IllegalArgumentException("hidden danger [" + d.id() + "] is at version [" + d.version() + "] but has ["
                        + chain.size() + "] audit entries; allowed: one entry per version");
            }
            for (int s = 0; s < chain.size(); s++) {
                AuditEntry e = chain.get(s);
                if (!e.dangerId().equals(d.id()) || e.sequence() != s + 1) {
                    throw new IllegalArgumentException("audit entry [" + e.dangerId() + " #" + e.sequence() + "] at position ["
                            + s + "] of hidden danger [" + d.id() + "]; allowed: its own entries numbered 1, 2, …");
                }
            }
            Sql.nanos(d.reportedAt());
        }
        return tx.write("import " + dangers.size() + " hidden dangers", c -> {
            try {
                insertBatch(c, dangers, chains, check);
                Tallies t = tallies;
                if (t != null) {
                    t.imported(c, dangers); // counted in the import's transaction, as a save is
                }
            } catch (SQLException e) {
                if (Transactions.isDuplicateKey(e)) {
                    throw new IllegalArgumentException("an imported hidden danger is stored already; nothing of this batch"
                            + " was imported", e);
                }
                throw e;
            }
            return dangers.size();
        });
    }
}
