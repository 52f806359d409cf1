package org.dualprevention.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
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
                codec).documentIsProjection();
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
            long version = table.currentVersion(c, id.value());
            if (version == 0) {
                return Optional.empty();
            }
            Map<String, Long> v = Map.of(id.value(), version);
            return Optional.of(replay(id.value(), version, JdbcAuditLog.chains(c, v).get(id.value())));
        });
    }

    /**
     * Rebuilds a hidden danger from its audit chain, the persistent form ({@link AuditChain#replay}).
     */
    private static HiddenDanger replay(String id, long version, @Nullable List<AuditEntry> chain) {
        int n = chain == null ? 0 : chain.size();
        if (n != version) {
            throw new JdbcStorageException("Hidden danger [" + id + "] is stored at version [" + version + "] but its audit log"
                    + " holds [" + n + "] entries up to it; the tables were changed outside the library");
        }
        try {
            return AuditChain.replay(chain);
        } catch (IllegalArgumentException e) {
            throw new JdbcStorageException("The stored audit chain of hidden danger [" + id + "] does not replay", e);
        }
    }

    private List<HiddenDanger> load(Connection c, List<Map.Entry<String, Long>> rows) throws SQLException {
        Map<String, Long> versions = new LinkedHashMap<>();
        rows.forEach(r -> versions.put(r.getKey(), r.getValue()));
        Map<String, List<AuditEntry>> chains = JdbcAuditLog.chains(c, versions);
        List<HiddenDanger> out = new ArrayList<>(rows.size());
        for (Map.Entry<String, Long> r : rows) {
            out.add(replay(r.getKey(), r.getValue(), chains.get(r.getKey())));
        }
        return out;
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
    public void save(HiddenDanger next, long expectedVersion, AuditEntry entry) {
        check(next, expectedVersion, entry);
        String id = next.id().value();
        Repos.save(tx, "save hidden danger [" + id + "]", id, expectedVersion, c -> {
            table.save(c, next, expectedVersion);
            JdbcAuditLog.insert(c, List.of(entry));
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
            List<Map.Entry<String, Long>> rows = table.rows(c, "id, version", where(query), order, after, page.limit(),
                    rs -> Map.entry(rs.getString(1), rs.getLong(2)));
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
        return table.pageStatement("id, version", where(query), order, Sql.untoken(page.after(), order.size()),
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
        JdbcAuditLog.insert(c, all);
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
