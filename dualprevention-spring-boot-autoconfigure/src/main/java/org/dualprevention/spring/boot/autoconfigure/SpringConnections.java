package org.dualprevention.spring.boot.autoconfigure;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.dualprevention.jdbc.ConnectionProvider;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Connections for {@link org.dualprevention.jdbc.JdbcStorage} from a Spring-managed {@link DataSource}.
 *
 * <p>Inside a Spring transaction of the calling thread ({@code @Transactional}, {@code TransactionTemplate})
 * the storage uses that transaction's connection and never commits or rolls back: the library's writes commit or
 * roll back with the application's. Outside one, each storage call takes a connection of its own and commits its
 * work as one transaction, as {@link ConnectionProvider#managed(DataSource)} does.
 *
 * @since 0.2
 */
public final class SpringConnections implements ConnectionProvider {
    private final DataSource dataSource;

    private SpringConnections(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Connections of a data source, joining Spring's transactions.
     *
     * @param dataSource the application's data source
     * @return the provider
     */
    public static SpringConnections of(DataSource dataSource) {
        return new SpringConnections(Objects.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public Connection acquire() throws SQLException {
        return DataSourceUtils.doGetConnection(dataSource);
    }

    @Override
    public void release(Connection connection) throws SQLException {
        DataSourceUtils.doReleaseConnection(connection, dataSource);
    }

    /**
     * The storage runs its own transaction only when no Spring transaction is active on this thread.
     *
     * @return whether the storage commits its own work now
     */
    @Override
    public boolean ownsTransactions() {
        return !TransactionSynchronizationManager.isActualTransactionActive();
    }

    @Override
    public String toString() {
        // the data source's own toString may show a URL with a password: name its class only
        return "SpringConnections(" + dataSource.getClass().getName() + ")";
    }
}
