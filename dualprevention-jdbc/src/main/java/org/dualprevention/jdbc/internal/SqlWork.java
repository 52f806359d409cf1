package org.dualprevention.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work done on one connection.
 *
 * @param <T> the result type
 * @since 0.1
 */
@FunctionalInterface
public interface SqlWork<T> {
    /**
     * Runs the work.
     *
     * @param connection the connection, inside the transaction for writes
     * @return the result
     * @throws SQLException on a database failure
     */
    T run(Connection connection) throws SQLException;
}
