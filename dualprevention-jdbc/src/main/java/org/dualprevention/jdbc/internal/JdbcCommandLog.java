package org.dualprevention.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.StaleVersionException;
import org.dualprevention.danger.CommandId;
import org.dualprevention.danger.CommandRecord;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.spi.CommandLog;

/**
 * The command log in {@code dp_command} (rule S21), keyed by (tenant, command id); written in the transaction of
 * the change ({@link Transactions#unit}).
 *
 * @since 0.2
 */
public final class JdbcCommandLog implements CommandLog {
    private final Transactions tx;
    private final String tenant;

    /**
     * Creates the log.
     *
     * @param tx transactions
     * @param tenant the enterprise this store serves
     */
    public JdbcCommandLog(Transactions tx, String tenant) {
        this.tx = tx;
        this.tenant = tenant;
    }

    @Override
    public Optional<CommandRecord> find(CommandId id) {
        Objects.requireNonNull(id, "id");
        return tx.read("find command [" + id + "]", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT fingerprint, danger_id, seq FROM dp_command"
                    + " WHERE tenant_id = ? AND command_id = ?")) {
                ps.setString(1, tenant);
                ps.setString(2, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new CommandRecord(id, rs.getString(1), HiddenDangerId.of(rs.getString(2)),
                            rs.getLong(3)));
                }
            }
        });
    }

    @Override
    @SuppressWarnings("NullAway") // a SqlWork<Void> returns null: no result
    public void record(CommandRecord record) {
        Objects.requireNonNull(record, "record");
        try {
            tx.write("record command [" + record.id() + "]", c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO dp_command (tenant_id, command_id,"
                        + " fingerprint, danger_id, seq) VALUES (?, ?, ?, ?, ?)")) {
                    ps.setString(1, tenant);
                    ps.setString(2, record.id().value());
                    ps.setString(3, record.fingerprint());
                    ps.setString(4, record.dangerId().value());
                    ps.setLong(5, record.sequence());
                    ps.executeUpdate();
                } catch (SQLException e) {
                    if (Transactions.isDuplicateKey(e)) {
                        throw new VersionConflict();
                    }
                    throw e;
                }
                return null;
            });
        } catch (VersionConflict e) {
            throw new StaleVersionException("command " + record.id(), 0, 1);
        }
    }
}
