package org.dualprevention.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.dualprevention.inspection.InspectionTask;
import org.dualprevention.inspection.InspectionTaskId;
import org.dualprevention.jdbc.Dialect;
import org.dualprevention.jdbc.JdbcStorageException;
import org.dualprevention.query.InspectionTaskQuery;
import org.dualprevention.spi.InspectionTaskRepository;
import org.dualprevention.query.Page;
import org.dualprevention.query.PageRequest;

/**
 * Inspection tasks in {@code dp_inspection_task}, ordered by due time then id.
 *
 * @since 0.1
 */
public final class JdbcInspectionTaskRepository implements InspectionTaskRepository {
    private static final int ATTEMPTS = 10;
    private static final int CHUNK = 500;

    private final Transactions tx;
    private final DocTable<InspectionTask> table;

    /**
     * Creates the repository.
     *
     * @param tx transactions
     * @param codec codec
     * @param dialect dialect
     */
    public JdbcInspectionTaskRepository(Transactions tx, JsonCodec codec, Dialect dialect) {
        this.tx = tx;
        this.table = new DocTable<>("dp_inspection_task", dialect, InspectionTask.class, t -> t.id().value(),
                InspectionTask::version,
                List.of(new DocTable.Column<>("plan_id", Types.VARCHAR, t -> t.plan().value()),
                        new DocTable.Column<>("unit_id", Types.VARCHAR, t -> t.unit().value()),
                        new DocTable.Column<>("due_ns", Types.BIGINT, t -> Sql.nanos(t.due())),
                        new DocTable.Column<>("recorded", Types.BOOLEAN, t -> t.record().isPresent())),
                codec).tenant(tx.tenant());
    }

    @Override
    public Optional<InspectionTask> find(InspectionTaskId id) {
        Objects.requireNonNull(id, "id");
        return tx.read("find inspection task [" + id + "]", c -> table.find(c, id.value()));
    }

    @Override
    @SuppressWarnings("NullAway") // a SqlWork<Void> returns null: no result
    public void save(InspectionTask next, long expectedVersion) {
        Objects.requireNonNull(next, "next");
        String id = next.id().value();
        Repos.checkStep("InspectionTask", id, next.version(), expectedVersion);
        Sql.nanos(next.due());
        Repos.save(tx, "save inspection task [" + id + "]", id, expectedVersion, c -> {
            table.save(c, next, expectedVersion);
            return null;
        }, c -> table.currentVersion(c, id));
    }

    @Override
    public int insertMissing(Collection<InspectionTask> tasks) {
        Objects.requireNonNull(tasks, "tasks");
        Map<String, InspectionTask> byId = new LinkedHashMap<>();
        for (InspectionTask t : tasks) {
            Objects.requireNonNull(t, "task");
            if (t.version() != 1) {
                throw new IllegalArgumentException("task [" + t.id() + "] has version [" + t.version()
                        + "]; allowed: 1 for a task inserted by insertMissing");
            }
            Sql.nanos(t.due());
            if (byId.put(t.id().value(), t) != null) {
                throw new IllegalArgumentException("task [" + t.id() + "] appears twice; allowed: each id once");
            }
        }
        if (byId.isEmpty()) {
            return 0;
        }
        // select the stored ids, insert the others; a concurrent insert of the same id makes the batch fail
        // with a duplicate key, which rolls everything back and tries again with a fresh view
        for (int attempt = 1;; attempt++) {
            try {
                return tx.write("insert " + byId.size() + " inspection tasks", c -> {
                    Set<String> stored = storedIds(c, byId.keySet(), table);
                    List<InspectionTask> missing = byId.values().stream().filter(t -> !stored.contains(t.id().value()))
                            .collect(Collectors.toList());
                    try {
                        table.insertBatch(c, missing);
                    } catch (SQLException e) {
                        if (Transactions.isDuplicateKey(e)) {
                            throw new VersionConflict();
                        }
                        throw e;
                    }
                    return missing.size();
                });
            } catch (VersionConflict e) {
                if (attempt == ATTEMPTS) {
                    throw new JdbcStorageException("Inspection tasks kept being inserted concurrently; gave up after "
                            + ATTEMPTS + " attempts");
                }
            }
        }
    }

    private static Set<String> storedIds(Connection c, Collection<String> ids, DocTable<InspectionTask> table)
            throws SQLException {
        Set<String> out = new HashSet<>();
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            Sql.Where w = table.scoped(new Sql.Where().in("id", chunk));
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM dp_inspection_task" + w.sql())) {
                w.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
        }
        return out;
    }

    private static Sql.Where where(InspectionTaskQuery q) {
        Sql.Where w = new Sql.Where();
        w.and("due_ns >= ?", Sql.boundNanos(q.dueFrom()));
        w.and("due_ns < ?", Sql.boundNanos(q.dueBefore()));
        q.units().ifPresent(u -> w.in("unit_id", u.stream().map(x -> x.value()).collect(Collectors.toList())));
        q.plan().ifPresent(p -> w.and("plan_id = ?", p.value()));
        q.recorded().ifPresent(r -> w.and(r ? "recorded = TRUE" : "recorded = FALSE"));
        return w;
    }

    @Override
    public Page<InspectionTask> find(InspectionTaskQuery query, PageRequest page) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(page, "page");
        Optional<String[]> after = Sql.untoken(page.after(), 2);
        DocTable.Result<InspectionTask> r = tx.read("find inspection tasks " + query,
                c -> table.page(c, where(query), List.of("due_ns", "id"), after, page.limit(),
                        t -> new String[] {Long.toString(Sql.nanos(t.due())), t.id().value()}));
        return Page.of(r.items(), r.next());
    }

    /**
     * The SQL {@link #find(InspectionTaskQuery, PageRequest)} runs, for {@code EXPLAIN} in tests.
     *
     * @param query the query
     * @param page the page
     * @return the statement
     */
    public Sql.Stmt pageStatement(InspectionTaskQuery query, PageRequest page) {
        return table.pageStatement(where(query), List.of("due_ns", "id"), Sql.untoken(page.after(), 2), page.limit());
    }

    @Override
    public long count(InspectionTaskQuery query) {
        Objects.requireNonNull(query, "query");
        return tx.read("count inspection tasks " + query, c -> table.count(c, where(query)));
    }
}
