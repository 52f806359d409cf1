package org.dualprevention.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.HiddenDangerAction;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.organization.ActorId;
import org.dualprevention.spi.AuditLog;
import org.dualprevention.spi.Page;
import org.dualprevention.spi.PageRequest;

/**
 * The append-only audit log in {@code dp_audit_entry}: one row per entry, every component in its own
 * column (the instant as its ISO-8601 text, exactly as hashed), keyed by (hidden danger, sequence).
 *
 * @since 0.1
 */
public final class JdbcAuditLog implements AuditLog {
    private static final String INSERT = "INSERT INTO dp_audit_entry (danger_id, seq, actor_id, at_text, action,"
            + " state_before, state_after, data, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** The SELECT of one page of a chain: hidden danger id, sequence after, limit. */
    public static final String ENTRIES = "SELECT seq, actor_id, at_text, action, state_before, state_after,"
            + " data, previous_hash, hash FROM dp_audit_entry WHERE danger_id = ? AND seq > ? ORDER BY seq LIMIT ?";

    private final Transactions tx;

    /**
     * Creates the log.
     *
     * @param tx transactions
     */
    public JdbcAuditLog(Transactions tx) {
        this.tx = tx;
    }

    /**
     * Appends entries (inside the caller's transaction); a duplicate (hidden danger, sequence) is a
     * {@link VersionConflict}.
     *
     * @param c connection in a transaction
     * @param entries entries
     * @throws SQLException on failure
     */
    static void insert(Connection c, Collection<AuditEntry> entries) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            int n = 0;
            for (AuditEntry e : entries) {
                ps.setString(1, e.dangerId().value());
                ps.setLong(2, e.sequence());
                ps.setString(3, e.actor().value());
                ps.setString(4, e.at().toString());
                ps.setString(5, e.action().code());
                if (e.stateBefore().isPresent()) {
                    ps.setString(6, e.stateBefore().get().code());
                } else {
                    ps.setNull(6, Types.VARCHAR);
                }
                ps.setString(7, e.stateAfter().code());
                ps.setString(8, e.data());
                ps.setString(9, e.previousHash());
                ps.setString(10, e.hash());
                if (entries.size() == 1) {
                    ps.executeUpdate();
                } else {
                    ps.addBatch();
                    if (++n % 500 == 0) {
                        ps.executeBatch();
                    }
                }
            }
            if (entries.size() > 1 && n % 500 != 0) {
                ps.executeBatch();
            }
        } catch (SQLException e) {
            if (entries.size() == 1 && Transactions.isDuplicateKey(e)) {
                throw new VersionConflict();
            }
            throw e;
        }
    }

    @Override
    public Page<AuditEntry> entries(HiddenDangerId danger, PageRequest page) {
        Objects.requireNonNull(danger, "danger");
        Objects.requireNonNull(page, "page");
        long after;
        Optional<String[]> token = Sql.untoken(page.after(), 1);
        try {
            after = token.map(t -> Long.parseLong(t[0])).orElse(0L);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("page token [" + page.after().orElseThrow() + "] is not a position of an audit log", e);
        }
        return tx.read("read the audit log of [" + danger + "]", c -> {
            List<AuditEntry> out = new ArrayList<>();
            boolean more = false;
            try (PreparedStatement ps = c.prepareStatement(ENTRIES)) {
                ps.setString(1, danger.value());
                ps.setLong(2, after);
                ps.setInt(3, page.limit() + 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (out.size() == page.limit()) {
                            more = true;
                            break;
                        }
                        String before = rs.getString(5);
                        out.add(new AuditEntry(danger, rs.getLong(1), ActorId.of(rs.getString(2)), Instant.parse(rs.getString(3)),
                                HiddenDangerAction.fromCode(rs.getString(4)),
                                before == null ? Optional.empty() : Optional.of(HiddenDangerState.fromCode(before)),
                                HiddenDangerState.fromCode(rs.getString(6)), rs.getString(7), rs.getString(8).trim(),
                                rs.getString(9).trim()));
                    }
                }
            }
            Optional<String> next = more ? Optional.of(Sql.token(Long.toString(out.get(out.size() - 1).sequence())))
                    : Optional.empty();
            return Page.of(out, next);
        });
    }
}
