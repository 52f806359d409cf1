package org.dualprevention.jdbc.internal;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Objects;
import org.dualprevention.jdbc.ConnectionProvider;
import org.dualprevention.jdbc.JdbcStorageException;
import org.jspecify.annotations.Nullable;

/**
 * Runs reads and writes on the connections of a {@link ConnectionProvider}: the storage's own transactions
 * (commit or roll back, retry on deadlock or serialization failure) or the host's (a savepoint around each
 * write, never a commit, rollback or close). Inside a unit of work ({@link #unit}) a write takes no savepoint of
 * its own: the unit is all or nothing, so a write that fails marks it rollback-only. A connection bound with {@link #bind(Connection)} takes
 * precedence on its thread and is always treated as the host's.
 *
 * @since 0.1
 */
public final class Transactions {
    private static final System.Logger LOG = System.getLogger(Transactions.class.getName());
    private static final int ATTEMPTS = 5;

    private final ConnectionProvider provider;
    private final String tenant;
    private final ThreadLocal<@Nullable Connection> bound = new ThreadLocal<>();
    /** The unit of work ({@link #unit}) running on this thread, if any. */
    private final ThreadLocal<@Nullable Unit> units = new ThreadLocal<>();

    /**
     * A unit of work in progress: its writes run without a savepoint of their own (the unit as a whole is rolled
     * back on any failure), so a write that fails marks the unit rollback-only.
     */
    private static final class Unit {
        final Connection connection;
        @Nullable Throwable failedWrite;

        Unit(Connection connection) {
            this.connection = connection;
        }
    }

    /**
     * Creates the runner for the default tenant.
     *
     * @param provider where connections come from
     */
    public Transactions(ConnectionProvider provider) {
        this(provider, "default");
    }

