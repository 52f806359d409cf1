package org.dualprevention.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.dualprevention.jdbc.Dialect;
import org.jspecify.annotations.Nullable;

/**
 * One aggregate table: {@code id}, {@code version} (if versioned), the query columns and the JSON
 * {@code doc}. Writes are conditional on the version; reads decode the document.
 *
 * @param <T> the aggregate type
 * @since 0.1
 */
public final class DocTable<T> {

    /**
     * A query column and how to compute it from the aggregate.
     *
     * @param name the column
     * @param sqlType the {@link java.sql.Types} code for a null
     * @param value the value (String, Long, Boolean, LocalDate, or null)
     * @param <T> the aggregate type
     */
    public record Column<T>(String name, int sqlType, Function<T, @Nullable Object> value) {
    }

    private final String table;
    /** The single-row insert of {@link #save}: skips a present id on PostgreSQL (counted, not an error). */
    private final String insertIfAbsentSql;
    private final Dialect dialect;
    private final Class<T> type;
    private final Function<T, String> id;
    private final @Nullable ToLongFunction<T> version;
    private final List<Column<T>> columns;
    private final JsonCodec codec;
    private final String insertSql;
    private final String updateSql;
    private boolean docIsProjection;
    private @Nullable Function<T, String> documentWriter;
    private String tenant = "default";

    /**
     * Creates the table mapping.
     *
     * @param table table name
     * @param dialect dialect
     * @param type aggregate class, for decoding
     * @param id the id of an aggregate
     * @param version its version, or null for a table without versions (insert-only)
     * @param columns the query columns
     * @param codec the document codec
     */
    public DocTable(String table, Dialect dialect, Class<T> type, Function<T, String> id, @Nullable ToLongFunction<T> version,
            List<Column<T>> columns, JsonCodec codec) {
        this.table = table;
        this.dialect = dialect;
        this.type = type;
        this.id = id;
        this.version = version;
        this.columns = List.copyOf(columns);
        this.codec = codec;
        String doc = dialect == Dialect.POSTGRESQL ? "CAST(? AS json)" : "?";
        StringBuilder cols = new StringBuilder("tenant_id, id");
        StringBuilder vals = new StringBuilder("?, ?");
        StringBuilder set = new StringBuilder();
        if (version != null) {
            cols.append(", version");
            vals.append(", ?");
            set.append("version = ?");
        }
        for (Column<T> c : this.columns) {
            cols.append(", ").append(c.name());
            vals.append(", ?");
            set.append(set.length() == 0 ? "" : ", ").append(c.name()).append(" = ?");
        }
        cols.append(", doc");
        vals.append(", ").append(doc);
        set.append(", doc = ").append(doc);
        this.insertSql = "INSERT INTO " + table + " (" + cols + ") VALUES (" + vals + ")";
        // PostgreSQL aborts the whole transaction on a duplicate key, so a unit of work could not even read the
        // version it conflicts with: there the single-row insert skips a present id and reports it by its count
        this.insertIfAbsentSql = dialect == Dialect.POSTGRESQL ? insertSql + " ON CONFLICT DO NOTHING" : insertSql;
        this.updateSql = "UPDATE " + table + " SET " + set + " WHERE tenant_id = ? AND id = ? AND version = ?";
    }

    /**
     * Marks the document as a projection: written when the codec has a JSON form of the type, else null;
     * never read back by {@link #find} (the repository loads the aggregate another way).
     *
     * @return this
     */
    public DocTable<T> documentIsProjection() {
        this.docIsProjection = true;
        return this;
    }

    /**
     * Writes the document with a function of its own instead of the codec (the hidden danger's snapshot).
     *
     * @param writer the JSON text of an aggregate
     * @return this
     */
    public DocTable<T> documentWith(Function<T, String> writer) {
        this.documentWriter = Objects.requireNonNull(writer, "writer");
        return this;
    }

    /**
     * The document of an aggregate as this mapping writes it.
     *
     * @param row the aggregate
     * @return the JSON text, or null for a projection the codec has no form of
     */
    public @Nullable String documentOf(T row) {
        return document(row);
    }

    /** @return the id of an aggregate */
    public Function<T, String> idOf() {
        return id;
    }

    /**
     * Sets the enterprise (tenant) whose rows this mapping reads and writes: every statement carries
     * {@code tenant_id = ?}.
     *
     * @param tenantId the tenant
     * @return this
     */
    public DocTable<T> tenant(String tenantId) {
        this.tenant = Objects.requireNonNull(tenantId, "tenantId");
        return this;
    }

    /** @return the tenant */
    public String tenant() {
        return tenant;
    }

