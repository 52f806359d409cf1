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
    private final Method open;
    private final Method write;
    private final Method end;
    private final Method cancel;

    private PgCopy(Object copyManager, Method copyIn, Method open, Method write, Method end, Method cancel) {
        this.copyManager = copyManager;
        this.copyIn = copyIn;
        this.open = open;
        this.write = write;
        this.end = end;
        this.cancel = cancel;
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
                Class<?> manager = Class.forName("org.postgresql.copy.CopyManager", false, loader);
                Class<?> in = Class.forName("org.postgresql.copy.CopyIn", false, loader);
                Class<?> operation = Class.forName("org.postgresql.copy.CopyOperation", false, loader);
                return Optional.of(new PgCopy(cm, manager.getMethod("copyIn", String.class, java.io.Reader.class),
                        manager.getMethod("copyIn", String.class),
                        in.getMethod("writeToCopy", byte[].class, int.class, int.class), in.getMethod("endCopy"),
                        operation.getMethod("cancelCopy")));
            } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException | InvocationTargetException
                    | SQLException | RuntimeException e) {
                // not a PostgreSQL driver connection we can reach: plain batches
            }
        }
        return Optional.empty();
    }

    /**
     * Copies rows written as CSV lines ({@link #csvRow}) into a table, sent at once.
     *
     * @param table the table
     * @param columns the column list
     * @param csv the lines
     * @return how many rows were copied
     * @throws SQLException as the driver reports it (a duplicate key included)
     */
    long copyCsv(String table, String columns, CharSequence csv) throws SQLException {
        if (csv.length() == 0) {
            return 0;
        }
        try {
            Object n = copyIn.invoke(copyManager, "COPY " + table + " (" + columns + ") FROM STDIN WITH (FORMAT csv)",
                    new StringReader(csv.toString()));
            return n instanceof Number ? ((Number) n).longValue() : -1;
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

    /** Appends one CSV line: a non-null value quoted (quotes doubled), a null as an empty unquoted field. */
    static void csvRow(StringBuilder csv, List<@Nullable Object> row) {
        for (int i = 0; i < row.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            Object v = row.get(i);
            if (v == null) {
                continue;
            }
            String text = v instanceof LocalDate ? v.toString() : String.valueOf(v);
            csv.append('"');
            if (text.indexOf('"') < 0) {
                csv.append(text);
            } else {
                csv.append(text.replace("\"", "\"\""));
            }
            csv.append('"');
        }
        csv.append('\n');
    }

    /**
     * Starts a COPY whose rows are sent while the caller goes on preparing the next ones: the server stores what it
     * has received while this side works, instead of waiting for the whole batch ({@link Stream#end()} waits for the
     * rest). Only one COPY can be open on a connection; {@link Stream#cancel()} abandons it (the caller then rolls
     * its transaction back).
     *
     * @param table the table
     * @param columns the column list
     * @return the open COPY
     * @throws SQLException as the driver reports it
     */
    Stream open(String table, String columns) throws SQLException {
        return new Stream(invoke(open, copyManager, "COPY " + table + " (" + columns + ") FROM STDIN WITH (FORMAT csv)"));
    }

    private Object invoke(Method m, Object target, Object... args) throws SQLException {
        try {
            Object r = m.invoke(target, args);
            return r == null ? Boolean.TRUE : r;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException) {
                throw (SQLException) cause;
            }
            throw new SQLException("COPY failed", cause);
        } catch (IllegalAccessException e) {
            throw new SQLException("COPY is not accessible", e);
        }
    }

    /** An open COPY: rows buffered as CSV and sent in pieces of about 64 KB. */
    final class Stream {
        private static final int PIECE = 1 << 16;
        private final Object in;
        private final StringBuilder csv = new StringBuilder(PIECE + 4096);
        private boolean open = true;

        private Stream(Object in) {
            this.in = in;
        }

        /**
         * Adds a row; sends the buffer when it is full.
         *
         * @param row the values, each a String, Boolean, Number, LocalDate or null
         * @throws SQLException as the driver reports it
         */
        void row(List<@Nullable Object> row) throws SQLException {
            csvRow(csv, row);
            if (csv.length() >= PIECE) {
                send();
            }
        }

        private void send() throws SQLException {
            byte[] bytes = csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            csv.setLength(0);
            invoke(write, in, bytes, 0, bytes.length);
        }

        /**
         * Sends the rest and waits for the server to store every row.
         *
         * @return how many rows the server stored
         * @throws SQLException as the driver reports it (a duplicate key included)
         */
        long end() throws SQLException {
            if (csv.length() > 0) {
                send();
            }
            open = false;
            Object n = invoke(end, in);
            return n instanceof Number ? ((Number) n).longValue() : -1;
        }

        /** Abandons the COPY if it is still open (nothing of it is stored); never throws. */
        void cancel() {
            if (!open) {
                return;
            }
            open = false;
            try {
                invoke(cancel, in);
            } catch (SQLException | RuntimeException e) {
                // the caller rolls back or closes the connection: the COPY is abandoned either way
            }
        }
    }
}
