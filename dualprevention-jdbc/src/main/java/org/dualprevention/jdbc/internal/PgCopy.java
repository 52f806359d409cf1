package org.dualprevention.jdbc.internal;

import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * PostgreSQL's {@code COPY … FROM STDIN} through the driver's {@code CopyManager}, when the connection unwraps to the
 * PostgreSQL driver's connection (found by reflection: the driver is the host's, not a dependency of this module).
 * Rows are sent as CSV: a non-null value quoted, a null as an empty unquoted field.
 *
 * @since 0.2
 */
final class PgCopy {
    private final Object copyManager;
    private final Method copyIn;

    private PgCopy(Object copyManager, Method copyIn) {
        this.copyManager = copyManager;
        this.copyIn = copyIn;
    }

    /**
     * The COPY API of a connection, if it is (or wraps) a PostgreSQL driver connection.
     *
     * @param c the connection
     * @return the COPY API, or empty (use plain batches then)
     */
    static Optional<PgCopy> of(Connection c) {
        for (ClassLoader loader : new ClassLoader[] {Thread.currentThread().getContextClassLoader(),
                PgCopy.class.getClassLoader()}) {
            if (loader == null) {
                continue;
            }
            try {
                Class<?> pg = Class.forName("org.postgresql.PGConnection", false, loader);
                if (!c.isWrapperFor(pg)) {
                    continue;
                }
                Object pgc = c.unwrap(pg);
                Object cm = pg.getMethod("getCopyAPI").invoke(pgc);
                Method copyIn = cm.getClass().getMethod("copyIn", String.class, java.io.Reader.class);
                return Optional.of(new PgCopy(cm, copyIn));
            } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException | InvocationTargetException
                    | SQLException | RuntimeException e) {
                // not a PostgreSQL driver connection we can reach: plain batches
            }
        }
        return Optional.empty();
    }

    /**
     * Copies rows into a table.
     *
     * @param table the table
     * @param columns the column list
     * @param rows the rows, each value a String, Boolean, Number, LocalDate or null
     * @return how many rows were copied
     * @throws SQLException as the driver reports it (a duplicate key included)
     */
    long copy(String table, String columns, List<List<@Nullable Object>> rows) throws SQLException {
        StringBuilder csv = new StringBuilder();
        for (List<@Nullable Object> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    csv.append(',');
                }
                Object v = row.get(i);
                if (v == null) {
                    continue;
                }
                String text = v instanceof LocalDate ? v.toString() : String.valueOf(v);
                csv.append('"').append(text.replace("\"", "\"\"")).append('"');
            }
            csv.append('\n');
        }
        try {
            Object n = copyIn.invoke(copyManager, "COPY " + table + " (" + columns + ") FROM STDIN WITH (FORMAT csv)",
                    new StringReader(csv.toString()));
            return n instanceof Number ? ((Number) n).longValue() : rows.size();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException) {
                throw (SQLException) cause;
            }
            throw new SQLException("COPY into " + table + " failed", cause);
        } catch (IllegalAccessException e) {
            throw new SQLException("COPY into " + table + " is not accessible", e);
        }
    }
}
