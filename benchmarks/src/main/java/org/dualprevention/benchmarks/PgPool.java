package org.dualprevention.benchmarks;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A minimal connection pool for the PostgreSQL benchmarks (no third-party pool in the benchmarks module): up to
 * {@code max} physical connections, reused; closing a handed-out connection rolls back an unfinished transaction,
 * restores auto-commit and returns it. The library and the hand-written baselines draw from the same kind of pool,
 * so neither pays for connecting. With a statement sink every SQL text prepared or executed is passed to it (to see
 * what one command writes).
 */
final class PgPool implements DataSource, AutoCloseable {
    /** Connection calls that may cost a round trip, shown (as SQL comments) to a statement sink. */
    private static final java.util.Set<String> CALLS = java.util.Set.of("setAutoCommit", "commit", "rollback",
            "setTransactionIsolation", "setReadOnly", "createStatement", "isValid", "setSavepoint", "releaseSavepoint",
            "getMetaData", "setNetworkTimeout", "setSchema", "getTransactionIsolation", "getAutoCommit");
    private final String url;
    private final BlockingQueue<Connection> idle;
    private final List<Connection> all = new ArrayList<>();
    private final int max;
    private volatile Consumer<Captured> sink;

    /** A statement as the library ran it: its text and the parameter setter calls, to replay under EXPLAIN. */
    record Captured(String sql, List<Object[]> setters) {
        /**
         * Prepares {@code prefix + sql} on {@code c} and replays the parameters.
         *
         * @param c connection
         * @param prefix e.g. {@code "EXPLAIN "}
         * @return the statement, parameters bound
         * @throws SQLException on failure
         */
        java.sql.PreparedStatement replay(Connection c, String prefix) throws SQLException {
            java.sql.PreparedStatement ps = c.prepareStatement(prefix + sql);
            for (Object[] call : setters) {
                try {
                    ((java.lang.reflect.Method) call[0]).invoke(ps, (Object[]) call[1]);
                } catch (ReflectiveOperationException e) {
                    throw new SQLException("cannot replay " + call[0], e);
                }
            }
            return ps;
        }
    }

    PgPool(String url, int max) {
        this.url = url;
        this.max = max;
        this.idle = new ArrayBlockingQueue<>(max);
    }

    /** Passes every prepared statement the pool's connections execute to {@code s} from now on (null: none). */
    void log(Consumer<Captured> s) {
        this.sink = s;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection real = idle.poll();
        if (real == null) {
            synchronized (all) {
                if (all.size() < max) {
                    real = DriverManager.getConnection(url);
                    all.add(real);
                }
            }
            if (real == null) {
                try {
                    real = idle.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted waiting for a connection", e);
                }
            }
        }
        Connection r = real;
        boolean[] closed = {false};
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (p, m, a) -> {
                    String name = m.getName();
                    if (name.equals("close")) {
                        if (!closed[0]) {
                            closed[0] = true;
                            if (!r.getAutoCommit()) {
                                r.rollback();
                                r.setAutoCommit(true);
                            }
                            idle.offer(r);
                        }
                        return null;
                    }
                    if (name.equals("isClosed")) {
                        return closed[0] || r.isClosed();
                    }
                    Consumer<Captured> to = sink;
                    if (to != null && name.equals("prepareStatement") && a != null && a.length > 0) {
                        return capture((java.sql.PreparedStatement) m.invoke(r, a), String.valueOf(a[0]), to);
                    }
                    if (to != null && CALLS.contains(name)) {
                        to.accept(new Captured("-- " + name + (a == null ? "()" : java.util.Arrays.toString(a)), List.of()));
                    }
                    try {
                        return m.invoke(r, a);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static java.sql.PreparedStatement capture(java.sql.PreparedStatement real, String sql, Consumer<Captured> to) {
        List<Object[]> setters = new ArrayList<>();
        return (java.sql.PreparedStatement) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {java.sql.PreparedStatement.class}, (p, m, a) -> {
                    String name = m.getName();
                    if (name.startsWith("set") && a != null && a.length >= 2 && a[0] instanceof Integer) {
                        setters.add(new Object[] {m, a.clone()});
                    } else if (name.equals("clearParameters")) {
                        setters.clear();
                    } else if ((name.equals("executeQuery") || name.equals("executeUpdate") || name.equals("execute"))
                            && (a == null || a.length == 0)) {
                        to.accept(new Captured(sql, new ArrayList<>(setters)));
                    } else if (name.equals("addBatch") && (a == null || a.length == 0)) {
                        to.accept(new Captured(sql, new ArrayList<>(setters)));
                    }
                    try {
                        return m.invoke(real, a);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public void close() {
        synchronized (all) {
            for (Connection c : all) {
                try {
                    c.close();
                } catch (SQLException e) {
                    // closing anyway
                }
            }
            all.clear();
        }
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // not used
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // not used
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
