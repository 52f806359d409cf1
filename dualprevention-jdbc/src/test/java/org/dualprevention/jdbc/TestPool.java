package org.dualprevention.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import javax.sql.DataSource;

/** A minimal connection pool for tests and benchmarks: closing a connection returns it to the pool. */
public final class TestPool extends TestDataSourceBase implements AutoCloseable {
    private final DataSource target;
    private final BlockingQueue<Connection> idle;

    TestPool(DataSource target, int size) {
        this.target = target;
        this.idle = new ArrayBlockingQueue<>(size);
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection real = idle.poll();
        if (real == null || real.isClosed()) {
            real = target.getConnection();
        }
        Connection r = real;
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, m, args) -> {
                    if (m.getName().equals("close")) {
                        if (!r.getAutoCommit()) {
                            r.rollback();
                            r.setAutoCommit(true);
                        }
                        if (!idle.offer(r)) {
                            r.close();
                        }
                        return null;
                    }
                    try {
                        return m.invoke(r, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public void close() {
        Connection c;
        while ((c = idle.poll()) != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // ignored in tests
            }
        }
    }

    @Override
    public Connection getConnection(String username, String password) {
        throw new UnsupportedOperationException();
    }
}
