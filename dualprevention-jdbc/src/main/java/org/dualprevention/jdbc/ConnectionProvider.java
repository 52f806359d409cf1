package org.dualprevention.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Where the JDBC storage gets its connections, and who owns the transaction.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>{@link #managed(DataSource)}: the storage takes a connection for each call, runs its own short
 *       transaction (state and audit entry commit together), commits or rolls back, and closes the
 *       connection (returning it to the host's pool).</li>
 *   <li>{@link #host(Supplier)}: the supplier returns the connection of the transaction the host is
 *       running on the current thread (for example Spring's {@code DataSourceUtils.getConnection}). The
 *       storage never commits, rolls back or closes it; it writes inside a savepoint, so a refused save
 *       (stale version) leaves the host's transaction usable and nothing of the save behind. The
 *       connection must not be in auto-commit mode for writes.</li>
 * </ul>
 * Implementations are thread-safe. A custom implementation decides {@link #ownsTransactions()}.
 *
 * @since 0.1
 */
public interface ConnectionProvider {

    /**
     * A connection for one storage call.
     *
     * @return an open connection
     * @throws SQLException if none can be had
     */
    Connection acquire() throws SQLException;

    /**
     * Gives back a connection taken with {@link #acquire()}.
     *
     * @param connection the connection
     * @throws SQLException if releasing fails
     */
    void release(Connection connection) throws SQLException;

    /**
     * Whether the storage begins, commits and rolls back transactions on the connections it acquires.
     * If {@code false}, the connection belongs to a transaction of the host and the storage uses
     * savepoints only.
     *
     * @return true for storage-owned transactions
     */
    boolean ownsTransactions();

    /**
     * Storage-owned transactions on connections from a data source (usually the host's pool).
     *
     * @param dataSource the data source
     * @return the provider
     */
    static ConnectionProvider managed(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        return new ConnectionProvider() {
            @Override
            public Connection acquire() throws SQLException {
                return dataSource.getConnection();
            }

            @Override
            public void release(Connection connection) throws SQLException {
                connection.close();
            }

            @Override
            public boolean ownsTransactions() {
                return true;
            }

            @Override
            public String toString() {
                // the host's data source is named by its class only: its own toString may show a URL or a password
                return "ConnectionProvider.managed(" + dataSource.getClass().getName() + ")";
            }
        };
    }

    /**
     * The host's transactions: every call uses the connection the supplier returns, and the storage
     * never commits, rolls back or closes it.
     *
     * @param currentConnection returns the connection of the host's current transaction
     * @return the provider
     */
    static ConnectionProvider host(Supplier<Connection> currentConnection) {
        Objects.requireNonNull(currentConnection, "currentConnection");
        return new ConnectionProvider() {
            @Override
            public Connection acquire() {
                return Objects.requireNonNull(currentConnection.get(),
                        "the host's connection supplier returned null; call the storage inside the host's transaction");
            }

            @Override
            public void release(Connection connection) {
                // the host's connection: left open
            }

            @Override
            public boolean ownsTransactions() {
                return false;
            }

            @Override
            public String toString() {
                return "ConnectionProvider.host(" + currentConnection.getClass().getName() + ")";
            }
        };
    }
}
