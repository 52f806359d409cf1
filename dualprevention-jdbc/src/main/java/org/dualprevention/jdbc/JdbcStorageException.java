package org.dualprevention.jdbc;

import java.sql.SQLException;
import java.util.Optional;
import org.dualprevention.DualPreventionException;
import org.dualprevention.jdbc.internal.Redaction;
import org.jspecify.annotations.Nullable;

/**
 * The database failed: it could not be reached, a statement failed, or a stored row could not be read.
 * The JDBC {@link SQLException} is the cause and its SQLState is available through {@link #sqlState()}.
 * A version conflict is not this exception but {@link org.dualprevention.StaleVersionException}.
 *
 * <p>No credential appears in the message or in the cause chain: passwords in JDBC URLs and settings that a
 * driver quotes are masked ({@code password=***}); a cause whose messages held one is replaced by a copy
 * without it (same SQLState, vendor code and stack trace).
 *
 * @since 0.1
 */
public class JdbcStorageException extends DualPreventionException {
    private static final long serialVersionUID = 1L;

    private final @Nullable String sqlState;

    /**
     * Creates the exception.
     *
     * @param message what the storage was doing, with the values involved
     * @param cause the JDBC failure, or another cause
     */
    public JdbcStorageException(String message, Throwable cause) {
        super(Redaction.redact(message + (cause.getMessage() == null ? "" : ": " + cause.getMessage())),
                Redaction.scrub(cause));
        this.sqlState = cause instanceof SQLException ? ((SQLException) cause).getSQLState() : null;
    }

    /**
     * Creates the exception without a JDBC cause.
     *
     * @param message what went wrong
     */
    public JdbcStorageException(String message) {
        super(Redaction.redact(message));
        this.sqlState = null;
    }

    /** @return the SQLState of the JDBC failure, if the cause was an {@link SQLException} that had one */
    public Optional<String> sqlState() {
        return Optional.ofNullable(sqlState);
    }
}