    /** @return the query columns */
    public List<Column<T>> columns() {
        return columns;
    }

    /** @return the table name */
    public String table() {
        return table;
    }

    /** @return the dialect */
    public Dialect dialect() {
        return dialect;
    }

    /**
     * Reads one aggregate.
     *
     * @param c connection
     * @param key the id
     * @return the aggregate, or empty
     * @throws SQLException on failure
     */
    public Optional<T> find(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT doc FROM " + table + " WHERE tenant_id = ? AND id = ?")) {
            ps.setString(1, tenant);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(decode(rs.getString(1))) : Optional.empty();
            }
        }
    }

    /**
     * The stored version of an aggregate.
     *
     * @param c connection
     * @param key the id
     * @return the version, 0 if not stored
     * @throws SQLException on failure
     */
    public long currentVersion(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT version FROM " + table + " WHERE tenant_id = ? AND id = ?")) {
            ps.setString(1, tenant);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /**
     * Inserts or conditionally updates.
     *
     * @param c connection in a transaction
     * @param next the next state
     * @param expectedVersion the version it replaces, 0 to insert
     * @throws SQLException on failure
     * @throws VersionConflict if the stored version differs or the id exists on insert
     */
    public void save(Connection c, T next, long expectedVersion) throws SQLException {
        String doc = document(next);
        if (expectedVersion == 0) {
            try (PreparedStatement ps = c.prepareStatement(insertIfAbsentSql)) {
                bindRow(ps, next, doc, true);
                if (ps.executeUpdate() != 1) {
                    throw VersionConflict.nothingWritten(); // the id is present; the work's first statement
                }
            } catch (SQLException e) {
                if (Transactions.isDuplicateKey(e)) {
                    throw new VersionConflict();
                }
                throw e;
            }
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(updateSql)) {
            int i = bindRow(ps, next, doc, false);
            ps.setString(i++, tenant);
            ps.setString(i++, id.apply(next));
            ps.setLong(i, expectedVersion);
            if (ps.executeUpdate() != 1) {
                throw VersionConflict.nothingWritten(); // the work's first statement (see callers)
            }
        }
    }

    /**
     * Inserts many new rows in JDBC batches.
     *
     * @param c connection in a transaction
     * @param rows the rows
     * @throws SQLException on failure, e.g. a duplicate id
     */
    public void insertBatch(Connection c, Collection<T> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(insertSql)) {
            int n = 0;
            for (T row : rows) {
                bindRow(ps, row, document(row), true);
                ps.addBatch();
                if (++n % 500 == 0) {
                    ps.executeBatch();
                }
            }
            if (n % 500 != 0) {
                ps.executeBatch();
            }
        }
    }

    private @Nullable String document(T row) {
        if (documentWriter != null) {
            return documentWriter.apply(row);
        }
        return docIsProjection ? codec.writeIfSupported(row).orElse(null) : codec.write(row);
    }

    private int bindRow(PreparedStatement ps, T row, @Nullable String doc, boolean withId) throws SQLException {
        int i = 1;
        if (withId) {
            ps.setString(i++, tenant);
            ps.setString(i++, id.apply(row));
        }
        if (version != null) {
            ps.setLong(i++, version.applyAsLong(row));
        }
        for (Column<T> col : columns) {
            Sql.bind(ps, i++, col.value().apply(row), col.sqlType());
        }
        if (doc == null) {
            ps.setNull(i++, Types.VARCHAR);
        } else {
            ps.setString(i++, doc);
        }
        return i;
    }

    /**
     * One page of rows matching a condition, ordered by {@code sortColumns} (the last is {@code id}),
     * starting after a keyset position.
     *
     * @param c connection
     * @param where the conditions
     * @param sortColumns columns of the order, ending with {@code id}; the others BIGINT or DATE
     * @param after the sort key of the previous page's last row, if any
     * @param limit the page size
     * @param keyOf the sort key of a row (as text, same order as {@code sortColumns})
     * @return the rows and the next token
     * @throws SQLException on failure
     */
    public Result<T> page(Connection c, Sql.Where where, List<String> sortColumns, Optional<String[]> after, int limit,
            Function<T, String[]> keyOf) throws SQLException {
        if (where.matchesNothing()) {
            return new Result<>(List.of(), Optional.empty());
        }
        Sql.Stmt stmt = pageStatement(where, sortColumns, after, limit);
        List<T> items = new ArrayList<>();
        boolean more = false;
        try (PreparedStatement ps = c.prepareStatement(stmt.sql())) {
            stmt.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (items.size() == limit) {
                        more = true;
                        break;
                    }
                    items.add(decode(rs.getString(1)));
                }
            }
        }
        Optional<String> next = more ? Optional.of(Sql.token(keyOf.apply(items.get(items.size() - 1))))
                : Optional.empty();
        return new Result<>(items, next);
    }

    /**
     * Reads a row of a page.
     *
     * @param <R> the row type
     */
    @FunctionalInterface
    public interface RowReader<R> {
        /**
         * Reads the current row.
         *
         * @param rs the result set
         * @return the row
         * @throws SQLException on failure
         */
        R read(ResultSet rs) throws SQLException;
    }

    /**
     * One page of rows with the given columns (instead of the document).
     *
     * @param c connection
     * @param columns the select list
     * @param where the conditions
     * @param sortColumns the order, ending with {@code id}
     * @param after the keyset position, if any
     * @param limit the page size
     * @param reader reads one row
     * @param <R> row type
     * @return the rows, at most {@code limit + 1} (one more means a next page exists)
     * @throws SQLException on failure
     */
    public <R> List<R> rows(Connection c, String columns, Sql.Where where, List<String> sortColumns, Optional<String[]> after,
            int limit, RowReader<R> reader) throws SQLException {
        if (where.matchesNothing()) {
            return List.of();
        }
        Sql.Stmt stmt = pageStatement(columns, where, sortColumns, after, limit);
        List<R> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(stmt.sql())) {
            stmt.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(reader.read(rs));
                }
            }
        }
        return out;
    }

    /**
     * The SELECT of one page (one row more than the limit, to know whether a next page exists).
     *
     * @param where the conditions
     * @param sortColumns the order, ending with {@code id}
     * @param after the keyset position, if any
     * @param limit the page size
     * @return the statement
     */
    public Sql.Stmt pageStatement(Sql.Where where, List<String> sortColumns, Optional<String[]> after, int limit) {
        return pageStatement("doc", where, sortColumns, after, limit);
    }

    /**
     * The SELECT of one page with a select list.
     *
     * @param columns the select list
     * @param where the conditions
     * @param sortColumns the order, ending with {@code id}
     * @param after the keyset position, if any
     * @param limit the page size
     * @return the statement
     */
    public Sql.Stmt pageStatement(String columns, Sql.Where where, List<String> sortColumns, Optional<String[]> after,
            int limit) {
        Sql.Where w = scoped(where);
        if (after.isPresent()) {
            addKeyset(w, sortColumns, after.get());
        }
        return w.statement("SELECT " + columns + " FROM " + table + w.sql() + " ORDER BY " + String.join(", ", sortColumns)
                + " LIMIT ?", limit + 1);
    }

    private void addKeyset(Sql.Where w, List<String> sortColumns, String[] key) {
        if (sortColumns.size() == 1) {
            w.and(sortColumns.get(0) + " > ?", key[0]);
            return;
        }
        if (sortColumns.size() != 2) {
            throw new IllegalStateException("keyset over " + sortColumns);
        }
        String a = sortColumns.get(0);
        Object first = parseKey(a, key[0]);
        if (dialect == Dialect.POSTGRESQL) {
            w.and("(" + a + ", id) > (?, ?)", first, key[1]);
        } else {
            w.and("(" + a + " > ? OR (" + a + " = ? AND id > ?))", first, first, key[1]);
        }
    }

    private static Object parseKey(String column, String text) {
        try {
            if (column.equals("deadline")) {
                return java.time.LocalDate.parse(text);
            }
            return Long.parseLong(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("page token holds [" + text + "], not a position of this query", e);
        }
    }

    /**
     * Counts rows matching a condition.
     *
     * @param c connection
     * @param where the conditions
     * @return the count
     * @throws SQLException on failure
     */
    public long count(Connection c, Sql.Where where) throws SQLException {
        if (where.matchesNothing()) {
            return 0;
        }
        Sql.Where w = scoped(where);
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table + w.sql())) {
            w.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * A condition with this mapping's tenant added.
     *
     * @param where the condition
     * @return a copy with {@code tenant_id = ?}
     */
    public Sql.Where scoped(Sql.Where where) {
        Sql.Where w = where.copy();
        w.and("tenant_id = ?", tenant);
        return w;
    }

    private T decode(String doc) {
        return codec.read(doc, type, table);
    }

    /**
     * A page of rows.
     *
     * @param items the rows
     * @param next the next token
     * @param <T> the type
     */
    public record Result<T>(List<T> items, Optional<String> next) {
        /** Copies the list. */
        public Result {
            items = List.copyOf(items);
            Objects.requireNonNull(next, "next");
        }
    }
}
