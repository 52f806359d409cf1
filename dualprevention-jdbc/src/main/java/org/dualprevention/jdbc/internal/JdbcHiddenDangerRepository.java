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
import java.util.stream.Collectors;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.engine.closedloop.AuditChain;
import org.dualprevention.jdbc.CorruptRecord;
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
 * <p>A hidden danger is loaded by replaying its audit chain ({@link AuditChain#replay}), the persistent form
 * of the danger model, so what is read is always exactly what the audit log says (and a chain edited
 * outside the library fails to load). The JSON document column is a projection for hosts.
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

    /**
     * Creates the repository.
     *
     * @param tx transactions
     * @param codec codec
     * @param dialect dialect
     */
    public JdbcHiddenDangerRepository(Transactions tx, JsonCodec codec, Dialect dialect) {
        this.tx = tx;
        this.table = new DocTable<>("dp_hidden_danger", dialect, HiddenDanger.class, d -> d.id().value(),
                HiddenDanger::version,
                List.of(new DocTable.Column<>("state", Types.VARCHAR, d -> d.state().code()),
                        new DocTable.Column<>("is_open", Types.BOOLEAN, d -> !d.state().isTerminal()),
                        new DocTable.Column<>("unit_id", Types.VARCHAR, d -> d.unit().value()),
                        new DocTable.Column<>("risk_point_id", Types.VARCHAR, d -> d.riskPoint().map(RiskPointId::value).orElse(null)),
                        new DocTable.Column<>("grade", Types.VARCHAR, d -> d.grade().map(HiddenDangerGrade::code).orElse(null)),
                        new DocTable.Column<>("deadline", Types.DATE, d -> d.deadline().orElse(null)),
                        new DocTable.Column<>("reported_ns", Types.BIGINT, d -> Sql.nanos(d.reportedAt()))),
                codec).documentIsProjection().tenant(tx.tenant());
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

    /** @return the table mapping (for bulk import) */
    DocTable<HiddenDanger> table() {
        return table;
    }

    @Override
    public Optional<HiddenDanger> find(HiddenDangerId id) {
        Objects.requireNonNull(id, "id");
        return tx.read("find hidden danger [" + id + "]", c -> {
            Sql.Where w = table.scoped(new Sql.Where());
            w.and("id = ?", id.value());
            List<Row> rows = new ArrayList<>();
            Sql.Stmt stmt = w.statement("SELECT " + ROW + " FROM " + table.table() + w.sql());
            try (PreparedStatement ps = c.prepareStatement(stmt.sql())) {
                stmt.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(row(rs));
                    }
                }
            }
            return rows.isEmpty() ? Optional.<HiddenDanger>empty() : Optional.of(load(c, rows).get(0));
        });
    }

    /** The columns a read selects: the key, the version and every query column (each checked on read). */
    private static final String ROW = "id, version, state, is_open, unit_id, risk_point_id, grade, deadline, reported_ns";

    /** A row as read: id, version and the query columns by name. */
    private record Row(String id, long version, Map<String, @Nullable Object> columns) {
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
        return new Row(id, rs.getLong(2), cols);
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
    private static HiddenDanger replay(String id, long version, @Nullable List<AuditEntry> chain) {
        int n = chain == null ? 0 : chain.size();
        if (chain == null || n != version) {
            throw new JdbcStorageException("Hidden danger [" + id + "] is stored at version [" + version + "] but its audit log"
                    + " holds [" + n + "] entries up to it; the tables were changed outside the library");
        }
        try {
            return AuditChain.replay(chain);
        } catch (IllegalArgumentException e) {
            throw new JdbcStorageException("The stored audit chain of hidden danger [" + id + "] does not replay", e);
        }
    }

    private List<HiddenDanger> load(Connection c, List<Row> rows) throws SQLException {
        Map<String, Long> versions = new LinkedHashMap<>();
        rows.forEach(r -> versions.put(r.id(), r.version()));
        Map<String, List<AuditEntry>> chains = JdbcAuditLog.chains(c, tx.tenant(), versions);
        List<HiddenDanger> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            HiddenDanger d = replay(r.id(), r.version(), chains.get(r.id()));
            check(r, d);
            out.add(d);
        }
        return out;
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
     * Every corrupt hidden-danger record, each named, without stopping at the first: rows whose query columns
     * disagree with the verified state, audit entries that cannot be read, chains that do not replay or do not
     * reach the stored version. Reads every hidden danger (by id, in pages), so it costs a full pass.
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
                    find(HiddenDangerId.of(id));
                } catch (CorruptRecordException e) {
                    out.add(new CorruptRecord(id, e.sequence().orElse(0), e.column(), String.valueOf(e.getMessage())));
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
            List<Row> rows = table.rows(c, ROW, where(query), order, after, page.limit(),
                    JdbcHiddenDangerRepository::row);
            boolean more = rows.size() > page.limit();
            List<HiddenDanger> items = load(c, more ? rows.subList(0, page.limit()) : rows);
            Optional<String> next = more ? Optional.of(Sql.token(key(query, items.get(items.size() - 1))))
                    : Optional.empty();
            return Page.of(items, next);
        });
    }

    /**
     * The SQL {@link #find(HiddenDangerQuery, PageRequest)} runs, for {@code EXPLAIN} in tests.
     *
     * @param query the query
     * @param page the page
     * @return the statement
     */
    public Sql.Stmt pageStatement(HiddenDangerQuery query, PageRequest page) {
        List<String> order = order(query);
        return table.pageStatement(ROW, where(query), order, Sql.untoken(page.after(), order.size()),
                page.limit());
    }

    @Override
    public long count(HiddenDangerQuery query) {
        Objects.requireNonNull(query, "query");
        return tx.read("count hidden dangers " + query, c -> table.count(c, where(query)));
    }

    /**
     * Inserts new hidden dangers and their whole audit chains in one transaction, with JDBC batches.
     *
     * @param c the connection, in a transaction
     * @param dangers the hidden dangers (not stored yet)
     * @param chains their audit chains, same order
     * @throws SQLException on failure (a duplicate id included)
     */
    void insertBatch(Connection c, List<HiddenDanger> dangers, List<List<AuditEntry>> chains) throws SQLException {
        table.insertBatch(c, dangers);
        List<AuditEntry> all = new ArrayList<>();
        chains.forEach(all::addAll);
        JdbcAuditLog.insert(c, tx.tenant(), all);
    }

    /**
     * Bulk-imports hidden dangers with their audit chains (see {@code JdbcStorage.importHiddenDangers}).
     *
     * @param dangers hidden dangers
     * @param chains their chains, same order
     * @return how many were stored
     */
    public int importBatch(List<HiddenDanger> dangers, List<List<AuditEntry>> chains) {
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
                insertBatch(c, dangers, chains);
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