    /**
     * Creates the runner.
     *
     * @param provider where connections come from
     * @param tenant the enterprise whose rows the storage reads and writes
     */
    public Transactions(ConnectionProvider provider, String tenant) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.tenant = Objects.requireNonNull(tenant, "tenant");
    }

    /** @return the enterprise (tenant) whose rows the storage reads and writes */
    public String tenant() {
        return tenant;
    }

    /** @return the provider */
    public ConnectionProvider provider() {
        return provider;
    }

    /**
     * Binds a host connection to the current thread until the returned handle is closed.
     *
     * @param connection the host's connection, inside the host's transaction
     * @return the handle; closing it restores the previous binding
     */
    public AutoCloseable bind(Connection connection) {
        Objects.requireNonNull(connection, "connection");
        Connection previous = bound.get();
        bound.set(connection);
        Thread owner = Thread.currentThread();
        return () -> {
            if (Thread.currentThread() != owner) {
                throw new IllegalStateException("a connection binding must be closed on the thread that opened it");
            }
            if (previous == null) {
                bound.remove();
            } else {
                bound.set(previous);
            }
        };
    }

    /**
     * Runs a write atomically.
     *
     * @param what what is being done, for error messages
     * @param work the work
     * @param <T> result type
     * @return the result
     * @throws VersionConflict if the work signalled one (everything it did was undone)
     * @throws JdbcStorageException on a database failure (everything was undone)
     */
    public <T> T write(String what, SqlWork<T> work) {
        Connection b = bound.get();
        Unit u = units.get();
        if (b != null && u != null && u.connection == b) {
            return writeInUnit(what, u, work);
        }
        if (b != null) {
            return writeInHost(what, b, work);
        }
        if (!provider.ownsTransactions()) {
            Connection c = acquire(what);
            try {
                return writeInHost(what, c, work);
            } finally {
                release(c);
            }
        }
        for (int attempt = 1;; attempt++) {
            Connection c = acquire(what);
            try {
                return writeOwned(c, work);
            } catch (SQLException e) {
                if (attempt < ATTEMPTS && isRetryable(e)) {
                    LOG.log(Level.DEBUG, () -> "retrying " + what + " after " + e.getSQLState() + ": "
                            + Redaction.redact(String.valueOf(e.getMessage())));
                    continue;
                }
                throw new JdbcStorageException("Storage failed to " + what, e);
            } finally {
                release(c);
            }
        }
    }

    /**
     * Runs work as one atomic unit (rule S20): every write of this storage the work makes on this thread goes to
     * one connection and commits together. Inside a host's transaction (a bound connection, or a provider that
     * does not own transactions) the unit is a savepoint of the host's transaction; otherwise it is a
     * transaction of its own, retried as a whole on a deadlock or serialization failure.
     *
     * <p>A failure of the commit itself leaves the outcome unknown (the database may have committed before the
     * connection died): it is reported as a {@link JdbcStorageException} saying so; the engine's command ids make
     * a retry safe.
     *
     * @param what what is being done, for error messages
     * @param work the work
     * @param <T> result type
     * @return what the work returned
     */
    public <T> T unit(String what, java.util.function.Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        Connection b = bound.get();
        Unit outer = units.get();
        if (b != null && outer != null && outer.connection == b) {
            // a nested unit keeps its savepoint, so an outer unit that catches its failure may go on
            Throwable failedBefore = outer.failedWrite;
            try {
                return writeInHost(what, b, c -> work.get());
            } catch (RuntimeException | Error e) {
                outer.failedWrite = failedBefore; // rolled back to the nested unit's savepoint
                throw e;
            }
        }
        if (b != null) {
            return inHostUnit(what, b, work);
        }
        if (!provider.ownsTransactions()) {
            Connection c = acquire(what);
            bound.set(c);
            try {
                return inHostUnit(what, c, work);
            } finally {
                bound.remove();
                release(c);
            }
        }
        for (int attempt = 1;; attempt++) {
            Connection c = acquire(what);
            bound.set(c);
            Unit unit = new Unit(c);
            units.set(unit);
            boolean autoCommit = true;
            boolean committing = false;
            try {
                autoCommit = c.getAutoCommit();
                if (autoCommit) {
                    c.setAutoCommit(false);
                }
                T result = work.get();
                requireNoFailedWrite(what, unit);
                committing = true;
                c.commit();
                return result;
            } catch (SQLException e) {
                rollbackQuietly(c, e);
                if (!committing && attempt < ATTEMPTS && isRetryable(e)) {
                    continue;
                }
                throw new JdbcStorageException(committing ? "The commit of [" + what + "] failed; the outcome is unknown"
                        + " (the database may have stored it): send the same command again with the same command id"
                        : "Storage failed to " + what, e);
            } catch (JdbcStorageException e) {
                rollbackQuietly(c, e);
                Throwable cause = e.getCause();
                if (attempt < ATTEMPTS && cause instanceof SQLException && isRetryable((SQLException) cause)) {
                    String state = ((SQLException) cause).getSQLState();
                    LOG.log(Level.DEBUG, () -> "retrying " + what + " after " + state);
                    continue;
                }
                throw e;
            } catch (RuntimeException | Error e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                bound.remove();
                units.remove();
                if (autoCommit) {
                    try {
                        c.setAutoCommit(true);
                    } catch (SQLException e) {
                        LOG.log(Level.DEBUG, "could not restore auto-commit", Redaction.scrub(e));
                    }
                }
                release(c);
            }
        }
    }

    /**
     * A unit inside the host's transaction: one savepoint for the whole unit, none per write.
     */
    private <T> T inHostUnit(String what, Connection c, java.util.function.Supplier<T> work) {
        Unit unit = new Unit(c);
        units.set(unit);
        try {
            return writeInHost(what, c, x -> {
                T result = work.get();
                requireNoFailedWrite(what, unit);
                return result;
            });
        } finally {
            units.remove();
        }
    }

    /**
     * Fails a unit whose work returned although one of its writes failed (the work caught the failure): without
     * a savepoint per write the failed write may have left part of its statements, or (PostgreSQL) an aborted
     * transaction, so the unit is rolled back as a whole.
     */
    private static void requireNoFailedWrite(String what, Unit unit) {
        Throwable failed = unit.failedWrite;
        if (failed != null) {
            throw new JdbcStorageException("A write inside [" + what + "] failed and the work went on; the whole unit"
                    + " is rolled back (a unit of work is all or nothing): " + failed.getMessage(), failed);
        }
    }

    /**
     * A write inside a unit of work: no savepoint of its own (two round trips saved per write); a failure marks
     * the unit rollback-only, except a version conflict that wrote nothing (see {@link VersionConflict#clean()}).
     */
    private static <T> T writeInUnit(String what, Unit unit, SqlWork<T> work) {
        try {
            return work.run(unit.connection);
        } catch (SQLException e) {
            JdbcStorageException failure = new JdbcStorageException("Storage failed to " + what, e);
            unit.failedWrite = failure;
            throw failure;
        } catch (VersionConflict e) {
            if (!e.clean()) {
                unit.failedWrite = e;
            }
            throw e;
        } catch (RuntimeException | Error e) {
            unit.failedWrite = e;
            throw e;
        }
    }

    private static <T> T writeOwned(Connection c, SqlWork<T> work) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        if (autoCommit) {
            c.setAutoCommit(false);
        }
        try {
            T result = work.run(c);
            c.commit();
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            rollbackQuietly(c, e);
            throw e;
        } finally {
            if (autoCommit) {
                try {
                    c.setAutoCommit(true);
                } catch (SQLException e) {
                    LOG.log(Level.DEBUG, "could not restore auto-commit", Redaction.scrub(e));
                }
            }
        }
    }

    private static <T> T writeInHost(String what, Connection c, SqlWork<T> work) {
        Savepoint sp;
        try {
            if (c.getAutoCommit()) {
                throw new IllegalStateException("The host's connection is in auto-commit mode, so [" + what
                        + "] cannot store state and audit entry atomically; call the storage inside the host's"
                        + " transaction (setAutoCommit(false)) or use ConnectionProvider.managed(dataSource)");
            }
            sp = c.setSavepoint();
        } catch (SQLException e) {
            throw new JdbcStorageException("Storage failed to " + what, e);
        }
        try {
            T result = work.run(c);
            try {
                c.releaseSavepoint(sp);
            } catch (SQLException e) {
                LOG.log(Level.DEBUG, "could not release a savepoint; it ends with the host's transaction", Redaction.scrub(e));
            }
            return result;
        } catch (SQLException e) {
            rollbackQuietly(c, sp, e);
            throw new JdbcStorageException("Storage failed to " + what, e);
        } catch (RuntimeException | Error e) {
            rollbackQuietly(c, sp, e);
            throw e;
        }
    }

    /**
     * Runs a read (on the bound or host connection if there is one, else on a fresh connection).
     *
     * @param what what is being done, for error messages
     * @param work the work
     * @param <T> result type
     * @return the result
     * @throws JdbcStorageException on a database failure
     */
    public <T> T read(String what, SqlWork<T> work) {
        Connection b = bound.get();
        try {
            if (b != null) {
                return work.run(b);
            }
            Connection c = acquire(what);
            try {
                return work.run(c);
            } finally {
                release(c);
            }
        } catch (SQLException e) {
            throw new JdbcStorageException("Storage failed to " + what, e);
        }
    }

    private Connection acquire(String what) {
        try {
            return provider.acquire();
        } catch (SQLException e) {
            throw new JdbcStorageException("No database connection to " + what, e);
        }
    }

    private void release(Connection c) {
        try {
            provider.release(c);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "could not release a connection", Redaction.scrub(e));
        }
    }

    private static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void rollbackQuietly(Connection c, Savepoint sp, Throwable cause) {
        try {
            c.rollback(sp);
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /**
     * Whether a failure is a deadlock or serialization failure that a fresh attempt may not meet.
     *
     * @param e the failure
     * @return true if retrying the whole transaction is sensible
     */
    static boolean isRetryable(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            return false;
        }
        // 40001 serialization failure / deadlock (all three), 40P01 PostgreSQL deadlock, 90131 H2 concurrent update
        return state.equals("40001") || state.equals("40P01") || state.equals("90131")
                || (state.equals("HY000") && e.getErrorCode() == 1205) || (state.equals("41000") && e.getErrorCode() == 1205);
    }

    /**
     * Whether a failure is a unique-key violation (a duplicate id or audit sequence).
     *
     * @param e the failure
     * @return true for a duplicate key
     */
    public static boolean isDuplicateKey(@Nullable SQLException e) {
        if (e == null) {
            return false;
        }
        if (e.getNextException() != null && e.getNextException() != e && isDuplicateKey(e.getNextException())) {
            return true;
        }
        String state = e.getSQLState();
        return "23505".equals(state) || ("23000".equals(state) && e.getErrorCode() == 1062);
    }
}
