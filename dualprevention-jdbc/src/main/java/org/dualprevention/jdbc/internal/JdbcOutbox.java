package org.dualprevention.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.OutboxEntry;
import org.dualprevention.jdbc.Dialect;
import org.dualprevention.spi.Outbox;

/**
 * The outbox in {@code dp_outbox} (rule S22): a row per change whose events are pending, inserted in the
 * transaction of the change and deleted once delivered, so pending events survive a restart.
 *
 * @since 0.2
 */
public final class JdbcOutbox implements Outbox {
    private final Transactions tx;
    private final String tenant;
    private final String insertIfAbsent;

    /**
     * Creates the outbox.
     *
     * @param tx transactions
     * @param tenant the enterprise this store serves
     * @param dialect the database's dialect (an entry pending already is skipped without an error, so the unit
     *     of work it joins needs no savepoint)
     */
    public JdbcOutbox(Transactions tx, String tenant, Dialect dialect) {
        this.tx = tx;
        this.tenant = tenant;
        String columns = "dp_outbox (tenant_id, danger_id, seq)";
        switch (dialect) {
            case POSTGRESQL:
                insertIfAbsent = "INSERT INTO " + columns + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING";
                break;
            case H2:
                insertIfAbsent = "MERGE INTO " + columns + " KEY (tenant_id, danger_id, seq) VALUES (?, ?, ?)";
                break;
            default:
                // not ON DUPLICATE KEY UPDATE: the least-privilege runtime role has no UPDATE on the outbox; the
                // row's values are a stored hidden danger's id and a number, so IGNORE only skips the duplicate
                insertIfAbsent = "INSERT IGNORE INTO " + columns + " VALUES (?, ?, ?)";
                break;
        }
    }

    @Override
    public void add(OutboxEntry entry) {
        Objects.requireNonNull(entry, "entry");
        try {
            addRow(entry);
        } catch (VersionConflict pendingAlready) {
            // pending already: nothing changes
        }
    }

    @SuppressWarnings("NullAway") // a SqlWork<Void> returns null: no result
    private void addRow(OutboxEntry entry) {
        tx.write("add outbox entry [" + entry.dangerId() + " #" + entry.sequence() + "]", c -> {
            try (PreparedStatement ps = c.prepareStatement(insertIfAbsent)) {
                ps.setString(1, tenant);
                ps.setString(2, entry.dangerId().value());
                ps.setLong(3, entry.sequence());
                ps.executeUpdate();
            } catch (SQLException e) {
                if (!Transactions.isDuplicateKey(e)) {
                    throw e;
                }
                throw new VersionConflict();
            }
            return null;
        });
    }

    @Override
    public List<OutboxEntry> pending(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit [" + limit + "]; allowed: 1 or more");
        }
        return tx.read("read the outbox", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT danger_id, seq FROM dp_outbox WHERE tenant_id = ?"
                    + " ORDER BY danger_id, seq LIMIT ?")) {
                ps.setString(1, tenant);
                ps.setInt(2, limit);
                List<OutboxEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new OutboxEntry(HiddenDangerId.of(rs.getString(1)), rs.getLong(2)));
                    }
                }
                return out;
            }
        });
    }

    @Override
    @SuppressWarnings("NullAway") // a SqlWork<Void> returns null: no result
    public void delivered(OutboxEntry entry) {
        Objects.requireNonNull(entry, "entry");
        tx.write("mark outbox entry [" + entry.dangerId() + " #" + entry.sequence() + "] delivered", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM dp_outbox WHERE tenant_id = ? AND danger_id = ?"
                    + " AND seq = ?")) {
                ps.setString(1, tenant);
                ps.setString(2, entry.dangerId().value());
                ps.setLong(3, entry.sequence());
                ps.executeUpdate();
            }
            return null;
        });
    }
}
